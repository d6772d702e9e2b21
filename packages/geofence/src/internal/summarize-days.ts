import { haversineM, type Visit } from '@beatplan/core';
import type { PlannedDay } from '../planned-day.js';
import type { DaySummary, VerificationSummary, VisitCounts } from '../verification-result.js';
import { statusOf } from './code-masks.js';
import type { Evidence } from './evidence.js';
import { compareIds, dateToDay, dayToDate, type DayGroup } from './group-days.js';
import type { RetailerIndex } from './retailer-index.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function emptyCounts(): VisitCounts {
  return { total: 0, verified: 0, rejected: 0, unverifiable: 0, flagged: 0 };
}

/**
 * Per-retailer stamps: `stamp[r] === day` marks retailer r as visited / verified / planned on the
 * day being summarised (day = a running number), so distinct counts need no Set per day.
 */
interface Stamps {
  visited: Int32Array;
  verified: Int32Array;
  planned: Int32Array;
}

/** Summarises one manager's day number `tag` (`members` in start order; `plan` when one was given). */
function summarizeDay(
  group: { managerId: string; day: number; members: readonly number[] },
  tag: number,
  visits: readonly Visit[],
  ev: Evidence,
  plan: PlannedDay | undefined,
  index: RetailerIndex,
  stamps: Stamps,
): DaySummary {
  const { members } = group;
  const counts = emptyCounts();
  let visited = 0;
  let verified = 0;
  let timeOnSite = 0;
  let reported = 0;
  let travel = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const status = statusOf(ev.reasons[i]!);
    const r = ev.fence[i]!;
    counts.total++;
    counts[status]++;
    if (ev.flags[i] !== 0) counts.flagged++;
    if (stamps.visited[r] !== tag) {
      stamps.visited[r] = tag;
      visited++;
    }
    const dwell = ev.dwellS[i]!;
    if (status === 'verified') {
      timeOnSite += dwell;
      if (stamps.verified[r] !== tag) {
        stamps.verified[r] = tag;
        verified++;
      }
    }
    if (dwell > 0) reported += dwell;
    if (k > 0) {
      const from = 2 * members[k - 1]! + 1;
      const to = 2 * i;
      travel += haversineM(ev.fixLng[from]!, ev.fixLat[from]!, ev.fixLng[to]!, ev.fixLat[to]!);
    }
  }
  let planFields: Pick<DaySummary, 'plannedRetailers' | 'plannedVisited' | 'plannedVerified' | 'notVisitedRetailerIds' | 'unplannedRetailerIds'> = {
    plannedRetailers: null,
    plannedVisited: null,
    plannedVerified: null,
    notVisitedRetailerIds: null,
    unplannedRetailerIds: null,
  };
  if (plan) {
    let plannedVisited = 0;
    let plannedVerified = 0;
    const notVisited: string[] = [];
    for (const id of plan.retailerIds) {
      const r = index.byId.get(id)!;
      stamps.planned[r] = tag;
      if (stamps.visited[r] === tag) plannedVisited++;
      else notVisited.push(id);
      if (stamps.verified[r] === tag) plannedVerified++;
    }
    const unplanned: string[] = [];
    for (const i of members) {
      const r = ev.fence[i]!;
      if (stamps.planned[r] !== tag) {
        stamps.planned[r] = tag; // list each retailer once
        unplanned.push(visits[i]!.retailerId);
      }
    }
    planFields = {
      plannedRetailers: plan.retailerIds.length,
      plannedVisited,
      plannedVerified,
      notVisitedRetailerIds: notVisited.sort(compareIds),
      unplannedRetailerIds: unplanned.sort(compareIds),
    };
  }
  return {
    managerId: group.managerId,
    date: dayToDate(group.day),
    visits: counts,
    plannedRetailers: planFields.plannedRetailers,
    visitedRetailers: visited,
    verifiedRetailers: verified,
    plannedVisited: planFields.plannedVisited,
    plannedVerified: planFields.plannedVerified,
    notVisitedRetailerIds: planFields.notVisitedRetailerIds,
    unplannedRetailerIds: planFields.unplannedRetailerIds,
    timeOnSiteS: round(timeOnSite, 3),
    reportedTimeOnSiteS: round(reported, 3),
    distanceBetweenVisitsM: round(travel, 1),
  };
}

/**
 * One summary per manager and date that has visits or a plan, sorted by manager id then date, and
 * the totals. Sums run in start-time order, so the figures do not depend on the input order.
 */
export function summarizeDays(groups: readonly DayGroup[], visits: readonly Visit[], ev: Evidence, planned: readonly PlannedDay[], index: RetailerIndex): VerificationSummary {
  const plans = new Map<string, PlannedDay>();
  for (const p of planned) plans.set(`${p.managerId}\u0000${dateToDay(p.date)}`, p);
  const n = index.fences.length;
  const stamps: Stamps = { visited: new Int32Array(n).fill(-1), verified: new Int32Array(n).fill(-1), planned: new Int32Array(n).fill(-1) };
  const days: DaySummary[] = [];
  let tag = 0;
  for (const g of groups) {
    const key = plans.size > 0 ? `${g.managerId}\u0000${g.day}` : '';
    days.push(summarizeDay(g, tag++, visits, ev, plans.get(key), index, stamps));
    plans.delete(key);
  }
  for (const p of plans.values()) days.push(summarizeDay({ managerId: p.managerId, day: dateToDay(p.date), members: [] }, tag++, visits, ev, p, index, stamps));
  if (planned.length > 0) days.sort((a, b) => compareIds(a.managerId, b.managerId) || compareIds(a.date, b.date));
  const totals = { ...emptyCounts(), managers: 0, days: days.length };
  let lastManager: string | undefined;
  for (const d of days) {
    if (d.managerId !== lastManager) totals.managers++;
    lastManager = d.managerId;
    totals.total += d.visits.total;
    totals.verified += d.visits.verified;
    totals.rejected += d.visits.rejected;
    totals.unverifiable += d.visits.unverifiable;
    totals.flagged += d.visits.flagged;
  }
  return { days, totals };
}
