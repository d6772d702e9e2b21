// Comb inequalities by the odd-component heuristic on the shrunk support graph (Padberg & Rinaldi's
// shrinking, then Padberg & Hong's heuristic; the "blossoms on the shrunk graph" of Applegate, Bixby,
// Chvátal & Cook, The Traveling Salesman Problem, 2006, ch. 7).
// Every path of 1-edges is shrunk to one supernode; such a set A has x(δ(A)) = 2 when the degree
// equations hold. A blossom of the shrunk graph with handle H' and tooth edges {A_j, B_j} is then the
// comb with handle H (the union of H') and teeth T_j = A_j ∪ B_j (teeth pairwise disjoint, k odd ≥ 3):
//     x(δ(H)) + Σ_j x(δ(T_j)) >= 3k + 1,
// and since x(δ(T_j)) = 4 - 2·w(A_j, B_j), its violation equals the shrunk blossom's. Teeth of more
// than two nodes are what the blossoms of the unshrunk graph cannot give.
import { separateBlossoms } from './separate-blossoms.js';
import { forEachEdge, groupNodes, INTEGRALITY_EPS, type SupportGraph } from './support-graph.js';
import { failIndex } from '../fail-index.js';

/** A violated comb: handle and teeth (node lists) and by how much x violates it. */
export interface Comb {
  handle: number[];
  teeth: number[][];
  violation: number;
}

/**
 * Finds violated combs whose teeth are not all single edges (see the header).
 * @param g The LP solution's support (no subtour constraint violated).
 * @param maxCuts At most this many, the most violated first.
 * @returns The combs, checked on the unshrunk solution.
 * @example
 * // not run: `g` stands for a support graph
 * separateCombs(g, 20).map((c) => c.teeth.length); // each odd, >= 3
 */
export function separateCombs(g: SupportGraph, maxCuts: number): Comb[] {
  const { groups, groupOf } = groupNodes(g, (x) => x >= 1 - INTEGRALITY_EPS);
  const m = groups.length;
  if (m < 6) return [];
  const weight = new Map<number, number>();
  forEachEdge(g, (u, v, x) => {
    const a = groupOf[u] ?? failIndex('groupOf', u);
    const b = groupOf[v] ?? failIndex('groupOf', v);
    if (a === b) return;
    const key = a < b ? a * m + b : b * m + a;
    weight.set(key, (weight.get(key) ?? 0) + x);
  });
  const keys = [...weight.keys()].sort((p, q) => p - q);
  const shrunk: SupportGraph = {
    n: m,
    u: Int32Array.from(keys, (key) => Math.floor(key / m)),
    v: Int32Array.from(keys, (key) => key % m),
    x: Float64Array.from(keys, (key) => Math.min(1, weight.get(key) ?? 0)),
  };
  const out: Comb[] = [];
  for (const b of separateBlossoms(shrunk, 4 * maxCuts)) {
    const used = new Uint8Array(m);
    let disjoint = true;
    let large = false;
    const teeth = b.teeth.map((k) => {
      const ends = [shrunk.u[k] ?? failIndex('u', k), shrunk.v[k] ?? failIndex('v', k)];
      for (const e of ends) {
        if (used[e]) disjoint = false;
        used[e] = 1;
      }
      const nodes = ends.flatMap((e) => groups[e] ?? failIndex('groups', e));
      if (nodes.length > 2) large = true;
      return nodes;
    });
    if (!disjoint || !large) continue;
    const handle = b.handle.flatMap((h) => groups[h] ?? failIndex('groups', h));
    const violation = 3 * teeth.length + 1 - combLhs(g, handle, teeth);
    if (violation > 1e-6) out.push({ handle, teeth, violation });
  }
  out.sort((a, b) => b.violation - a.violation);
  return out.slice(0, maxCuts);
}

/** x(δ(H)) + Σ x(δ(T_j)) on the support. */
function combLhs(g: SupportGraph, handle: number[], teeth: number[][]): number {
  let sum = 0;
  for (const set of [handle, ...teeth]) {
    const inside = new Uint8Array(g.n);
    for (const v of set) inside[v] = 1;
    forEachEdge(g, (u, v, x) => {
      if (inside[u] !== inside[v]) sum += x;
    });
  }
  return sum;
}
