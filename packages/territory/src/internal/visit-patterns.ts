import type { VisitFrequency } from '@beatplan/core';

/** One retailer as the pattern assignment sees it. */
export interface PatternInput {
  /** Position relative to the manager's base, metres. */
  x: number;
  y: number;
  frequency: VisitFrequency;
  /** Estimated minutes per visit (service + travel). */
  visitMinutes: number;
  /** Bit d set when the retailer can be visited on weekday d (0 = Monday). */
  allowedDays: number;
  /** An ordering retailer (orderCount > 0): counted by `orderingTolerance`. */
  ordering?: boolean;
}

/** The days and cycle weeks of a retailer's visits, or why it has none. */
export type VisitPattern = { weekdays: number[]; weeks: number[] } | { reason: string };

const VISITS_PER_WEEK: Record<VisitFrequency, number> = { weekly: 1, twice_weekly: 2, fortnightly: 0.5, monthly: 0.25 };
const MONTHLY_WEEK_ORDER = [0, 2, 1, 3];

/**
 * Gives every retailer its visit weekday(s) and weeks of the 4-week cycle:
 *
 * 1. sweep: sort the retailers by angle around the base, starting after the widest empty angle, and
 *    cut the sweep into one sector per working day of equal weekly load (a twice-weekly retailer
 *    counts one visit here: its second visit lands on another day, spreading evenly);
 * 2. each retailer takes its sector's day, or the nearest working day it is open;
 *    a twice-weekly one takes two well-spaced days (≥ 2 calendar days apart both ways when the
 *    working week allows: Mon/Thu, Tue/Fri …) including its sector's day when it can;
 * 3. with `orderingTolerance`, while a day's ordering retailers (weekly visits of retailers with
 *    `ordering`) are outside ± tolerance of the mean day, an ordering retailer of the fullest (or
 *    next to the emptiest) day moves to a day that has fewer, open for it, nearest its sector —
 *    exchanging days with a non-ordering retailer of the same frequency when one is open on both,
 *    so the days' workload stays as it was;
 * 4. within a day, fortnightly retailers are split along the sweep into two halves of equal load
 *    (weeks 0 and 2, weeks 1 and 3) and monthly ones into four quarters (weeks 0, 2, 1, 3), so each
 *    week's load is the same and each week visits a tight part of the sector.
 */
export function assignVisitPatterns(
  items: readonly PatternInput[],
  workDays: readonly number[],
  orderingTolerance?: number,
): VisitPattern[] {
  const n = items.length;
  const D = workDays.length;
  const out: VisitPattern[] = new Array(n);
  if (D === 0) return items.map(() => ({ reason: 'the manager has no working day' }));
  const angle = items.map((r) => Math.atan2(r.y, r.x));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => angle[a]! - angle[b]! || a - b);
  // start the sweep after the widest angular gap
  let startAt = 0,
    widest = -1;
  for (let m = 0; m < n; m++) {
    const prev = angle[order[(m - 1 + n) % n]!]!;
    const gap = (angle[order[m]!]! - prev + 4 * Math.PI) % (2 * Math.PI) || (n === 1 ? 2 * Math.PI : 0);
    if (gap > widest) [widest, startAt] = [gap, m];
  }
  const sweep = order.slice(startAt).concat(order.slice(0, startAt));
  const sweepLoad = (i: number) =>
    items[i]!.visitMinutes * (items[i]!.frequency === 'twice_weekly' ? 1 : VISITS_PER_WEEK[items[i]!.frequency]);
  const total = sweep.reduce((a, i) => a + sweepLoad(i), 0);
  const home = new Int32Array(n);
  let cum = 0;
  for (const i of sweep) {
    const mid = cum + sweepLoad(i) / 2;
    home[i] = total > 0 ? Math.min(D - 1, Math.floor((mid / total) * D)) : 0;
    cum += sweepLoad(i);
  }
  const dist = (a: number, b: number) => Math.min(Math.abs(a - b), D - Math.abs(a - b));
  const isOpen = (i: number, d: number) => (items[i]!.allowedDays & (1 << workDays[d]!)) !== 0;
  const dayOf = new Int32Array(n).fill(-1);
  const dayLoad = new Float64Array(D);
  for (const i of sweep) {
    if (items[i]!.frequency === 'twice_weekly') continue;
    let best = -1;
    for (let d = 0; d < D; d++) if (isOpen(i, d) && (best < 0 || dist(d, home[i]!) < dist(best, home[i]!))) best = d;
    if (best < 0) {
      out[i] = { reason: 'not open on any working day of the manager during his working hours' };
      continue;
    }
    dayOf[i] = best;
    dayLoad[best]! += items[i]!.visitMinutes * VISITS_PER_WEEK[items[i]!.frequency];
  }
  const meanDay = Math.max(dayLoad.reduce((a, b) => a + b, 0) / D, 1);
  for (const i of sweep) {
    if (items[i]!.frequency !== 'twice_weekly') continue;
    let best: [number, number] | null = null,
      bestCost = Infinity;
    for (let a = 0; a < D; a++) {
      for (let b = a + 1; b < D; b++) {
        if (!isOpen(i, a) || !isOpen(i, b)) continue;
        const gap = workDays[b]! - workDays[a]!;
        const minGap = Math.min(gap, 7 - gap);
        const cost =
          10 * Math.min(dist(a, home[i]!), dist(b, home[i]!)) +
          4 * (3 - Math.min(minGap, 3)) +
          (dayLoad[a]! + dayLoad[b]!) / meanDay;
        if (cost < bestCost) [best, bestCost] = [[a, b], cost];
      }
    }
    if (!best) {
      out[i] = { reason: 'twice-weekly, but not open on two working days of the manager' };
      continue;
    }
    for (const d of best) dayLoad[d]! += items[i]!.visitMinutes;
    out[i] = { weekdays: best.map((d) => workDays[d]!), weeks: [0, 1, 2, 3] };
  }
  if (orderingTolerance !== undefined)
    balanceOrdering(items, dayOf, home, out, workDays, orderingTolerance, (i, d) => isOpen(i, d), dist);
  // weeks: weekly every week; fortnightly halves and monthly quarters along the sweep, per day
  for (let d = 0; d < D; d++) {
    const onDay = sweep.filter((i) => dayOf[i] === d);
    const split = (frequency: VisitFrequency, parts: number, weeksOf: (part: number) => number[]) => {
      const list = onDay.filter((i) => items[i]!.frequency === frequency);
      const sum = list.reduce((a, i) => a + items[i]!.visitMinutes, 0);
      let c = 0;
      for (const i of list) {
        const part = sum > 0 ? Math.min(parts - 1, Math.floor(((c + items[i]!.visitMinutes / 2) / sum) * parts)) : 0;
        c += items[i]!.visitMinutes;
        out[i] = { weekdays: [workDays[d]!], weeks: weeksOf(part) };
      }
    };
    for (const i of onDay)
      if (items[i]!.frequency === 'weekly') out[i] = { weekdays: [workDays[d]!], weeks: [0, 1, 2, 3] };
    split('fortnightly', 2, (p) => [p, p + 2]);
    split('monthly', 4, (q) => [MONTHLY_WEEK_ORDER[q]!]);
  }
  return out;
}

