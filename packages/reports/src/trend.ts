import { LocalDateSchema, SEED_ITEMS, type SeedItemId } from '@beatplan/core';
import * as z from 'zod';
import { SCORECARD_KPIS, type NormalisedKpis, type ScorecardKpi } from './scorecard.js';

/**
 * The figures a trend follows per manager, in display order: the scorecard's `score` (0..100, points),
 * its six normalised KPIs (0..1, see `SCORECARD_KPIS`) and the number of `visits`.
 *
 * @example
 * TREND_METRICS.length; // 8
 */
export const TREND_METRICS = ['score', ...SCORECARD_KPIS, 'visits'] as const;

/** A figure a trend follows, see {@link TREND_METRICS}. */
export type TrendMetric = (typeof TREND_METRICS)[number];

/**
 * How a trend judges its changes (input field `trend`; every field optional, defaults here only):
 * - `minVisits` (default 20): a change of the score, of the visit KPIs (`completion`, `verification`,
 *   `timeOnSite`, `route`) or of `visits` is *meaningful* only when both periods have at least this many
 *   visits of the manager; below it, one visit more or less moves a rate by several points.
 * - `minInspections` (default 5): likewise for the `inspection` and `integrity` KPIs, on the inspections
 *   that asked what the KPI scores: for `inspection` those that asked at least one of pricesTagged,
 *   policyMaterialDisplayed and satisfaction, for `integrity` those that asked managerVisitConfirmed (under
 *   the default checklist, every inspection; an inspection that did not ask is not counted).
 * - `movedPoints` (default 5): a manager whose score moved by at least this many points (meaningfully)
 *   against the previous period is listed under "needs attention" (`figures_moved`).
 *
 * @example
 * TrendOptionsSchema.parse({ minVisits: 10 }); // { minVisits: 10, minInspections: 5, movedPoints: 5 }
 */
export const TrendOptionsSchema = z.strictObject({
  minVisits: z
    .int({ error: 'minVisits must be a whole number' })
    .min(1, { error: 'minVisits must be at least 1' })
    .max(1_000_000)
    .default(20),
  minInspections: z
    .int({ error: 'minInspections must be a whole number' })
    .min(1, { error: 'minInspections must be at least 1' })
    .max(1_000_000)
    .default(5),
  movedPoints: z
    .number({ error: 'movedPoints must be a number of score points' })
    .min(0, { error: 'movedPoints must be at least 0' })
    .max(100, { error: 'movedPoints must be at most 100' })
    .default(5),
});
/** See {@link TrendOptionsSchema}. */
export type TrendOptions = z.output<typeof TrendOptionsSchema>;

const kpi = z.number().min(0).max(1).nullable().catch(null);
const count = z.int().min(0).nullable().catch(null);
const seedItemIds = SEED_ITEMS.map((s) => s.id) as [SeedItemId, ...SeedItemId[]];
/** A report's `notAsked` (see `KpiFigures.notAsked`); malformed or absent: every seed item asked. */
const notAsked = z.partialRecord(z.enum(seedItemIds), z.int().min(0)).optional().catch(undefined);

/**
 * The parts of an earlier report's JSON (`Report`, as `beatplan report --json` writes it) that a trend
 * reads: its `period`, `title`, and per manager `managerId`, `name`, `kpis`, `visits`, `inspections` and
 * `notAsked` (the seed items its checklist left out; absent, as in an older version's report: all asked).
 * Other fields are ignored, so a report of another version is read as long as these are there; a KPI
 * or count missing or malformed in it (an older version's report) is read as not measured (null).
 * Scores and ranks are not read: the trend recomputes them from the KPIs with the current report's
 * weights, so every period is scored alike.
 *
 * @example
 * PreviousReportSchema.parse({ period: { from: '2025-03-03', to: '2025-03-09' }, managers: [] });
 */
