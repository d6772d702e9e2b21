import {
  getKnown,
  haversineM,
  toWgs84,
  type CustomerManager,
  type InspectionRecord,
  type PositionFix,
  type Retailer,
  type VisitPlan,
} from '@beatplan/core';
import { emptySums, type KpiSums } from './kpi-sums.js';
import { addRouteSums } from '../measure-report-routes.js';
import type { ReportRoutes, VisitVerdictInput } from '../report-input.js';
import type { DatedVisit, PreparedData } from './prepare-data.js';

/**
 * An inspection's score, 0..1: the mean of the scored items its checklist asked — pricesTagged and
 * policyMaterialDisplayed (1 or 0), (satisfaction − 1) / 4 — so with all three
 * (pricesTagged + policyMaterialDisplayed + (satisfaction − 1) / 4) / 3; null when it asked none.
 */
export function inspectionScore(r: InspectionRecord): number | null {
  // summed in this order, so that the default checklist's score is the same number as before
  const parts: number[] = [];
  if (r.pricesTagged !== undefined) parts.push(r.pricesTagged ? 1 : 0);
  if (r.policyMaterialDisplayed !== undefined) parts.push(r.policyMaterialDisplayed ? 1 : 0);
  if (r.satisfaction !== undefined) parts.push((r.satisfaction - 1) / 4);
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b) / parts.length;
}

function pathM(points: readonly { lng: number; lat: number }[]): number {
  let m = 0;
  let previous: { lng: number; lat: number } | undefined;
  for (const p of points) {
    if (previous) m += haversineM(previous.lng, previous.lat, p.lng, p.lat);
    previous = p;
  }
  return m;
}

/**
 * Straight-line metres of a day: base → each visit's start fix → its end fix (none when it has none)
 * → … → base (visits in start order).
 */
export function travelledM(base: CustomerManager['base'], visits: readonly DatedVisit[]): number {
  const ordered = [...visits].sort((a, b) => a.visit.start.at - b.visit.start.at || (a.visit.id < b.visit.id ? -1 : 1));
  return pathM([
    toWgs84(base),
    ...ordered.flatMap(({ visit }) =>
      visit.end === undefined ? [toWgs84(visit.start)] : [toWgs84(visit.start), toWgs84(visit.end)],
    ),
    toWgs84(base),
  ]);
}

/** Straight-line metres of a plan: base → each planned retailer's location in order → base. */
export function plannedStraightM(
  base: CustomerManager['base'],
  plan: VisitPlan,
  retailerById: ReadonlyMap<string, Retailer>,
): number {
  return pathM([
    toWgs84(base),
    ...plan.stops.map((s) => toWgs84(getKnown(retailerById, s.retailerId, 'retailer').location)),
    toWgs84(base),
  ]);
}

/** A verdict undecided for lack of precision: unverifiable, and its only reason is ACCURACY_TOO_COARSE. */
export function isUndecidedForPrecision(verdict: VisitVerdictInput): boolean {
  return (
    verdict.status === 'unverifiable' && verdict.reasons.length === 1 && verdict.reasons[0] === 'ACCURACY_TOO_COARSE'
  );
}

function countFix(s: KpiSums, source: PositionFix['source']): void {
  if (source === 'gnss') s.fixesGnss++;
  else if (source === 'wifi') s.fixesWifi++;
  else if (source === 'cell') s.fixesCell++;
  else s.fixesManual++;
}

const key = (date: string, retailerId: string) => `${date}\u0000${retailerId}`;

/**
 * The KPI sums of every manager (by id) and the dates each was active (plan or visit). Inspections
 * and contradictions whose retailer has no manager go under the key `null`. With `routes`, the days'
 * route figures are added and compared instead of the straight lines (`addRouteSums`).
 */
