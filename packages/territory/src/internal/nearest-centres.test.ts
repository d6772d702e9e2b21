import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearestCentres } from './nearest-centres.js';

/** The scan of j = 0..k−1 that the grid replaces: the first C allowed centres in (power distance, index) order. */
function bruteForce(
  x: number,
  y: number,
  cx: number[],
  cy: number[],
  omega: number[],
  C: number,
  allowed: (j: number) => boolean,
) {
  return cx
    .map((_, j) => ({ j, d: (x - cx[j]!) ** 2 + (y - cy[j]!) ** 2 - omega[j]! }))
    .filter((c) => allowed(c.j))
    .sort((a, b) => a.d - b.d || a.j - b.j)
    .slice(0, C)
    .map((c) => c.j);
}

describe('NearestCentres', () => {
  it('finds exactly the brute force answer, ties to the lower index (fast-check: clustered, tied, weighted, restricted)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((k) =>
          fc.record({
            // integer coordinates on a small range make equal distances (ties) common
            centres: fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
              minLength: k,
              maxLength: k,
            }),
            omega: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: k, maxLength: k }),
            points: fc.array(fc.tuple(fc.integer({ min: -120, max: 120 }), fc.integer({ min: -120, max: 120 })), {
              minLength: 1,
              maxLength: 20,
            }),
            C: fc.integer({ min: 1, max: 8 }),
            banned: fc.integer({ min: 0, max: 4 }),
          }),
        ),
        ({ centres, omega, points, C, banned }) => {
          const cx = centres.map((c) => c[0]);
          const cy = centres.map((c) => c[1]);
          const grid = new NearestCentres(Float64Array.from(cx), Float64Array.from(cy), Float64Array.from(omega));
          const allowed = (j: number) => banned === 0 || j % (banned + 1) !== 0;
          const topD = new Float64Array(C);
          const topJ = new Int32Array(C);
          for (const [x, y] of points) {
            const found = grid.nearest(x, y, C, allowed, topD, topJ);
            expect([...topJ.slice(0, found)]).toEqual(bruteForce(x, y, cx, cy, omega, C, allowed));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
