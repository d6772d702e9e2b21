import { dataRecord, type SeedItemId } from '@beatplan/core';
import type { KpiFigures } from '../report.js';
import type { NormalisedKpis } from '../scorecard.js';
import { ratio, round1, round4 } from './round.js';

/** The raw sums behind {@link KpiFigures}; they add up across managers. */
export interface KpiSums {
  plannedStops: number;
  plannedVisited: number;
  plannedVerified: number;
  unplannedVisits: number;
  visits: number;
  verified: number;
  rejected: number;
  unverifiable: number;
  /** Visits without an end fix (verdict `incomplete`). */
  incomplete: number;
  noVerdict: number;
  /** Visits undecided for lack of precision (unverifiable, only ACCURACY_TOO_COARSE). */
  undecidedPrecision: number;
  /** Visits the verification KPIs count (all but those the input's `undecidedPrecision`/`incompleteVisits` make neutral). */
  counted: number;
  /** Σ retailer service time over the counted visits, s. */
  countedServiceS: number;
  /** Start and end fixes by source. */
  fixesGnss: number;
  fixesWifi: number;
  fixesCell: number;
  fixesManual: number;
  flagged: number;
  /** Verified visits whose verdict carries a flag: not proven for the scorecard. */
  flaggedVerified: number;
  /** Σ dwell of the proven visits (verified, no flag), s: the scorecard's time on site. */
  provenDwellS: number;
  verifiedDwellS: number;
  reportedDwellS: number;
  expectedServiceS: number;
  plannedDistanceM: number;
  plannedStraightM: number;
  travelledDistanceM: number;
  comparedDays: number;
  comparedPlannedM: number;
  comparedTravelledM: number;
  /** Route figures from the input's `routes` (0 without them). */
  routePlannedM: number;
  routePlannedS: number;
  routeTravelledM: number;
  routeTravelledS: number;
  unroutedDays: number;
  plannedWorkS: number;
  inspections: number;
  /** Inspections that asked at least one scored item (pricesTagged, policyMaterialDisplayed, satisfaction). */
  scoredInspections: number;
  inspectionScoreSum: number;
  pricesTagged: number;
  /** Inspections that asked pricesTagged (likewise the other `…Asked`). */
  pricesTaggedAsked: number;
  policyDisplayed: number;
  policyAsked: number;
  satisfactionSum: number;
  satisfactionAsked: number;
  visitsDenied: number;
  visitConfirmationAsked: number;
  contradictions: number;
  /** contradiction kind → count (a Map: kinds come from the data). */
  kinds: Map<string, number>;
}

/** All-zero sums. */
export function emptySums(): KpiSums {
  return {
    plannedStops: 0,
    plannedVisited: 0,
    plannedVerified: 0,
    unplannedVisits: 0,
    visits: 0,
    verified: 0,
    rejected: 0,
    unverifiable: 0,
    incomplete: 0,
    noVerdict: 0,
    undecidedPrecision: 0,
    counted: 0,
    countedServiceS: 0,
    fixesGnss: 0,
    fixesWifi: 0,
    fixesCell: 0,
    fixesManual: 0,
    flagged: 0,
    flaggedVerified: 0,
    provenDwellS: 0,
    verifiedDwellS: 0,
    reportedDwellS: 0,
    expectedServiceS: 0,
    plannedDistanceM: 0,
    plannedStraightM: 0,
    travelledDistanceM: 0,
    comparedDays: 0,
    comparedPlannedM: 0,
    comparedTravelledM: 0,
    routePlannedM: 0,
    routePlannedS: 0,
    routeTravelledM: 0,
    routeTravelledS: 0,
    unroutedDays: 0,
    plannedWorkS: 0,
    inspections: 0,
    scoredInspections: 0,
    inspectionScoreSum: 0,
    pricesTagged: 0,
    pricesTaggedAsked: 0,
    policyDisplayed: 0,
    policyAsked: 0,
    satisfactionSum: 0,
    satisfactionAsked: 0,
    visitsDenied: 0,
    visitConfirmationAsked: 0,
    contradictions: 0,
    kinds: new Map(),
  };
}

/** a + b, field by field (kinds merged). */
export function addSums(a: KpiSums, b: KpiSums): KpiSums {
  const out = emptySums();
  for (const key of Object.keys(out) as (keyof KpiSums)[]) {
    if (key !== 'kinds') out[key] = a[key] + b[key];
  }
  for (const src of [a.kinds, b.kinds]) for (const [k, n] of src) out.kinds.set(k, (out.kinds.get(k) ?? 0) + n);
  return out;
}

