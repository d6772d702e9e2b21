import type { RetailerClass, Segment } from '@beatplan/core';
import type { CostSource, SeedItemId, Spread } from '@beatplan/core';
import type { NormalisedKpis, ScorecardKpi } from './scorecard.js';
import type { TrendMove, TrendReport } from './trend.js';
import type { DecisionReport } from './decision.js';

/**
 * Figures of one manager (or, in `Report.totals`, of all managers) over the period. Counts are whole
 * numbers; seconds and metres are rounded to 0.1, rates to 4 decimals; `null` = not measurable.
 */
export interface KpiFigures {
  /** Planned stops (retailer-days) in the plans of the period. */
  plannedStops: number;
  /** Planned stops with a visit to that retailer on that date (any verdict). */
  plannedVisited: number;
  /** Planned stops with a verified visit to that retailer on that date. */
  plannedVerified: number;
  /** Visits to a retailer not planned for that date (0 when no plan exists for that date). */
  unplannedVisits: number;
  visits: number;
  verified: number;
  rejected: number;
  unverifiable: number;
  /**
   * Visits without an end fix (verdict `incomplete`, judged on the start fix alone). The scorecard counts
   * them as not verified unless the input's `incompleteVisits` is `'neutral'`.
   */
  incomplete: number;
  /** Visits without a verdict (counted as not verified). */
  noVerdict: number;
  /**
   * Unverifiable visits undecided for lack of precision (their only reason is `ACCURACY_TOO_COARSE`);
   * included in `unverifiable`. The scorecard counts them neither verified nor failed unless the
   * input's `undecidedPrecision` is `'failed'`.
   */
  undecidedPrecision: number;
  /** The visits' start and end fixes by source: the mix of fix precisions beside the score. */
  fixesBySource: { gnss: number; wifi: number; cell: number; manual: number };
  /** Visits whose verdict carries at least one flag. */
  flagged: number;
  /**
   * Of `verified`, the visits whose verdict carries a flag (spoofing, clock or overlap signals). They
   * stay in `verified` and `verificationRate` (what the verdicts say), but the scorecard does not count
   * them as proven: its `verification` and `timeOnSite` KPIs count them as not verified until a reviewer
   * clears their flags.
   */
  flaggedVerified: number;
  /** plannedVisited / plannedStops. */
  completionRate: number | null;
  /** verified / visits (all visits; the scorecard's `verification` KPI may leave out `undecidedPrecision` and `incomplete`). */
  verificationRate: number | null;
  /** Σ dwell (verdict `dwellS`, negative as 0) of the verified visits, s. */
  verifiedDwellS: number;
  /** Σ (end.at − start.at) of all visits, negative as 0 (and 0 without an end fix), s. */
  reportedDwellS: number;
  /** Σ retailer `serviceMinutes` × 60 over the verified visits, s. */
  expectedServiceS: number;
  /** verifiedDwellS / verified. */
  meanVerifiedDwellS: number | null;
  /** Σ `distanceM` of all plans (the plan's own metric, e.g. road metres), m. */
  plannedDistanceM: number;
  /** Σ over all plans of the straight-line metres base → each planned retailer in order → base. */
  plannedStraightDistanceM: number;
  /** Straight-line metres base → each visit's start fix → its end fix (if any) → next visit … → base, per day with visits, summed. */
  travelledDistanceM: number;
  /**
   * travelled / planned metres over the days with both a plan and a visit, like with like: both straight
   * lines, or, when the input has `routes`, both routes on their cost source (days with a leg that has no
   * route left out).
   */
  distanceRatio: number | null;
  /**
   * With the input's `routes` (see `measureReportRoutes`; else null): Σ over the plans of the closed route
   * base → planned retailers → base on `Report.routeCostSource`, metres and seconds (days with a leg that
   * has no route left out, see `unroutedDays`).
   */
  plannedRouteDistanceM: number | null;
  plannedRouteDurationS: number | null;
  /** Likewise through the retailers visited each day, in visit start order (null without `routes`). */
  travelledRouteDistanceM: number | null;
  travelledRouteDurationS: number | null;
  /** Manager-days left out of the route figures because a leg has no route (null without `routes`). */
  unroutedDays: number | null;
  /** Σ `durationS` of all plans / 60, minutes. */
  plannedWorkMinutes: number;
  /** Inspection records at the manager's retailers. */
  inspections: number;
  /**
   * Mean over the inspections that asked at least one of pricesTagged, policyMaterialDisplayed and
   * satisfaction of the mean of those asked (pricesTagged and policyMaterialDisplayed 1 or 0,
   * (satisfaction − 1) / 4), 0..1; with the default checklist (pricesTagged + policyMaterialDisplayed +
   * (satisfaction − 1) / 4) / 3. An item the checklist does not ask is never scored as 0 or "no".
   */
  inspectionScore: number | null;
  /** Share of the inspections that asked pricesTagged where prices were tagged (null: none asked). */
  pricesTaggedRate: number | null;
  /** Likewise for policyMaterialDisplayed. */
  policyDisplayedRate: number | null;
  /** Mean satisfaction, 1..5, over the inspections that asked it. */
  meanSatisfaction: number | null;
  /** Inspections where the retailer said the manager did not visit (`managerVisitConfirmed: 'no'`). */
  visitsDenied: number;
  /**
   * Inspections that did not ask a seed item, per seed item the checklist in force (input `checklist`)
   * leaves out, e.g. `{ satisfaction: 12 }`: those inspections are left out of that item's rate and of
   * the score's part for it. Present only when the checklist leaves a seed item out.
   */
  notAsked?: Partial<Record<SeedItemId, number>>;
  contradictions: number;
  /** Contradictions by `kind`, keys sorted (a null-prototype object: any kind is a key). */
  contradictionsByKind: Record<string, number>;
}

