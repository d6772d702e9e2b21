import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_HARD_MAX_N, routeLength, solveSync, TspError } from '@beatplan/tsp';
import { HELD_KARP_CORE, runHeldKarp, type ExactOutcome, type HeldKarpExports } from './internal/held-karp.js';
import { PACKED_ROUTE_COST_LIMIT, ROUTE_COST_LIMIT, routeCostBound, toIntegerCosts } from './internal/integer-costs.js';
import { compileCoreSync, instantiateCore } from './internal/wasm.js';

// The exact core (assembly/held-karp.ts) driven directly: packed and wide paths, parents, layer
// boundaries, memory sizing. Brute force over every order of the inner nodes is the oracle.

const BUILDS = ['simd', 'scalar'] as const;
type End = number | 'any';

function bruteForce(cost: Int32Array, n: number, start: number, end: End): number {
  const closed = end === start;
  const inner = [...Array(n).keys()].filter((v) => v !== start && (closed || end === 'any' || v !== end));
  const closeCost = (last: number) => (closed ? cost[last * n + start]! : end === 'any' ? 0 : cost[last * n + end]!);
  if (inner.length === 0) return closeCost(start);
  let best = Infinity;
  const used = new Array<boolean>(inner.length).fill(false);
  const walk = (last: number, depth: number, acc: number): void => {
    if (depth === inner.length) {
      best = Math.min(best, acc + closeCost(last));
      return;
    }
    for (let k = 0; k < inner.length; k++) {
      if (used[k]) continue;
      used[k] = true;
      walk(inner[k]!, depth + 1, acc + cost[last * n + inner[k]!]!);
      used[k] = false;
    }
  };
  walk(start, 0, 0);
  return best;
}

/** A fresh instance of the core whose `prepare` records the path it was asked for. */
function core(build: 'simd' | 'scalar'): HeldKarpExports & { packedCalls: number[] } {
  const hk = instantiateCore<HeldKarpExports>(compileCoreSync(HELD_KARP_CORE, build));
  const packedCalls: number[] = [];
  return {
    ...hk,
    memory: hk.memory,
    prepare: (m, packed) => (packedCalls.push(packed), hk.prepare(m, packed)),
    packedCalls,
  };
}

function drive(hk: HeldKarpExports, icost: Int32Array, n: number, start: number, end: End): ExactOutcome {
  const steps = runHeldKarp(hk, { n, icost, start, end });
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

function expectOptimal(out: ExactOutcome, icost: Int32Array, n: number, start: number, end: End): void {
  expect([...out.tour].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  expect(out.tour[0]).toBe(start);
  if (typeof end === 'number' && end !== start) expect(out.tour[n - 1]).toBe(end);
  expect(routeLength({ matrix: icost, n }, out.tour, end === start)).toBe(out.cost);
  expect(out.cost).toBe(bruteForce(icost, n, start, end));
}

/** Random n <= maxN, an int32 matrix with entries in [0, maxCost], and a variant (closed, any, fixed end). */
const problem = (maxN: number, maxCost: fc.Arbitrary<number>) =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      maxCost,
      cells: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      start: fc.integer({ min: 0, max: n - 1 }),
      endKind: fc.constantFrom('closed', 'any', 'node'),
      endNode: fc.integer({ min: 0, max: n - 1 }),
    }),
  );

function materialise(p: {
  n: number;
  maxCost: number;
  cells: number[];
  start: number;
  endKind: string;
  endNode: number;
}) {
  const { n } = p;
  // a third of the cells at the maximum, so that the route bound sits close to the limit under test
  const icost = Int32Array.from(p.cells, (u, k) =>
    k % (n + 1) === 0 ? 0 : u < 0.33 ? p.maxCost : Math.floor(u * p.maxCost),
  );
  const end: End = p.endKind === 'closed' ? p.start : p.endKind === 'any' ? 'any' : p.endNode;
  return { n, icost, start: p.start, end };
}