/**
 * Step 3 of {@link assignVisitPatterns}: moves ordering retailers between days (`dayOf`, changed in
 * place) until every day's weekly ordering visits are within ± tolerance of the mean day, or no move
 * helps. Twice-weekly retailers keep their days (they are counted on both).
 */
function balanceOrdering(
  items: readonly PatternInput[],
  dayOf: Int32Array,
  home: Int32Array,
  out: VisitPattern[],
  workDays: readonly number[],
  tolerance: number,
  isOpen: (i: number, d: number) => boolean,
  dist: (a: number, b: number) => number,
): void {
  const n = items.length;
  const D = workDays.length;
  const weight = (i: number) => (items[i]?.ordering ? VISITS_PER_WEEK[(items[i] as PatternInput).frequency] : 0);
  const count = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    const p = out[i];
    if ((dayOf[i] as number) >= 0) count[dayOf[i] as number] = (count[dayOf[i] as number] as number) + weight(i);
    else if (items[i]?.ordering && p && 'weekdays' in p)
      for (const wd of p.weekdays) count[workDays.indexOf(wd)] = (count[workDays.indexOf(wd)] as number) + 1;
  }
  const mean = count.reduce((a, b) => a + b, 0) / D;
  const hi = (1 + tolerance) * mean + 1e-9;
  const lo = (1 - tolerance) * mean - 1e-9;
  for (let step = 0; step < n; step++) {
    let over = 0,
      under = 0;
    for (let d = 1; d < D; d++) {
      if ((count[d] as number) > (count[over] as number)) over = d;
      if ((count[d] as number) < (count[under] as number)) under = d;
    }
    if ((count[over] as number) <= hi && (count[under] as number) >= lo) return;
    // the best move of one ordering retailer off `over`, or onto `under`: to a day with fewer, nearest its sector
    let best: [number, number, number] | null = null;
    for (let i = 0; i < n; i++) {
      const from = dayOf[i] as number;
      const w = weight(i);
      if (w <= 0 || from < 0 || (from !== over && (count[over] as number) > hi)) continue;
      for (let to = 0; to < D; to++) {
        if (to === from || !isOpen(i, to) || (count[to] as number) + w >= (count[from] as number)) continue;
        if ((count[over] as number) <= hi && to !== under) continue;
        const cost = dist(to, home[i] as number) * 4 + dist(to, from);
        if (!best || cost < best[2]) best = [i, to, cost];
      }
    }
    if (!best) return;
    const [i, to] = best;
    const from = dayOf[i] as number;
    // a non-ordering retailer of the same frequency on `to`, open on `from`, nearest the move's sector, takes its place
    let partner = -1;
    for (let j = 0; j < n; j++)
      if (
        dayOf[j] === to &&
        weight(j) === 0 &&
        items[j]?.frequency === items[i]?.frequency &&
        isOpen(j, from) &&
        (partner < 0 || dist(from, home[j] as number) < dist(from, home[partner] as number))
      )
        partner = j;
    dayOf[i] = to;
    count[from] = (count[from] as number) - weight(i);
    count[to] = (count[to] as number) + weight(i);
    if (partner >= 0) dayOf[partner] = from;
  }
}
