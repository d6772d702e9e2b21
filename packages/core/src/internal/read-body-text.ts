import { BeatplanError } from '../beatplan-error.js';
import { issueReason } from '../issue-reason.js';

/**
 * Reads a response body as UTF-8 text, refusing one longer than `maxBytes` while it streams (so a huge
 * or endless answer cannot exhaust memory): PROVIDER_RESPONSE_INVALID naming the request.
 */
export async function readBodyText(res: Response, maxBytes: number, requestLine: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes, requestLine);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(bytes, maxBytes, requestLine);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(bytes: number, maxBytes: number, requestLine: string): BeatplanError {
  return new BeatplanError('PROVIDER_RESPONSE_INVALID', [
    {
      path: ['request'],
      ...issueReason('core.answer_too_large', { max: maxBytes, bytes }),
      value: requestLine,
    },
  ]);
}
