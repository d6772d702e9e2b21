// The problem the branch-and-cut works on: a symmetric graph with integer edge costs, the edges that
// may be used, and the edges every tour must use. Open paths and asymmetric costs are reduced to it
// (route-to-symmetric.ts).
import { failIndex } from '../fail-index.js';

/** A symmetric instance on n nodes; edge {i, j} has the key i·n + j with i < j. */
export interface SymmetricInstance {
  n: number;
  /** Row-major n·n integer costs, symmetric (only i < j is read). */
  cost: Float64Array;
  /** 1 where edge {i, j} may be used (only i < j is read). */
  allowed: Uint8Array;
  /** Keys of the edges every tour must use (bounds fixed to 1 from the start). */
  forced: number[];
}

/** The key of edge {a, b}: min·n + max. */
export function edgeKey(n: number, a: number, b: number): number {
  return a < b ? a * n + b : b * n + a;
}

/**
 * The cost of a closed tour (a cyclic order of all n nodes) on the instance; Infinity when it uses an
 * edge that is not allowed.
 * @example
 * // not run: `inst` stands for a prepared instance
 * tourCost(inst, [0, 2, 1]); // cost(0,2) + cost(2,1) + cost(1,0)
 */
export function tourCost(inst: SymmetricInstance, tour: readonly number[]): number {
  let sum = 0;
  forEachTourEdge(tour, (a, b) => {
    const key = edgeKey(inst.n, a, b);
    sum += inst.allowed[key] ? (inst.cost[key] ?? failIndex('cost', key)) : Infinity;
  });
  return sum;
}

/**
 * Calls `visit(a, b)` for every edge of a closed tour, in tour order: each node and the next, then the
 * last node and the first.
 * @example
 * const edges: number[][] = [];
 * forEachTourEdge([0, 2, 1], (a, b) => edges.push([a, b])); // edges: [0, 2], [2, 1], [1, 0]
 */
export function forEachTourEdge(tour: readonly number[], visit: (a: number, b: number) => void): void {
  tour.forEach((a, k) => visit(a, tour[(k + 1) % tour.length] ?? failIndex('tour', k + 1)));
}
