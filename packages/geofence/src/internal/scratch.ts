/**
 * Scratch memory for a batch's internal arrays, reused from call to call.
 *
 * A batch of 10⁵ visits needs ~17 MB of internal typed arrays. Allocated fresh on every call they
 * cost twice: V8 counts ArrayBuffer memory as external allocation and answers a few calls' worth
 * with a full mark-compact of the whole heap (~90 ms with a large host heap), and fresh pages must be
 * faulted in (on the VMs we measure on, ~3 ms per MB). Reusing one buffer avoids both.
 *
 * Usage: `beginScratch()` at the start of a batch, then `scratchF64(n)` etc. Arrays taken in one
 * batch are valid until the next `beginScratch()`; never return them to a caller. The contents are
 * NOT zeroed. A batch needing more than the buffer holds gets fresh arrays for the overflow, and the
 * buffer grows to the batch's need at the next `beginScratch()`, up to the limit (`setScratchLimit`).
 * Batches are synchronous, so two never interleave.
 */

/** Default limit of the scratch memory kept between calls (bytes): 256 MiB, a batch of ~10⁶ visits (~270 B each). */
export const DEFAULT_SCRATCH_LIMIT = 256 * 2 ** 20;

let limit = DEFAULT_SCRATCH_LIMIT;
let buffer = new ArrayBuffer(0);
let used = 0;
let needed = 0;

/** Starts a batch: every scratch array taken before becomes invalid. */
export function beginScratch(): void {
  if (needed > buffer.byteLength && needed <= limit) buffer = new ArrayBuffer(needed);
  used = 0;
  needed = 0;
}

/** Reserves `bytes` (8-byte aligned): the offset in `buffer`, or −1 when the request must be fresh. */
function reserve(bytes: number): number {
  const at = (used + 7) & ~7;
  used = at + bytes;
  needed = used;
  return used <= buffer.byteLength ? at : -1;
}

/** A Float64Array of `n` scratch elements (contents undefined). */
export function scratchF64(n: number): Float64Array {
  const at = reserve(8 * n);
  return at < 0 ? new Float64Array(n) : new Float64Array(buffer, at, n);
}

/** An Int32Array of `n` scratch elements (contents undefined). */
export function scratchI32(n: number): Int32Array {
  const at = reserve(4 * n);
  return at < 0 ? new Int32Array(n) : new Int32Array(buffer, at, n);
}

/** A Uint8Array of `n` scratch elements (contents undefined). */
export function scratchU8(n: number): Uint8Array {
  const at = reserve(n);
  return at < 0 ? new Uint8Array(n) : new Uint8Array(buffer, at, n);
}

/** Drops the kept buffer (the next batch starts from nothing). Returns the bytes released. */
export function releaseScratch(): number {
  const bytes = buffer.byteLength;
  buffer = new ArrayBuffer(0);
  used = 0;
  needed = 0;
  return bytes;
}

/** Sets the limit of the kept buffer (bytes); a kept buffer over the new limit is dropped. */
export function setScratchLimit(bytes: number): void {
  limit = bytes;
  if (buffer.byteLength > limit) releaseScratch();
}
