import type { CustomerManager, PositionFix, Retailer, Territory, VisitPlan } from '@beatplan/core';
import type { VisitVerdict } from '@beatplan/geofence';
import type { InspectionPlan, RecordedInspection } from '@beatplan/inspection';

/** Who may do what: see README "Roles". */
export type Role = 'admin' | 'manager' | 'inspector';

/** A user of the host. A manager user is tied to one customer manager (`managerId`). */
export interface User {
  id: string;
  name: string;
  role: Role;
  managerId: string | null;
  createdAt: number;
}

/** A visit as stored: the fixes the manager sent (with a hash of each request), the verdict once ended. */
export interface VisitRow {
  id: string;
  managerId: string;
  retailerId: string;
  startFix: PositionFix;
  startHash: string;
  startReceivedAt: number;
  endFix: PositionFix | null;
  endHash: string | null;
  endReceivedAt: number | null;
  verdict: VisitVerdict | null;
}

/** An inspection plan (the library's sample with its audit trail), its owner and its route. */
export interface InspectionPlanRow {
  id: string;
  inspectorId: string;
  plan: InspectionPlan;
  route: unknown | null;
  createdAt: number;
}

/** A stored inspection record with the verdict on the inspector's own fix. */
export interface InspectionRecordRow {
  id: string;
  planId: string;
  recorded: RecordedInspection;
  hash: string;
}

/** What a planning run stores: territories, each retailer's new manager, the day plans. */
export interface PlanningResult {
  territories: Territory[];
  assignment: ReadonlyMap<string, string>;
  plans: VisitPlan[];
}

/** A province planning run: its spec (the beat options every territory job shares) and its job count. */
export interface PlanningRun {
  id: string;
  createdAt: number;
  spec: { startDate: string; weeks: number; seed: number; utcOffsetMinutes: number };
  jobs: number;
}

/** One territory job's stored outcome: who stored it, when, how many day plans, what was dropped. */
export interface PlanningResultRow {
  runId: string;
  managerId: string;
  plans: number;
  dropped: { retailerId: string; date?: string; reason: string }[];
  worker: string;
  storedAt: number;
}

/**
 * The host's storage. One implementation (`SqlRepository`) serves SQLite and PostgreSQL through a
 * driver; the same test suite runs against both. Every method that writes more than one row does it in
 * one transaction: it happens whole or not at all.
 */
export interface Repository {
  /** Applies pending schema migrations. */
  migrate(): Promise<number[]>;
  /** Inserts or updates managers by id. */
  upsertManagers(managers: readonly CustomerManager[]): Promise<number>;
  /**
   * Inserts or updates retailers by id, all or nothing. `onRow(i)` is called before row i is written
   * (a hook for progress and for the crash tests); if it throws, nothing of the import remains.
   */
  upsertRetailers(retailers: readonly Retailer[], onRow?: (i: number) => void): Promise<number>;
  listManagers(): Promise<CustomerManager[]>;
  getManager(id: string): Promise<CustomerManager | null>;
  /** Retailers, of one manager when `managerId` is given; by id. */
  listRetailers(managerId?: string): Promise<Retailer[]>;
  getRetailer(id: string): Promise<Retailer | null>;
  /** Of the given ids, those that name no stored manager. */
  missingManagerIds(ids: readonly string[]): Promise<string[]>;
  /** Stores a planning run: replaces all territories, reassigns retailers, upserts the day plans. */
  savePlanning(result: PlanningResult): Promise<void>;
  getPlan(managerId: string, date: string): Promise<VisitPlan | null>;
  /** Day plans with `from <= date <= to` (YYYY-MM-DD), of one manager when given. */
  listPlans(from: string, to: string, managerId?: string): Promise<VisitPlan[]>;
  listTerritories(): Promise<Territory[]>;
  /**
   * Starts a province planning run in one transaction: replaces all territories, reassigns retailers
   * and records the run (its territory jobs are then stored one by one by `storeTerritoryResult`).
   */
  startPlanningRun(run: PlanningRun, split: Omit<PlanningResult, 'plans'>): Promise<void>;
  /**
   * Stores one territory job's day plans, once: in one transaction, the job's result row (keyed by run
   * and manager) is inserted only if absent, and only then are the plans upserted. A job run twice
   * (a worker killed after storing, before the queue heard of it) stores nothing the second time.
   * Resolves to true when this call stored the result.
   */
  storeTerritoryResult(
    runId: string,
    result: { managerId: string; plans: VisitPlan[]; dropped: PlanningResultRow['dropped'] },
    worker: string,
    at: number,
  ): Promise<boolean>;
  getPlanningRun(id: string): Promise<PlanningRun | null>;
  /** The stored results of a run, by manager id. */
  listPlanningResults(runId: string): Promise<PlanningResultRow[]>;

  createUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | null>;
  countUsers(role?: Role): Promise<number>;
  /** Stores a token's SHA-256 hash (never the token). */
  addToken(userId: string, hash: string, at: number): Promise<void>;
  /** The user of a token hash, and when the token was revoked (null: valid). */
  findToken(hash: string): Promise<{ user: User; revokedAt: number | null } | null>;
  /** Revokes every token of a user; resolves to how many were valid. */
  revokeTokens(userId: string, at: number): Promise<number>;

  /** Inserts a started visit; resolves to false when a visit with this id exists (nothing written). */
  insertVisit(row: VisitRow): Promise<boolean>;
  getVisit(id: string): Promise<VisitRow | null>;
  /**
   * Ends a visit only if it has no end yet (one conditional UPDATE: of concurrent ends exactly one
   * stores its result). Resolves to true when this call stored it.
   */
  endVisit(
    id: string,
    end: { fix: PositionFix; hash: string; receivedAt: number; verdict: VisitVerdict },
  ): Promise<boolean>;
  /** Visits whose start fix lies in [fromMs, toMs), of one manager when given. */
  listVisits(fromMs: number, toMs: number, managerId?: string): Promise<VisitRow[]>;

  createInspectionPlan(row: InspectionPlanRow): Promise<void>;
  getInspectionPlan(id: string): Promise<InspectionPlanRow | null>;
  updateInspectionPlan(id: string, plan: InspectionPlan, route: unknown | null): Promise<void>;
  /** Inserts a record; resolves to false when a record with this id exists (nothing written). */
  insertInspectionRecord(row: InspectionRecordRow): Promise<boolean>;
  getInspectionRecord(id: string): Promise<InspectionRecordRow | null>;
  /** Records of one plan, or all records when no plan is given. */
  listInspectionRecords(planId?: string): Promise<InspectionRecordRow[]>;
  close(): Promise<void>;
}
