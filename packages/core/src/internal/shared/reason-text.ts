// One source for keyed reasons, shared by core and @beatplan/tsp (copied into packages/tsp/src/generated/
// shared/ by `npm run build`; see issue-format.ts). Self-contained.
import type { KeyedReason, ReasonParam } from './issue-format.js';

/**
 * English reason texts: key → a text, or a function of the reason's parameters. Keys are
 * `<package>.<name>`; the key and the parameters are what an issue carries (`reason`), so that core's
 * `formatIssue(issue, { locale })` can render the same reason from another language's catalogue.
 */
export type ReasonTexts = { readonly [key: `${string}.${string}`]: string | ((params: never) => string) };

/** The parameters a reason text takes: none for a plain text, else the function's parameter object. */
export type ReasonParams<M> = M extends (params: infer P) => string ? [params: P] : [];

/** A keyed issue's English message and its reason as data, to spread into an issue. */
export interface ReasonedMessage {
  /** The reason in English (the issue's `message`). */
  message: string;
  /** The key and its parameters. */
  reason: KeyedReason;
}

/**
 * The English message of `key` in `texts` with `params`, and the reason as data (`{ key, ...params }`).
 * Parameters are data (numbers, texts, booleans, lists of them), never a value from the input that is
 * not also shown; they are what another language's text is made from.
 */
export function reasonFrom<C extends ReasonTexts, K extends keyof C & `${string}.${string}`>(
  texts: C,
  key: K,
  ...params: ReasonParams<C[K]>
): ReasonedMessage {
  return reasonOfText(texts[key] as string | ((p: unknown) => string), key, params[0]);
}

/** {@link reasonFrom} without the types: the text, its key and its parameters (if any). */
export function reasonOfText(
  text: string | ((p: unknown) => string),
  key: `${string}.${string}`,
  params: unknown,
): ReasonedMessage {
  const p = params as { readonly [name: string]: ReasonParam } | undefined;
  const message = typeof text === 'function' ? text(p) : text;
  return { message, reason: { ...p, key } as KeyedReason };
}

/**
 * For a zod custom issue (`ctx.addIssue({ code: 'custom', ...customReason(…) })`): the message and the
 * reason kept in the issue's `params`, where `zodIssues` finds it again.
 */
export function customParams(reasoned: ReasonedMessage): { message: string; params: { reason: KeyedReason } } {
  return { message: reasoned.message, params: { reason: reasoned.reason } };
}
