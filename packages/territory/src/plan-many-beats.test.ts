// planManyBeats: several managers at once on a worker-thread pool give exactly the beats of
// planWeeklyBeats for each manager alone; progress names the manager; a bad managersAtOnce is refused.
import { isBeatplanError } from '@beatplan/core';
import { createSolverPool } from '@beatplan/tsp/pool';
import { describe, expect, it } from 'vitest';
import { clusteredCity } from '../test/helpers.js';
import { partitionTerritories } from './partition-territories.js';
import { planManyBeats } from './plan-many-beats.js';
import { planWeeklyBeats } from './plan-weekly-beats.js';

describe('planManyBeats', () => {
  it('plans every manager as planWeeklyBeats alone would, with a pool of 2 workers and 3 managers at once', async () => {
    const { retailers, managers } = clusteredCity(240, 4, 21);
    const part = partitionTerritories(retailers, managers);
    const byId = new Map(retailers.map((r) => [r.id, r]));
    const jobs = managers.map((manager, j) => ({
      manager,
      retailers: part.territories[j]!.retailerIds.map((id) => byId.get(id)!),
    }));
    const options = { startDate: '2025-03-03', weeks: 2, seed: 2, maxKicks: 30 };
    const alone = [];
    for (const job of jobs) alone.push(await planWeeklyBeats(job.manager, job.retailers, options));
    const pool = createSolverPool({ workers: 2 });
    try {
      const seen = new Set<number>();
      const many = await planManyBeats(jobs, {
        ...options,
        solver: pool,
        managersAtOnce: 3,
        onProgress: (p) => seen.add(p.job),
      });
      expect(many).toEqual(alone);
      expect([...seen].sort()).toEqual([0, 1, 2, 3]);
      expect(await planManyBeats(jobs, options)).toEqual(alone);
    } finally {
      await pool.close();
    }
  });

  it('refuses managersAtOnce below 1', async () => {
    const e = await planManyBeats([], { startDate: '2025-03-03', managersAtOnce: 0 }).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
  });
});
