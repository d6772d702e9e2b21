// One source for the issue model shared by core's BeatplanError and @beatplan/tsp's TspError.
// Self-contained on purpose: `npm run build` copies this file into packages/tsp/src/generated/shared/
// (tsp depends on no other beatplan package), so both error classes are built from the same code.

/** A parameter of a keyed reason: data only (a number, a text, a flag or a list of numbers or texts). */
export type ReasonParam = string | number | boolean | readonly (string | number)[];

/**
 * A hand-written reason: a key `<package>.<name>` of a reason catalogue (core's, which holds every
 * package's) and its parameters. Made by core's `issueReason` (tsp: its own `tspReason`).
 */
export type KeyedReason = { readonly key: `${string}.${string}` } & { readonly [param: string]: ReasonParam };

/**
 * Why a value is wrong, as data, so that a reason can be rendered in any language (core's
 * `formatIssue(issue, { locale })`): a schema reason (a key from a closed set and its parameters,
 * which every issue made from a zod error carries) or a {@link KeyedReason} (every hand-written issue).
 */
export type IssueReason = SchemaReason | KeyedReason;

/** The reasons of schema (zod) issues: a closed set of keys, each with its parameters. */
export type SchemaReason =
  | { key: 'required' }
  | { key: 'type'; expected: string }
  | { key: 'finite' }
  | { key: 'one_of'; values: string[] }
  | { key: 'not_empty' }
  | { key: 'min_length'; minimum: number }
  | { key: 'max_length'; maximum: number }
  | { key: 'min_items'; minimum: number }
  | { key: 'max_items'; maximum: number }
  | { key: 'min'; minimum: number | string; inclusive: boolean }
  | { key: 'max'; maximum: number | string; inclusive: boolean }
  | { key: 'format'; format: string }
  | { key: 'multiple_of'; divisor: number | string }
  | { key: 'no_match' }
  | { key: 'unknown_field' }
  | { key: 'invalid_key' }
  | { key: 'invalid_element' };

/** The keys of {@link SchemaReason}, a closed set. */
export type IssueReasonKey = SchemaReason['key'];

/** One problem found in the input: where, what was there, and why it is wrong. */
export interface Issue {
  /** Path of the offending field, e.g. `['retailers', 12, 'location', 'lat']`; `[]` for the whole input. */
  path: (string | number)[];
  /** Why the value is wrong, in a short phrase without the value (`latitude must be within [-90, 90]`). */
  message: string;
  /** The offending value. Absent when the field is missing (the key itself is absent, not `undefined`). */
  value?: unknown;
  /** Import only: the 1-based data row (CSV: the header is not counted; GeoJSON: the feature number). */
  row?: number;
  /** The reason as data, for rendering in other languages; absent when only `message` exists. */
  reason?: IssueReason;
}

/** The one cap: an error keeps at most this many issues; the rest are only counted (`omittedIssues`). */
export const MAX_ISSUES = 1000;

/** How many issues an error's one-line message shows before `(and N more)`; all are kept in `issues`. */
export const ISSUES_IN_MESSAGE = 5;

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

/** `[row N, ]path: message[, received value]`. */
export function formatIssue(issue: Issue): string {
  const row = issue.row !== undefined ? `row ${issue.row}${issue.path.length ? ', ' : ': '}` : '';
  const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
  const got = 'value' in issue ? `, received ${formatValue(issue.value)}` : '';
  return `${row}${where}${issue.message}${got}`;
}

/** What an error constructor makes of its arguments: never an empty list, at most {@link MAX_ISSUES}. */
export interface ErrorParts<I extends Issue> {
  issues: I[];
  omittedIssues: number;
  message: string;
}

/**
 * The issues, the count of omitted ones and the message of an error: a string becomes one issue with
 * an empty path; an empty list becomes one issue saying the code; past {@link MAX_ISSUES} the rest
 * are counted in `omittedIssues`; the message shows {@link ISSUES_IN_MESSAGE} issues joined by `; `,
 * then `(and N more)` with N = every issue found but not shown (kept or omitted).
 */
export function errorParts<I extends Issue>(
  code: string,
  issuesOrMessage: readonly I[] | string,
  omittedIssues = 0,
): ErrorParts<I> {
  let issues: I[];
  if (typeof issuesOrMessage === 'string') issues = [{ path: [], message: issuesOrMessage } as Issue as I];
  else if (issuesOrMessage.length === 0)
    issues = [{ path: [], message: code.toLowerCase().replace(/_/g, ' ') } as Issue as I];
  else issues = issuesOrMessage.slice(0, MAX_ISSUES);
  const omitted =
    Math.max(0, Math.floor(omittedIssues)) +
    (typeof issuesOrMessage === 'string' ? 0 : Math.max(0, issuesOrMessage.length - MAX_ISSUES));
  const shown = issues.slice(0, ISSUES_IN_MESSAGE).map(formatIssue).join('; ');
  const more = issues.length + omitted - Math.min(issues.length, ISSUES_IN_MESSAGE);
  return { issues, omittedIssues: omitted, message: more > 0 ? `${shown} (and ${more} more)` : shown };
}
