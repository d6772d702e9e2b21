import { seededRandom, type TravelCosts, type VisitFrequency } from '@beatplan/core';
import * as z from 'zod';
import { type DayTours, insertCheapest, refreshTour } from './day-tours.js';
import { improveTour } from './improve-tour.js';
import { type DayCandidate, visitDayCandidates } from './visit-day-candidates.js';
import { type DaySearch, totalTravel } from './visit-day-moves.js';
import { searchVisitDays } from './visit-day-search.js';
import type { DayBounds } from './day-bounds.js';
import type { VisitPattern } from './visit-patterns.js';

/**
 * Options of the day-assignment search of `planWeeklyBeats` (`daySearch`; `false` turns it off and
 * keeps the sector start):
 * - `maxRounds` (default 200): rounds of the iterated local search after the first descent — the
 *   deterministic budget (same input and seed, same days).
 * - `timeLimitMs` (default none): an optional cap on the whole stage, its travel matrix included; the
 *   best assignment found so far is kept. Only when it binds may the result depend on the machine, so
 *   by default the stage ends by `maxRounds` alone (or the signal) and plans are reproducible.
 * - `balanceTolerance` (default 0.1): no day of the cycle may end above the larger of its start
 *   workload and min(its working time, (1 + tolerance) × the mean day), nor a move take it below the
 *   smaller of its start workload and (1 − tolerance) × the mean day (workload = service + travel).
 */
export const DaySearchOptionsSchema = z.strictObject({
  maxRounds: z.number().int().min(0).max(1_000_000).default(200),
  timeLimitMs: z.number().int().min(0).max(3_600_000).optional(),
  balanceTolerance: z.number().min(0).max(1).default(0.1),
});

/** The parsed options of the day-assignment search. */
export type DaySearchOptions = z.output<typeof DaySearchOptionsSchema>;

/** The search holds a travel-time matrix of every pair: above this many retailers it is skipped. */
export const MAX_DAY_SEARCH_RETAILERS = 1500;

/** Nearest retailers (by travel time both ways) each retailer may swap its days with. */
const SWAP_NEIGHBOURS = 8;

/** What the day-assignment search did (`BeatPlan.daySearch`). Travel figures are the search's estimates. */
export interface DaySearchSummary {
  /**
   * `'rounds'` (its `maxRounds` done), `'time'` (its `timeLimitMs` ran out), `'off'` (`daySearch:
   * false`), `'too-many-retailers'` (more than 1,500 retailers for one manager: the sector start is kept).
   */
  stoppedBy: 'rounds' | 'time' | 'off' | 'too-many-retailers';
  /**
   * Estimated travel seconds over the 4-week cycle of the sector start (each day's tour by cheapest
   * insertion, 2-opt and Or-opt on the plan's travel times, inside the visits' windows), rounded; null
   * when the search did not run.
   */
  startTravelS: number | null;
  /** The same estimate after the search (never above `startTravelS`). */
  travelS: number | null;
  /** Retailers moved to other days, and pairs of retailers that exchanged their days. */
  moves: number;
  swaps: number;
  rounds: number;
}

/** One retailer as the day search sees it. */
export interface DaySearchRetailer {
  lng: number;
  lat: number;
  frequency: VisitFrequency;
  /** Bit d set when the retailer can be visited on weekday d (0 = Monday). */
  allowedDays: number;
  serviceS: number;
  /** Per weekday (0 = Monday): when a visit may start, seconds of the day (`visitWindows`); null = any time. */
  windows: readonly ([number, number][] | null)[];
  /** An ordering retailer (orderCount > 0), counted by the context's `orderingTolerance`. */
  ordering?: boolean;
}

/** What the stage needs besides the retailers. */
export interface DaySearchContext {
  base: { lng: number; lat: number };
  /** Working weekdays (0 = Monday), ascending, and the bounds of each (`dayBounds`). */
  workDays: readonly number[];
  bounds: readonly DayBounds[];
  costs: TravelCosts;
  seed: number;
  signal?: AbortSignal | undefined;
  /**
   * When set: no change may take a day of the cycle above the larger of its start count of ordering
   * retailers' visits and ceil((1 + tolerance) × the mean day), nor below the smaller of its start count
   * and floor((1 − tolerance) × the mean day). Absent: the search is as without it.
   */
  orderingTolerance?: number | undefined;
}

