import { getKnown, reasonWithData, type ReasonWithData, type VisitFrequency } from '@beatplan/core';

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
export type VisitPattern = { weekdays: number[]; weeks: number[] } | ReasonWithData;

const VISITS_PER_WEEK: Record<VisitFrequency, number> = { weekly: 1, twice_weekly: 2, fortnightly: 0.5, monthly: 0.25 };
/** The cycle weeks of each half of a day's fortnightly retailers, and of each quarter of its monthly ones. */
const FORTNIGHTLY_WEEKS = [
  [0, 2],
  [1, 3],
];
const MONTHLY_WEEKS = [[0], [2], [1], [3]];

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
  if (D === 0) return items.map(() => reasonWithData('territory.no_working_day'));
  // each retailer with its angle around the base and its sector's day (`home`)
  const state = items.map((item, i) => ({ i, item, angle: Math.atan2(item.y, item.x), home: 0 }));
  const order = [...state].sort((a, b) => a.angle - b.angle || a.i - b.i);
  // start the sweep after the widest angular gap
  let startAt = 0,
    widest = -1;
  for (const [m, cur] of order.entries()) {
    const prev = getKnown(order, (m - 1 + n) % n, 'sweep position').angle;
    const gap = (cur.angle - prev + 4 * Math.PI) % (2 * Math.PI) || (n === 1 ? 2 * Math.PI : 0);
    if (gap > widest) [widest, startAt] = [gap, m];
  }
  const sweep = order.slice(startAt).concat(order.slice(0, startAt));
  const sweepLoad = (r: PatternInput) =>
    r.visitMinutes * (r.frequency === 'twice_weekly' ? 1 : VISITS_PER_WEEK[r.frequency]);
  const total = sweep.reduce((a, s) => a + sweepLoad(s.item), 0);
  const home = new Int32Array(n);
  let cum = 0;
  for (const s of sweep) {
    const mid = cum + sweepLoad(s.item) / 2;
    s.home = total > 0 ? Math.min(D - 1, Math.floor((mid / total) * D)) : 0;
    home[s.i] = s.home;
    cum += sweepLoad(s.item);
  }
  const dist = (a: number, b: number) => Math.min(Math.abs(a - b), D - Math.abs(a - b));
  // the working days: index d among them, weekday wd, weekly load
  const days = workDays.map((wd, d) => ({ d, wd, load: 0 }));
  const isOpenOn = (r: PatternInput, wd: number) => (r.allowedDays & (1 << wd)) !== 0;
  const dayOf = new Int32Array(n).fill(-1);
  for (const { i, item, home: h } of sweep) {
    if (item.frequency === 'twice_weekly') continue;
    let best: (typeof days)[number] | undefined;
    for (const day of days) if (isOpenOn(item, day.wd) && (!best || dist(day.d, h) < dist(best.d, h))) best = day;
    if (!best) {
      out[i] = reasonWithData('territory.not_open');
      continue;
    }
    dayOf[i] = best.d;
    best.load += item.visitMinutes * VISITS_PER_WEEK[item.frequency];
  }
  const meanDay = Math.max(days.reduce((a, day) => a + day.load, 0) / D, 1);
  for (const { i, item, home: h } of sweep) {
    if (item.frequency !== 'twice_weekly') continue;
    let best: [(typeof days)[number], (typeof days)[number]] | null = null,
      bestCost = Infinity;
    for (const [a, dayA] of days.entries()) {
      for (const dayB of days.slice(a + 1)) {
        if (!isOpenOn(item, dayA.wd) || !isOpenOn(item, dayB.wd)) continue;
        const gap = dayB.wd - dayA.wd;
        const minGap = Math.min(gap, 7 - gap);
        const cost =
          10 * Math.min(dist(dayA.d, h), dist(dayB.d, h)) +
          4 * (3 - Math.min(minGap, 3)) +
          (dayA.load + dayB.load) / meanDay;
        if (cost < bestCost) [best, bestCost] = [[dayA, dayB], cost];
      }
    }
    if (!best) {
      out[i] = reasonWithData('territory.not_twice_weekly');
      continue;
    }
    for (const day of best) day.load += item.visitMinutes;
    out[i] = { weekdays: best.map((day) => day.wd), weeks: [0, 1, 2, 3] };
  }
  if (orderingTolerance !== undefined)
    balanceOrdering(
      items,
      dayOf,
      home,
      out,
      workDays,
      orderingTolerance,
      (i, d) => isOpenOn(getKnown(items, i, 'retailer'), getKnown(workDays, d, 'working day')),
      dist,
    );
  // weeks: weekly every week; fortnightly halves and monthly quarters along the sweep, per day
  for (const { d, wd } of days) {
    const onDay = sweep.filter((s) => dayOf[s.i] === d);
    const split = (frequency: VisitFrequency, weeksOf: readonly (readonly number[])[]) => {
      const parts = weeksOf.length;
      const list = onDay.filter((s) => s.item.frequency === frequency);
      const sum = list.reduce((a, s) => a + s.item.visitMinutes, 0);
      let c = 0;
      for (const { i, item } of list) {
        const part = sum > 0 ? Math.min(parts - 1, Math.floor(((c + item.visitMinutes / 2) / sum) * parts)) : 0;
        c += item.visitMinutes;
        out[i] = { weekdays: [wd], weeks: [...getKnown(weeksOf, part, 'part of the cycle')] };
      }
    };
    for (const { i, item } of onDay) if (item.frequency === 'weekly') out[i] = { weekdays: [wd], weeks: [0, 1, 2, 3] };
    split('fortnightly', FORTNIGHTLY_WEEKS);
    split('monthly', MONTHLY_WEEKS);
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
