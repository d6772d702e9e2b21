import type { Retailer, VisitPlan } from '@beatplan/core';
import type { PlanningResult, PlanningResultRow, PlanningRun } from './repository.js';
import type { SqlDriver } from './sql-driver.js';

// The planning part of the SQL repository: territories, day plans, province planning runs and their
// territory results (stored once per run and manager).

const data = <T>(rows: { data: string }[]): T[] => rows.map((r) => JSON.parse(r.data) as T);

/** Replaces all territories and moves each retailer to its manager in `assignment` (inside a transaction). */
export async function replaceTerritories(tx: SqlDriver, split: Omit<PlanningResult, 'plans'>): Promise<void> {
  await tx.run('DELETE FROM territories');
  for (const t of split.territories)
    await tx.run('INSERT INTO territories (id, manager_id, data) VALUES ($1, $2, $3)', [
      t.id,
      t.managerId,
      JSON.stringify(t),
    ]);
  const retailers = data<Retailer>(await tx.all('SELECT data FROM retailers'));
  for (const r of retailers) {
    const managerId = split.assignment.get(r.id);
    if (managerId === undefined || managerId === r.managerId) continue;
    await tx.run('UPDATE retailers SET manager_id = $1, data = $2 WHERE id = $3', [
      managerId,
      JSON.stringify({ ...r, managerId }),
      r.id,
    ]);
  }
}

/** Inserts a day plan, or replaces the manager's plan of that date. */
export async function upsertPlan(tx: SqlDriver, p: VisitPlan): Promise<void> {
  await tx.run(
    `INSERT INTO plans (manager_id, date, data) VALUES ($1, $2, $3)
     ON CONFLICT (manager_id, date) DO UPDATE SET data = excluded.data`,
    [p.managerId, p.date, JSON.stringify(p)],
  );
}

/** See `Repository.startPlanningRun`. */
export function startPlanningRun(db: SqlDriver, run: PlanningRun, split: Omit<PlanningResult, 'plans'>): Promise<void> {
  return db.transaction(async (tx) => {
    await replaceTerritories(tx, split);
    await tx.run('INSERT INTO planning_runs (id, created_at, spec, jobs) VALUES ($1, $2, $3, $4)', [
      run.id,
      run.createdAt,
      JSON.stringify(run.spec),
      run.jobs,
    ]);
  });
}
/** See `Repository.storeTerritoryResult`. */
export function storeTerritoryResult(
  db: SqlDriver,
  runId: string,
  result: { managerId: string; plans: VisitPlan[]; dropped: PlanningResultRow['dropped'] },
  worker: string,
  at: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.run(
      `INSERT INTO planning_results (run_id, manager_id, plans, dropped, worker, stored_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (run_id, manager_id) DO NOTHING`,
      [runId, result.managerId, result.plans.length, JSON.stringify(result.dropped), worker, at],
    );
    if (inserted !== 1) return false;
    for (const p of result.plans) await upsertPlan(tx, p);
    return true;
  });
}
/** See `Repository.getPlanningRun`. */
export async function getPlanningRun(db: SqlDriver, id: string): Promise<PlanningRun | null> {
  const rows = await db.all<{ id: string; created_at: number; spec: string; jobs: number }>(
    'SELECT id, created_at, spec, jobs FROM planning_runs WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, createdAt: Number(r.created_at), spec: JSON.parse(r.spec), jobs: Number(r.jobs) } : null;
}
/** See `Repository.listPlanningResults`. */
export async function listPlanningResults(db: SqlDriver, runId: string): Promise<PlanningResultRow[]> {
  const rows = await db.all<{
    run_id: string;
    manager_id: string;
    plans: number;
    dropped: string;
    worker: string;
    stored_at: number;
  }>('SELECT * FROM planning_results WHERE run_id = $1 ORDER BY manager_id', [runId]);
  return rows.map((r) => ({
    runId: r.run_id,
    managerId: r.manager_id,
    plans: Number(r.plans),
    dropped: JSON.parse(r.dropped),
    worker: r.worker,
    storedAt: Number(r.stored_at),
  }));
}

/** See `Repository.getPlan`. */
export async function getPlan(db: SqlDriver, managerId: string, date: string): Promise<VisitPlan | null> {
  const rows = await db.all<{ data: string }>('SELECT data FROM plans WHERE manager_id = $1 AND date = $2', [
    managerId,
    date,
  ]);
  return data<VisitPlan>(rows)[0] ?? null;
}
/** See `Repository.listPlans`. */
export async function listPlans(db: SqlDriver, from: string, to: string, managerId?: string): Promise<VisitPlan[]> {
  return data(
    managerId === undefined
      ? await db.all('SELECT data FROM plans WHERE date >= $1 AND date <= $2 ORDER BY manager_id, date', [from, to])
      : await db.all('SELECT data FROM plans WHERE date >= $1 AND date <= $2 AND manager_id = $3 ORDER BY date', [
          from,
          to,
          managerId,
        ]),
  );
}
