import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  releaseSolverMemory,
  routeLength,
  setSolverMemoryLimit,
  solve,
  solveSync,
  TspError,
  type SolveOptions,
} from '@beatplan/tsp';

/** Brute force over every order of the inner nodes: the oracle for the exact solver. */
function bruteForce(m: number[][], start: number, end: number | 'any'): number {
  const n = m.length;
  const closed = end === start;
  const inner = [...Array(n).keys()].filter((v) => v !== start && (closed || end === 'any' || v !== end));
  let best = Infinity;
  const used = new Array<boolean>(inner.length).fill(false);
  const walk = (last: number, depth: number, acc: number): void => {
    if (acc >= best) return;
    if (depth === inner.length) {
      const close = closed ? m[last]![start]! : end === 'any' ? 0 : m[last]![end]!;
      best = Math.min(best, acc + close);
      return;
    }
    for (let k = 0; k < inner.length; k++) {
      if (used[k]) continue;
      used[k] = true;
      walk(inner[k]!, depth + 1, acc + m[last]![inner[k]!]!);
      used[k] = false;
    }
  };
  if (!closed && end !== 'any' && n === 1) return 0;
  walk(start, 0, 0);
  return best;
}

function expectValidRoute(tour: number[], n: number, start: number, end: number | 'any'): void {
  expect([...tour].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  expect(tour[0]).toBe(start);
  if (typeof end === 'number' && end !== start) expect(tour[n - 1]).toBe(end);
}

const costMatrix = (maxN: number, symmetric: boolean) =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc
      .array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      })
      .map((rows) => rows.map((row, i) => row.map((v, j) => (i === j ? 0 : symmetric && j < i ? rows[j]![i]! : v)))),
  );

const variant = (m: number[][]) =>
  fc.record({
    start: fc.integer({ min: 0, max: m.length - 1 }),
    endKind: fc.constantFrom('closed', 'any', 'node'),
    endNode: fc.integer({ min: 0, max: m.length - 1 }),
  });

describe('exact Held-Karp (WebAssembly) equals brute force', () => {
  for (const wasm of ['simd', 'scalar'] as const) {
    for (const symmetric of [true, false]) {
      it(`${wasm} build, ${symmetric ? 'symmetric' : 'asymmetric'} matrices, closed and open, n <= 9`, () => {
        fc.assert(
          fc.property(
            costMatrix(9, symmetric).chain((m) => fc.tuple(fc.constant(m), variant(m))),
            ([m, v]) => {
              const end = v.endKind === 'closed' ? v.start : v.endKind === 'any' ? 'any' : v.endNode;
              const r = solveSync({ matrix: m }, { method: 'exact', wasm, start: v.start, end });
              expect(r.exact).toBe(true);
              expectValidRoute(r.tour, m.length, v.start, end);
              expect(r.length).toBe(bruteForce(m, v.start, end));
              expect(routeLength({ matrix: m }, r.tour, end === v.start)).toBe(r.length);
            },
          ),
          { numRuns: 120, seed: symmetric ? 11 : 12 },
        );
      });
    }
  }

  it('gives the same answer through the async API on both builds', async () => {
    const m = [
      [0, 3, 9, 4, 7],
      [2, 0, 6, 8, 3],
      [5, 1, 0, 2, 9],
      [7, 4, 3, 0, 1],
      [1, 9, 8, 6, 0],
    ];
    const a = await solve({ matrix: m }, { method: 'exact', wasm: 'simd' });
    const b = await solve({ matrix: m }, { method: 'exact', wasm: 'scalar' });
    expect(a.length).toBe(bruteForce(m, 0, 0));
    expect(b.length).toBe(a.length);
  });
});

describe('solver memory reuse', () => {
  const randomMatrix = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : ((i * 131 + j * 71 + seed * 17) % 97) + 1)),
    );

  it('interleaved async solves never share an instance (each gets the optimum)', async () => {
    const a = randomMatrix(17, 1);
    const b = randomMatrix(16, 2);
    const [ra, rb] = await Promise.all([
      solve({ matrix: a }, { method: 'exact' }),
      solve({ matrix: b }, { method: 'exact' }),
    ]);
    expect(ra.length).toBe(solveSync({ matrix: a }, { method: 'exact', wasm: 'scalar' }).length);
    expect(rb.length).toBe(solveSync({ matrix: b }, { method: 'exact', wasm: 'scalar' }).length);
  });

  it('gives the same answers with memory kept, limited to nothing, and released', () => {
    const m = randomMatrix(12, 3);
    const kept = solveSync({ matrix: m }, { method: 'exact' }).length;
    setSolverMemoryLimit(0);
    const fresh = solveSync({ matrix: m }, { method: 'exact' }).length;
    setSolverMemoryLimit(256 * 2 ** 20);
    releaseSolverMemory();
    expect(fresh).toBe(kept);
    expect(solveSync({ matrix: m }, { method: 'exact' }).length).toBe(kept);
    // like geofence's releaseVerificationMemory: the bytes released, then 0 (regression: it returned nothing)
    expect(releaseSolverMemory()).toBeGreaterThan(0);
    expect(releaseSolverMemory()).toBe(0);
    expect(() => setSolverMemoryLimit(-1)).toThrow(TspError); // regression: a bare RangeError
  });
});

