import { errorParts, type Issue, ISSUES_IN_MESSAGE, MAX_ISSUES } from './internal/shared/issue-format.js';

export { ISSUES_IN_MESSAGE, MAX_ISSUES };

/**
 * Every stable error code of the beatplan project, `@beatplan/tsp`'s included, in the order of the
 * table in docs/errors.md (a test keeps the two equal). The set is closed: hosts may `switch` on it.
 *
 * | code | category | meaning |
 * | --- | --- | --- |
 * | `INVALID_INPUT` | input | a value broke a schema or a function's contract (see `issues`) |
 * | `IMPORT_FAILED` | input | a CSV/GeoJSON import found bad rows; `issues` lists every one (with `row`) |
 * | `UNSUPPORTED_CRS` | input | a coordinate reference system other than WGS84, GCJ02, BD09 |
 * | `UNKNOWN_REFERENCE` | input | an id refers to nothing given (a visit's `retailerId` with no such retailer) |
 * | `TSPLIB_PARSE` | input | a TSPLIB file could not be read (tsp) |
 * | `TOO_LARGE` | input | the instance needs more memory than allowed (tsp; planners pass it on) |
 * | `INFEASIBLE` | input | no route meets the time windows and the end time (tsp; planners pass it on) |
 * | `NO_POSITION` | environment | no position can be estimated (no known cell tower or access point observed) |
 * | `PERMISSION_DENIED` | environment | the user or platform refused access to the position |
 * | `PROVIDER_UNAVAILABLE` | environment | a positioning provider is down or unreachable (after retries) |
 * | `PROVIDER_TIMEOUT` | environment | a positioning provider did not answer in time |
 * | `PROVIDER_RESPONSE_INVALID` | environment | a provider answered with something that is not a valid answer |
 * | `TIME_LIMIT` | environment | the time limit ran out before any answer existed (tsp) |
 * | `ABORTED` | environment | the caller's AbortSignal fired before an answer existed |
 * | `INTERNAL` | internal | an inconsistency inside beatplan: a bug, please report it |
 */
export const BEATPLAN_ERROR_CODES = [
  'INVALID_INPUT',
  'IMPORT_FAILED',
  'UNSUPPORTED_CRS',
  'UNKNOWN_REFERENCE',
  'TSPLIB_PARSE',
  'TOO_LARGE',
  'INFEASIBLE',
  'NO_POSITION',
  'PERMISSION_DENIED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_RESPONSE_INVALID',
  'TIME_LIMIT',
  'ABORTED',
  'WASM_BLOCKED',
  'INTERNAL',
] as const;

/** A stable error code, see {@link BEATPLAN_ERROR_CODES}. */
export type BeatplanErrorCode = (typeof BEATPLAN_ERROR_CODES)[number];

/**
 * One problem found in the input: where (`path`, `row`), what was there (`value`), why (`message`, in
 * English) and, where known, why as data (`reason`: a key and its parameters, for other languages).
 */
export type BeatplanIssue = Issue;

/** Why a value is wrong, as data (a schema reason or a keyed hand-written one, with parameters); see `formatIssue`. */
export type {
  IssueReason,
  IssueReasonKey,
  KeyedReason,
  ReasonParam,
  SchemaReason,
} from './internal/shared/issue-format.js';

/** Options of the {@link BeatplanError} constructor. */
export interface BeatplanErrorOptions {
  /** The error that led to this one (a ZodError, a network error, ...). */
  cause?: unknown;
  /** How many further issues were found but not kept in `issues` (imports cap the list). Default 0. */
  omittedIssues?: number;
}

/**
 * The one error class of the beatplan project. Every package throws it (`@beatplan/tsp`, which
 * depends on no other package, throws a `TspError` built by the same code: same fields, same message;
 * {@link isBeatplanError} recognises both). It carries a stable `code`, the list of `issues` (path,
 * message, value, row; never empty; at most {@link MAX_ISSUES}, the rest counted in `omittedIssues`),
 * the first issue's `path` and `value`, and `cause`.
 *
 * The message lists the first {@link ISSUES_IN_MESSAGE} (5) issues joined by `; `, then
 * `(and N more)`, N counting every other issue found, kept or omitted. The codes are tabled in
 * docs/errors.md.
 *
 * @example
 * try {
 *   parseOrThrow(CoordinatesSchema, { lng: 116.4, lat: 123.4 }, ['retailers', 12, 'location']);
 * } catch (e) {
 *   if (e instanceof BeatplanError && e.code === 'INVALID_INPUT') console.log(e.message);
 *   // retailers[12].location.lat: latitude must be within [-90, 90], received 123.4
 * }
 */
