import type { CustomerManager, Retailer, Territory, VisitPlan } from '@beatplan/core';
import { migrate } from './migrations.js';
import {
  getPlan,
  getPlanningRun,
  listPlans,
  listPlanningResults,
  replaceTerritories,
  startPlanningRun,
  storeTerritoryResult,
  upsertPlan,
} from './sql-planning.js';
import type {
  InspectionPlanRow,
  InspectionRecordRow,
  PlanningResult,
  PlanningResultRow,
  PlanningRun,
  Repository,
  Role,
  User,
  VisitRow,
} from './repository.js';
import type { SqlDriver } from './sql-driver.js';

interface UserRecord {
  id: string;
  name: string;
  role: Role;
  manager_id: string | null;
  created_at: number;
}
interface VisitRecord {
  id: string;
  manager_id: string;
  retailer_id: string;
  start_fix: string;
  start_hash: string;
  start_received_at: number;
  end_fix: string | null;
  end_hash: string | null;
  end_received_at: number | null;
  verdict: string | null;
}

const toUser = (r: UserRecord): User => ({
  id: r.id,
  name: r.name,
  role: r.role,
  managerId: r.manager_id,
  createdAt: Number(r.created_at),
});
const toVisit = (r: VisitRecord): VisitRow => ({
  id: r.id,
  managerId: r.manager_id,
  retailerId: r.retailer_id,
  startFix: JSON.parse(r.start_fix),
  startHash: r.start_hash,
  startReceivedAt: Number(r.start_received_at),
  endFix: r.end_fix === null ? null : JSON.parse(r.end_fix),
  endHash: r.end_hash,
  endReceivedAt: r.end_received_at === null ? null : Number(r.end_received_at),
  verdict: r.verdict === null ? null : JSON.parse(r.verdict),
});
const data = <T>(rows: { data: string }[]): T[] => rows.map((r) => JSON.parse(r.data) as T);
const VISIT_COLUMNS =
  'id, manager_id, retailer_id, start_fix, start_hash, start_received_at, end_fix, end_hash, end_received_at, verdict';

/**
 * The repository over SQL: one implementation for SQLite and PostgreSQL (see `SqlDriver`). Domain
 * objects are stored as JSON text beside the columns that are queried or referenced.
 */
export class SqlRepository implements Repository {
  constructor(private readonly db: SqlDriver) {}

  migrate(): Promise<number[]> {
    return migrate(this.db);
  }

