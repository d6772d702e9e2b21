import { HELD_KARP_SIMD_WASM_BASE64, HELD_KARP_WASM_BASE64 } from '../generated/held-karp-wasm.js';
import { TspError } from '../errors.js';
import type { WasmCore } from './wasm.js';

/** The Held-Karp WebAssembly core (assembly/held-karp.ts), both builds. */
export const HELD_KARP_CORE: WasmCore = { name: 'held-karp', scalar: HELD_KARP_WASM_BASE64, simd: HELD_KARP_SIMD_WASM_BASE64 };

/** The exports of assembly/held-karp.ts: numbers and pointers only. */
export interface HeldKarpExports {
  memory: WebAssembly.Memory;
  rowStride(m: number): number;
  prepare(m: number): number;
  matrixPtr(): number;
  startPtr(): number;
  closePtr(): number;
  routePtr(): number;
  strideOf(): number;
  step(from: number, to: number): void;
  finish(): number;
}

/** wasm32 linear memory is at most 4 GiB; keep a little for the matrix and the code. */
const WASM32_BYTES = 2 ** 32 - 2 ** 20;
/** Masks per `step` call: a few milliseconds of work, enough for V8 to tier up between calls. */
const CHUNK_MASKS = 1 << 14;

/** An exact problem on integer costs: a closed tour (end = start), or an open path. */
export interface ExactProblem {
  n: number;
  icost: Int32Array;
  start: number;
  end: number | 'any';
}

export interface ExactOutcome {
  tour: number[];
  cost: number;
}

/** Bytes of the DP table for m inner nodes with the given row stride. */
export function tableBytes(m: number, stride: number): number {
  return 2 ** m * stride * 4;
}

/** Inner nodes of the DP: every node but the start (and a fixed end). */
function innerNodes(p: ExactProblem): number[] {
  const inner: number[] = [];
  for (let v = 0; v < p.n; v++) if (v !== p.start && v !== p.end) inner.push(v);
  return inner;
}

/**
 * Runs exact Held-Karp in chunks: yields the fraction done after every chunk, returns the tour.
 * The caller drives the generator, so it can report progress, yield to the event loop and cancel.
 * @throws {TspError} `TOO_LARGE` when the table does not fit in wasm32 memory; `INTERNAL` on an inconsistent table.
 */
export function* runHeldKarp(hk: HeldKarpExports, p: ExactProblem): Generator<number, ExactOutcome> {
  const { n, icost, start, end } = p;
  const inner = innerNodes(p);
  const m = inner.length;
  const tail = end === 'any' || end === start ? [] : [end];
  const closeTo = end === 'any' ? -1 : end;
  if (m === 0) {
    const tour = [start, ...tail];
    const cost = tail.length ? icost[start * n + tail[0]!]! : 0;
    return { tour, cost };
  }
  const stride = hk.rowStride(m);
  const bytes = tableBytes(m, stride);
  if (bytes > WASM32_BYTES || m > 30) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        message: `exact DP for ${n} nodes needs a ${(bytes / 2 ** 30).toFixed(1)} GiB table, over the 4 GiB of WebAssembly (wasm32) memory; use method 'heuristic' or 'auto'`,
        value: n,
      },
    ]);
  }
  if (hk.prepare(m) !== 1) {
    throw new TspError('TOO_LARGE', [
      { path: ['n'], message: `exact DP for ${n} nodes needs a ${(bytes / 2 ** 30).toFixed(2)} GiB table and the engine refused to grow memory that far`, value: n },
    ]);
  }
  const mem = hk.memory.buffer;
  const w = new Int32Array(mem, hk.matrixPtr(), m * stride);
  const a = new Int32Array(mem, hk.startPtr(), m);
  const c = new Int32Array(mem, hk.closePtr(), m);
  for (let i = 0; i < m; i++) {
    const vi = inner[i]!;
    a[i] = icost[start * n + vi]!;
    c[i] = closeTo < 0 ? 0 : icost[vi * n + closeTo]!;
    for (let j = 0; j < m; j++) w[i * stride + j] = icost[inner[j]! * n + vi]!; // cost(j -> i)
  }
  const total = 2 ** m;
  for (let from = 1; from < total; ) {
    const to = Math.min(total, from + CHUNK_MASKS);
    hk.step(from, to);
    from = to;
    if (from < total) yield from / total;
  }
  const cost = hk.finish();
  if (cost < 0) throw new TspError('INTERNAL', 'the Held-Karp table is inconsistent: the route could not be rebuilt');
  const order = new Int32Array(hk.memory.buffer, hk.routePtr(), m);
  const tour = [start, ...Array.from(order, (k) => inner[k]!), ...tail];
  return { tour, cost };
}
