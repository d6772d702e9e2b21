// Drives the local-search WebAssembly core, every stage in chunks: the closed-tour reduction and the
// cost rows written into the core, the neighbour lists, the nearest-neighbour tour, the first local
// search, then kicks in chunks of a few milliseconds. Between chunks it yields (so the async `solve`
// can return to the event loop, and V8 tiers the core up between calls) and asks the clock: an abort
// throws ABORTED; a time limit ends the search with the best tour known (TIME_LIMIT only before the
// first tour exists).
import { tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';
import { routeFromCycle, toClosedTour, type ClosedTour, type HeuristicProblem } from './closed-tour.js';
import { acquireInstance } from './instance-pool.js';
import { routeCost } from './route-cost.js';
import type { LocalSearchExports } from './local-search-core.js';
import { rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';

export type { HeuristicProblem } from './closed-tour.js';

export interface HeuristicControl {
  seed: number;
  /** Kicks after the first local optimum: the deterministic budget (Infinity: until the time limit). */
  maxKicks: number;
  /** The time limit and the AbortSignal, asked between chunks. */
  clock: SolveClock;
  /** Called with the route length whenever the best tour improves. */
  onImprove?: (length: number) => void;
}

export interface HeuristicOutcome {
  tour: number[];
  /** The route's length as the core summed it (solve.ts re-sums it from the input costs). */
  length: number;
  kicks: number;
  /** True when the time limit ended the search (before the kick budget or the first local optimum). */
  timedOut: boolean;
}

/**
 * Neighbours per node: enough for the moves to see the edges of good tours, few enough to be fast.
 * The constants below were chosen by measurement (bench/heuristic.mjs; n = 1000 uniform: K 8-12,
 * spans 20-50 and patience 1-20 per node all land within 0.2% of each other after 5 s).
 */
const NEIGHBOURS = 10;
/** Longest segment a kick moves. */
const KICK_SPAN = 30;
/** Kicks per node without a change of the accepted tour before the search walks away from it. */
const PATIENCE_PER_NODE = 5;
/** Kicked tours then accepted whatever they cost. */
const ESCAPE_WALK = 3;
/** Target wall time of one call into the core. */
const CHUNK_MS = 4;

/** The best closed tour over at most 4 nodes, by trying every order of the nodes after node 0. */
function enumerateTiny(d: Float64Array, N: number): number[] {
  const orders: number[][] =
    N === 4
      ? [
          [1, 2, 3],
          [1, 3, 2],
          [2, 1, 3],
          [2, 3, 1],
          [3, 1, 2],
          [3, 2, 1],
        ]
      : N === 3
        ? [
            [1, 2],
            [2, 1],
          ]
        : N === 2
          ? [[1]]
          : [[]];
  let best: number[] = [0];
  let bestCost = Infinity;
  for (const rest of orders) {
    const t = [0, ...rest];
    const c = routeCost(d, N, t, true);
    if (c < bestCost) [best, bestCost] = [t, c];
  }
  return best;
}

/**
 * Iterated local search (2-opt and Or-3opt over neighbour lists, segment-local double-bridge kicks)
 * in the WebAssembly core, until `maxKicks` kicks or the time limit. Deterministic for a seed when the
 * kick budget ends the search; yields between chunks of work.
 * @throws {TspError} `TOO_LARGE` when the cost matrix does not fit in WebAssembly memory; `ABORTED`;
 *   `TIME_LIMIT` when the time runs out before the first tour is complete.
 */
export function* runIteratedLocalSearch(
  module: WebAssembly.Module,
  p: HeuristicProblem,
  control: HeuristicControl,
): Generator<Pause, HeuristicOutcome> {
  const closed = yield* toClosedTour(p, control.clock);
  if (closed.N <= 4) {
    const d = new Float64Array(closed.N * closed.N);
    closed.fillRows(d, 0, closed.N);
    const tour = routeFromCycle(enumerateTiny(d, closed.N), p, closed.symmetric);
    return { tour, length: routeCost(p.cost, p.n, tour, p.end === p.start), kicks: 0, timedOut: false };
  }
  const instance = acquireInstance<LocalSearchExports>(module);
  try {
    return yield* search(instance.exports, p, closed, control);
  } finally {
    instance.release();
  }
}

/** Adapts a chunk's size so that the next one takes about CHUNK_MS; the size never changes what is computed. */
function nextChunk(count: number, ms: number): number {
  return Math.max(1, Math.min(100_000, Math.round(ms > 0.05 ? (count * CHUNK_MS) / ms : count * 4)));
}

function* search(
  core: LocalSearchExports,
  p: HeuristicProblem,
  closed: ClosedTour,
  control: HeuristicControl,
): Generator<Pause, HeuristicOutcome> {
  const { N, symmetric, offset, eps } = closed;
  const { clock } = control;
  const k = Math.min(NEIGHBOURS, N - 1);
  if (core.prepare(N, k) !== 1) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        ...tspReason('tsp.heuristic_memory', { n: p.n }),
        value: p.n,
      },
    ]);
  }
  const rows = rowsPerChunk(N);
  const d = new Float64Array(core.memory.buffer, core.costPtr(), N * N);
  for (let from = 0; from < N; from += rows) {
    const to = Math.min(N, from + rows);
    closed.fillRows(d.subarray(from * N, to * N), from, to);
    yield 'yield';
    clock.check('prepare');
  }
  if (symmetric) {
    // candidates by alpha-nearness: the spanning tree first, then each node's K alpha-nearest
    core.mstBegin();
    while (core.mstStep(rows) > 0) {
      yield 'yield';
      clock.check('prepare');
    }
  }
  for (let from = 0; from < N; from += rows) {
    if (symmetric) core.alphaNeighbours(from, Math.min(N, from + rows));
    else core.neighbours(from, Math.min(N, from + rows), 0);
    yield 'yield';
    clock.check('prepare');
  }
  core.setEscape(Math.max(100, PATIENCE_PER_NODE * N), ESCAPE_WALK);
  core.begin(symmetric ? 1 : 0, control.seed >>> 0, eps, KICK_SPAN, 0);
  while (core.construct(rows) > 0) {
    yield 'yield';
    clock.check('first_tour');
  }
  // the first local search: a valid tour exists from here on, so the time limit returns it
  let timedOut = false;
  for (let pops = 64; ; ) {
    const t0 = performance.now();
    const left = core.descend(pops);
    if (left === 0) break;
    pops = nextChunk(pops, performance.now() - t0);
    yield 'yield';
    if (clock.expired()) {
      timedOut = true;
      break;
    }
  }
  let best = core.settle();
  control.onImprove?.(best - offset);
  let kicks = 0;
  let chunk = 8;
  while (!timedOut && kicks < control.maxKicks) {
    yield 'yield';
    if (clock.expired()) {
      timedOut = true;
      break;
    }
    const count = Math.min(chunk, control.maxKicks - kicks);
    const t0 = performance.now();
    const length = core.kicks(count);
    kicks += count;
    // the chunk size only decides where the clock is read, never what the search does
    chunk = nextChunk(count, performance.now() - t0);
    if (length < best) {
      best = length;
      control.onImprove?.(best - offset);
    }
  }
  const cycle = new Int32Array(core.memory.buffer, core.bestTourPtr(), N);
  const tour = routeFromCycle(cycle, p, symmetric);
  return { tour, length: routeCost(p.cost, p.n, tour, p.end === p.start), kicks, timedOut };
}
