// Every route the heuristic handles becomes one closed tour: an open path gets a dummy node whose
// costs force it to sit between the path's end and its start. The search then needs no special case.

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
  /** N*N row-major costs. */
  d: Float64Array;
  /** True when d is symmetric (segment reversals are then free of their own cost change). */
  symmetric: boolean;
  /** A closed tour's length minus this is the route's length. */
  offset: number;
  /** Improvements at or below this are noise of float arithmetic. */
  eps: number;
}

function isSymmetric(cost: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (cost[i * n + j] !== cost[j * n + i]) return false;
  return true;
}

/**
 * Builds the closed tour. A symmetric open path keeps symmetric costs (the dummy is tied to both ends
 * at cost 0; to any end at a constant cost) so that 2-opt stays free of reversal costs; an asymmetric
 * one ties the dummy as `end -> dummy -> start`.
 */
export function toClosedTour(p: HeuristicProblem): ClosedTour {
  const { n, cost, start, end } = p;
  let bound = 0; // no route costs more than the sum of the row maxima
  for (let i = 0; i < n; i++) {
    let rowMax = 0;
    for (let j = 0; j < n; j++) if (i !== j && cost[i * n + j]! > rowMax) rowMax = cost[i * n + j]!;
    bound += rowMax;
  }
  const symmetric = isSymmetric(cost, n);
  if (end === start) {
    const d = new Float64Array(cost);
    for (let i = 0; i < n; i++) d[i * n + i] = 0;
    return { N: n, d, symmetric, offset: 0, eps: 1e-12 * (bound + 1) };
  }
  const N = n + 1;
  const big = 2 * bound + 1; // more than any route: a tour that uses a forbidden edge always loses
  const d = new Float64Array(N * N).fill(big);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * N + j] = i === j ? 0 : cost[i * n + j]!;
  d[n * N + n] = 0;
  let offset = 0;
  d[n * N + start] = 0; // dummy -> start
  if (symmetric) {
    d[start * N + n] = 0;
    if (end === 'any') {
      offset = bound + 1; // the dummy's other neighbour is the last node, at the same cost for all
      for (let i = 0; i < n; i++) if (i !== start) d[i * N + n] = d[n * N + i] = offset;
    } else d[end * N + n] = d[n * N + end] = 0;
  } else if (end === 'any') {
    for (let i = 0; i < n; i++) if (i !== start || n === 1) d[i * N + n] = 0;
  } else d[end * N + n] = 0;
  return { N, d, symmetric, offset, eps: 1e-12 * (big * 4 + 1) };
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
  const route: number[] = [];
  for (let s = 0; s < N; s++) {
    const v = at[(k0 + (forward ? s : N - s) + N) % N]!;
    if (v < p.n) route.push(v);
  }
  if (typeof p.end === 'number' && p.end !== p.start && route[route.length - 1] !== p.end) {
    route.splice(route.indexOf(p.end), 1);
    route.push(p.end);
  }
  return route;
}
