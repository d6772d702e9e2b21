import { dateOfDayNumber, haversineCosM } from '@beatplan/core';
import type { DaySummary, VerificationSummary, VisitCounts } from '../verification-result.js';
import { statusCodeOf } from './code-masks.js';
import type { Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';
import { compareIds, type DayGroup } from './group-days.js';
import type { RetailerIndex } from './retailer-index.js';
import type { ResolvedPlan } from './check-references.js';
import { scratchI32 } from './scratch.js';

const NO_MEMBERS = new Int32Array(0);

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function emptyCounts(): VisitCounts {
  return { total: 0, verified: 0, rejected: 0, unverifiable: 0, incomplete: 0, flagged: 0 };
}

/** The retailers' ids in code-unit order, and each retailer's rank in it (computed once per index). */
interface IdOrder {
  readonly rank: Int32Array;
  readonly sorted: readonly string[];
}
const idOrders = new WeakMap<RetailerIndex, IdOrder>();

function idOrder(index: RetailerIndex): IdOrder {
  let order = idOrders.get(index);
  if (order === undefined) {
    const byId = index.retailers.map(({ id }, r) => ({ id, r })).sort((a, b) => compareIds(a.id, b.id));
    const rank = new Int32Array(byId.length);
    byId.forEach(({ r }, k) => (rank[r] = k));
    order = { rank, sorted: byId.map(({ id }) => id) };
    idOrders.set(index, order);
  }
  return order;
}

/**
 * Per-retailer stamps: `stamp[r] === tag` marks retailer r as visited / verified / planned on the
 * day being summarised (tag = a running number), so distinct counts need no Set per day; `ranks`
 * is scratch space for sorting retailer ids by rank.
 */
interface Scratch {
  visited: Int32Array;
  verified: Int32Array;
  planned: Int32Array;
  ranks: Int32Array;
  order: IdOrder | undefined;
}

/** The ids of the first `count` ranks in `scratch.ranks`, in code-unit order. */
function sortedIds(scratch: Scratch, order: IdOrder, count: number): string[] {
  const ranks = scratch.ranks.subarray(0, count).sort();
  const ids: string[] = new Array(count);
  ranks.forEach((rank, k) => (ids[k] = order.sorted[rank] ?? failEvidence('retailer rank', rank)));
  return ids;
}

/** Summarises one manager's day number `tag` (`members` in start order; `plan` when one was given). */
function summarizeDay(
  managerId: string,
  date: string,
  members: Int32Array,
  tag: number,
  ev: Evidence,
  plan: ResolvedPlan | undefined,
  s: Scratch,
): DaySummary {
  let verifiedCount = 0;
  let rejected = 0;
  let incomplete = 0;
  let flagged = 0;
  let visited = 0;
  let verified = 0;
  let timeOnSite = 0;
  let reported = 0;
  let travel = 0;
  let from = -1; // the previous visit's end slot
  for (const i of members) {
    const status = statusCodeOf(ev.reasons[i] ?? failEvidence('reasons', i));
    const r = ev.fence[i] ?? failEvidence('fence', i);
    if (ev.flags[i] !== 0) flagged++;
    if (s.visited[r] !== tag) {
      s.visited[r] = tag;
      visited++;
    }
    const dwell = ev.dwellS[i] ?? failEvidence('dwellS', i);
    if (status === 0) {
      verifiedCount++;
      timeOnSite += dwell;
      if (s.verified[r] !== tag) {
        s.verified[r] = tag;
        verified++;
      }
    } else if (status === 1) rejected++;
    else if (status === 3) incomplete++;
    if (dwell > 0) reported += dwell; // NaN (no end fix) is not
    if (from >= 0) travel += slotDistanceM(ev, from, 2 * i);
    from = 2 * i + 1;
  }
  const total = members.length;
  const day: DaySummary = {
    managerId,
    date,
    visits: {
      total,
      verified: verifiedCount,
      rejected,
      unverifiable: total - verifiedCount - rejected - incomplete,
      incomplete,
      flagged,
    },
    plannedRetailers: null,
    visitedRetailers: visited,
    verifiedRetailers: verified,
    plannedVisited: null,
    plannedVerified: null,
    notVisitedRetailerIds: null,
    unplannedRetailerIds: null,
    timeOnSiteS: round(timeOnSite, 3),
    reportedTimeOnSiteS: round(reported, 3),
    distanceBetweenVisitsM: round(travel, 1),
  };
  if (plan) {
    const order = s.order ?? failEvidence('idOrder', 0); // set whenever there are plans
    const { rank } = order;
    let plannedVisited = 0;
    let plannedVerified = 0;
    let count = 0;
    for (const r of plan.retailers) {
      s.planned[r] = tag;
      if (s.visited[r] === tag) plannedVisited++;
      else s.ranks[count++] = rank[r] ?? failEvidence('rank', r);
      if (s.verified[r] === tag) plannedVerified++;
    }
    day.plannedRetailers = plan.retailers.length;
    day.plannedVisited = plannedVisited;
    day.plannedVerified = plannedVerified;
    day.notVisitedRetailerIds = sortedIds(s, order, count);
    count = 0;
    for (const i of members) {
      const r = ev.fence[i] ?? failEvidence('fence', i);
      if (s.planned[r] !== tag) {
        s.planned[r] = tag; // list each retailer once
        s.ranks[count++] = rank[r] ?? failEvidence('rank', r);
      }
    }
    day.unplannedRetailerIds = sortedIds(s, order, count);
  }
  return day;
}

/** Metres between fix slots `from` and `to` (haversine). */
function slotDistanceM(ev: Evidence, from: number, to: number): number {
  return haversineCosM(
    ev.fixLng[from] ?? failEvidence('fixLng', from),
    ev.fixLat[from] ?? failEvidence('fixLat', from),
    ev.fixCos[from] ?? failEvidence('fixCos', from),
    ev.fixLng[to] ?? failEvidence('fixLng', to),
    ev.fixLat[to] ?? failEvidence('fixLat', to),
    ev.fixCos[to] ?? failEvidence('fixCos', to),
  );
}

/**
 * One summary per manager and date that has visits or a plan, sorted by manager id then date, and
 * the totals. Sums run in start-time order, so the figures do not depend on the input order.
 */
export function summarizeDays(
  groups: readonly DayGroup[],
  ev: Evidence,
  plans: readonly ResolvedPlan[],
  index: RetailerIndex,
): VerificationSummary {
  const plansOf = new Map<string, Map<number, number>>(); // manager → day → plan number
  plans.forEach((p, k) => {
    let days = plansOf.get(p.managerId);
    if (days === undefined) plansOf.set(p.managerId, (days = new Map()));
    days.set(p.day, k);
  });
  const used = new Uint8Array(plans.length);
  const n = index.retailers.length;
  let maxPlan = 0;
  for (const p of plans) maxPlan = Math.max(maxPlan, p.retailers.length);
  const s: Scratch = {
    visited: scratchI32(n).fill(-1),
    verified: scratchI32(n).fill(-1),
    planned: scratchI32(n).fill(-1),
    ranks: scratchI32(plans.length > 0 ? n + maxPlan : 0),
    order: plans.length > 0 ? idOrder(index) : undefined,
  };
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = dateOfDayNumber(day)));
    return date;
  };
  const days: DaySummary[] = [];
  let tag = 0;
  for (const g of groups) {
    const k = plans.length > 0 ? plansOf.get(g.managerId)?.get(g.day) : undefined;
    if (k !== undefined) used[k] = 1;
    days.push(
      summarizeDay(g.managerId, dateOf(g.day), g.members, tag++, ev, k === undefined ? undefined : plans[k], s),
    );
  }
  plans.forEach((p, k) => {
    if (!used[k]) days.push(summarizeDay(p.managerId, dateOf(p.day), NO_MEMBERS, tag++, ev, p, s));
  });
  if (plans.length > 0) days.sort((a, b) => compareIds(a.managerId, b.managerId) || compareIds(a.date, b.date));
  const totals = { ...emptyCounts(), managers: 0, days: days.length };
  let lastManager: string | undefined;
  for (const d of days) {
    if (d.managerId !== lastManager) totals.managers++;
    lastManager = d.managerId;
    totals.total += d.visits.total;
    totals.verified += d.visits.verified;
    totals.rejected += d.visits.rejected;
    totals.unverifiable += d.visits.unverifiable;
    totals.incomplete += d.visits.incomplete;
    totals.flagged += d.visits.flagged;
  }
  return { days, totals };
}
