import type { MessageParams } from './create-translator.js';
import { REASONS_EN } from './internal/reasons/all-reasons.js';
import type { KeyedReason } from './beatplan-error.js';
import { customParams, type ReasonedMessage, reasonOfText } from './internal/shared/reason-text.js';

export type { ReasonedMessage } from './internal/shared/reason-text.js';

/**
 * The key of a hand-written reason, `<package>.<name>`: one of every package's reason catalogue in
 * core (English and Chinese; tsp's English lives in its own copy of core's shared sources).
 */
export type ReasonKey = keyof typeof REASONS_EN;

/**
 * A hand-written issue's reason: its English `message` and the `reason` as data (`{ key, ...params }`),
 * to spread into an issue, so that `formatIssue(issue, { locale: 'zh-CN' })` writes it in Chinese.
 * Every issue a beatplan package writes by hand is made this way (a test reads the sources for
 * literal messages); the English text is the catalogue's, word for word what the issue said before.
 *
 * @param key - the reason's key (see {@link ReasonKey}).
 * @param params - its parameters (numbers, texts, flags, lists), when the text has any.
 * @returns `{ message, reason }`.
 * @throws never.
 * @example
 * const issue = { path: ['points'], value: 6000, ...issueReason('core.matrix_points_max', { max: 5000 }) };
 * issue.message;                               // 'a travel matrix takes at most 5000 points'
 * formatIssue(issue, { locale: 'zh-CN' });     // 'points：出行矩阵最多 5000 个点，实际为 6000'
 */
export function issueReason<K extends ReasonKey>(
  key: K,
  ...params: MessageParams<(typeof REASONS_EN)[K]>
): ReasonedMessage {
  return reasonOfText(REASONS_EN[key] as string | ((p: unknown) => string), key, params[0]);
}

/**
 * The same for a zod custom issue: `ctx.addIssue({ code: 'custom', path, input, ...customReason(key) })`
 * sets the English `message` and keeps the reason in the issue's `params`, where core's zod-to-issue
 * mapping (`parseOrThrow`) finds it again.
 *
 * @param key - the reason's key.
 * @param params - its parameters, when the text has any.
 * @returns `{ message, params: { reason } }`.
 * @throws never.
 * @example
 * const Ring = z.array(z.number()).superRefine((ring, ctx) => {
 *   if (new Set(ring).size < 3) ctx.addIssue({ code: 'custom', input: ring, ...customReason('core.ring_corners') });
 * });
 * Ring.safeParse([1, 1]).error?.issues[0]?.message; // 'ring must have at least 3 distinct corners'
 */
export function customReason<K extends ReasonKey>(
  key: K,
  ...params: MessageParams<(typeof REASONS_EN)[K]>
): ReturnType<typeof customParams> {
  return customParams(issueReason(key, ...params));
}

/** A reason kept beside a result rather than in an issue: English text and the same reason as data. */
export interface ReasonWithData {
  /** The reason in English. */
  reason: string;
  /** The same reason as data (key and parameters): `formatReason(reasonData, { locale })` writes it in any language. */
  reasonData: KeyedReason;
}

/**
 * A keyed reason for a result rather than an issue (`dropped[]`, the partition's `limits[]`): the English
 * `reason` and `reasonData`, to spread into the entry, so that `formatReason(entry.reasonData, { locale })`
 * writes it in another language.
 *
 * @param key - the reason's key (see {@link ReasonKey}).
 * @param params - its parameters, when the text has any.
 * @returns `{ reason, reasonData }`.
 * @throws never.
 * @example
 * const d = { retailerId: 'R7', ...reasonWithData('territory.no_working_day') };
 * d.reason;                                           // 'the manager has no working day'
 * formatReason(d.reasonData, { locale: 'zh-CN' });    // '该客户经理没有工作日'
 */
export function reasonWithData<K extends ReasonKey>(
  key: K,
  ...params: MessageParams<(typeof REASONS_EN)[K]>
): ReasonWithData {
  const { message, reason } = issueReason(key, ...params);
  return { reason: message, reasonData: reason };
}
