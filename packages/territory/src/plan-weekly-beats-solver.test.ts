// planWeeklyBeats' routing stage (issue 11 item 5): the days routed by a worker-thread pool give the
// plan routed in this thread, whatever the number of workers; progress per routed day; a day that
// fails fails the whole plan (the other days aborted, nothing returned); abort while routing.
import { isBeatplanError, type RetailerInput } from '@beatplan/core';
import { solve, TspError, type RouteSolver, type SolveOptions } from '@beatplan/tsp';
import { createSolverPool, type SolverPool } from '@beatplan/tsp/pool';
import { afterAll, describe, expect, it } from 'vitest';
import { manager, random, retailer } from '../test/helpers.js';
import { planWeeklyBeats } from './plan-weekly-beats.js';

const BASE = [120.15, 30.27] as const;
const FREQUENCIES = ['weekly', 'twice_weekly', 'fortnightly', 'monthly'] as const;

/** n seeded retailers around the base, some with opening hours (time windows on every day). */
function retailers(n: number, seed: number): RetailerInput[] {
  const rnd = random(seed);
  return Array.from({ length: n }, (_, i) =>
    retailer(`R${i}`, BASE[0] + (rnd() - 0.5) * 0.1, BASE[1] + (rnd() - 0.5) * 0.1, {
      visitFrequency: FREQUENCIES[Math.floor(rnd() * 4)]!,
      serviceMinutes: 5 + Math.floor(rnd() * 15),
      ...(rnd() < 0.4
        ? { openingHours: { mon: [{ from: '10:00', to: '14:00' }], thu: [{ from: '13:00', to: '17:00' }] } }
        : {}),
    }),
  );
}

const pools: SolverPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('planWeeklyBeats with a solver', () => {
  it('plans the same beats in this thread and with 1, 2 and 3 workers (same seed and kick budget)', async () => {
    const m = manager('M1', ...BASE);
    const rs = retailers(120, 11);
    const options = { startDate: '2025-03-03', weeks: 2, seed: 5, maxKicks: 40 };
    const inThread = await planWeeklyBeats(m, rs, options);
    expect(inThread.totals.visits).toBeGreaterThan(100);
    for (const workers of [1, 2, 3]) {
      const pool = createSolverPool({ workers });
      pools.push(pool);
      const progress: string[] = [];
      const pooled = await planWeeklyBeats(m, rs, {
        ...options,
        solver: pool,
        onProgress: (p) => progress.push(`${p.stage} ${p.done}/${p.total}`),
      });
      expect(pooled).toEqual(inThread);
      expect(progress).toEqual([
        'visit-days 0/1',
        'visit-days 1/1',
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => `routing ${d}/10`),
      ]);
    }
  });

  it('fails the plan with the first failing day: the other days are aborted and nothing is returned', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    let running = 0;
    // routes with the real solver; the fourth day it is given fails as a worker out of memory would
    const failing: RouteSolver = {
      async solve(input, options?: SolveOptions) {
        if (options?.signal) signals.push(options.signal);
        if (++calls === 4)
          throw new TspError('TOO_LARGE', [{ path: ['pool', 'resourceLimits'], message: 'out of memory' }]);
        running++;
        try {
          return await solve(input, { ...options, maxKicks: 4000 });
        } finally {
          running--;
        }
      },
    };
    const e = await planWeeklyBeats(manager('M1', ...BASE), retailers(120, 11), {
      startDate: '2025-03-03',
      solver: failing,
      maxKicks: 40,
    }).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'TOO_LARGE')).toBe(true);
    expect((e as { path: unknown }).path).toEqual(['pool', 'resourceLimits']);
    expect(running).toBe(0); // no day is still being routed once the plan has failed
    expect(signals.length).toBeGreaterThan(4);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('rejects ABORTED when the signal fires while the days are routed by a pool', async () => {
    const pool = createSolverPool({ workers: 1 });
    pools.push(pool);
    const controller = new AbortController();
    const running = planWeeklyBeats(manager('M1', ...BASE), retailers(200, 3), {
      startDate: '2025-03-03',
      weeks: 4,
      solver: pool,
      maxKicks: 5000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'routing' && p.done === 1) controller.abort();
      },
    });
    const e = await running.catch((x: unknown) => x);
    expect(isBeatplanError(e, 'ABORTED')).toBe(true);
  });

  it('refuses a solver without a solve method', async () => {
    const e = await planWeeklyBeats(manager('M1', ...BASE), retailers(3, 1), {
      startDate: '2025-03-03',
      solver: {} as never,
    }).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
    expect((e as Error).message).toMatch(/options.solver: solver must have a solve/);
  });
});
