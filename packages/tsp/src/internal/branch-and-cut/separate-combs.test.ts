import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { separateBlossoms } from './separate-blossoms.js';
import { separateCombs } from './separate-combs.js';
import type { SupportGraph } from './support-graph.js';

/** A support graph from (u, v, x) triples. */
function support(n: number, edges: [number, number, number][]): SupportGraph {
  return {
    n,
    u: Int32Array.from(edges, (e) => e[0]),
    v: Int32Array.from(edges, (e) => e[1]),
    x: Float64Array.from(edges, (e) => e[2]),
  };
}

/** x(δ(S)) on a support graph. */
function crossing(g: SupportGraph, set: number[]): number {
  const inside = new Set(set);
  let sum = 0;
  for (let k = 0; k < g.u.length; k++) if (inside.has(g.u[k]!) !== inside.has(g.v[k]!)) sum += g.x[k]!;
  return sum;
}

describe('separateCombs', () => {
  it('finds the comb with 4-node teeth that the blossom heuristic on the unshrunk graph misses', () => {
    // six 1-paths A..F (0-1, 2-3, 4-5, 6-7, 8-9, 10-11); triangles A-B-C and D-E-F of 1/2 edges, and
    // A-D, B-E, C-F each joined by two 1/2 edges: the comb H = A∪B∪C, teeth A∪D, B∪E, C∪F has
    // x(δ(H)) + Σ x(δ(T)) = 3 + 3·2 = 9 < 10.
    const half: [number, number][] = [
      [0, 6],
      [1, 7],
      [2, 8],
      [3, 9],
      [4, 10],
      [5, 11],
      [0, 2],
      [1, 5],
      [3, 4],
      [6, 8],
      [7, 11],
      [9, 10],
    ];
    const one: [number, number][] = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
      [10, 11],
    ];
    const g = support(12, [
      ...one.map(([a, b]) => [a, b, 1] as [number, number, number]),
      ...half.map(([a, b]) => [a, b, 0.5] as [number, number, number]),
    ]);
    for (let v = 0; v < 12; v++) expect(crossing(g, [v])).toBe(2);
    expect(separateBlossoms(g, 10)).toEqual([]);
    const combs = separateCombs(g, 10);
    expect(combs.length).toBeGreaterThan(0);
    for (const c of combs) {
      expect(c.teeth.length).toBe(3);
      expect(c.violation).toBeCloseTo(1, 9);
      const lhs = crossing(g, c.handle) + c.teeth.reduce((s, t) => s + crossing(g, t), 0);
      expect(lhs).toBeCloseTo(3 * c.teeth.length + 1 - c.violation, 9);
      const seen = new Set<number>();
      for (const t of c.teeth) {
        expect(t.some((v) => c.handle.includes(v))).toBe(true);
        expect(t.some((v) => !c.handle.includes(v))).toBe(true);
        for (const v of t) {
          expect(seen.has(v)).toBe(false);
          seen.add(v);
        }
      }
    }
  });

  it('finds nothing on a point of the tour polytope (the mean of random tours): every comb is valid', () => {
    const tours = fc.integer({ min: 6, max: 24 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        orders: fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), {
          minLength: 2,
          maxLength: 4,
        }),
      }),
    );
    fc.assert(
      fc.property(tours, ({ n, orders }) => {
        const x = new Map<number, number>();
        for (const order of orders)
          for (let k = 0; k < n; k++) {
            const a = order[k]!;
            const b = order[(k + 1) % n]!;
            const key = Math.min(a, b) * n + Math.max(a, b);
            x.set(key, (x.get(key) ?? 0) + 1 / orders.length);
          }
        const g = support(
          n,
          [...x].map(([key, v]) => [Math.floor(key / n), key % n, v]),
        );
        expect(separateCombs(g, 50)).toEqual([]);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