describe('solve: inputs and small sizes', () => {
  it('solves n = 1, 2 and 3, closed and open', async () => {
    expect((await solve({ matrix: [[0]] })).tour).toEqual([0]);
    expect((await solve({ matrix: [[0]] })).length).toBe(0);
    const two = await solve({
      matrix: [
        [0, 4],
        [6, 0],
      ],
    });
    expect(two.tour).toEqual([0, 1]);
    expect(two.length).toBe(10);
    const twoOpen = await solve(
      {
        matrix: [
          [0, 4],
          [6, 0],
        ],
      },
      { start: 1, end: 'any' },
    );
    expect(twoOpen).toMatchObject({ tour: [1, 0], length: 6, closed: false, end: 0 });
    const three = await solve({
      matrix: [
        [0, 2, 9],
        [1, 0, 6],
        [15, 7, 0],
      ],
    });
    expect(three).toMatchObject({ tour: [0, 2, 1], length: 17, exact: true });
    const threeHeur = await solve(
      {
        matrix: [
          [0, 2, 9],
          [1, 0, 6],
          [15, 7, 0],
        ],
      },
      { method: 'heuristic' },
    );
    expect(threeHeur).toMatchObject({ tour: [0, 2, 1], length: 17, exact: false });
  });

  it('takes a flat Int32Array or Float64Array with n', async () => {
    const flat = Int32Array.from([0, 2, 9, 1, 0, 6, 15, 7, 0]);
    expect((await solve({ matrix: flat, n: 3 })).length).toBe(17);
    expect((await solve({ matrix: Float64Array.from(flat), n: 3 })).length).toBe(17);
  });

  it('ignores the diagonal (TSPLIB ATSP files hold a large number there)', async () => {
    expect(
      (
        await solve({
          matrix: [
            [9999, 2, 9],
            [1, 9999, 6],
            [15, 7, 9999],
          ],
        })
      ).length,
    ).toBe(17);
  });

  it('keeps fractional costs in the length and is exact for costs rounded to 1/1000', async () => {
    const m = [
      [0, 1.25, 2.5],
      [1.5, 0, 1.125],
      [2, 3, 0],
    ];
    const r = await solve({ matrix: m }, { method: 'exact' });
    expect(r.costScale).toBe(1000);
    expect(r.length).toBeCloseTo(Math.min(1.25 + 1.125 + 2, 2.5 + 3 + 1.5), 9);
  });

  it('solves points by great-circle metres', async () => {
    const points = [
      { lng: 116.397, lat: 39.908 },
      { lng: 116.407, lat: 39.908 },
      { lng: 116.407, lat: 39.918 },
      { lng: 116.397, lat: 39.918 },
    ];
    const r = await solve({ points });
    expect(r.tour).toHaveLength(4);
    // a ~0.85 km by ~1.11 km rectangle: the perimeter, about 3.9 km
    expect(r.length).toBeGreaterThan(3800);
    expect(r.length).toBeLessThan(4000);
  });

  it('reports exact progress and honours an already-aborted signal', async () => {
    const n = 16; // below BRANCH_AND_CUT_MIN_N: the DP, which reports fractions
    const m = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => ((i * 7 + j * 13) % 17) + (i === j ? 0 : 1)),
    );
    const fractions: number[] = [];
    await solve(
      { matrix: m },
      { method: 'exact', onProgress: (p) => p.fraction !== undefined && fractions.push(p.fraction) },
    );
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((f, k) => f > 0 && f < 1 && (k === 0 || f > fractions[k - 1]!))).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(solve({ matrix: m }, { method: 'exact', signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});

describe('solve: bad input gives a typed error naming the field', () => {
  const cases: [string, unknown, SolveOptions | undefined, string, (string | number)[]][] = [
    ['a non-square matrix', { matrix: [[0, 1], [1]] }, undefined, 'INVALID_INPUT', ['matrix', 1]],
    [
      'NaN',
      {
        matrix: [
          [0, NaN],
          [1, 0],
        ],
      },
      undefined,
      'INVALID_INPUT',
      ['matrix', 0, 1],
    ],
    [
      'a negative cost',
      {
        matrix: [
          [0, 1],
          [-1, 0],
        ],
      },
      undefined,
      'INVALID_INPUT',
      ['matrix', 1, 0],
    ],
    [
      'an infinite cost',
      {
        matrix: [
          [0, Infinity],
          [1, 0],
        ],
      },
      undefined,
      'INVALID_INPUT',
      ['matrix', 0, 1],
    ],
    [
      'a string cost',
      {
        matrix: [
          [0, '3'],
          [1, 0],
        ],
      },
      undefined,
      'INVALID_INPUT',
      ['matrix', 0, 1],
    ],
    ['n = 0', { matrix: [] }, undefined, 'INVALID_INPUT', ['matrix']],
    ['no points', { points: [] }, undefined, 'INVALID_INPUT', ['points']],
    ['a latitude out of range', { points: [{ lng: 0, lat: 95 }] }, undefined, 'INVALID_INPUT', ['points', 0, 'lat']],
    ['a flat matrix of the wrong size', { matrix: new Int32Array(5), n: 2 }, undefined, 'INVALID_INPUT', ['matrix']],
    ['a flat matrix without n', { matrix: new Int32Array(4) }, undefined, 'INVALID_INPUT', ['n']],
    ['neither matrix nor points', { rows: [] }, undefined, 'INVALID_INPUT', ['matrix']],
    [
      'start out of range',
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { start: 2 },
      'INVALID_INPUT',
      ['options', 'start'],
    ],
    [
      'end out of range',
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { end: 5 },
      'INVALID_INPUT',
      ['options', 'end'],
    ],
    [
      'a negative start',
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { start: -1 },
      'INVALID_INPUT',
      ['options', 'start'],
    ],
    [
      'an unknown method',
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { method: 'fast' as 'auto' },
      'INVALID_INPUT',
      ['options', 'method'],
    ],
    [
      'an unknown option',
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { speed: 1 } as SolveOptions,
      'INVALID_INPUT',
      ['options', 'speed'],
    ],
    [
      'exact beyond the branch-and-cut (n > 1000)',
      { matrix: new Int32Array(1001 * 1001), n: 1001 },
      { method: 'exact' },
      'TOO_LARGE',
      ['n'],
    ],
  ];
  for (const [what, input, options, code, path] of cases) {
    it(`rejects ${what}`, async () => {
      const error = await solve(input as never, options).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TspError);
      expect(error).toMatchObject({ code, path });
      expect((error as Error).message).toContain(path.length ? String(path[0]) : '');
    });
  }

  it('writes messages that name the place, the rule and the value', () => {
    expect(() =>
      solveSync({
        matrix: [
          [0, NaN],
          [1, 0],
        ],
      }),
    ).toThrow('matrix[0][1]: cost must be a number, not NaN, received NaN');
  });
});

describe('heuristic', () => {
  it('always returns a valid route whose length re-sums, for every variant', () => {
    fc.assert(
      fc.property(
        costMatrix(30, false).chain((m) => fc.tuple(fc.constant(m), variant(m), fc.integer())),
        ([m, v, seed]) => {
          const end = v.endKind === 'closed' ? v.start : v.endKind === 'any' ? 'any' : v.endNode;
          const r = solveSync({ matrix: m }, { method: 'heuristic', start: v.start, end, seed, maxKicks: 20 });
          expect(r.exact).toBe(false);
          expectValidRoute(r.tour, m.length, v.start, end);
          expect(r.length).toBe(routeLength({ matrix: m }, r.tour, end === v.start));
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });

  it('never beats the exact optimum (a check of both solvers)', () => {
    fc.assert(
      fc.property(costMatrix(8, false), (m) => {
        const h = solveSync({ matrix: m }, { method: 'heuristic', maxKicks: 200 });
        const e = solveSync({ matrix: m }, { method: 'exact' });
        expect(h.length).toBeGreaterThanOrEqual(e.length);
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  it('is deterministic for a seed', () => {
    const n = 60;
    const pts = Array.from({ length: n }, (_, i) => [(i * 7919) % 1000, (i * 104729) % 1000] as const);
    const m = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const a = solveSync({ matrix: m }, { method: 'heuristic', seed: 42, maxKicks: 50 });
    const b = solveSync({ matrix: m }, { method: 'heuristic', seed: 42, maxKicks: 50 });
    expect(b.tour).toEqual(a.tour);
  });
});
