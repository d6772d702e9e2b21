import { tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';
import { instantiateCore } from './wasm.js';

/**
 * Keeps one idle WebAssembly instance per compiled module, so that consecutive solves reuse its
 * memory. Fresh memory is expensive: every 4 KiB page costs a page fault on first touch (about
 * 12 µs each on the 2-core VM of bench/RESULTS.md, i.e. ~3 ms per MiB of DP table), and wasm memory
 * can only grow. An instance whose memory grew past the retention limit is dropped after use, so
 * the garbage collector can take a multi-gigabyte table back. Concurrent solves (async solves
 * interleave) never share an instance: a busy pool hands out a fresh one.
 */
interface PoolEntry {
  exports: { memory: WebAssembly.Memory };
  busy: boolean;
}

const pools = new Map<WebAssembly.Module, PoolEntry>();
let retainBytes = 256 * 2 ** 20;

/**
 * Sets how much WebAssembly memory the solver may keep between solves (default 256 MiB, enough
 * for exact DP up to n = 23 with the SIMD build). 0 keeps nothing: every solve starts from fresh
 * memory. Takes effect after the next solve; {@link releaseSolverMemory} frees it now.
 * @param bytes Bytes of wasm memory an idle instance may hold (default 268435456).
 * @throws {TspError} `INVALID_INPUT` when `bytes` is not a finite number ≥ 0.
 * @example
 * setSolverMemoryLimit(0); // a browser tab that solves once and wants the memory back
 */
export function setSolverMemoryLimit(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new TspError('INVALID_INPUT', [{ path: ['bytes'], value: bytes, ...tspReason('tsp.bytes_non_negative') }]);
  retainBytes = bytes;
}

/**
 * Drops every idle WebAssembly instance the solver keeps, so its memory can be garbage-collected.
 * @returns the bytes released (0 when nothing was kept), as geofence's `releaseVerificationMemory` does.
 * @throws never.
 * @example
 * releaseSolverMemory(); // e.g. 77,594,624 after an exact solve of 20 nodes
 */
export function releaseSolverMemory(): number {
  let released = 0;
  for (const [module, entry] of pools)
    if (!entry.busy) {
      released += entry.exports.memory.buffer.byteLength;
      pools.delete(module);
    }
  return released;
}

/** Borrows an instance of the module: the idle pooled one if there is one, else a fresh one. */
export function acquireInstance<T extends { memory: WebAssembly.Memory }>(
  module: WebAssembly.Module,
): { exports: T; release: () => void } {
  const pooled = pools.get(module);
  if (pooled && !pooled.busy) {
    pooled.busy = true;
    return { exports: pooled.exports as T, release: () => settle(module, pooled) };
  }
  const entry: PoolEntry = { exports: instantiateCore<T>(module), busy: true };
  return { exports: entry.exports as T, release: () => settle(module, entry) };
}

function settle(module: WebAssembly.Module, entry: PoolEntry): void {
  entry.busy = false;
  const keep = entry.exports.memory.buffer.byteLength <= retainBytes;
  const current = pools.get(module);
  if (keep && (!current || current === entry || current.busy === false)) pools.set(module, entry);
  else if (current === entry) pools.delete(module);
}
