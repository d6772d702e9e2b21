import {
  dayNumberOf,
  localDateOf,
  type InspectionRecord,
  type Retailer,
  type Visit,
  type VisitPlan,
} from '@beatplan/core';
import type { ContradictionInput, ReportInput, VisitVerdictInput } from '../report-input.js';

/** A visit of the period with its local date and verdict (null: none given). */
export interface DatedVisit {
  visit: Visit;
  date: string;
  verdict: VisitVerdictInput | null;
}

/** The input filtered to the period and indexed; everything the figures are computed from. */
export interface PreparedData {
  period: { from: string; to: string; days: number } | null;
  retailerById: Map<string, Retailer>;
  /** retailer id → responsible manager id: the retailer's `managerId`, else its territory's manager. */
  managerOfRetailer: Map<string, string>;
  plans: VisitPlan[];
  visits: DatedVisit[];
  inspections: InspectionRecord[];
  /** Contradictions of the period, each with the manager it counts against: its `managerId`, else its visit's manager, else the retailer's (null: none known). */
  contradictions: { c: ContradictionInput; managerId: string | null }[];
}

/** Days from `from` to `to`, both included. */
function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from) + 1;
}

/** Filters the (reference-checked) input to the period and builds the indexes. */
export function prepareData(input: ReportInput): PreparedData {
  const offset = input.utcOffsetMinutes;
  const retailerById = new Map(input.retailers.map((r) => [r.id, r]));
  const managerOfRetailer = new Map<string, string>();
  for (const t of input.territories) for (const id of t.retailerIds) managerOfRetailer.set(id, t.managerId);
  for (const r of input.retailers) if (r.managerId !== undefined) managerOfRetailer.set(r.id, r.managerId);

  const verdictOf = new Map(input.verdicts.map((v) => [v.visitId, v]));
  const allVisits = input.visits.map((visit) => ({
    visit,
    date: localDateOf(visit.start.at, offset),
    verdict: verdictOf.get(visit.id) ?? null,
  }));
  const datedInspections = input.inspections.map((r) => ({ r, date: localDateOf(r.at, offset) }));
  const inspectionDates = datedInspections.map((d) => d.date);

  let period = input.period ? { ...input.period, days: daysBetween(input.period.from, input.period.to) } : null;
  if (!period) {
    const dates = [...input.plans.map((p) => p.date), ...allVisits.map((v) => v.date), ...inspectionDates].sort();
    const from = dates[0];
    const to = dates[dates.length - 1];
    if (from !== undefined && to !== undefined) period = { from, to, days: daysBetween(from, to) };
  }
  const inPeriod = (date: string) => period === null || (date >= period.from && date <= period.to);

  const inspections = datedInspections.filter((d) => inPeriod(d.date)).map((d) => d.r);
  const keptInspections = new Set(inspections.map((r) => r.id));
  const visits = allVisits.filter((v) => inPeriod(v.date));
  const keptVisits = new Set(visits.map((v) => v.visit.id));
  const managerOfVisit = new Map(input.visits.map((v) => [v.id, v.managerId]));
  const contradictions = input.contradictions
    .filter(
      (c) =>
        (c.inspectionId === undefined || keptInspections.has(c.inspectionId)) &&
        (c.visitId === undefined || keptVisits.has(c.visitId)),
    )
    .filter((c) => c.visitIds === undefined || c.visitIds.length === 0 || c.visitIds.some((id) => keptVisits.has(id)))
    .map((c) => {
      const firstVisit = c.visitId ?? c.visitIds?.[0];
      const visitManager = firstVisit === undefined ? undefined : managerOfVisit.get(firstVisit);
      return { c, managerId: c.managerId ?? visitManager ?? managerOfRetailer.get(c.retailerId) ?? null };
    });

  return {
    period,
    retailerById,
    managerOfRetailer,
    plans: input.plans.filter((p) => inPeriod(p.date)),
    visits,
    inspections,
    contradictions,
  };
}