/** One manager's report: identity, figures, normalised KPIs and scorecard. */
export interface ManagerReport extends KpiFigures {
  managerId: string;
  name: string;
  region: string | null;
  /** Retailers assigned (retailer `managerId`, else territory membership). */
  retailers: number;
  /** Required service minutes per 4 weeks of the assigned retailers: Σ serviceMinutes × visits per 4 weeks. */
  assignedServiceMinutesPer4Weeks: number;
  /** Dates with a plan or a visit. */
  days: number;
  kpis: NormalisedKpis;
  /** 0..100, see `computeScore`; null when no weighted KPI is measurable. */
  score: number | null;
  /** Share of the total weight that was measurable, 0..1. */
  coverage: number;
  /** 1 = best score; scores equal at one decimal (as the report shows them) share a rank; null when the score is null. */
  rank: number | null;
}

/** A balance metric: a per-manager figure whose spread is measured. */
export type BalanceMetric =
  | 'retailers'
  | 'assignedServiceMinutesPer4Weeks'
  | 'plannedStops'
  | 'plannedWorkMinutes'
  | 'visits'
  | 'verifiedDwellMinutes';

/** Workload balance across managers. */
export interface BalanceReport {
  /** The spread of each metric across all managers. */
  metrics: { metric: BalanceMetric; label: string; unit: string; spread: Spread }[];
  /** The metric the balance chart shows: `plannedWorkMinutes` when there are plans, else `assignedServiceMinutesPer4Weeks`. */
  primary: BalanceMetric;
  /** Per manager, the value of every metric (managers in input order). */
  values: ({ managerId: string } & Record<BalanceMetric, number>)[];
  /** Before/after a re-partition (weekly workload minutes), when the input has `repartition`. */
  repartition: {
    label: string;
    moved: number | null;
    before: Spread;
    after: Spread;
    /** after − before for cv, maxToMinRatio (null when either is null), max and min. */
    change: { cv: number; maxToMinRatio: number | null; max: number; min: number };
    managers: { managerId: string; before: number | null; after: number | null }[];
  } | null;
}

/** Figures of a group of retailers (a segment, a region or a class) over the period. */
export interface GroupStats {
  key: string;
  retailers: number;
  /** Mean required visits per 4 weeks (from `visitFrequency`: weekly 4, twice_weekly 8, fortnightly 2, monthly 1). */
  requiredVisitsPer4Weeks: number | null;
  plannedStops: number;
  visits: number;
  verified: number;
  verificationRate: number | null;
  /** visits / retailers / (period days / 7). */
  visitsPerRetailerPerWeek: number | null;
  /** Mean planned `serviceMinutes`. */
  meanServiceMinutes: number | null;
  /** Mean dwell of the verified visits, minutes. */
  meanVerifiedDwellMinutes: number | null;
  orderCount: number;
  orderCountPerRetailer: number | null;
  orderVolume: number;
  orderVolumePerRetailer: number | null;
  /** orderVolume / orderCount. */
  volumePerOrder: number | null;
  inspections: number;
  inspectionScore: number | null;
  contradictions: number;
}

