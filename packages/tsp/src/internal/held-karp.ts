import { tspReason } from '../generated/shared/tsp-reasons.js';
import { HELD_KARP_SIMD_WASM_BASE64, HELD_KARP_WASM_BASE64 } from '../generated/held-karp-wasm.js';
import { TspError } from '../errors.js';
import { failIndex } from './fail-index.js';
import { PACKED_ROUTE_COST_LIMIT, routeCostBound } from './integer-costs.js';
import { routeCost } from './route-cost.js';
import type { WasmCore } from './wasm.js';

/** The Held-Karp WebAssembly core (assembly/held-karp.ts), both builds. */
export const HELD_KARP_CORE: WasmCore = {
  name: 'held-karp',
  scalar: HELD_KARP_WASM_BASE64,
  simd: HELD_KARP_SIMD_WASM_BASE64,
};

/** The exports of assembly/held-karp.ts: numbers and pointers only. */
export interface HeldKarpExports {
  memory: WebAssembly.Memory;
  rowStride(m: number): number;
  /** Bytes of linear memory a solve over m inner nodes needs; allocates nothing. */
  memoryBytes(m: number): number;
  /** 1 on success, 0 when memory cannot grow that far, -1 when m is out of range. */
  prepare(m: number, packed: number): number;
  matrixPtr(): number;
  startPtr(): number;
  closePtr(): number;
  routePtr(): number;
  strideOf(): number;
  begin(): void;
  /** Fills the next `count` subsets; returns how many are left. */
  step(count: number): number;
  finish(): number;
}

/** wasm32 linear memory is at most 4 GiB (65536 pages of 64 KiB). */
const WASM32_BYTES = 2 ** 32;
/** Subsets per `step` call: a few milliseconds of work, enough for V8 to tier up between calls. */
const CHUNK_SUBSETS = 1 << 14;

/** An exact problem on integer costs: a closed tour (end = start), or an open path. */
export interface ExactProblem {
  n: number;
  /** Row-major n·n int32 costs whose routes cost less than ROUTE_COST_LIMIT (see toIntegerCosts). */
  icost: Int32Array;
  start: number;
  end: number | 'any';
}

export interface ExactOutcome {
  tour: number[];
  cost: number;
}

/** Inner nodes of the DP: every node but the start (and a fixed end). */
function innerNodes(p: ExactProblem): number[] {
  const inner: number[] = [];
  for (let v = 0; v < p.n; v++) if (v !== p.start && v !== p.end) inner.push(v);
  return inner;
}

function tooLarge(n: number, bytes: number, limit: 'wasm32' | 'refused'): TspError {
  const gib = Number.isFinite(bytes) ? bytes / 2 ** 30 : -1;
  return new TspError('TOO_LARGE', [
    {
      path: ['n'],
      ...tspReason('tsp.dp_memory', { n, gib, limit }),
      value: n,
    },
  ]);
}

/**
 * Runs exact Held-Karp in chunks (assembly/held-karp.ts: subsets layer by layer, two value layers
 * and a byte of parent per state): yields the fraction done after every chunk, returns the tour.
 * The caller drives the generator, so it can report progress, yield to the event loop and cancel.
 * Routes below PACKED_ROUTE_COST_LIMIT (2^25) take the core's fast packed path, dearer ones its
 * wide path. Memory is sized and refused before anything is allocated.
 * @param hk The exports of an instance of the core (its memory grows as needed and is reused).
 * @param p The problem; `icost` must keep every route below ROUTE_COST_LIMIT (2^30 - 1).
 * @returns The optimal route from `start` (to `end`) and its integer cost.
 * @throws {TspError} `TOO_LARGE` when the DP does not fit in wasm32 memory; `INTERNAL` on an inconsistent table.
 */
export function* runHeldKarp(hk: HeldKarpExports, p: ExactProblem): Generator<number, ExactOutcome> {
  const { n, icost, start, end } = p;
  const inner = innerNodes(p);
  const m = inner.length;
  const tail = end === 'any' || end === start ? [] : [end];
  const closeTo = end === 'any' ? -1 : end;
  if (m === 0) {
    const tour = [start, ...tail];
    const cost = routeCost(icost, n, tour, false);
    return { tour, cost };
  }
  const bytes = hk.memoryBytes(m);
  if (!(bytes <= WASM32_BYTES)) throw tooLarge(n, bytes, 'wasm32');
  const packed = routeCostBound(icost, n) + n < PACKED_ROUTE_COST_LIMIT;
  if (hk.prepare(m, packed ? 1 : 0) !== 1) throw tooLarge(n, bytes, 'refused');
  const stride = hk.strideOf();
  const mem = hk.memory.buffer;
  const w = new Int32Array(mem, hk.matrixPtr(), m * stride);
  const a = new Int32Array(mem, hk.startPtr(), m);
  const c = new Int32Array(mem, hk.closePtr(), m);
  const costOf = (from: number, to: number) => icost[from * n + to] ?? failIndex('icost', from * n + to);
  inner.forEach((vi, i) => {
    a[i] = costOf(start, vi);
    c[i] = closeTo < 0 ? 0 : costOf(vi, closeTo);
    inner.forEach((vj, j) => (w[i * stride + j] = i === j ? 0 : costOf(vj, vi))); // cost(j -> i)
  });
  hk.begin();
  const total = 2 ** m - 1;
  for (let left = hk.step(CHUNK_SUBSETS); left > 0; left = hk.step(CHUNK_SUBSETS)) yield (total - left) / total;
  const cost = hk.finish();
  if (cost < 0) throw new TspError('INTERNAL', [{ path: [], ...tspReason('tsp.hk_inconsistent') }]);
  const order = new Int32Array(hk.memory.buffer, hk.routePtr(), m);
  const tour = [start, ...Array.from(order, (k) => inner[k] ?? failIndex('inner', k)), ...tail];
  return { tour, cost };
}
