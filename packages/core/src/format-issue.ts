import type {
  BeatplanErrorCode,
  BeatplanErrorLike,
  BeatplanIssue,
  IssueReason,
  IssueReasonKey,
} from './beatplan-error.js';
import { createTranslator, type TextFormat, type Translator } from './create-translator.js';
import { CORE_MESSAGES, codeKey, reasonKey } from './internal/messages.js';
import { REASONS } from './internal/reasons/all-reasons.js';
import { formatIssue as formatEnglishIssue, ISSUES_IN_MESSAGE } from './internal/shared/issue-format.js';
import type { Locale } from './schemas/locale.js';

/** Options of {@link formatIssue}, {@link formatErrorMessage} and {@link describeErrorCode}. */
export interface LocaleOptions {
  /** The language written: `'en'` (default) or `'zh-CN'` (see `LocaleSchema`). */
  locale?: Locale | undefined;
}

type CoreTranslator = Translator<(typeof CORE_MESSAGES)['en']>;

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function formatValue(value: unknown, t: CoreTranslator): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return t.t('line.nothing');
  if (Array.isArray(value)) return t.t('line.array', { length: value.length });
  if (typeof value === 'object') return t.t('line.object');
  return typeof value;
}

function localIssue(issue: BeatplanIssue, t: CoreTranslator): string {
  const row = issue.row !== undefined ? t.t('line.row', { row: issue.row, more: issue.path.length > 0 }) : '';
  const where = issue.path.length ? t.t('line.path', { path: formatPath(issue.path) }) : '';
  const reason = issue.reason ? localReason(issue.reason, issue.message, t) : issue.message;
  const got = 'value' in issue ? t.t('line.received', { value: formatValue(issue.value, t) }) : '';
  return `${row}${where}${reason}${got}`;
}

/** A reason in the translator's language: a schema reason from core's catalogue, a keyed one from REASONS. */
function localReason(reason: IssueReason, message: string, t: CoreTranslator): string {
  if (!reason.key.includes('.'))
    return (t.t as (key: string, params: unknown) => string)(reasonKey(reason.key as IssueReasonKey), reason);
  const text = REASONS[t.locale][reason.key];
  if (typeof text === 'string') return text;
  // A key this build does not know (an issue from a newer @beatplan/tsp): its English message.
  return typeof text === 'function' ? (text as (p: unknown, f: TextFormat) => string)(reason, t) : message;
}

/**
 * Formats one issue as a single line: `[row N, ]path: reason[, received value]`. In English the
 * reason is the issue's `message`; in another language it is rendered from the issue's `reason`
 * (key and parameters: every issue made from a schema error carries one, and every issue a beatplan
 * package writes by hand, through `issueReason`), and an issue without a `reason` (a host's own) keeps
 * its English `message` inside the translated line.
 *
 * @param issue - the issue to format.
 * @param options - `locale`, default `'en'`.
 * @returns e.g. `retailers[12].location.lat: latitude must be within [-90, 90], received 123.4`.
 * @throws {BeatplanError} `INVALID_INPUT` for an unknown locale.
 * @example
 * formatIssue({ path: ['retailers', 12, 'location', 'lat'], message: 'latitude must be within [-90, 90]', value: 123.4 });
 * // 'retailers[12].location.lat: latitude must be within [-90, 90], received 123.4'
 * formatIssue({ path: ['lat'], row: 3, message: 'latitude must be a number', value: 'abc' });
 * // 'row 3, lat: latitude must be a number, received "abc"'
 * formatIssue({ path: ['lat'], row: 3, message: 'must be at most 90', reason: { key: 'max', maximum: 90, inclusive: true }, value: 95 }, { locale: 'zh-CN' });
 * // '第 3 行，lat：必须不大于 90，实际为 95'
 */
export function formatIssue(issue: BeatplanIssue, options: LocaleOptions = {}): string {
  if (options.locale === undefined || options.locale === 'en') return formatEnglishIssue(issue);
  return localIssue(issue, createTranslator(CORE_MESSAGES, options.locale));
}

/**
 * A reason alone (no path, no value) in a language: a keyed reason from the reason catalogue or a
 * schema reason from core's catalogue. For reasons kept outside an issue, e.g. the partition's
 * `limits[].reasonData`.
 *
 * @param reason - the reason as data.
 * @param options - `locale`, default `'en'`.
 * @returns the reason's text; `key` itself for a key this build does not know.
 * @throws {BeatplanError} `INVALID_INPUT` for an unknown locale.
 * @example
 * formatReason({ key: 'territory.limit_deviates', manager: 'M2', deviation: 0.12 }, { locale: 'zh-CN' });
 * // '客户经理 M2 偏离 0.12'
 */
export function formatReason(reason: IssueReason, options: LocaleOptions = {}): string {
  return localReason(reason, reason.key, createTranslator(CORE_MESSAGES, options.locale));
}

/**
 * An error's one-line message in a language: the first {@link ISSUES_IN_MESSAGE} issues (each as
 * {@link formatIssue} writes it) joined, then how many more were found. In English it equals
 * `error.message`.
 *
 * @param error - a BeatplanError or a TspError.
 * @param options - `locale`, default `'en'`.
 * @returns e.g. `第 2 行，lat：必须不大于 90，实际为 "99"（另有 3 项）`.
 * @throws {BeatplanError} `INVALID_INPUT` for an unknown locale.
 * @example
 * const e = new BeatplanError('INVALID_INPUT', [{ path: ['id'], message: 'is required', reason: { key: 'required' } }]);
 * formatErrorMessage(e, { locale: 'zh-CN' }); // 'id：为必填项'
 */
export function formatErrorMessage(error: BeatplanErrorLike, options: LocaleOptions = {}): string {
  if (options.locale === undefined || options.locale === 'en') return error.message;
  const t = createTranslator(CORE_MESSAGES, options.locale);
  const shown = error.issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => localIssue(issue, t));
  const more = error.issues.length + error.omittedIssues - shown.length;
  return shown.join(t.t('line.join')) + (more > 0 ? t.t('line.more', { count: more }) : '');
}

/**
 * What an error code means, in a few words of a language (a heading for a list of issues).
 *
 * @param code - a stable error code.
 * @param options - `locale`, default `'en'`.
 * @returns e.g. `import failed`, `导入失败`.
 * @throws {BeatplanError} `INVALID_INPUT` for an unknown locale.
 * @example
 * describeErrorCode('IMPORT_FAILED', { locale: 'zh-CN' }); // '导入失败'
 */
export function describeErrorCode(code: BeatplanErrorCode, options: LocaleOptions = {}): string {
  return createTranslator(CORE_MESSAGES, options.locale).t(codeKey(code));
}
