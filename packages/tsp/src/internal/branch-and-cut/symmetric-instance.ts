// The problem the branch-and-cut works on: a symmetric graph with integer edge costs, the edges that
// may be used, and the edges every tour must use. Open paths and asymmetric costs are reduced to it
// (route-to-symmetric.ts).

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
  for (let k = 0; k < tour.length; k++) {
    const key = edgeKey(inst.n, tour[k]!, tour[(k + 1) % tour.length]!);
    if (!inst.allowed[key]) return Infinity;
    sum += inst.cost[key]!;
  }
  return sum;
}
