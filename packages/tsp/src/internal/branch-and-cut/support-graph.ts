// The fractional LP solution as a graph: the edges with x_e > 0, and union-find helpers on it.
import { failIndex } from '../fail-index.js';

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
  for (let p = parent[r] ?? failIndex('parent', r); p !== r; p = parent[r] ?? failIndex('parent', r)) {
    const up = parent[p] ?? failIndex('parent', p);
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
 * Calls `visit(a, b, x, k)` for every edge k of the support: its ends a = u[k], b = v[k] and value x = x[k].
 * @example
 * forEachEdge({ n: 2, u: Int32Array.of(0), v: Int32Array.of(1), x: Float64Array.of(0.5) }, (a, b, x) => a + b + x);
 */
export function forEachEdge(g: SupportGraph, visit: (a: number, b: number, x: number, k: number) => void): void {
  let k = 0;
  for (const x of g.x) {
    visit(g.u[k] ?? failIndex('u', k), g.v[k] ?? failIndex('v', k), x, k);
    k++;
  }
}

/**
 * Groups the nodes by the union-find sets of the edges that pass `keep`, in order of first node.
 * @param g The support graph.
 * @param keep Which edges join their ends (by the edge's value x_e).
 * @returns The groups (each a list of nodes) and each node's group index.
 */
export function groupNodes(g: SupportGraph, keep: (x: number) => boolean): { groups: number[][]; groupOf: Int32Array } {
  const parent = Int32Array.from({ length: g.n }, (_, i) => i);
  forEachEdge(g, (a, b, x) => keep(x) && union(parent, a, b));
  const byRoot = new Map<number, { index: number; nodes: number[] }>();
  const groups: number[][] = [];
  const groupOf = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) {
    const r = find(parent, i);
    let group = byRoot.get(r);
    if (group === undefined) {
      group = { index: groups.length, nodes: [] };
      byRoot.set(r, group);
      groups.push(group.nodes);
    }
    group.nodes.push(i);
    groupOf[i] = group.index;
  }
  return { groups, groupOf };
}
