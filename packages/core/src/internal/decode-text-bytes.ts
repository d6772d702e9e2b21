import { BeatplanError } from '../beatplan-error.js';
import { issueReason } from '../issue-reason.js';

/** Text encodings the importers read: UTF-8 (with or without BOM) and GB18030 (a superset of GBK/GB2312). */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'gbk'] as const;
/** An encoding name of {@link TEXT_ENCODINGS}; `auto` detects UTF-8 first, then GB18030. */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/**
 * Bytes → text. `auto`: a UTF-8 BOM or bytes that are valid UTF-8 are read as UTF-8, else as GB18030
 * (what Excel on Chinese Windows saves; GBK and GB2312 are subsets). Invalid bytes for the encoding
 * used fail with `IMPORT_FAILED` naming the line (1-based, the header is line 1) and the byte offset;
 * nothing is replaced silently. A leading BOM is dropped.
 */
export function decodeTextBytes(
  bytes: Uint8Array,
  encoding: TextEncodingName = 'auto',
): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['options', 'encoding'],
        ...issueReason('core.encoding_one_of', { values: TEXT_ENCODINGS }),
        value: encoding,
      },
    ]);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const used =
    encoding === 'auto' ? (hasBom || isUtf8(bytes) ? 'utf-8' : 'gb18030') : encoding === 'gbk' ? 'gb18030' : encoding;
  try {
    const text = new TextDecoder(used, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: used };
  } catch {
    const { line, offset } = firstBadLine(bytes, used);
    throw new BeatplanError('IMPORT_FAILED', [
      {
        path: [],
        ...issueReason('core.invalid_bytes', { line, encoding: used === 'utf-8' ? 'UTF-8' : 'GB18030', offset }),
        value: used,
      },
    ]);
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The first line (split at LF, which no multi-byte UTF-8 or GB18030 sequence contains) that does not decode. */
function firstBadLine(bytes: Uint8Array, encoding: string): { line: number; offset: number } {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return { line, offset: start };
    }
    start = end + 1;
    line++;
  }
  return { line, offset: bytes.length };
}
