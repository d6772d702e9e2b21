import { errorParts, formatIssue as formatSharedIssue, type Issue } from './generated/shared/issue-format.js';

export { ISSUES_IN_MESSAGE, MAX_ISSUES } from './generated/shared/issue-format.js';

/** One problem found in the input: where (`path`), what was there (`value`) and why (`message`). */
export type TspIssue = Issue;

/**
 * Stable error codes of `@beatplan/tsp`, a subset of core's `BEATPLAN_ERROR_CODES` (the
 * project-wide table is docs/errors.md).
 *
 * - `INVALID_INPUT`: the matrix, points or options break the contract (see `issues`).
 * - `TSPLIB_PARSE`: a TSPLIB file could not be read (unknown keyword value, missing section, ...).
 * - `TOO_LARGE`: the instance needs more memory than the exact solver may use.
 * - `TIME_LIMIT`: the time limit ran out before any route existed.
 * - `INFEASIBLE`: no route meets the time windows and the end time; `issues` name the stops that cannot be served.
 * - `ABORTED`: the caller's AbortSignal fired before any answer existed.
 * - `INTERNAL`: the WebAssembly core reported an inconsistency; this is a bug, please report it.
 */
export type TspErrorCode =
  | 'INVALID_INPUT'
  | 'TSPLIB_PARSE'
  | 'TOO_LARGE'
  | 'TIME_LIMIT'
  | 'INFEASIBLE'
  | 'ABORTED'
  | 'WASM_BLOCKED'
  | 'INTERNAL';

/**
 * Formats an issue as one line, exactly as core's `formatIssue` does (the same code).
 *
 * @param issue - the issue.
 * @returns e.g. `matrix[2][3]: cost must be finite, received NaN`.
 * @throws never.
 * @example
 * formatIssue({ path: ['matrix', 2, 3], message: 'cost must be finite', value: Number.NaN });
 * // 'matrix[2][3]: cost must be finite, received NaN'
 */
export function formatIssue(issue: TspIssue): string {
  return formatSharedIssue(issue);
}

/**
 * The error thrown by every function of `@beatplan/tsp`. It has the shape of core's `BeatplanError`
 * and is built by the same code (core's `isBeatplanError` recognises both; territory and inspection
 * turn it into a BeatplanError with this one as `cause`): a stable `code`, `issues` (never empty; at
 * most `MAX_ISSUES`, the rest counted in `omittedIssues`), the first issue's `path` and `value`, and
 * `cause`. The message shows the first `ISSUES_IN_MESSAGE` (5) issues, then `(and N more)`.
 *
 * @example
 * try { await solve({ matrix: [[0, 1], [1]] }); }
 * catch (e) { if (e instanceof TspError) console.log(e.code, e.path); } // INVALID_INPUT ['matrix', 1]
 */
export class TspError extends Error {
  override readonly name = 'TspError';
  readonly code: TspErrorCode;
  /** Every problem found, at most `MAX_ISSUES` (see `omittedIssues`). Never empty. */
  readonly issues: TspIssue[];
  /** The first issue's path (`[]` when the error is not about one field). */
  readonly path: (string | number)[];
  /** The first issue's value (`undefined` when it has none). */
  readonly value: unknown;
  /** How many further issues were found but not kept. */
  readonly omittedIssues: number;

  /**
   * @param code - the stable error code.
   * @param issuesOrMessage - the issues, or one message (becomes one issue with an empty path).
   * @param options - `cause` and `omittedIssues` (issues found beyond those passed).
   */
  constructor(
    code: TspErrorCode,
    issuesOrMessage: readonly TspIssue[] | string,
    options: { cause?: unknown; omittedIssues?: number } = {},
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
