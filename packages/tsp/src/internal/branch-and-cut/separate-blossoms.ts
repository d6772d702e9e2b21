// Blossom inequalities by the odd-component heuristic (Padberg & Hong 1980; Grötschel & Holland 1991).
// For a handle H and an odd set F of edges leaving H, every tour satisfies
//     x(δ(H) \ F) + Σ_{e in F} (1 - x_e) >= 1,
// because x(δ(H)) is even in a tour, so δ(H) cannot be exactly F. (In ≥ form with coefficients:
// x(δ(H) \ F) - x(F) >= 1 - |F|.) Handles: the connected components of the fractional edges
// (eps < x_e < 1 - eps). For a fixed H the best F is {e in δ(H): x_e > 1/2}, with the edge nearest
// 1/2 toggled when that set is even; |F| = 1 is skipped (a subtour constraint dominates it).
import { forEachEdge, groupNodes, INTEGRALITY_EPS, type SupportGraph } from './support-graph.js';

/** A blossom: the handle's nodes and the teeth (support edge indices), violated by `violation`. */
export interface Blossom {
  handle: number[];
  teeth: number[];
  violation: number;
}

/**
 * Finds violated blossom inequalities of a fractional 2-matching by the odd-component heuristic.
 * @param g The LP solution's support.
 * @param maxCuts At most this many, the most violated first.
 * @returns The violated blossoms; `teeth` index the support edges (g.u/g.v/g.x).
 * @example
 * // not run: `g` stands for a support graph
 * // a fractional 2-matching of two triangles joined by three 1-edges: one blossom
 * separateBlossoms(g, 10);
 */
export function separateBlossoms(g: SupportGraph, maxCuts: number): Blossom[] {
  const out: Blossom[] = [];
  const seen = new Set<string>();
  for (const t of HANDLE_THRESHOLDS) {
    const eps = Math.max(t, INTEGRALITY_EPS);
    const { groups, groupOf } = groupNodes(g, (x) => x > eps && x < 1 - eps);
    groups.forEach((handle, h) => {
      if (handle.length < 3 || handle.length > g.n - 3) return;
      const key = handle.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const b = blossomOf(g, handle, groupOf, h);
      if (b) out.push(b);
    });
  }
  out.sort((a, b) => b.violation - a.violation);
  return out.slice(0, maxCuts);
}

/**
 * Handles: the components of the edges with t < x_e < 1 - t for each t (Grötschel & Holland's
 * variants of the odd-component heuristic); more handles per round, fewer LP solves.
 */
const HANDLE_THRESHOLDS = [0, 0.1, 0.2, 0.3];

/** The best blossom of a handle (teeth: the leaving edges above 1/2, parity fixed), null if not violated. */
function blossomOf(g: SupportGraph, handle: number[], groupOf: Int32Array, h: number): Blossom | null {
  const teeth: number[] = [];
  let value = 0;
  let nearest = -1;
  let nearestDist = Infinity;
  forEachEdge(g, (u, v, x, k) => {
    const inU = groupOf[u] === h;
    const inV = groupOf[v] === h;
    if (inU === inV) return;
    if (x > 0.5) {
      teeth.push(k);
      value += 1 - x;
    } else value += x;
    const dist = Math.abs(1 - 2 * x);
    if (dist < nearestDist) {
      nearestDist = dist;
      nearest = k;
    }
  });
  if (teeth.length % 2 === 0) {
    if (nearest < 0) return null;
    const at = teeth.indexOf(nearest);
    if (at >= 0) teeth.splice(at, 1);
    else teeth.push(nearest);
    value += nearestDist;
  }
  if (teeth.length < 3 || value >= 1 - 1e-6) return null;
  return { handle, teeth, violation: 1 - value };
}