describe('exact core equals brute force', () => {
  for (const build of BUILDS) {
    it(`${build}: packed path with routes just below the packed limit (2^25), n <= 9`, () => {
      fc.assert(
        fc.property(problem(9, fc.constant(0)), (raw) => {
          // entries up to (limit - 1 - n) / n: the largest that keep routeCostBound + n below 2^25
          const maxCost = Math.floor((PACKED_ROUTE_COST_LIMIT - 1 - raw.n) / Math.max(1, raw.n));
          const { n, icost, start, end } = materialise({ ...raw, maxCost });
          expect(routeCostBound(icost, n) + n).toBeLessThan(PACKED_ROUTE_COST_LIMIT);
          const hk = core(build);
          const out = drive(hk, icost, n, start, end);
          expect(hk.packedCalls.every((p) => p === 1)).toBe(true);
          expectOptimal(out, icost, n, start, end);
        }),
        { numRuns: 80, seed: 21 },
      );
    });

    it(`${build}: wide path for routes from 2^25 up to 2^30, n <= 9`, () => {
      fc.assert(
        fc.property(problem(9, fc.constant(0)), (raw) => {
          const maxCost = Math.floor((ROUTE_COST_LIMIT - 1 - raw.n) / Math.max(1, raw.n));
          const { n, icost, start, end } = materialise({ ...raw, maxCost });
          const hk = core(build);
          const out = drive(hk, icost, n, start, end);
          if (routeCostBound(icost, n) + n >= PACKED_ROUTE_COST_LIMIT) expect(hk.packedCalls).toEqual([0]);
          expectOptimal(out, icost, n, start, end);
        }),
        { numRuns: 80, seed: 22 },
      );
    });

    it(`${build}: parents stay consistent under ties (costs in {0, 1, 2}, constant matrices)`, () => {
      fc.assert(
        fc.property(problem(9, fc.constant(2)), (raw) => {
          const { n, icost, start, end } = materialise(raw);
          expectOptimal(drive(core(build), icost, n, start, end), icost, n, start, end);
        }),
        { numRuns: 80, seed: 23 },
      );
      for (const value of [0, 7]) {
        const n = 9;
        const icost = Int32Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 0 : value));
        expectOptimal(drive(core(build), icost, n, 0, 0), icost, n, 0, 0);
      }
    });

    it(`${build}: the smallest layers (n = 2 and 3: one or two inner nodes), every variant`, () => {
      const hk = core(build); // one instance for all: its memory and state are reused
      for (const n of [2, 3]) {
        const icost = Int32Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 0 : 1 + ((k * 5) % 7)));
        for (let start = 0; start < n; start++) {
          for (const end of [start, 'any', ...[...Array(n).keys()].filter((v) => v !== start)] as End[]) {
            expectOptimal(drive(hk, icost, n, start, end), icost, n, start, end);
          }
        }
      }
    });

    it(`${build}: step(1) crosses every layer boundary and gives the same route as big chunks`, () => {
      const n = 8;
      const m = n - 1;
      const icost = Int32Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 0 : 1 + ((k * 37) % 23)));
      for (const packed of [1, 0]) {
        const hk = core(build);
        expect(hk.prepare(m, packed)).toBe(1);
        const stride = hk.strideOf();
        const w = new Int32Array(hk.memory.buffer, hk.matrixPtr(), m * stride);
        const a = new Int32Array(hk.memory.buffer, hk.startPtr(), m);
        const c = new Int32Array(hk.memory.buffer, hk.closePtr(), m);
        for (let i = 0; i < m; i++) {
          a[i] = icost[i + 1]!;
          c[i] = icost[(i + 1) * n]!;
          for (let j = 0; j < m; j++) w[i * stride + j] = i === j ? 0 : icost[(j + 1) * n + i + 1]!;
        }
        hk.begin();
        let calls = 0;
        let left = 2 ** m - 1;
        while (left > 0) {
          const next = hk.step(1);
          expect(next).toBe(left - 1);
          left = next;
          calls++;
        }
        expect(calls).toBe(2 ** m - 1);
        expect(hk.step(5)).toBe(0);
        const cost = hk.finish();
        const tour = [0, ...Array.from(new Int32Array(hk.memory.buffer, hk.routePtr(), m), (k) => k + 1)];
        expect(cost).toBe(bruteForce(icost, n, 0, 0));
        expect(routeLength({ matrix: icost, n }, tour)).toBe(cost);
      }
    });

    it(`${build}: refuses more than wasm32 holds before allocating anything`, () => {
      const hk = core(build);
      const before = hk.memory.buffer.byteLength;
      // m = 26 inner nodes (n = 27 closed) is the most that fits in 4 GiB; the public limit is within it
      expect(hk.memoryBytes(26)).toBeLessThanOrEqual(2 ** 32);
      expect(hk.memoryBytes(27)).toBeGreaterThan(2 ** 32);
      expect(EXACT_HARD_MAX_N - 1).toBeLessThanOrEqual(26);
      const n = 28; // closed tour: m = 27 inner nodes
      const error = (() => {
        try {
          drive(hk, new Int32Array(n * n), n, 0, 0);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(TspError);
      expect(error).toMatchObject({ code: 'TOO_LARGE', path: ['n'], value: n });
      expect(hk.packedCalls).toEqual([]);
      expect(hk.memory.buffer.byteLength).toBe(before);
    });
  }

  it('solve rejects method exact beyond EXACT_HARD_MAX_N with TOO_LARGE (closed tour and open to any end)', () => {
    const n = EXACT_HARD_MAX_N + 1;
    for (const end of [0, 'any'] as const) {
      expect(() => solveSync({ matrix: new Int32Array(n * n), n }, { method: 'exact', end })).toThrow(
        expect.objectContaining({ code: 'TOO_LARGE', path: ['n'] }) as Error,
      );
    }
  });
});

