/** One problem found in the input: where, what was there, and why it is wrong. */
export interface TspIssue {
  /** Path of the offending field, e.g. `['matrix', 2, 3]` or `['options', 'start']`. */
  path: (string | number)[];
  /** Why the value is wrong, in a short sentence. */
  message: string;
  /** The offending value (absent when the field is missing). */
  value?: unknown;
}

/**
 * Stable error codes of `@beatplan/tsp` (the project-wide table is in docs/errors.md).
 *
 * - `INVALID_INPUT`: the matrix, points or options break the contract (see `issues`).
 * - `TSPLIB_PARSE`: a TSPLIB file could not be read (unknown keyword value, missing section, ...).
 * - `TOO_LARGE`: the instance needs more memory than the exact solver may use.
 * - `TIME_LIMIT`: `timeLimitMs` ran out before any route existed (while a huge input was still being read);
 *   once a route exists, every method returns the best one known instead.
 * - `INFEASIBLE`: no route meets the time windows and the end time; `issues` name the stops that cannot be served.
 * - `ABORTED`: the caller's AbortSignal fired (every method, every stage).
 * - `INTERNAL`: the WebAssembly core reported an inconsistency; this is a bug, please report it.
 */
export type TspErrorCode =
  | 'INVALID_INPUT'
  | 'TSPLIB_PARSE'
  | 'TOO_LARGE'
  | 'TIME_LIMIT'
  | 'INFEASIBLE'
  | 'ABORTED'
  | 'INTERNAL';

function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/** Formats an issue as `matrix[2][3]: cost must be finite, received NaN`. */
export function formatIssue(issue: TspIssue): string {
  const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
  const got = 'value' in issue ? `, received ${formatValue(issue.value)}` : '';
  return `${where}${issue.message}${got}`;
}

/**
 * The error thrown by every function of `@beatplan/tsp`. It carries a stable `code`, the list of
 * `issues` (path, message, value) for input errors, and the first issue's `path` and `value`.
 *
 * @example
 * try { await solve({ matrix: [[0, 1], [1]] }); }
 * catch (e) { if (e instanceof TspError) console.log(e.code, e.path); } // INVALID_INPUT ['matrix', 1]
 */
export class TspError extends Error {
  override readonly name = 'TspError';
  readonly code: TspErrorCode;
  readonly issues: TspIssue[];
  readonly path: (string | number)[];
  readonly value: unknown;

  constructor(code: TspErrorCode, issuesOrMessage: TspIssue[] | string, options?: { cause?: unknown }) {
    const issues = typeof issuesOrMessage === 'string' ? [{ path: [], message: issuesOrMessage }] : issuesOrMessage;
    const shown = issues.slice(0, 5).map(formatIssue).join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(shown + more, options);
    this.code = code;
    this.issues = issues;
    this.path = issues[0]?.path ?? [];
    this.value = issues[0]?.value;
  }
}
