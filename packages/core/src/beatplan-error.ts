/**
 * Stable error codes of the beatplan project. The set is closed: hosts may `switch` on it.
 *
 * | code | category | meaning |
 * | --- | --- | --- |
 * | `INVALID_INPUT` | input | a value broke a schema or a function's contract (see `issues`) |
 * | `IMPORT_FAILED` | input | a CSV/GeoJSON import found bad rows; `issues` lists every one (with `row`) |
 * | `UNSUPPORTED_CRS` | input | a coordinate reference system other than WGS84, GCJ02, BD09 |
 * | `UNKNOWN_REFERENCE` | input | an id refers to nothing given (a visit's `retailerId` with no such retailer) |
 * | `NO_POSITION` | environment | no position can be estimated (no known cell tower or access point observed) |
 * | `PERMISSION_DENIED` | environment | the user or platform refused access to the position |
 * | `PROVIDER_UNAVAILABLE` | environment | a positioning provider is down or unreachable (after retries) |
 * | `PROVIDER_TIMEOUT` | environment | a positioning provider did not answer in time |
 * | `PROVIDER_RESPONSE_INVALID` | environment | a provider answered with something that is not a valid answer |
 * | `ABORTED` | environment | the caller's AbortSignal fired before an answer existed |
 * | `INTERNAL` | internal | an inconsistency inside beatplan: a bug, please report it |
 */
export type BeatplanErrorCode =
  | 'INVALID_INPUT'
  | 'IMPORT_FAILED'
  | 'UNSUPPORTED_CRS'
  | 'UNKNOWN_REFERENCE'
  | 'NO_POSITION'
  | 'PERMISSION_DENIED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_TIMEOUT'
  | 'PROVIDER_RESPONSE_INVALID'
  | 'ABORTED'
  | 'INTERNAL';

/** All {@link BeatplanErrorCode} values, in table order (for docs, exhaustive checks and tests). */
export const BEATPLAN_ERROR_CODES: readonly BeatplanErrorCode[] = [
  'INVALID_INPUT',
  'IMPORT_FAILED',
  'UNSUPPORTED_CRS',
  'UNKNOWN_REFERENCE',
  'NO_POSITION',
  'PERMISSION_DENIED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_RESPONSE_INVALID',
  'ABORTED',
  'INTERNAL',
];

/** One problem found in the input: where, what was there, and why it is wrong. */
export interface BeatplanIssue {
  /** Path of the offending field, e.g. `['retailers', 12, 'location', 'lat']`; `[]` for the whole input. */
  path: (string | number)[];
  /** Why the value is wrong, in a short phrase without the value (`latitude must be within [-90, 90]`). */
  message: string;
  /** The offending value. Absent when the field is missing (the key itself is absent, not `undefined`). */
  value?: unknown;
  /** Import only: the 1-based data row (CSV: the header is not counted; GeoJSON: the feature number). */
  row?: number;
}

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/**
 * Formats one issue as a single line: `[row N, ]path: message[, received value]`.
 *
 * @param issue - the issue to format.
 * @returns e.g. `retailers[12].location.lat: latitude must be within [-90, 90], received 123.4`.
 * @throws never.
 * @example
 * formatIssue({ path: ['retailers', 12, 'location', 'lat'], message: 'latitude must be within [-90, 90]', value: 123.4 });
 * // 'retailers[12].location.lat: latitude must be within [-90, 90], received 123.4'
 * formatIssue({ path: ['lat'], row: 3, message: 'latitude must be a number', value: 'abc' });
 * // 'row 3, lat: latitude must be a number, received "abc"'
 */
export function formatIssue(issue: BeatplanIssue): string {
  const row = issue.row !== undefined ? `row ${issue.row}${issue.path.length ? ', ' : ': '}` : '';
  const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
  const got = 'value' in issue ? `, received ${formatValue(issue.value)}` : '';
  return `${row}${where}${issue.message}${got}`;
}

/** How many issues the error message shows before `(and N more)`. All are kept in `issues`. */
const SHOWN_IN_MESSAGE = 5;

/** Options of the {@link BeatplanError} constructor. */
export interface BeatplanErrorOptions {
  /** The error that led to this one (a ZodError, a network error, ...). */
  cause?: unknown;
  /** How many further issues were found but not kept in `issues` (imports cap the list). Default 0. */
  omittedIssues?: number;
}

/**
 * The one error class of the beatplan project. Every package throws it (or, for `@beatplan/tsp`,
 * a `TspError` of the same shape). It carries a stable `code`, the list of `issues` (path, message,
 * value, row) for input errors, the first issue's `path` and `value`, and `cause`.
 *
 * The message lists the first 5 issues joined by `; `, then `(and N more)`.
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
  /** Every problem found (possibly capped, see `omittedIssues`). Never empty. */
  readonly issues: BeatplanIssue[];
  /** The first issue's path (`[]` when the error is not about one field). */
  readonly path: (string | number)[];
  /** The first issue's value (`undefined` when it has none). */
  readonly value: unknown;
  /** How many further issues were found but not kept (0 unless an import hit its cap). */
  readonly omittedIssues: number;

  /**
   * @param code - the stable error code.
   * @param issuesOrMessage - the issues, or one message (becomes one issue with an empty path).
   * @param options - `cause` and `omittedIssues`.
   */
  constructor(code: BeatplanErrorCode, issuesOrMessage: BeatplanIssue[] | string, options: BeatplanErrorOptions = {}) {
    const issues =
      typeof issuesOrMessage === 'string' || issuesOrMessage.length === 0
        ? [{ path: [], message: typeof issuesOrMessage === 'string' ? issuesOrMessage : code.toLowerCase() }]
        : issuesOrMessage;
    const omitted = options.omittedIssues ?? 0;
    const shown = issues.slice(0, SHOWN_IN_MESSAGE).map(formatIssue).join('; ');
    const more = issues.length + omitted - SHOWN_IN_MESSAGE;
    super(more > 0 ? `${shown} (and ${more} more)` : shown, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.issues = issues;
    this.path = issues[0]?.path ?? [];
    this.value = issues[0]?.value;
    this.omittedIssues = omitted;
  }
}

/**
 * Tells whether a value is a {@link BeatplanError}, optionally of one code. Works across bundle copies
 * (checks `name` and `code`, not only `instanceof`).
 *
 * @param error - anything caught.
 * @param code - when given, the code it must have.
 * @returns true when it is a BeatplanError (with that code).
 * @throws never.
 * @example
 * isBeatplanError(new BeatplanError('PROVIDER_TIMEOUT', 'no answer in 5000 ms'), 'PROVIDER_TIMEOUT'); // true
 */
export function isBeatplanError(error: unknown, code?: BeatplanErrorCode): error is BeatplanError {
  if (!(error instanceof Error) || error.name !== 'BeatplanError') return false;
  const own = (error as { code?: unknown }).code;
  return typeof own === 'string' && (code === undefined || own === code);
}
