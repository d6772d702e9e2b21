// Separation of subtour elimination constraints x(δ(S)) >= 2 on a fractional LP solution.
//  1. Connected components of the support: each is a set with x(δ(S)) = 0.
//  2. Otherwise shrink every edge with x_e = 1 (Padberg & Rinaldi's first rule: if S separates u
//     and v with x(δ(S)) < 2 and x_uv = 1, then S + v is violated at least as much, because
//     x(δ(S + v)) = x(δ(S)) + x(δ(v)) - 2x(v : S) <= x(δ(S)) when x(δ(v)) = 2), which leaves a graph
//     of a few dozen supernodes, then run Stoer–Wagner and keep every phase cut below 2. The global
//     minimum cut is among the phases, so when no cut is returned, none exists (exact separation).
import { minCutPhases } from './stoer-wagner.js';
import { forEachEdge, groupNodes, INTEGRALITY_EPS, type SupportGraph } from './support-graph.js';
import { failIndex } from '../fail-index.js';

/** A cut is violated when x(δ(S)) is below 2 by more than this. */
export const CUT_VIOLATION_EPS = 1e-6;

/** Canonical key of a node set (its smaller side, sorted), to drop duplicates. */
export function cutKey(n: number, nodes: readonly number[]): string {
  const inside = new Uint8Array(n);
  for (const v of nodes) inside[v] = 1;
  const small = nodes.length * 2 <= n ? inside : inside.map((b) => 1 - b);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (small[i]) out.push(i);
  return out.join(',');
}

/**
 * Finds violated subtour constraints of a fractional 2-matching.
 * @param g The LP solution's support (x_e > 0), on n nodes.
 * @param maxCuts At most this many sets are returned (the most violated first).
 * @returns Sets S (1 < |S| < n-1 is not required; any proper subset) with x(δ(S)) < 2 - CUT_VIOLATION_EPS,
 *   and `minCut`, the weight of the lightest cut found (Infinity for fewer than 2 nodes).
 * @example
 * // two disjoint triangles: each triangle is a violated set
 * separateSubtours({ n: 6, u: Int32Array.of(0,1,2,3,4,5), v: Int32Array.of(1,2,0,4,5,3), x: new Float64Array(6).fill(1) }, 10);
 */
export function separateSubtours(g: SupportGraph, maxCuts: number): { sets: number[][]; minCut: number } {
  const { n } = g;
  if (n < 2) return { sets: [], minCut: Infinity };
  const comps = groupNodes(g, (x) => x > INTEGRALITY_EPS);
  if (comps.groups.length > 1) {
    // with two components, one of them (its complement is the other) is the whole cut
    const sets = comps.groups.length === 2 ? comps.groups.slice(0, 1) : comps.groups;
    return { sets: sets.slice(0, maxCuts), minCut: 0 };
  }
  const shrunk = groupNodes(g, (x) => x >= 1 - INTEGRALITY_EPS);
  const m = shrunk.groups.length;
  if (m < 2) return { sets: [], minCut: Infinity };
  const groupOf = (v: number) => shrunk.groupOf[v] ?? failIndex('groupOf', v);
  const w = new Float64Array(m * m);
  forEachEdge(g, (u, v, x) => {
    const a = groupOf(u);
    const b = groupOf(v);
    if (a === b) return;
    w[a * m + b] = (w[a * m + b] ?? failIndex('w', a * m + b)) + x;
    w[b * m + a] = (w[b * m + a] ?? failIndex('w', b * m + a)) + x;
  });
  const found: { nodes: number[]; value: number }[] = [];
  // a supernode whose own boundary is light is violated by itself (a 1-path with a weak end)
  shrunk.groups.forEach((nodes, a) => {
    let out = 0;
    for (const weight of w.subarray(a * m, a * m + m)) out += weight;
    if (out < 2 - CUT_VIOLATION_EPS && nodes.length < n) found.push({ nodes, value: out });
  });
  const { cuts, min } = minCutPhases(m, w, shrunk.groups, 2 - CUT_VIOLATION_EPS);
  found.push(...cuts);
  found.sort((a, b) => a.value - b.value);
  const seen = new Set<string>();
  const sets: number[][] = [];
  for (const c of found) {
    if (c.nodes.length === 0 || c.nodes.length >= n) continue;
    const key = cutKey(n, c.nodes);
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push(c.nodes);
    if (sets.length >= maxCuts) break;
  }
  return { sets, minCut: Math.min(min.value, found[0]?.value ?? Infinity) };
}