describe('integer costs for the exact core', () => {
  it('keeps integer costs, packed or wide, divides them by their gcd past 2^30, else refuses', () => {
    const big = Float64Array.from([0, 2 ** 26, 2 ** 26, 0]);
    expect(toIntegerCosts(big, 2)).toMatchObject({ scale: 1 });
    const multiples = toIntegerCosts(Float64Array.from([0, 3 * 2 ** 29, 2 ** 30, 0]), 2);
    expect(multiples.scale).toBe(2 ** -29);
    expect(Array.from(multiples.icost)).toEqual([0, 3, 2, 0]);
    expect(() => toIntegerCosts(Float64Array.from([0, 2 ** 30 + 1, 2 ** 30, 0]), 2)).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }) as Error,
    );
  });

  it('scales fractional costs by the largest of 1000/100/10/1 under the packed limit, else under the wide one', () => {
    expect(toIntegerCosts(Float64Array.from([0, 1.5, 2.25, 0]), 2).scale).toBe(1000); // bound 3.75
    expect(toIntegerCosts(Float64Array.from([0, 20000.5, 20000.5, 0]), 2).scale).toBe(100); // 40001 * 1000 > 2^25
    expect(
      toIntegerCosts(
        Float64Array.from([0, 2.5e7, 2.5e7, 0]).map((v) => (v ? v + 0.5 : 0)),
        2,
      ).scale,
    ).toBe(10); // wide
  });

  it('solves a fractional instance on the wide path exactly (scaled by 10)', () => {
    // route bound about 4.6e7: over 2^25 unscaled, so no scale keeps it packed; 10 keeps it below 2^30
    const base = [
      [0, 1e7 + 0.5, 1.2e7, 0.4e7],
      [0.2e7, 0, 0.6e7 + 0.25, 1.1e7],
      [1.15e7, 0.1e7, 0, 0.2e7],
      [0.7e7, 1.2e7, 0.3e7 + 0.75, 0],
    ];
    for (const wasm of BUILDS) {
      const r = solveSync({ matrix: base }, { method: 'exact', wasm });
      expect(r.costScale).toBe(10);
      const icost = Int32Array.from(base.flat(), (v) => Math.round(v * 10));
      expect(Math.round(r.length * 10)).toBe(bruteForce(icost, 4, 0, 0));
    }
  });
});