/** Status of a retailer on the map over the period. */
export type RetailerStatus = 'verified' | 'unverified' | 'missed' | 'idle';

/** The geometry of the map, WGS84 `[lng, lat]` (projected only when rendered). */
export interface ReportMap {
  /** One per input territory: its `polygon`'s rings, or the convex hull of its retailers (`source: 'hull'`; 0–2 points when degenerate). */
  territories: {
    id: string;
    managerId: string;
    name: string | null;
    source: 'polygon' | 'hull';
    rings: [number, number][][];
  }[];
  /** One per retailer: `verified` (≥ 1 verified visit), `unverified` (visited, none verified), `missed` (planned, not visited), `idle` (neither). */
  retailers: {
    id: string;
    name: string;
    managerId: string | null;
    segment: Segment;
    class: RetailerClass;
    lng: number;
    lat: number;
    status: RetailerStatus;
    contradicted: boolean;
  }[];
  /** One per plan: the manager's base → the planned stops in order → the base. */
  routes: {
    managerId: string;
    date: string;
    planId: string | null;
    coordinates: [number, number][];
    /** The planned retailers in order (added after 0.1.0; absent in older report JSON). */
    retailerIds: string[];
  }[];
  /** Managers' bases. */
  bases: { managerId: string; lng: number; lat: number }[];
}

/** The whole report, plain JSON-safe data (no Infinity, no undefined). */
export interface Report {
  title: string;
  /** The period (given, or the span of the data's dates); null when the data has no date at all. */
  period: { from: string; to: string; days: number } | null;
  utcOffsetMinutes: number;
  /** The resolved scorecard weights. */
  weights: Record<ScorecardKpi, number>;
  /** How visits undecided for lack of precision were counted by the scorecard (see `ReportInputSchema`). */
  undecidedPrecision: 'neutral' | 'failed';
  /** How `incomplete` visits (no end fix) were counted by the scorecard (see `ReportInputSchema`). */
  incompleteVisits: 'neutral' | 'failed';
  /** The travel source of the route figures (`plannedRouteDistanceM`, …), from the input's `routes`; null without them. */
  routeCostSource: CostSource | null;
  /** How many records of each kind were used (inside the period). */
  counts: {
    retailers: number;
    managers: number;
    plans: number;
    visits: number;
    verdicts: number;
    inspections: number;
    contradictions: number;
    territories: number;
  };
  /** Managers in input order. */
  managers: ManagerReport[];
  /** Manager ids by rank (best first; ties and nulls by input order). */
  ranking: string[];
  /**
   * The scorecard recomputed with other weights (input `whatIf`, CLI `--what-if`), one entry per
   * alternative: its weights (the report's, with the named ones replaced), every manager's score,
   * coverage and rank under them, and the ranking. Empty when none was asked (and in report JSON
   * written before 0.2).
   */
  whatIf: WhatIfScorecard[];
  /** All managers together (their figures summed, rates recomputed). */
  totals: KpiFigures;
  balance: BalanceReport;
  /** `retail`, `chain_supermarket`, `hotel_entertainment`, always in that order. */
  segments: GroupStats[];
  /** By retailer `region` (sorted; `(no region)` last). */
  regions: GroupStats[];
  /** `A`, `B`, `C`. */
  classes: GroupStats[];
  /** Every contradiction of the period (inspection findings), in input order. */
  findings: Finding[];
  /**
   * What to act on first: visits to review, inspection contradictions, unproven visits and planned
   * stops not visited, in the order a reader should take them, with the evidence of every visit named.
   * Added after version 0.1.0: a report JSON written before has none (read it as `{ items: [], visits: [] }`).
   */
  attention: AttentionReport;
  /**
   * Every manager over this period and the earlier reports of the input's `previous` (or the periods
   * `buildTrendReport` cut the data into): KPIs, score and rank per period, the change against the
   * previous period, and the managers whose figures moved most. With no earlier report, one period and
   * no change. Added after version 0.1.0: absent in report JSON written before.
   */
  trend: TrendReport;
  /**
   * Decision analysis: visit effort against orders by segment and class, coverage gaps (retailers far
   * from every base) and the hex siting view (where a new retailer adds least, where a new base
   * relieves most). Added after version 0.1.0: absent in report JSON written before.
   */
  decision: DecisionReport;
  map: ReportMap;
}