export function accumulateKpis(
  data: PreparedData,
  managers: readonly CustomerManager[],
  undecidedPrecision: 'neutral' | 'failed',
  incompleteVisits: 'neutral' | 'failed',
  routes: ReportRoutes | undefined,
): { sums: Map<string | null, KpiSums>; days: Map<string, Set<string>> } {
  const sums = new Map<string | null, KpiSums>(managers.map((m) => [m.id, emptySums()]));
  const sumsOf = (id: string | null) => {
    let s = sums.get(id);
    if (!s) sums.set(id, (s = emptySums()));
    return s;
  };
  const days = new Map<string, Set<string>>(managers.map((m) => [m.id, new Set<string>()]));
  const daysOf = (id: string) => getKnown(days, id, 'manager');
  const managerById = new Map(managers.map((m) => [m.id, m]));
  const planOf = new Map<string, { plan: VisitPlan; straightM: number }>();
  const planned = new Set<string>();
  for (const p of data.plans) {
    const s = sumsOf(p.managerId);
    const straightM = plannedStraightM(getKnown(managerById, p.managerId, 'manager').base, p, data.retailerById);
    s.plannedStops += p.stops.length;
    s.plannedWorkS += p.durationS;
    s.plannedDistanceM += p.distanceM;
    s.plannedStraightM += straightM;
    planOf.set(`${p.managerId} ${p.date}`, { plan: p, straightM });
    for (const stop of p.stops) planned.add(`${p.managerId}\u0000${key(p.date, stop.retailerId)}`);
    daysOf(p.managerId).add(p.date);
  }

  const byDay = new Map<string, [DatedVisit, ...DatedVisit[]]>();
  const visited = new Set<string>();
  const verified = new Set<string>();
  for (const dv of data.visits) {
    const { visit, verdict } = dv;
    const s = sumsOf(visit.managerId);
    const k = `${visit.managerId}\u0000${key(dv.date, visit.retailerId)}`;
    s.visits++;
    visited.add(k);
    if (planOf.has(`${visit.managerId} ${dv.date}`) && !planned.has(k)) s.unplannedVisits++;
    if (visit.end !== undefined) s.reportedDwellS += Math.max(0, (visit.end.at - visit.start.at) / 1000);
    countFix(s, visit.start.source);
    if (visit.end !== undefined) countFix(s, visit.end.source);
    const undecided = verdict !== null && isUndecidedForPrecision(verdict);
    if (undecided) s.undecidedPrecision++;
    const neutral =
      (undecided && undecidedPrecision === 'neutral') ||
      (verdict?.status === 'incomplete' && incompleteVisits === 'neutral');
    if (!neutral) {
      s.counted++;
      s.countedServiceS += getKnown(data.retailerById, visit.retailerId, 'retailer').serviceMinutes * 60;
    }
    if (!verdict) s.noVerdict++;
    else {
      s[verdict.status]++;
      if (verdict.flags.length) s.flagged++;
      if (verdict.status === 'verified') {
        verified.add(k);
        s.verifiedDwellS += Math.max(0, verdict.dwellS ?? 0);
        // a flagged visit is not proven until a reviewer clears its flags (README "Scorecard")
        if (verdict.flags.length) s.flaggedVerified++;
        else s.provenDwellS += Math.max(0, verdict.dwellS ?? 0);
        s.expectedServiceS += getKnown(data.retailerById, visit.retailerId, 'retailer').serviceMinutes * 60;
      }
    }
    const dayKey = `${visit.managerId} ${dv.date}`;
    const dayVisits = byDay.get(dayKey);
    if (dayVisits) dayVisits.push(dv);
    else byDay.set(dayKey, [dv]);
    daysOf(visit.managerId).add(dv.date);
  }
  for (const k of planned) {
    const s = sumsOf(k.slice(0, k.indexOf('\u0000')));
    if (visited.has(k)) s.plannedVisited++;
    if (verified.has(k)) s.plannedVerified++;
  }

  for (const [dayKey, visits] of byDay) {
    const managerId = visits[0].visit.managerId;
    const s = sumsOf(managerId);
    const m = travelledM(getKnown(managerById, managerId, 'manager').base, visits);
    s.travelledDistanceM += m;
    const plan = planOf.get(dayKey);
    if (plan && !routes) {
      s.comparedDays++;
      s.comparedTravelledM += m;
      s.comparedPlannedM += plan.straightM;
    }
  }

  if (routes) addRouteSums(routes, days, sumsOf);

  for (const r of data.inspections) {
    const s = sumsOf(data.managerOfRetailer.get(r.retailerId) ?? null);
    s.inspections++;
    const score = inspectionScore(r);
    if (score !== null) {
      s.scoredInspections++;
      s.inspectionScoreSum += score;
    }
    // an item the checklist did not ask is counted as not asked, never as "no" or 0
    if (r.pricesTagged !== undefined) {
      s.pricesTaggedAsked++;
      if (r.pricesTagged) s.pricesTagged++;
    }
    if (r.policyMaterialDisplayed !== undefined) {
      s.policyAsked++;
      if (r.policyMaterialDisplayed) s.policyDisplayed++;
    }
    if (r.satisfaction !== undefined) {
      s.satisfactionAsked++;
      s.satisfactionSum += r.satisfaction;
    }
    if (r.managerVisitConfirmed !== undefined) {
      s.visitConfirmationAsked++;
      if (r.managerVisitConfirmed === 'no') s.visitsDenied++;
    }
  }
  for (const { c, managerId } of data.contradictions) {
    const s = sumsOf(managerId);
    s.contradictions++;
    s.kinds.set(c.kind, (s.kinds.get(c.kind) ?? 0) + 1);
  }
  return { sums, days };
}