  upsertManagers(managers: readonly CustomerManager[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      for (const m of managers)
        await tx.run(
          'INSERT INTO managers (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
          [m.id, JSON.stringify(m)],
        );
      return managers.length;
    });
  }

  upsertRetailers(retailers: readonly Retailer[], onRow?: (i: number) => void): Promise<number> {
    return this.db.transaction(async (tx) => {
      for (const [i, r] of retailers.entries()) {
        onRow?.(i);
        await tx.run(
          `INSERT INTO retailers (id, manager_id, data) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET manager_id = excluded.manager_id, data = excluded.data`,
          [r.id, r.managerId ?? null, JSON.stringify(r)],
        );
      }
      return retailers.length;
    });
  }

  async listManagers(): Promise<CustomerManager[]> {
    return data(await this.db.all('SELECT data FROM managers ORDER BY id'));
  }
  async getManager(id: string): Promise<CustomerManager | null> {
    return data<CustomerManager>(await this.db.all('SELECT data FROM managers WHERE id = $1', [id]))[0] ?? null;
  }
  async listRetailers(managerId?: string): Promise<Retailer[]> {
    return data(
      managerId === undefined
        ? await this.db.all('SELECT data FROM retailers ORDER BY id')
        : await this.db.all('SELECT data FROM retailers WHERE manager_id = $1 ORDER BY id', [managerId]),
    );
  }
  async getRetailer(id: string): Promise<Retailer | null> {
    return data<Retailer>(await this.db.all('SELECT data FROM retailers WHERE id = $1', [id]))[0] ?? null;
  }
  async missingManagerIds(ids: readonly string[]): Promise<string[]> {
    const known = new Set((await this.db.all<{ id: string }>('SELECT id FROM managers')).map((r) => r.id));
    return [...new Set(ids)].filter((id) => !known.has(id));
  }

  savePlanning(result: PlanningResult): Promise<void> {
    return this.db.transaction(async (tx) => {
      await replaceTerritories(tx, result);
      for (const p of result.plans) await upsertPlan(tx, p);
    });
  }
  startPlanningRun(run: PlanningRun, split: Omit<PlanningResult, 'plans'>): Promise<void> {
    return startPlanningRun(this.db, run, split);
  }
  storeTerritoryResult(
    runId: string,
    result: { managerId: string; plans: VisitPlan[]; dropped: PlanningResultRow['dropped'] },
    worker: string,
    at: number,
  ): Promise<boolean> {
    return storeTerritoryResult(this.db, runId, result, worker, at);
  }
  getPlanningRun(id: string): Promise<PlanningRun | null> {
    return getPlanningRun(this.db, id);
  }
  listPlanningResults(runId: string): Promise<PlanningResultRow[]> {
    return listPlanningResults(this.db, runId);
  }
  getPlan(managerId: string, date: string): Promise<VisitPlan | null> {
    return getPlan(this.db, managerId, date);
  }
  listPlans(from: string, to: string, managerId?: string): Promise<VisitPlan[]> {
    return listPlans(this.db, from, to, managerId);
  }
  async listTerritories(): Promise<Territory[]> {
    return data(await this.db.all('SELECT data FROM territories ORDER BY id'));
  }

  async createUser(u: User): Promise<void> {
    await this.db.run('INSERT INTO users (id, name, role, manager_id, created_at) VALUES ($1, $2, $3, $4, $5)', [
      u.id,
      u.name,
      u.role,
      u.managerId,
      u.createdAt,
    ]);
  }
  async getUser(id: string): Promise<User | null> {
    const rows = await this.db.all<UserRecord>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }
  async countUsers(role?: Role): Promise<number> {
    const rows = await this.db.all<{ n: number }>(
      role ? 'SELECT COUNT(*) AS n FROM users WHERE role = $1' : 'SELECT COUNT(*) AS n FROM users',
      role ? [role] : [],
    );
    return Number(rows[0]?.n ?? 0);
  }
  async addToken(userId: string, hash: string, at: number): Promise<void> {
    await this.db.run('INSERT INTO tokens (hash, user_id, created_at) VALUES ($1, $2, $3)', [hash, userId, at]);
  }
  async findToken(hash: string): Promise<{ user: User; revokedAt: number | null } | null> {
    const rows = await this.db.all<UserRecord & { revoked_at: number | null }>(
      `SELECT u.id, u.name, u.role, u.manager_id, u.created_at, t.revoked_at
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1`,
      [hash],
    );
    const r = rows[0];
    return r ? { user: toUser(r), revokedAt: r.revoked_at === null ? null : Number(r.revoked_at) } : null;
  }
  revokeTokens(userId: string, at: number): Promise<number> {
    return this.db.run('UPDATE tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [at, userId]);
  }

  async insertVisit(v: VisitRow): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO visits (id, manager_id, retailer_id, start_fix, start_hash, start_received_at, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [v.id, v.managerId, v.retailerId, JSON.stringify(v.startFix), v.startHash, v.startReceivedAt, v.startFix.at],
    );
    return changed === 1;
  }
  async getVisit(id: string): Promise<VisitRow | null> {
    const rows = await this.db.all<VisitRecord>(`SELECT ${VISIT_COLUMNS} FROM visits WHERE id = $1`, [id]);
    return rows[0] ? toVisit(rows[0]) : null;
  }
  async endVisit(
    id: string,
    end: { fix: VisitRow['startFix']; hash: string; receivedAt: number; verdict: NonNullable<VisitRow['verdict']> },
  ): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE visits SET end_fix = $1, end_hash = $2, end_received_at = $3, status = $4, verdict = $5
       WHERE id = $6 AND end_fix IS NULL`,
      [JSON.stringify(end.fix), end.hash, end.receivedAt, end.verdict.status, JSON.stringify(end.verdict), id],
    );
    return changed === 1;
  }
  async listVisits(fromMs: number, toMs: number, managerId?: string): Promise<VisitRow[]> {
    const rows = await this.db.all<VisitRecord>(
      `SELECT ${VISIT_COLUMNS} FROM visits WHERE started_at >= $1 AND started_at < $2
       ${managerId === undefined ? '' : 'AND manager_id = $3'} ORDER BY id`,
      managerId === undefined ? [fromMs, toMs] : [fromMs, toMs, managerId],
    );
    return rows.map(toVisit);
  }

  async createInspectionPlan(p: InspectionPlanRow): Promise<void> {
    await this.db.run(
      'INSERT INTO inspection_plans (id, inspector_id, plan, route, created_at) VALUES ($1, $2, $3, $4, $5)',
      [p.id, p.inspectorId, JSON.stringify(p.plan), p.route === null ? null : JSON.stringify(p.route), p.createdAt],
    );
  }
  async getInspectionPlan(id: string): Promise<InspectionPlanRow | null> {
    const rows = await this.db.all<{
      id: string;
      inspector_id: string;
      plan: string;
      route: string | null;
      created_at: number;
    }>('SELECT * FROM inspection_plans WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      inspectorId: r.inspector_id,
      plan: JSON.parse(r.plan),
      route: r.route === null ? null : JSON.parse(r.route),
      createdAt: Number(r.created_at),
    };
  }
  async updateInspectionPlan(id: string, plan: InspectionPlanRow['plan'], route: unknown | null): Promise<void> {
    await this.db.run('UPDATE inspection_plans SET plan = $1, route = $2 WHERE id = $3', [
      JSON.stringify(plan),
      route === null ? null : JSON.stringify(route),
      id,
    ]);
  }
  async insertInspectionRecord(r: InspectionRecordRow): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO inspection_records (id, plan_id, retailer_id, record, fix_verdict, record_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [
        r.id,
        r.planId,
        r.recorded.record.retailerId,
        JSON.stringify(r.recorded.record),
        JSON.stringify({ fixVerdict: r.recorded.fixVerdict, fixAgeS: r.recorded.fixAgeS }),
        r.hash,
      ],
    );
    return changed === 1;
  }
  async getInspectionRecord(id: string): Promise<InspectionRecordRow | null> {
    return (await this.records('WHERE id = $1', [id]))[0] ?? null;
  }
  listInspectionRecords(planId?: string): Promise<InspectionRecordRow[]> {
    return planId === undefined ? this.records('', []) : this.records('WHERE plan_id = $1', [planId]);
  }
  private async records(where: string, params: string[]): Promise<InspectionRecordRow[]> {
    const rows = await this.db.all<{
      id: string;
      plan_id: string;
      record: string;
      fix_verdict: string;
      record_hash: string;
    }>(`SELECT id, plan_id, record, fix_verdict, record_hash FROM inspection_records ${where} ORDER BY id`, params);
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      recorded: { record: JSON.parse(r.record), ...JSON.parse(r.fix_verdict) },
      hash: r.record_hash,
    }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
