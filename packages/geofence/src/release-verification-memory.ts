import { releaseScratch } from './internal/scratch.js';

/**
 * Releases the scratch memory that batch verification keeps between calls. `verifyDay`,
 * `verifyParsed` and `verifyColumns` judge a batch in typed arrays taken from one buffer that they
 * reuse from call to call (allocating ~270 bytes per visit afresh on every call made V8 run a full
 * garbage collection every few calls); the buffer grows to the largest batch seen, up to 64 MiB
 * (about 2.4 × 10⁵ visits; larger batches allocate their overflow per call). Call this after a large
 * batch in a process that should give the memory back; the next batch simply allocates again.
 *
 * @returns the bytes released (0 when nothing was kept).
 * @throws never.
 * @example
 * verifyColumns(index, columns);      // a month's backlog
 * releaseVerificationMemory();        // e.g. 27,262,976
 */
export function releaseVerificationMemory(): number {
  return releaseScratch();
}
