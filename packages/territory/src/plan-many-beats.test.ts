// planManyBeats: several managers at once on a worker-thread pool give exactly the beats of
// planWeeklyBeats for each manager alone — whole managers planned in the workers, or (fewer managers than
// workers, or a `costs` object) the visit days chosen here and the days routed in the pool; progress names
// the manager; `wholeManagers` forces the one path or the other; a manager that fails fails the whole call with
// his error; an abort stops it; a bad managersAtOnce, or `wholeManagers: true` without a pool, is refused.
import { isBeatplanError, straightLineCosts } from '@beatplan/core';
import { createSolverPool } from '@beatplan/tsp/pool';
import { afterAll, describe, expect, it } from 'vitest';
import { clusteredCity } from '../test/helpers.js';
import { partitionTerritories } from './partition-territories.js';
import { planManyBeats } from './plan-many-beats.js';
import { planWeeklyBeats } from './plan-weekly-beats.js';

const { retailers, managers } = clusteredCity(160, 4, 21);
const part = partitionTerritories(retailers, managers);
const byId = new Map(retailers.map((r) => [r.id, r]));
const jobs = managers.map((manager, j) => ({
  manager,
  retailers: part.territories[j]!.retailerIds.map((id) => byId.get(id)!),
}));
const options = { startDate: '2025-03-03', weeks: 2, seed: 2, maxKicks: 30 };
const pool = createSolverPool({ workers: 2 });
afterAll(() => pool.close());

describe('planManyBeats', () => {
  it('plans every manager as planWeeklyBeats alone would, whole managers in the workers or not', async () => {
    const alone = [];
    for (const job of jobs) alone.push(await planWeeklyBeats(job.manager, job.retailers, options));
    const seen = new Set<number>();
    const stages: string[] = [];
    const last = new Map<number, string>();
    // any TaskRunner: this one counts the managers sent to the pool's threads
    let tasks = 0;
    const counting = {
      workers: pool.workers,
      solve: pool.solve,
      runTask: <R>(...a: Parameters<typeof pool.runTask>) => {
        tasks++;
        return pool.runTask<R>(...a);
      },
    };
    const many = await planManyBeats(jobs, {
      ...options,
      solver: counting,
      managersAtOnce: 3,
      onProgress: (p) => {
        seen.add(p.job);
        stages.push(p.stage);
        last.set(p.job, `${p.stage} ${p.done === p.total}`);
      },
    });
    expect(many).toEqual(alone);
    expect(tasks).toBe(4);
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    expect(stages).toContain('visit-days');
    // every manager's reports arrive before the answer, down to his last day routed
    expect([...last.values()]).toEqual(Array(4).fill('routing true'));
    expect(await planManyBeats(jobs, options)).toEqual(alone);
    // a costs object cannot reach a worker: the visit days are chosen here, the days routed in the pool
    const costs = straightLineCosts();
    expect(await planManyBeats(jobs, { ...options, costs, solver: counting })).toEqual(alone);
    expect(tasks).toBe(4);
    // wholeManagers: true plans even one manager whole in a worker (a queue worker's call per job), false never
    const one = await planManyBeats(jobs.slice(3), { ...options, solver: counting, wholeManagers: true });
    expect(one).toEqual(alone.slice(3));
    expect(tasks).toBe(5);
    expect(await planManyBeats(jobs, { ...options, solver: counting, wholeManagers: false })).toEqual(alone);
    expect(tasks).toBe(5);
    for (const refused of [{ wholeManagers: true }, { wholeManagers: true, solver: pool, costs }]) {
      const e = await planManyBeats(jobs, { ...options, ...refused }).catch((x: unknown) => x);
      expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as { path: unknown }).path).toEqual(['options', 'wholeManagers']);
    }
    // fewer managers than workers: the same
    const three = createSolverPool({ workers: 3 });
    try {
      expect(await planManyBeats(jobs.slice(0, 2), { ...options, solver: three })).toEqual(alone.slice(0, 2));
    } finally {
      await three.close();
    }
  });

  it("fails with the first failing manager's error in a worker, and an abort with ABORTED", async () => {
    const bad = jobs.map((job, j) => (j === 2 ? { ...job, manager: { ...job.manager, maxDailyMinutes: -5 } } : job));
    const e = await planManyBeats(bad, { ...options, solver: pool }).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
    expect((e as { path: unknown }).path).toEqual(['manager', 'maxDailyMinutes']);
    const controller = new AbortController();
    const aborted = await planManyBeats(jobs, {
      ...options,
      solver: pool,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((x: unknown) => x);
    expect(isBeatplanError(aborted, 'ABORTED')).toBe(true);
    // the pool still plans afterwards
    const again = await planManyBeats(jobs.slice(0, 2), { ...options, solver: pool });
    expect(again.map((b) => b.managerId)).toEqual(jobs.slice(0, 2).map((j) => j.manager.id));
  });

  it('refuses managersAtOnce below 1', async () => {
    const e = await planManyBeats([], { startDate: '2025-03-03', managersAtOnce: 0 }).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
  });
});