export class BeatplanError extends Error {
  override readonly name = 'BeatplanError';
  /** Stable code, see {@link BeatplanErrorCode}. */
  readonly code: BeatplanErrorCode;
  /** Every problem found, at most {@link MAX_ISSUES} (see `omittedIssues`). Never empty. */
  readonly issues: BeatplanIssue[];
  /** The first issue's path (`[]` when the error is not about one field). */
  readonly path: (string | number)[];
  /** The first issue's value (`undefined` when it has none). */
  readonly value: unknown;
  /** How many further issues were found but not kept (past {@link MAX_ISSUES}, or an import's `maxIssues`). */
  readonly omittedIssues: number;

  /**
   * @param code - the stable error code.
   * @param issuesOrMessage - the issues, or one message (becomes one issue with an empty path).
   * @param options - `cause` and `omittedIssues`.
   */
  constructor(
    code: BeatplanErrorCode,
    issuesOrMessage: readonly BeatplanIssue[] | string,
    options: BeatplanErrorOptions = {},
  ) {
    const parts = errorParts(code, issuesOrMessage, options.omittedIssues);
    super(parts.message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.issues = parts.issues;
    this.path = parts.issues[0]?.path ?? [];
    this.value = parts.issues[0]?.value;
    this.omittedIssues = parts.omittedIssues;
  }
}

/**
 * What every beatplan error has, whichever class threw it: core's {@link BeatplanError} or
 * `@beatplan/tsp`'s `TspError` (built by the same code, see docs/errors.md).
 */
export interface BeatplanErrorLike extends Error {
  readonly name: 'BeatplanError' | 'TspError';
  readonly code: BeatplanErrorCode;
  readonly issues: BeatplanIssue[];
  readonly path: (string | number)[];
  readonly value: unknown;
  readonly omittedIssues: number;
}

/**
 * The one guard for beatplan errors: tells whether a value is a {@link BeatplanError} or a
 * `@beatplan/tsp` `TspError` (the same shape), optionally of one code. Works across bundle copies
 * (checks `name` and `code`, not `instanceof`).
 *
 * @param error - anything caught.
 * @param code - when given, the code it must have.
 * @returns true when it is a beatplan error (with that code).
 * @throws never.
 * @example
 * isBeatplanError(new BeatplanError('PROVIDER_TIMEOUT', 'no answer in 5000 ms'), 'PROVIDER_TIMEOUT'); // true
 */
export function isBeatplanError(error: unknown, code?: BeatplanErrorCode): error is BeatplanErrorLike {
  if (!(error instanceof Error) || (error.name !== 'BeatplanError' && error.name !== 'TspError')) return false;
  const own = (error as { code?: unknown }).code;
  const issues = (error as { issues?: unknown }).issues;
  return typeof own === 'string' && Array.isArray(issues) && (code === undefined || own === code);
}

/**
 * The error a package throws when a call into another one failed: a `TspError` (or a copy of
 * BeatplanError from another bundle) becomes a {@link BeatplanError} with the same code, issues and
 * count, and the original as `cause`; a BeatplanError is returned as it is; anything else is `undefined`
 * (rethrow it).
 *
 * @param error - anything caught.
 * @returns the BeatplanError to throw, or `undefined`.
 * @throws never.
 * @example
 * const e = new BeatplanError('INFEASIBLE', 'stop 3 cannot be served');
 * toBeatplanError(e) === e;               // true
 * toBeatplanError(new Error('disk full')); // undefined
 */
export function toBeatplanError(error: unknown): BeatplanError | undefined {
  if (error instanceof BeatplanError) return error;
  if (!isBeatplanError(error) || !(BEATPLAN_ERROR_CODES as readonly string[]).includes(error.code)) return undefined;
  return new BeatplanError(error.code, error.issues, { cause: error, omittedIssues: error.omittedIssues });
}
