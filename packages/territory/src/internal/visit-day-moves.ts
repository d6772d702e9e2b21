import {
  type DayTours,
  EPSILON_S,
  freeInsertionCost,
  insertCheapest,
  insertionCost,
  removalSaving,
  removeNode,
} from './day-tours.js';
import { improveTour } from './improve-tour.js';
import type { DayCandidate } from './visit-day-candidates.js';

/**
 * The state of the day-assignment search: every retailer's allowed patterns and current one, the
 * estimated tour of every day of the 4-week cycle ("slot" = week · D + working day), and each slot's
 * workload bounds. Node of retailer r in the tours: r + 1.
 */
export interface DaySearch {
  tours: DayTours;
  cands: DayCandidate[][];
  /** Index into `cands[r]` of retailer r's current pattern; -1 = not planned (no allowed day). */
  cur: Int32Array;
  /** Service seconds of one visit of retailer r. */
  serviceS: Float64Array;
  /** Σ service seconds of each slot. */
  serviceOn: Float64Array;
  /** A slot's workload (service + estimated travel) may not rise above `hi` nor a move push it below `lo`. */
  hi: Float64Array;
  lo: Float64Array;
  /** Each retailer's nearest retailers by travel time (both ways), the partners of its swaps. */
  near: Int32Array[];
  /**
   * With an ordering tolerance: 1 for an ordering retailer (else 0), each slot's ordering visits, and
   * the bounds a change may not break (like `hi`/`lo`); null without one.
   */
  ordering: { of: Uint8Array; on: Int32Array; hi: Float64Array; lo: Float64Array } | null;
  moves: number;
  swaps: number;
}

/** A change of one retailer's pattern, or of two retailers' patterns swapped; its estimated saving. */
export type Change = { r: number; to: number; s: number; delta: number };

function slotLoad(st: DaySearch, k: number): number {
  return (st.serviceOn[k] as number) + (st.tours.travel[k] as number);
}

function patternOf(st: DaySearch, r: number): DayCandidate {
  return (st.cands[r] as DayCandidate[])[st.cur[r] as number] as DayCandidate;
}

/**
 * Whether moving retailer r from pattern `from` to `to` — and, in a swap, retailer s from `to` to
 * `from` — keeps every slot's ordering visits within their bounds (always, without an ordering tolerance).
 */
export function orderingFits(st: DaySearch, r: number, from: DayCandidate, to: DayCandidate, s = -1): boolean {
  const o = st.ordering;
  if (!o) return true;
  const delta = (o.of[r] as number) - (s >= 0 ? (o.of[s] as number) : 0);
  if (delta === 0) return true;
  const ok = (k: number, change: number) => {
    const next = (o.on[k] as number) + change;
    return change > 0 ? next <= (o.hi[k] as number) : next >= (o.lo[k] as number);
  };
  return (
    from.slots.every((k) => to.slots.includes(k) || ok(k, -delta)) &&
    to.slots.every((k) => from.slots.includes(k) || ok(k, delta))
  );
}

/** The best single move of retailer r to another allowed pattern (delta < 0 saves), or null. */
export function bestMove(st: DaySearch, r: number): Change | null {
  const now = patternOf(st, r);
  const svc = st.serviceS[r] as number;
  const save = new Map(now.slots.map((k) => [k, removalSaving(st.tours, k, r + 1)]));
  const ins = new Map<number, number>();
  let best: Change | null = null;
  (st.cands[r] as DayCandidate[]).forEach((c, to) => {
    if (to === st.cur[r] || !orderingFits(st, r, now, c)) return;
    let delta = 0;
    for (const [k, gain] of save) {
      if (c.slots.includes(k)) continue;
      if (slotLoad(st, k) - svc - gain < (st.lo[k] as number)) return;
      delta -= gain;
    }
    let lower = delta;
    for (const k of c.slots) if (!now.slots.includes(k)) lower += freeInsertionCost(st.tours, k, r + 1);
    if (lower >= (best?.delta ?? -EPSILON_S)) return;
    for (const k of c.slots) {
      if (now.slots.includes(k)) continue;
      let add = ins.get(k);
      if (add === undefined) ins.set(k, (add = insertionCost(st.tours, k, r + 1)));
      if (slotLoad(st, k) + svc + add > (st.hi[k] as number)) return;
      delta += add;
    }
    if (delta < (best?.delta ?? -EPSILON_S)) best = { r, to, s: -1, delta };
  });
  return best;
}

