import { IdSchema, LocalDateSchema, UtcOffsetMinutesSchema, type VisitPlan } from '@beatplan/core';
import { planManyBeats } from '@beatplan/territory';
import type { RouteSolver } from '@beatplan/tsp';
import type { SolverPool } from '@beatplan/tsp/pool';
import * as z from 'zod';

/**
 * One territory's planning job: everything `planWeeklyBeats` needs, carried in the job itself, so the
 * result depends on the job and nothing else (not on the worker, the machine or the database's later
 * state). `manager` and `retailers` are checked by `planWeeklyBeats` against core's schemas.
 */
export const TerritoryJobSchema = z.strictObject({
  /** The planning run the job belongs to (one partition of the province). */
  runId: IdSchema,
  managerId: IdSchema,
  manager: z.unknown(),
  retailers: z.array(z.unknown()),
  beat: z.strictObject({
    startDate: LocalDateSchema,
    weeks: z.number().int().min(1).max(52),
    seed: z.number().int().min(0),
    utcOffsetMinutes: UtcOffsetMinutesSchema,
  }),
});
export type TerritoryJob = z.infer<typeof TerritoryJobSchema>;

/** A visit that could not be planned (the partition's or a manager's beats'), with the reason. */
export interface DroppedVisit {
  retailerId: string;
  managerId?: string;
  date?: string;
  reason: string;
}

/** What a territory job produces: the manager's day plans and what could not be planned. */
export interface TerritoryResult {
  managerId: string;
  plans: VisitPlan[];
  dropped: DroppedVisit[];
}

/**
 * Plans one territory: `planWeeklyBeats` for its manager and retailers with the job's seed. The same
 * job gives the same result in any process, with or without a `pool` and whatever its number of threads
 * (the library is deterministic for a seed, and its search budget is counted in moves, not in time).
 * Throws the library's `BeatplanError` on bad data.
 *
 * @param options.pool - a `createSolverPool` of `@beatplan/tsp/pool`: the manager is planned whole (workload,
 *   visit days, routes) in one of its worker threads (`planManyBeats` with `wholeManagers`), so a queue worker
 *   that takes one job per thread uses every core and its own thread stays free; default this thread.
 */
export async function planTerritory(
  job: TerritoryJob,
  options: { signal?: AbortSignal; pool?: SolverPool } = {},
): Promise<TerritoryResult> {
  const [result] = await planTerritories([job], {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pool ? { solver: options.pool, wholeManagers: true } : {}),
  });
  if (!result) throw new Error('planTerritories returned no result for one job');
  return result;
}

/**
 * Plans many territories of one run (jobs of the same `beat`, as `splitProvince` makes them) at once:
 * `planManyBeats`, which on a `createSolverPool` of `@beatplan/tsp/pool` plans whole managers in its
 * worker threads (visit days and routes) when there are at least as many as its threads, or with
 * `wholeManagers: true`. Each result is exactly `planTerritory(job)`'s, whatever the pool and its size.
 * Throws the library's `BeatplanError` on bad data (the first failing territory's; nothing is returned).
 */
export async function planTerritories(
  jobs: readonly TerritoryJob[],
  options: { signal?: AbortSignal; solver?: RouteSolver; wholeManagers?: boolean } = {},
): Promise<TerritoryResult[]> {
  const beat = jobs[0]?.beat;
  if (!beat) return [];
  if (jobs.some((j) => JSON.stringify(j.beat) !== JSON.stringify(beat)))
    throw new Error('planTerritories: every job must have the same beat (one planning run)');
  const beats = await planManyBeats(
    jobs.map((job) => ({ manager: job.manager, retailers: job.retailers })),
    {
      ...beat,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.solver ? { solver: options.solver } : {}),
      ...(options.wholeManagers === undefined ? {} : { wholeManagers: options.wholeManagers }),
    },
  );
  return jobs.map((job, k) => ({
    managerId: job.managerId,
    plans: beats[k]?.plans ?? [],
    dropped: (beats[k]?.dropped ?? []).map((d) => ({ ...d, managerId: job.managerId })),
  }));
}
