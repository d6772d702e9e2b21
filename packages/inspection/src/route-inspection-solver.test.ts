// routeInspection's routing (issue 11 item 5): a worker-thread pool gives the route solved in this
// thread; progress per working day; the signal reaches the solver while a day is routed.
import { isBeatplanError } from '@beatplan/core';
import { solve, type RouteSolver } from '@beatplan/tsp';
import { createSolverPool } from '@beatplan/tsp/pool';
import { describe, expect, it } from 'vitest';
import { city } from '../test/helpers.js';
import { drawSample } from './draw-sample.js';
import { routeInspection, type InspectionProgress } from './route-inspection.js';

const base = { lng: 116.4, lat: 39.9 };

describe('routeInspection with a solver', () => {
  it('routes the same days with a pool of 2 workers as in this thread, reporting each working day', async () => {
    const rs = city(60, 3, 11);
    const plan = drawSample(rs, { size: 40 }, { seed: 3 });
    const options = { base, date: '2025-03-05', maxStopsPerDay: 12, maxDays: 5, seed: 4 };
    const inThread = await routeInspection(plan, rs, options);
    const pool = createSolverPool({ workers: 2 });
    try {
      const progress: InspectionProgress[] = [];
      const pooled = await routeInspection(plan, rs, { ...options, solver: pool, onProgress: (p) => progress.push(p) });
      expect(pooled).toEqual(inThread);
      expect(progress.map((p) => [p.stage, p.done, p.total])).toEqual(
        [1, 2, 3, 4, 5].slice(0, progress.length).map((d) => ['routing', d, 5]),
      );
      expect(progress.length).toBeGreaterThanOrEqual(inThread.days.length);
    } finally {
      await pool.close();
    }
  });

  it('gives the signal to the solver: an abort while a day is routed rejects ABORTED', async () => {
    const rs = city(40, 3, 5);
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const watching: RouteSolver = {
      solve(input, options) {
        seen.push(options?.signal);
        if (seen.length === 2) controller.abort();
        return solve(input, options);
      },
    };
    const e = await routeInspection(
      rs.map((r) => r.id),
      rs,
      { base, date: '2025-03-05', maxStopsPerDay: 10, solver: watching, signal: controller.signal },
    ).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'ABORTED')).toBe(true);
    expect(seen.every((s) => s === controller.signal)).toBe(true);
  });
});