/** The best swap of retailer r's pattern with a near retailer's (both must allow the other's), or null. */
export function bestSwap(st: DaySearch, r: number): Change | null {
  const a = patternOf(st, r);
  let best: Change | null = null;
  for (const s of st.near[r] as Int32Array) {
    if ((st.cur[s] as number) < 0) continue;
    const b = patternOf(st, s);
    if (a.key === b.key) continue;
    const to = (st.cands[r] as DayCandidate[]).findIndex((c) => c.key === b.key);
    if (to < 0 || !(st.cands[s] as DayCandidate[]).some((c) => c.key === a.key)) continue;
    if (!orderingFits(st, r, a, b, s)) continue;
    const lower = exchangeBound(st, r, s, a, b) + exchangeBound(st, s, r, b, a);
    if (lower >= (best?.delta ?? -EPSILON_S)) continue;
    const delta = exchange(st, r, s, a, b) + exchange(st, s, r, b, a);
    if (delta < (best?.delta ?? -EPSILON_S)) best = { r, to, s, delta };
  }
  return best;
}

/** A lower bound of {@link exchange}: the same with insertions that ignore the windows. */
function exchangeBound(st: DaySearch, out: number, inn: number, from: DayCandidate, to: DayCandidate): number {
  let delta = 0;
  for (const k of from.slots) {
    if (to.slots.includes(k)) continue;
    delta += freeInsertionCost(st.tours, k, inn + 1, out + 1) - removalSaving(st.tours, k, out + 1);
  }
  return delta;
}

/** Estimated travel change on the slots `out` leaves and `inn` takes over (Infinity: breaks a bound). */
function exchange(st: DaySearch, out: number, inn: number, from: DayCandidate, to: DayCandidate): number {
  let delta = 0;
  for (const k of from.slots) {
    if (to.slots.includes(k)) continue;
    const save = removalSaving(st.tours, k, out + 1);
    const add = insertionCost(st.tours, k, inn + 1, out + 1);
    const load = slotLoad(st, k) - save + add - (st.serviceS[out] as number) + (st.serviceS[inn] as number);
    if (load > (st.hi[k] as number) || load < (st.lo[k] as number)) return Infinity;
    delta += add - save;
  }
  return delta;
}

/**
 * Applies a change found by {@link bestMove} or {@link bestSwap} (or a perturbation: any allowed
 * pattern). Removals and the cheapest insertions are exactly the estimate; each touched tour is then
 * re-optimised, so the real saving is at least the estimated one.
 */
export function applyChange(st: DaySearch, { r, to, s }: Change): void {
  const from = st.cur[r] as number;
  const a = (st.cands[r] as DayCandidate[])[from] as DayCandidate;
  const b = (st.cands[r] as DayCandidate[])[to] as DayCandidate;
  const touched = new Set<number>();
  const o = st.ordering;
  const take = (x: number, k: number) => {
    removeNode(st.tours, k, x + 1);
    st.serviceOn[k] = (st.serviceOn[k] as number) - (st.serviceS[x] as number);
    if (o) o.on[k] = (o.on[k] as number) - (o.of[x] as number);
    touched.add(k);
  };
  const put = (x: number, k: number) => {
    insertCheapest(st.tours, k, x + 1);
    st.serviceOn[k] = (st.serviceOn[k] as number) + (st.serviceS[x] as number);
    if (o) o.on[k] = (o.on[k] as number) + (o.of[x] as number);
    touched.add(k);
  };
  for (const k of a.slots) if (!b.slots.includes(k)) take(r, k);
  if (s >= 0) for (const k of b.slots) if (!a.slots.includes(k)) take(s, k);
  for (const k of a.slots) if (s >= 0 && !b.slots.includes(k)) put(s, k);
  for (const k of b.slots) if (!a.slots.includes(k)) put(r, k);
  for (const k of touched) improveTour(st.tours, k);
  st.cur[r] = to;
  if (s >= 0) {
    st.cur[s] = (st.cands[s] as DayCandidate[]).findIndex((c) => c.key === a.key);
    st.swaps++;
  } else st.moves++;
}

/** Σ estimated travel seconds of every slot of the cycle. */
export function totalTravel(st: DaySearch): number {
  return st.tours.travel.reduce((a, x) => a + x, 0);
}
