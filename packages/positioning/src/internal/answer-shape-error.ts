import { issueReason, type ReasonedMessage } from '@beatplan/core';

/**
 * An answer that does not have the service's documented shape, as an adapter's own reading finds it: a
 * keyed reason (`positioning.answer_*`) made once the service's name is known, so that the
 * `PROVIDER_RESPONSE_INVALID` issue reads in every language. The service's own words, if any, are a
 * parameter of the reason (`detail`), never the reason itself.
 */
export class AnswerShapeError extends Error {
  constructor(readonly reasonOf: (name: string) => ReasonedMessage) {
    super(reasonOf('the service').message);
    this.name = 'AnswerShapeError';
  }
}

/** A value of an answer as the reasons show it (`"x,y"`, `null`, `undefined`). */
export const shown = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** The reason of a reader's failure: the keyed one of an {@link AnswerShapeError}, else the error's text. */
export function answerReason(error: unknown, name: string, redact: (text: string) => string): ReasonedMessage {
  if (!(error instanceof AnswerShapeError))
    return issueReason('positioning.bad_answer', {
      name,
      detail: redact(error instanceof Error ? error.message : String(error)),
    });
  // The service's words inside the parameters may hold the key: masked as the message is.
  const { message, reason } = error.reasonOf(name);
  const masked = Object.entries(reason).map(([k, v]) => [k, typeof v === 'string' && k !== 'key' ? redact(v) : v]);
  return { message: redact(message), reason: Object.fromEntries(masked) as ReasonedMessage['reason'] };
}
