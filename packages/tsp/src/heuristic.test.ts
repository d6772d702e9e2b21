// Property tests of the heuristic (iterated local search in the WebAssembly core): valid routes for
// every variant, the brute-force optimum on small instances, determinism, anytime behaviour.
// No test asserts on wall time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeLength, solve, solveSync } from '@beatplan/tsp';

type End = number | 'any';

function expectValidRoute(tour: number[], n: number, start: number, end: End): void {
  expect([...tour].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  expect(tour[0]).toBe(start);
  if (typeof end === 'number' && end !== start) expect(tour[n - 1]).toBe(end);
}

/** Square cost matrices: symmetric or not; `zeros` makes most costs 0 or 1 (many ties and zero edges). */
const matrix = (minN: number, maxN: number, kind: 'symmetric' | 'asymmetric' | 'zeros') =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .array(
        fc.array(kind === 'zeros' ? fc.constantFrom(0, 0, 0, 1, 2, 5, 9) : fc.integer({ min: 0, max: 1000 }), {
          minLength: n,
          maxLength: n,
        }),
        {
          minLength: n,
          maxLength: n,
        },
      )
      .map((rows) =>
        rows.map((row, i) => row.map((v, j) => (i === j ? 0 : kind === 'symmetric' && j < i ? rows[j]![i]! : v))),
      ),
  );

/** start, and end: the start (closed tour), another node (open path) or 'any'. */
const ends = (n: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.constantFrom('closed', 'fixed', 'any'),
    )
    .map(([start, other, kind]) => ({
      start,
      end: (kind === 'closed' ? start : kind === 'any' ? 'any' : other) as End,
    }));

/** The optimum by enumerating every order (n <= 10). */
function bruteForce(m: number[][], start: number, end: End): number {
  const n = m.length;
  const closed = end === start;
  const fixedEnd = typeof end === 'number' && !closed ? end : -1;
  const used = new Array<boolean>(n).fill(false);
  used[start] = true;
  if (fixedEnd >= 0) used[fixedEnd] = true;
  const inner = n - (fixedEnd >= 0 ? 2 : 1);
  let best = Infinity;
  const visit = (last: number, depth: number, cost: number): void => {
    if (cost >= best) return;
    if (depth === inner) {
      const close = closed ? m[last]![start]! : fixedEnd >= 0 ? m[last]![fixedEnd]! : 0;
      best = Math.min(best, cost + close);
      return;
    }
    for (let v = 0; v < n; v++) {
      if (used[v]) continue;
      used[v] = true;
      visit(v, depth + 1, cost + m[last]![v]!);
      used[v] = false;
    }
  };
  visit(start, 0, 0);
  return n === 1 ? 0 : best;
}

describe('heuristic', () => {
  it('always returns a valid route whose length re-sums, for every variant and cost kind', () => {
    for (const kind of ['symmetric', 'asymmetric', 'zeros'] as const) {
      fc.assert(
        fc.property(
          matrix(1, 40, kind).chain((m) => fc.tuple(fc.constant(m), ends(m.length), fc.integer())),
          ([m, { start, end }, seed]) => {
            const r = solveSync({ matrix: m }, { method: 'heuristic', start, end, seed, maxKicks: 30 });
            expect(r.exact).toBe(false);
            expectValidRoute(r.tour, m.length, start, end);
            expect(r.length).toBe(routeLength({ matrix: m }, r.tour, end === start));
          },
        ),
        { numRuns: 60, seed: 11 },
      );
    }
  });

  it('finds the brute-force optimum on n <= 10 given a generous kick budget', () => {
    for (const kind of ['symmetric', 'asymmetric', 'zeros'] as const) {
      fc.assert(
        fc.property(
          matrix(1, 10, kind).chain((m) => fc.tuple(fc.constant(m), ends(m.length), fc.integer())),
          ([m, { start, end }, seed]) => {
            const r = solveSync({ matrix: m }, { method: 'heuristic', start, end, seed, maxKicks: 1000 });
            expect(r.length).toBe(bruteForce(m, start, end));
          },
        ),
        { numRuns: 250, seed: 12 },
      );
    }
  });

  it('finds the optimum of 7-node asymmetric matrices with many zero costs (the old TS baseline did not)', () => {
    fc.assert(
      fc.property(matrix(7, 7, 'zeros'), fc.integer(), (m, seed) => {
        const r = solveSync({ matrix: m }, { method: 'heuristic', seed, maxKicks: 500 });
        expect(r.length).toBe(bruteForce(m, 0, 0));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('is deterministic for a seed when the kick budget ends the search', () => {
    fc.assert(
      fc.property(matrix(20, 60, 'asymmetric'), fc.integer(), fc.constantFrom<End>(0, 'any', 5), (m, seed, end) => {
        const a = solveSync({ matrix: m }, { method: 'heuristic', seed, end, maxKicks: 300 });
        const b = solveSync({ matrix: m }, { method: 'heuristic', seed, end, maxKicks: 300 });
        expect(b.tour).toEqual(a.tour);
      }),
      { numRuns: 10, seed: 14 },
    );
  });

  it('is anytime: a time limit returns the best route known, and progress only improves', () => {
    const n = 300;
    const pts = Array.from({ length: n }, (_, i) => [(i * 7919) % 1009, (i * 104729) % 997] as const);
    const m = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const seen: number[] = [];
    // no maxKicks: the time limit alone ends the search ("use up to this time")
    const timed = solveSync(
      { matrix: m },
      { method: 'heuristic', timeLimitMs: 300, onProgress: (p) => seen.push(p.bestLength!) },
    );
    expectValidRoute(timed.tour, n, 0, 0);
    expect(timed.timedOut).toBe(true);
    expect(timed.exact).toBe(false);
    expect(timed.lowerBound).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!).toBeLessThan(seen[k - 1]!);
    expect(timed.length).toBe(seen[seen.length - 1]);
  });

  it('throws ABORTED when the signal fires, like every other method', async () => {
    const n = 300;
    const pts = Array.from({ length: n }, (_, i) => [(i * 7919) % 1009, (i * 104729) % 997] as const);
    const m = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const controller = new AbortController();
    const pending = solve({ matrix: m }, { method: 'heuristic', maxKicks: 1e9, end: 'any', signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