/**
 * Improves the sector start's visit days by local search on the estimated travel time of the 4-week
 * cycle: moves a retailer to another allowed pattern (`visitDayCandidates`: its frequency's weeks, days
 * it is open, twice-weekly spacing) and swaps two near retailers' patterns, each priced by removal and
 * cheapest insertion in the day tours; then an iterated local search. Keeps every day within its
 * workload bounds (see {@link DaySearchOptionsSchema}) and, with `ctx.orderingTolerance`, its bounds
 * of ordering retailers' visits (see {@link DaySearchContext}); yields to the event loop every 10 ms and rejects
 * `ABORTED` when `signal` fires.
 *
 * @returns the new patterns (same order as `patterns`; unplanned retailers keep their reason) and a summary.
 */
export async function improveVisitDays(
  retailers: readonly DaySearchRetailer[],
  patterns: readonly VisitPattern[],
  options: DaySearchOptions | false,
  ctx: DaySearchContext,
): Promise<{ patterns: VisitPattern[]; summary: DaySearchSummary }> {
  const t0 = performance.now();
  const skipped = (stoppedBy: 'off' | 'too-many-retailers') => ({
    patterns: [...patterns],
    summary: { stoppedBy, startTravelS: null, travelS: null, moves: 0, swaps: 0, rounds: 0 },
  });
  if (options === false) return skipped('off');
  if (retailers.length > MAX_DAY_SEARCH_RETAILERS) return skipped('too-many-retailers');
  const clock = { deadline: t0 + (options.timeLimitMs ?? Number.POSITIVE_INFINITY), signal: ctx.signal, lastYield: t0 };
  const points = [ctx.base, ...retailers].map((p) => ({ lng: p.lng, lat: p.lat }));
  const matrix = await ctx.costs.matrix(points, ctx.signal ? { signal: ctx.signal } : {});
  const st = startState(retailers, patterns, options, ctx, travelTimes(matrix.durationsS));
  const startTravelS = Math.round(totalTravel(st));
  const { stoppedBy, rounds } = await searchVisitDays(st, options.maxRounds, seededRandom(ctx.seed), clock);
  const out = patterns.map((p, r): VisitPattern => {
    const c = (st.cands[r] as DayCandidate[])[st.cur[r] as number];
    return 'reason' in p || !c ? p : { weekdays: c.days.map((d) => ctx.workDays[d] as number), weeks: c.weeks };
  });
  const travelS = Math.round(totalTravel(st));
  return { patterns: out, summary: { stoppedBy, startTravelS, travelS, moves: st.moves, swaps: st.swaps, rounds } };
}

/** The matrix's seconds with an unreachable pair (-1) priced far above any route, so the search avoids it. */
function travelTimes(durationsS: Float64Array): Float64Array {
  let longest = 0;
  for (const x of durationsS) if (x > longest) longest = x;
  const penalty = 10 * longest + 3600;
  return durationsS.map((x) => (x < 0 ? penalty : x));
}

