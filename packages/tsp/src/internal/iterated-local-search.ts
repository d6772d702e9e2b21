// Drives the local-search WebAssembly core: closed-tour reduction, neighbour lists in row chunks, a
// first local optimum, then kicks in chunks of a few milliseconds. Between chunks it checks the
// clock and the AbortSignal and yields, so the async `solve` can return to the event loop (and V8
// tiers the core up between calls).
import { TspError } from '../errors.js';
import { routeFromCycle, toClosedTour, type ClosedTour, type HeuristicProblem } from './closed-tour.js';
import { acquireInstance } from './instance-pool.js';
import type { LocalSearchExports } from './local-search-core.js';

export type { HeuristicProblem } from './closed-tour.js';

export interface HeuristicControl {
  seed: number;
  /** Kicks after the first local optimum: the deterministic budget. */
  maxKicks: number;
  /** True when the time limit or the AbortSignal says stop; checked between chunks of kicks. */
  shouldStop: () => boolean;
  /** Called with the route length whenever the best tour improves. */
  onImprove?: (length: number) => void;
}

export interface HeuristicOutcome {
  tour: number[];
  /** The route's length as the core summed it (solve.ts re-sums it from the input costs). */
  length: number;
  kicks: number;
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
    let c = 0;
    for (let k = 0; k < N; k++) c += d[t[k]! * N + t[(k + 1) % N]!]!;
    if (c < bestCost) [best, bestCost] = [t, c];
  }
  return best;
}

/**
 * Iterated local search (2-opt and Or-3opt over neighbour lists, segment-local double-bridge kicks)
 * in the WebAssembly core, until `maxKicks` or `shouldStop()`. Deterministic for a seed when the
 * kick budget ends the search; yields between chunks of work.
 * @throws {TspError} `TOO_LARGE` when the cost matrix does not fit in WebAssembly memory.
 */
export function* runIteratedLocalSearch(
  module: WebAssembly.Module,
  p: HeuristicProblem,
  control: HeuristicControl,
): Generator<'yield', HeuristicOutcome> {
  const closed = toClosedTour(p);
  if (closed.N <= 4) {
    const tour = routeFromCycle(enumerateTiny(closed.d, closed.N), p, closed.symmetric);
    return { tour, length: routeCost(p, tour), kicks: 0 };
  }
  const instance = acquireInstance<LocalSearchExports>(module);
  try {
    return yield* search(instance.exports, p, closed, control);
  } finally {
    instance.release();
  }
}

function* search(
  core: LocalSearchExports,
  p: HeuristicProblem,
  closed: ClosedTour,
  control: HeuristicControl,
): Generator<'yield', HeuristicOutcome> {
  const { N, d, symmetric, offset, eps } = closed;
  const k = Math.min(NEIGHBOURS, N - 1);
  if (core.prepare(N, k) !== 1) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        message: `the heuristic for ${p.n} nodes needs more WebAssembly memory than the engine gives`,
        value: p.n,
      },
    ]);
  }
  new Float64Array(core.memory.buffer, core.costPtr(), N * N).set(d);
  const rows = Math.max(1, Math.floor(200_000 / N));
  for (let from = 0; from < N; from += rows) {
    core.neighbours(from, Math.min(N, from + rows), symmetric ? 1 : 0);
    yield 'yield';
  }
  core.setEscape(Math.max(100, PATIENCE_PER_NODE * N), ESCAPE_WALK);
  let best = core.start(symmetric ? 1 : 0, control.seed >>> 0, eps, KICK_SPAN, 0);
  control.onImprove?.(best - offset);
  let kicks = 0;
  let chunk = 8;
  while (kicks < control.maxKicks && !control.shouldStop()) {
    yield 'yield';
    const count = Math.min(chunk, control.maxKicks - kicks);
    const t0 = performance.now();
    const length = core.kicks(count);
    const ms = performance.now() - t0;
    kicks += count;
    // the chunk size only decides where the clock is read, never what the search does
    chunk = Math.max(1, Math.min(100_000, Math.round(ms > 0.05 ? (count * CHUNK_MS) / ms : count * 4)));
    if (length < best) {
      best = length;
      control.onImprove?.(best - offset);
    }
  }
  const cycle = new Int32Array(core.memory.buffer, core.bestTourPtr(), N);
  const tour = routeFromCycle(cycle, p, symmetric);
  return { tour, length: routeCost(p, tour), kicks };
}

function routeCost(p: HeuristicProblem, tour: number[]): number {
  let s = 0;
  for (let k = 0; k + 1 < tour.length; k++) s += p.cost[tour[k]! * p.n + tour[k + 1]!]!;
  if (p.end === p.start && tour.length > 1) s += p.cost[tour[tour.length - 1]! * p.n + tour[0]!]!;
  return s;
}