/**
 * The kind of an attention item:
 * - `flagged_day`: a manager's day with visits flagged for review (spoofing signals: mocked location,
 *   impossible speed, repeated coordinates, constant accuracy; clock and overlap signals);
 * - `contradiction`: an inspection contradicts the manager's visits (see `Finding`);
 * - `unproven_visits`: a manager's visits not verified for the same first reason (rejected,
 *   unverifiable, incomplete, or without a verdict), flagged ones excluded (they are in `flagged_day`);
 * - `missed_stops`: a manager's planned stops with no visit to that retailer that day;
 * - `figures_moved`: a manager whose score moved by at least the trend's `movedPoints` against the
 *   previous period, meaningfully (see `TrendReport.moved`; the item's `move` says how).
 */
export type AttentionKind = 'flagged_day' | 'contradiction' | 'unproven_visits' | 'missed_stops' | 'figures_moved';

/** One thing to act on; `visitIds` name the visits (see `AttentionReport.visits`), `retailerIds` the stops without a visit. */
export interface AttentionItem {
  kind: AttentionKind;
  /** `high`: evidence of a visit that did not happen as reported; `medium`: a visit that failed a rule; `low`: a visit that could not be decided, or a stop left out. */
  severity: 'high' | 'medium' | 'low';
  managerId: string | null;
  /** The local dates concerned, sorted. */
  dates: string[];
  /** The visits concerned (each has a row in `AttentionReport.visits`), in time order. */
  visitIds: string[];
  /** The retailers concerned (for `missed_stops` the stops without a visit, in date order). */
  retailerIds: string[];
  /** The rule codes that fired (verdict flags or reasons, the contradiction kind, or `NOT_VISITED`), sorted, each with its count. */
  codes: { code: string; count: number }[];
  /** `flagged_day`: visits that day; `unproven_visits`: the manager's visits in the period; else the item's own count. */
  outOf: number;
  /** Of `visitIds`, those whose verdict is `verified` (so counted as verified by the figures). */
  verifiedVisits: number;
  /** The largest distance of a named visit's fixes from the retailer's fence (verdict `distanceM`), m; null when none is known. */
  maxDistanceM: number | null;
  /** The contradiction's message, or null. */
  message: string | null;
  /** `figures_moved` only: the score's move and the KPI that moved it most (absent on other kinds). */
  move?: TrendMove;
}

/** The evidence of one visit named by an attention item: when, where the fixes were, what the verdict said. */
export interface VisitEvidence {
  visitId: string;
  managerId: string;
  retailerId: string;
  retailerName: string;
  date: string;
  /** ISO 8601 local time with the offset. */
  start: string;
  end: string | null;
  status: 'verified' | 'rejected' | 'unverifiable' | 'incomplete' | 'no_verdict';
  reasons: string[];
  flags: string[];
  /** Distance of the start / end fix from the fence (verdict `distanceM`), m. */
  startDistanceM: number | null;
  endDistanceM: number | null;
  /** Verdict dwell, s. */
  dwellS: number | null;
  confidence: number | null;
  startFix: { source: string; accuracyM: number; mock: boolean };
  endFix: { source: string; accuracyM: number; mock: boolean } | null;
  /** The attention items (indexes into `AttentionReport.items`) naming this visit. */
  items: number[];
}

/** The "needs attention" list and the evidence of every visit it names. */
export interface AttentionReport {
  /** Sorted: severity (high first), then kind (`flagged_day`, `contradiction`, `unproven_visits`, `missed_stops`), then more visits first, then manager and date. */
  items: AttentionItem[];
  /** One row per visit named by an item, in time order. */
  visits: VisitEvidence[];
}

/** The scorecard under other weights, see `Report.whatIf`. */
export interface WhatIfScorecard {
  /** The input's label, else the weights that changed (`route 3, completion 1`). */
  label: string;
  weights: Record<ScorecardKpi, number>;
  /** Managers in input order. */
  managers: { managerId: string; score: number | null; coverage: number; rank: number | null }[];
  ranking: string[];
}

/** One contradiction between an inspection and a manager's verified visits. */
export interface Finding {
  retailerId: string;
  retailerName: string;
  /** The manager it counts against (its own, its visit's, or the retailer's), null when none is known. */
  managerId: string | null;
  kind: string;
  inspectionId: string | null;
  visitIds: string[];
  message: string | null;
}