function startState(
  retailers: readonly DaySearchRetailer[],
  patterns: readonly VisitPattern[],
  o: DaySearchOptions,
  ctx: DaySearchContext,
  time: Float64Array,
): DaySearch {
  const n = retailers.length;
  const D = ctx.workDays.length;
  const slots = 4 * D;
  const cands: DayCandidate[][] = [];
  const cur = new Int32Array(n).fill(-1);
  patterns.forEach((p, r) => {
    const x = retailers[r] as DaySearchRetailer;
    if ('reason' in p) return cands.push([]);
    const days = p.weekdays.map((wd) => ctx.workDays.indexOf(wd));
    const c = visitDayCandidates(x.frequency, x.allowedDays, ctx.workDays, { days, weeks: p.weeks });
    cands.push(c.list);
    cur[r] = c.current;
  });
  const serviceS = Float64Array.from(retailers, (x) => x.serviceS);
  const tours: DayTours = {
    time,
    size: n + 1,
    serviceS: Float64Array.from([0, ...serviceS]),
    windows: [ctx.workDays.map(() => null), ...retailers.map((x) => ctx.workDays.map((wd) => x.windows[wd] ?? null))],
    days: D,
    startAt: Float64Array.from(ctx.bounds, (b) => b.startAt),
    endBy: Float64Array.from(ctx.bounds, (b) => b.endBy),
    tours: Array.from({ length: slots }, () => []),
    travel: new Float64Array(slots),
    timelines: [],
  };
  for (let k = 0; k < slots; k++) refreshTour(tours, k);
  const serviceOn = new Float64Array(slots);
  cur.forEach((c, r) => {
    if (c < 0) return;
    for (const k of ((cands[r] as DayCandidate[])[c] as DayCandidate).slots) {
      insertCheapest(tours, k, r + 1);
      serviceOn[k] = (serviceOn[k] as number) + (serviceS[r] as number);
    }
  });
  for (let k = 0; k < slots; k++) improveTour(tours, k);
  const load = serviceOn.map((s, k) => s + (tours.travel[k] as number));
  const mean = load.reduce((a, x) => a + x, 0) / Math.max(1, slots);
  const hi = load.map((x, k) =>
    Math.max(x, Math.min((ctx.bounds[k % D] as DayBounds).workS, (1 + o.balanceTolerance) * mean)),
  );
  const lo = load.map((x) => Math.min(x, (1 - o.balanceTolerance) * mean));
  const near = nearestRetailers(time, n, cur);
  const ordering =
    ctx.orderingTolerance === undefined ? null : orderingBounds(retailers, cands, cur, slots, ctx.orderingTolerance);
  return { tours, cands, cur, serviceS, serviceOn, hi, lo, near, ordering, moves: 0, swaps: 0 };
}

/** Each slot's ordering visits at the start and its bounds (see {@link DaySearchContext}). */
function orderingBounds(
  retailers: readonly DaySearchRetailer[],
  cands: readonly DayCandidate[][],
  cur: Int32Array,
  slots: number,
  tolerance: number,
): DaySearch['ordering'] {
  const of = Uint8Array.from(retailers, (x) => (x.ordering ? 1 : 0));
  const on = new Int32Array(slots);
  cur.forEach((c, r) => {
    if (c < 0 || !of[r]) return;
    for (const k of ((cands[r] as DayCandidate[])[c] as DayCandidate).slots) on[k] = (on[k] as number) + 1;
  });
  const mean = on.reduce((a, x) => a + x, 0) / Math.max(1, slots);
  const hi = Float64Array.from(on, (x) => Math.max(x, Math.ceil((1 + tolerance) * mean - 1e-9)));
  const lo = Float64Array.from(on, (x) => Math.min(x, Math.floor((1 - tolerance) * mean + 1e-9)));
  return { of, on, hi, lo };
}

/** Each planned retailer's {@link SWAP_NEIGHBOURS} nearest planned retailers by travel time both ways. */
function nearestRetailers(time: Float64Array, n: number, cur: Int32Array): Int32Array[] {
  const size = n + 1;
  return Array.from({ length: n }, (_, r) => {
    if ((cur[r] as number) < 0) return new Int32Array(0);
    const best: [number, number][] = [];
    for (let s = 0; s < n; s++) {
      if (s === r || (cur[s] as number) < 0) continue;
      const d = (time[(r + 1) * size + s + 1] as number) + (time[(s + 1) * size + r + 1] as number);
      if (best.length < SWAP_NEIGHBOURS || d < (best[best.length - 1] as [number, number])[0]) {
        best.push([d, s]);
        best.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        if (best.length > SWAP_NEIGHBOURS) best.pop();
      }
    }
    return Int32Array.from(best, (b) => b[1]);
  });
}
