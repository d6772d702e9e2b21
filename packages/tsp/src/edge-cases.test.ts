import { describe, expect, it } from 'vitest';
import { AVOID_COST, routeLength, solveSync, type SolveOptions } from '@beatplan/tsp';

function grid(n: number, seed: number): number[][] {
  let s = seed >>> 0;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 1000;
  const pts = Array.from({ length: n }, () => [r(), r()] as const);
  return pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
}

function expectRoute(tour: number[], n: number, start: number): void {
  expect(tour[0]).toBe(start);
  expect([...tour].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
}

describe('correct on every cost (regressions of issue 11)', () => {
  it('all routes costing more than Number.MAX_VALUE: a valid route from start, its length the float sum', () => {
    for (const method of ['auto', 'heuristic', 'exact'] as const) {
      const m = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 0 : 1e308)));
      const r = solveSync({ matrix: m }, { method, start: 2 });
      expectRoute(r.tour, 6, 2);
      expect(r.length).toBe(Infinity);
      expect(r.length).toBe(routeLength({ matrix: m }, r.tour));
    }
  });

  it('one huge finite cost (1e15, MAX_SAFE_INTEGER) is avoided and the rest still optimised (n = 30)', () => {
    const m = grid(30, 11);
    const base = solveSync({ matrix: m }, { method: 'heuristic', seed: 3, maxKicks: 2000 });
    // forbid an edge that the found tour does not use, between two far-apart nodes
    for (const huge of [1e15, Number.MAX_SAFE_INTEGER, 1e300]) {
      const f = m.map((row) => [...row]);
      f[0]![base.tour[15]!] = huge;
      const r = solveSync({ matrix: f }, { method: 'heuristic', seed: 3, maxKicks: 2000 });
      expectRoute(r.tour, 30, 0);
      expect(r.length).toBeLessThanOrEqual(base.length * 1.005);
    }
  });

  it('uses as few avoided edges as it can, the exact optimum among them', () => {
    // every edge into node 3 is avoided but one must be used: the route pays exactly one
    const m = grid(9, 5);
    for (let i = 0; i < 9; i++) if (i !== 3) m[i]![3] = AVOID_COST * 4;
    m[1]![3] = AVOID_COST; // at the threshold: avoided too
    const r = solveSync({ matrix: m }, { method: 'exact' });
    const avoided = r.tour.filter((v, k) => m[v]![r.tour[(k + 1) % 9]!]! >= AVOID_COST).length;
    expect(avoided).toBe(1);
    expect(r.exact).toBe(true);
    expect(r.lowerBound).toBeNull(); // no bound on the summed length when avoided edges are used
    const h = solveSync({ matrix: m }, { method: 'heuristic', maxKicks: 500 });
    expect(h.length).toBe(r.length);
  });

  it('auto on n <= 20 with integer costs summing past 2^30 returns a tour (exact when a common divisor fits)', () => {
    const m = grid(15, 4).map((row) => row.map((c) => c * 1e6 + (c ? 1 : 0))); // coprime: no faithful rescaling
    const r = solveSync({ matrix: m });
    expectRoute(r.tour, 15, 0);
    expect(r).toMatchObject({ exact: false, method: 'heuristic' });
    expect(() => solveSync({ matrix: m }, { method: 'exact' })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }) as Error,
    );
    const multiples = grid(15, 4).map((row) => row.map((c) => c * 1e7)); // divisible by 1e7: faithful
    const e = solveSync({ matrix: multiples });
    expect(e.exact).toBe(true);
    expect(e.length).toBe(solveSync({ matrix: grid(15, 4) }).length * 1e7);
  });
});

describe('bad time input: typed errors naming the stop', () => {
  const m = grid(4, 2);
  const cases: [string, SolveOptions, (string | number)[], RegExp][] = [
    [
      'a window ending before it starts',
      { windows: [null, [500, 400], null, null] },
      ['options', 'windows', 1],
      /close before it opens/,
    ],
    [
      'overlapping windows',
      {
        windows: [
          null,
          null,
          [
            [0, 100],
            [50, 200],
          ],
          null,
        ],
      },
      ['options', 'windows', 2],
      /stop 2/,
    ],
    [
      'a service longer than the day',
      { serviceS: [0, 10, 5000, 10], startAt: 0, endBy: 3600 },
      ['options', 'serviceS', 2],
      /stop 2/,
    ],
    ['startAt at or after endBy', { startAt: 3600, endBy: 3600 }, ['options', 'endBy'], /later than startAt/],
    [
      'a negative travel time in a flat timeMatrix',
      { timeMatrix: Float64Array.from({ length: 16 }, (_, k) => (k === 6 ? -5 : 1)) },
      ['options', 'timeMatrix', 6],
      /finite/,
    ],
    [
      'a NaN travel time in a nested timeMatrix',
      {
        timeMatrix: [
          [0, 1, 1, 1],
          [1, 0, NaN, 1],
          [1, 1, 0, 1],
          [1, 1, 1, 0],
        ],
      },
      ['options', 'timeMatrix', 1, 2],
      /finite/,
    ],
    ['a timeMatrix of the wrong size', { timeMatrix: new Int32Array(9) }, ['options', 'timeMatrix'], /16 entries/],
    [
      'timeMatrix and speedKmh together',
      { timeMatrix: new Int32Array(16), speedKmh: 8 },
      ['options', 'speedKmh'],
      /not both/,
    ],
  ];
  for (const [what, options, path, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => solveSync({ matrix: m }, options)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', path, message: expect.stringMatching(message) }) as Error,
      );
    });
  }

  it('points with time options need a travel-time source (timeMatrix or speedKmh)', () => {
    const points = [
      { lng: 120.15, lat: 30.27 },
      { lng: 120.17, lat: 30.28 },
      { lng: 120.16, lat: 30.26 },
    ];
    expect(() => solveSync({ points }, { serviceS: 600 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', path: ['options', 'timeMatrix'] }) as Error,
    );
    const r = solveSync({ points }, { serviceS: 600, speedKmh: 36 });
    expect(r.schedule!.travelS).toBeCloseTo(r.length / 10, 6);
  });
});