export const PreviousReportSchema = z.object({
  title: z.string().max(200).catch('beatplan report'),
  period: z.object(
    { from: LocalDateSchema, to: LocalDateSchema },
    { error: 'a report without a period (no dated records) cannot be placed in a trend' },
  ),
  managers: z
    .array(
      z.object({
        managerId: z.string().min(1).max(200),
        name: z.string().max(200).catch(''),
        visits: count,
        inspections: count,
        notAsked,
        kpis: z
          .object(Object.fromEntries(SCORECARD_KPIS.map((k) => [k, kpi])) as Record<ScorecardKpi, typeof kpi>)
          .catch(Object.fromEntries(SCORECARD_KPIS.map((k) => [k, null])) as Record<ScorecardKpi, null>),
      }),
      { error: 'managers must be the report’s array of managers' },
    )
    .max(10_000),
});
/** An earlier report as a trend reads it, see {@link PreviousReportSchema}. */
export type PreviousReport = z.output<typeof PreviousReportSchema>;

/** One period of a trend: its dates and its report's title. */
export interface TrendPeriod {
  from: string;
  to: string;
  /** Days in the period, both ends included. */
  days: number;
  title: string;
}

/** One manager in one period; `present: false` (every figure null) when the period's report does not list him. */
export interface TrendPoint {
  present: boolean;
  visits: number | null;
  inspections: number | null;
  /**
   * The period's `notAsked` per seed item its checklist left out (see `KpiFigures.notAsked`); present only
   * when it left one out. The inspections it counts are left out of the `inspection`/`integrity` basis.
   */
  notAsked?: Partial<Record<SeedItemId, number>>;
  kpis: NormalisedKpis;
  /** Recomputed from `kpis` with the current report's weights (see `TrendReport`). */
  score: number | null;
  /** Among the managers present in that period; ties share a rank, as in the scorecard. */
  rank: number | null;
}

/** The change of one figure of one manager, the latest period against the one before. */
export interface TrendChange {
  metric: TrendMetric;
  from: number | null;
  to: number | null;
  /** to − from (score in points, KPIs as a share 0..1, visits in visits); null when either is null. */
  change: number | null;
  /**
   * The fewer visits of the two periods; for `inspection` and `integrity` the fewer inspections that asked
   * what the KPI scores (at least one of pricesTagged, policyMaterialDisplayed, satisfaction; or
   * managerVisitConfirmed), under each period's own checklist. Null when either is unknown.
   */
  basis: number | null;
  /**
   * Both figures known, `basis` at least the trend's `minVisits` (`minInspections`), and, for the score,
   * both scores resting on the same KPIs; otherwise the change is shown as not meaningful.
   */
  meaningful: boolean;
  /**
   * Why not meaningful: `missing` (a figure not measured in one of the periods), `basis` (fewer visits or
   * inspections than the minimum), `kpis` (score only: the periods measured different KPIs, e.g.
   * inspections in one and none in the other, so the two scores weigh different things); null when meaningful.
   */
  why: 'missing' | 'basis' | 'kpis' | null;
}

/** One manager's trend. */
export interface ManagerTrend {
  managerId: string;
  name: string;
  /** One per `TrendReport.periods`, oldest first. */
  points: TrendPoint[];
  /** One per {@link TREND_METRICS}, latest period against the one before; empty with one period only. */
  changes: TrendChange[];
  /** previous rank − latest rank (positive = moved up); null when either is null or with one period. */
  rankChange: number | null;
}

/** A manager whose score moved by at least `movedPoints`, meaningfully. */
export interface TrendMove {
  managerId: string;
  from: number;
  to: number;
  change: number;
  /** The KPI whose weighted change moved the score most (null when no KPI change is meaningful) and its change. */
  kpi: ScorecardKpi | null;
  kpiChange: number | null;
}

/**
 * The report's trend over its own period and the earlier ones given (input `previous`, or the periods
 * `buildTrendReport` cut the data into). Oldest period first; the last one is the report's. With one
 * period only, `changes` are empty and `moved` too: there is nothing to compare with.
 */
export interface TrendReport {
  periods: TrendPeriod[];
  /** The thresholds used, see {@link TrendOptionsSchema}. */
  minVisits: number;
  minInspections: number;
  movedPoints: number;
  /** The report's managers in its order, then managers found only in earlier periods (latest first). */
  managers: ManagerTrend[];
  /** Managers whose score moved by at least `movedPoints` meaningfully, the largest move first. */
  moved: TrendMove[];
}
