import { BeatplanError, issueReason } from '@beatplan/core';
import { releaseScratch, setScratchLimit } from './internal/scratch.js';

/**
 * Releases the scratch memory that batch verification keeps between calls. `verifyDay`,
 * `verifyParsed` and `verifyColumns` judge a batch in typed arrays taken from one buffer that they
 * reuse from call to call (allocating ~270 bytes per visit afresh on every call made V8 run a full
 * garbage collection every few calls); the buffer grows to the largest batch seen, up to the limit
 * of {@link setVerificationMemoryLimit} (default 256 MiB, about 10⁶ visits; a larger batch allocates
 * its overflow per call, ~2× slower). Call this after a large batch in a process that should give the
 * memory back; the next batch simply allocates again.
 *
 * @returns the bytes released (0 when nothing was kept), as tsp's `releaseSolverMemory` does.
 * @throws never.
 * @example
 * // not run: `index` and `columns` stand for a compiled index and a batch
 * verifyColumns(index, columns);      // a month's backlog
 * releaseVerificationMemory();        // e.g. 27,262,976
 */
export function releaseVerificationMemory(): number {
  return releaseScratch();
}

/**
 * Sets how much scratch memory batch verification may keep between calls (see
 * {@link releaseVerificationMemory}). 0 keeps nothing: every batch allocates afresh. A kept buffer
 * larger than the new limit is released now.
 *
 * @param bytes - bytes to keep at most; default 268,435,456 (256 MiB, a batch of about 10⁶ visits at ~270 B each).
 * @throws {BeatplanError} `INVALID_INPUT` when `bytes` is not a finite number ≥ 0.
 * @example
 * setVerificationMemoryLimit(32 * 2 ** 20); // a small server: keep at most 32 MiB (batches up to ~10⁵ visits)
 */
export function setVerificationMemoryLimit(bytes: number): void {
  if (!(Number.isFinite(bytes) && bytes >= 0))
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['bytes'], value: bytes, ...issueReason('geofence.bytes_non_negative') },
    ]);
  setScratchLimit(bytes);
}
