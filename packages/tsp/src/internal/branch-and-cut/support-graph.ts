// The fractional LP solution as a graph: the edges with x_e > 0, and union-find helpers on it.

/** The support of an LP solution: edge u[k]-v[k] carries x[k] > 0. */
export interface SupportGraph {
  n: number;
  u: Int32Array;
  v: Int32Array;
  x: Float64Array;
}

/** Values within this of 0 or 1 count as 0 or 1. */
export const INTEGRALITY_EPS = 1e-6;

/**
 * Union-find with path halving: `find(parent, a)` returns the representative of a's set.
 * @example
 * const p = Int32Array.from([0, 1, 2]); union(p, 0, 2); find(p, 2) === find(p, 0); // true
 */
export function find(parent: Int32Array, a: number): number {
  let r = a;
  while (parent[r] !== r) {
    const up = parent[parent[r]!]!;
    parent[r] = up;
    r = up;
  }
  return r;
}

/** Joins the sets of a and b; returns false when they were already one set. */
export function union(parent: Int32Array, a: number, b: number): boolean {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb) return false;
  parent[ra] = rb;
  return true;
}

/**
 * Groups the nodes by the union-find sets of the edges that pass `keep`, in order of first node.
 * @param g The support graph.
 * @param keep Which edges join their ends (by edge index).
 * @returns The groups (each a list of nodes) and each node's group index.
 */
export function groupNodes(g: SupportGraph, keep: (k: number) => boolean): { groups: number[][]; groupOf: Int32Array } {
  const parent = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) parent[i] = i;
  for (let k = 0; k < g.u.length; k++) if (keep(k)) union(parent, g.u[k]!, g.v[k]!);
  const index = new Map<number, number>();
  const groups: number[][] = [];
  const groupOf = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) {
    const r = find(parent, i);
    let gi = index.get(r);
    if (gi === undefined) {
      gi = groups.length;
      index.set(r, gi);
      groups.push([]);
    }
    groups[gi]!.push(i);
    groupOf[i] = gi;
  }
  return { groups, groupOf };
}
