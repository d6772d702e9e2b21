import { BeatplanError, issueReason, throwIfAborted } from '@beatplan/core';

/** Where a table's CSV comes from: a whole text, bytes, or any (async) iterable of chunks, e.g. a Node readable stream or a web ReadableStream. */
export type TableSource =
  | string
  | Uint8Array
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>;

/** Feeds every chunk of `source` to `push`, checking `signal` before each chunk. */
export async function feedChunks(
  source: TableSource,
  push: (chunk: string | Uint8Array) => void,
  signal?: AbortSignal,
): Promise<void> {
  throwIfAborted(signal);
  if (typeof source === 'string' || source instanceof Uint8Array) {
    push(source);
    return;
  }
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
    for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
      throwIfAborted(signal);
      push(chunk);
    }
    return;
  }
  if (source !== null && typeof source === 'object' && Symbol.iterator in source) {
    for (const chunk of source as Iterable<string | Uint8Array>) {
      throwIfAborted(signal);
      push(chunk);
    }
    return;
  }
  if (source !== null && typeof source === 'object' && typeof (source as ReadableStream).getReader === 'function') {
    const reader = (source as ReadableStream<string | Uint8Array>).getReader();
    try {
      for (;;) {
        throwIfAborted(signal);
        const { done, value } = await reader.read();
        if (done) return;
        push(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  throw new BeatplanError('INVALID_INPUT', [
    {
      path: ['source'],
      ...issueReason('positioning.table_source'),
      value: source,
    },
  ]);
}
