// Every route the heuristic handles becomes one closed tour: an open path gets a dummy node whose
// costs force it to sit between the path's end and its start. The search then needs no special case.
// The closed tour's costs are never built as a second matrix in JavaScript: `fillRows` writes them,
// row by row, straight into the WebAssembly core's memory.
import { failIndex } from './fail-index.js';
import { rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';

/** A problem for the heuristic: row-major costs, a start, and a closed tour (end = start) or an open path. */
export interface HeuristicProblem {
  n: number;
  cost: Float64Array;
  start: number;
  end: number | 'any';
}

/** The closed-tour form of a {@link HeuristicProblem}. */
export interface ClosedTour {
  /** Nodes of the closed tour: n, or n + 1 with the dummy node n. */
  N: number;
  /** True when the costs are symmetric (segment reversals are then free of their own cost change). */
  symmetric: boolean;
  /** A closed tour's length minus this is the route's length. */
  offset: number;
  /** Improvements at or below this are noise of float arithmetic. */
  eps: number;
  /** Writes rows [from, to) of the N*N row-major costs into `d`, row `from` at index 0. */
  fillRows(d: Float64Array, from: number, to: number): void;
}

/**
 * Builds the closed tour, reading the costs in chunks of rows. A symmetric open path keeps symmetric
 * costs (the dummy is tied to both ends at cost 0; to any end at a constant cost) so that 2-opt stays
 * free of reversal costs; an asymmetric one ties the dummy as `end -> dummy -> start`.
 */
export function* toClosedTour(p: HeuristicProblem, clock: SolveClock): Generator<Pause, ClosedTour> {
  const { n, cost, start, end } = p;
  let bound = 0; // no route costs more than the sum of the row maxima
  let symmetric = true;
  const rows = rowsPerChunk(n);
  for (let from = 0; from < n; from += rows) {
    for (let i = from; i < Math.min(n, from + rows); i++) {
      let rowMax = 0;
      for (let j = 0; j < n; j++) {
        const c = cost[i * n + j] ?? failIndex('cost', i * n + j);
        if (i !== j && c > rowMax) rowMax = c;
        if (symmetric && j > i && c !== cost[j * n + i]) symmetric = false;
      }
      bound += rowMax;
    }
    yield 'yield';
    clock.check('prepare');
  }
  const realRows = (N: number, d: Float64Array, from: number, to: number) => {
    for (let i = from; i < Math.min(to, n); i++) {
      const base = (i - from) * N;
      d.set(cost.subarray(i * n, i * n + n), base);
      d[base + i] = 0;
    }
  };
  if (end === start) {
    const fillRows = (d: Float64Array, from: number, to: number) => realRows(n, d, from, to);
    return { N: n, symmetric, offset: 0, eps: 1e-12 * (bound + 1), fillRows };
  }
  const N = n + 1;
  const big = 2 * bound + 1; // more than any route: a tour that uses a forbidden edge always loses
  // the dummy's column (i -> dummy) and row (dummy -> i)
  const toDummy = new Float64Array(n).fill(big);
  const fromDummy = new Float64Array(n).fill(big);
  let offset = 0;
  fromDummy[start] = 0;
  if (symmetric) {
    toDummy[start] = 0;
    if (end === 'any') {
      offset = bound + 1; // the dummy's other neighbour is the last node, at the same cost for all
      for (let i = 0; i < n; i++) if (i !== start) toDummy[i] = fromDummy[i] = offset;
    } else toDummy[end] = fromDummy[end] = 0;
  } else if (end === 'any') {
    for (let i = 0; i < n; i++) if (i !== start || n === 1) toDummy[i] = 0;
  } else toDummy[end] = 0;
  const fillRows = (d: Float64Array, from: number, to: number) => {
    realRows(N, d, from, to);
    toDummy.subarray(from, Math.min(to, n)).forEach((c, k) => (d[k * N + n] = c));
    if (to > n) {
      const base = (n - from) * N;
      d.set(fromDummy, base);
      d[base + n] = 0;
    }
  };
  return { N, symmetric, offset, eps: 1e-12 * (big * 4 + 1), fillRows };
}

/**
 * Reads a route over the n real nodes from a closed tour: from `start`, in the direction that leaves
 * the dummy behind (symmetric costs allow either), dummy dropped, a fixed end moved last (a no-op on
 * any tour that respects the dummy's costs; it keeps the result valid in every case).
 */
export function routeFromCycle(cycle: ArrayLike<number>, p: HeuristicProblem, symmetric: boolean): number[] {
  const N = cycle.length;
  const at = Array.from(cycle);
  const k0 = at.indexOf(p.start);
  const forward = !(symmetric && N > p.n && at[(k0 + 1) % N] === p.n);
  // the cycle from `start` on (its next node second), then backwards when the dummy comes next
  const rotated = [...at.slice(k0), ...at.slice(0, k0)];
  const walked = forward ? rotated : [p.start, ...rotated.slice(1).reverse()];
  const route = walked.filter((v) => v < p.n);
  if (typeof p.end === 'number' && p.end !== p.start && route[route.length - 1] !== p.end) {
    route.splice(route.indexOf(p.end), 1);
    route.push(p.end);
  }
  return route;
}