const ASKED: Record<SeedItemId, (s: KpiSums) => number> = {
  pricesTagged: (s) => s.pricesTaggedAsked,
  policyMaterialDisplayed: (s) => s.policyAsked,
  satisfaction: (s) => s.satisfactionAsked,
  managerVisitConfirmed: (s) => s.visitConfirmationAsked,
};

/**
 * The reported figures: sums rounded, rates computed over the inspections that asked each item (see
 * {@link KpiFigures}); `routed` when the input had `routes` (else the route figures are null);
 * `leftOut`: the seed items the checklist in force leaves out (their `notAsked` counts are reported).
 */
export function finishFigures(s: KpiSums, routed: boolean, leftOut: readonly SeedItemId[]): KpiFigures {
  const routeFigure = (x: number) => (routed ? round1(x) : null);
  const sortedKinds = dataRecord([...s.kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    plannedStops: s.plannedStops,
    plannedVisited: s.plannedVisited,
    plannedVerified: s.plannedVerified,
    unplannedVisits: s.unplannedVisits,
    visits: s.visits,
    verified: s.verified,
    rejected: s.rejected,
    unverifiable: s.unverifiable,
    incomplete: s.incomplete,
    noVerdict: s.noVerdict,
    undecidedPrecision: s.undecidedPrecision,
    fixesBySource: { gnss: s.fixesGnss, wifi: s.fixesWifi, cell: s.fixesCell, manual: s.fixesManual },
    flagged: s.flagged,
    flaggedVerified: s.flaggedVerified,
    completionRate: ratio(s.plannedVisited, s.plannedStops),
    verificationRate: ratio(s.verified, s.visits),
    verifiedDwellS: round1(s.verifiedDwellS),
    reportedDwellS: round1(s.reportedDwellS),
    expectedServiceS: round1(s.expectedServiceS),
    meanVerifiedDwellS: s.verified > 0 ? round1(s.verifiedDwellS / s.verified) : null,
    plannedDistanceM: round1(s.plannedDistanceM),
    plannedStraightDistanceM: round1(s.plannedStraightM),
    travelledDistanceM: round1(s.travelledDistanceM),
    distanceRatio: s.comparedDays > 0 ? ratio(s.comparedTravelledM, s.comparedPlannedM) : null,
    plannedRouteDistanceM: routeFigure(s.routePlannedM),
    plannedRouteDurationS: routeFigure(s.routePlannedS),
    travelledRouteDistanceM: routeFigure(s.routeTravelledM),
    travelledRouteDurationS: routeFigure(s.routeTravelledS),
    unroutedDays: routed ? s.unroutedDays : null,
    plannedWorkMinutes: round1(s.plannedWorkS / 60),
    inspections: s.inspections,
    inspectionScore: ratio(s.inspectionScoreSum, s.scoredInspections),
    pricesTaggedRate: ratio(s.pricesTagged, s.pricesTaggedAsked),
    policyDisplayedRate: ratio(s.policyDisplayed, s.policyAsked),
    meanSatisfaction: ratio(s.satisfactionSum, s.satisfactionAsked),
    visitsDenied: s.visitsDenied,
    ...(leftOut.length
      ? { notAsked: Object.fromEntries(leftOut.map((id) => [id, s.inspections - ASKED[id](s)])) }
      : {}),
    contradictions: s.contradictions,
    contradictionsByKind: sortedKinds,
  };
}

/** The normalised KPIs of the scorecard, exactly as documented in `SCORECARD_KPIS`. */
export function normaliseKpis(s: KpiSums): NormalisedKpis {
  const capped = (x: number | null) => (x === null ? null : round4(Math.min(1, x)));
  return {
    completion: ratio(s.plannedVisited, s.plannedStops),
    verification: ratio(s.verified - s.flaggedVerified, s.counted),
    timeOnSite: s.countedServiceS > 0 ? capped(s.provenDwellS / s.countedServiceS) : null,
    route: s.comparedDays > 0 && s.comparedTravelledM > 0 ? capped(s.comparedPlannedM / s.comparedTravelledM) : null,
    inspection: ratio(s.inspectionScoreSum, s.scoredInspections),
    // contradictions come from the retailer's word on the visit: only inspections that asked it count
    integrity:
      s.visitConfirmationAsked > 0
        ? round4(1 - Math.min(1, s.contradictions / s.visitConfirmationAsked))
        : s.contradictions > 0
          ? 0
          : null,
  };
}
