import { throwIfAborted, yieldToEventLoop } from '@beatplan/core';
import { EPSILON_S, insertionCost } from './day-tours.js';
import type { DayCandidate } from './visit-day-candidates.js';
import { applyChange, bestMove, bestSwap, type DaySearch, orderingFits, totalTravel } from './visit-day-moves.js';

/** Returns to the event loop at least this often, ms of work. */
const YIELD_EVERY_MS = 10;

/** The search's clock: a deadline, the abort signal, and when it last yielded. */
export interface SearchClock {
  deadline: number;
  signal: AbortSignal | undefined;
  lastYield: number;
}

/** True when time is up; yields to the event loop (and checks the signal) every {@link YIELD_EVERY_MS}. */
async function tick(clock: SearchClock): Promise<boolean> {
  const now = performance.now();
  if (now - clock.lastYield >= YIELD_EVERY_MS) {
    await yieldToEventLoop();
    throwIfAborted(clock.signal);
    clock.lastYield = performance.now();
  }
  return now >= clock.deadline;
}

/**
 * First-improvement descent from a queue of retailers: each takes its best move or swap; the retailer
 * and its near retailers (and the partner's) are queued again after a change. With `full`, the queue
 * ends with a pass over every retailer until a whole pass changes nothing (a local optimum).
 *
 * @returns false when the time ran out first.
 */
export async function descend(st: DaySearch, queue: number[], full: boolean, clock: SearchClock): Promise<boolean> {
  const n = st.cur.length;
  const queued = new Uint8Array(n);
  for (const r of queue) queued[r] = 1;
  const push = (r: number) => {
    if (!queued[r] && (st.cur[r] as number) >= 0) {
      queued[r] = 1;
      queue.push(r);
    }
  };
  for (;;) {
    let changed = false;
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head] as number;
      queued[r] = 0;
      if (await tick(clock)) return false;
      const move = bestMove(st, r);
      const swap = bestSwap(st, r);
      const change = swap && (!move || swap.delta < move.delta) ? swap : move;
      if (!change) continue;
      applyChange(st, change);
      changed = true;
      for (const x of [r, ...(st.near[r] as Int32Array)]) push(x);
      if (change.s >= 0) for (const x of [change.s, ...(st.near[change.s] as Int32Array)]) push(x);
    }
    if (!full || !changed) return true;
    queue.length = 0;
    for (let r = 0; r < n; r++) push(r);
  }
}

/** A copy of what the search changes, to return to. */
interface Snapshot {
  cur: Int32Array;
  tours: number[][];
  travel: Float64Array;
  serviceOn: Float64Array;
  orderingOn: Int32Array | null;
}

function snapshot(st: DaySearch): Snapshot {
  return {
    cur: st.cur.slice(),
    tours: st.tours.tours.map((t) => t.slice()),
    travel: st.tours.travel.slice(),
    serviceOn: st.serviceOn.slice(),
    orderingOn: st.ordering ? st.ordering.on.slice() : null,
  };
}

function restore(st: DaySearch, s: Snapshot): void {
  st.cur.set(s.cur);
  s.tours.forEach((t, k) => {
    st.tours.tours[k] = t.slice();
  });
  st.tours.travel.set(s.travel);
  st.serviceOn.set(s.serviceOn);
  if (st.ordering && s.orderingOn) st.ordering.on.set(s.orderingOn);
}

/**
 * Moves retailer r and two of its near retailers to random allowed patterns (each within the slots'
 * upper bounds and on time), the kick of the iterated local search. Returns the retailers it moved.
 */
function perturb(st: DaySearch, random: () => number, movable: readonly number[]): number[] {
  const r = movable[Math.floor(random() * movable.length)] as number;
  const near = st.near[r] as Int32Array;
  const picks = [r, near[Math.floor(random() * near.length)], near[Math.floor(random() * near.length)]];
  const moved: number[] = [];
  for (const x of picks) {
    if (x === undefined || (st.cur[x] as number) < 0 || moved.includes(x)) continue;
    const list = st.cands[x] as DayCandidate[];
    const to = Math.floor(random() * list.length);
    if (to === st.cur[x] || !fits(st, x, list[to] as DayCandidate)) continue;
    applyChange(st, { r: x, to, s: -1, delta: 0 });
    moved.push(x);
  }
  return moved;
}

/**
 * True when retailer r fits on time into every slot of pattern c it is not on yet, within their upper
 * bounds, and the move keeps the slots' ordering visits within theirs.
 */
function fits(st: DaySearch, r: number, c: DayCandidate): boolean {
  const now = (st.cands[r] as DayCandidate[])[st.cur[r] as number] as DayCandidate;
  if (!orderingFits(st, r, now, c)) return false;
  return c.slots.every((k) => {
    if (now.slots.includes(k)) return true;
    const load = (st.serviceOn[k] as number) + (st.tours.travel[k] as number) + (st.serviceS[r] as number);
    return load + insertionCost(st.tours, k, r + 1) <= (st.hi[k] as number);
  });
}

/**
 * The search: a full descent from the sector start, then `maxRounds` rounds of an iterated local search
 * (perturb three near retailers, descend from them, keep the result when it is no worse than the best,
 * else return to the best), within the clock. Leaves the best assignment found in `st`.
 *
 * @returns how it stopped and how many rounds ran.
 */
export async function searchVisitDays(
  st: DaySearch,
  maxRounds: number,
  random: () => number,
  clock: SearchClock,
): Promise<{ stoppedBy: 'rounds' | 'time'; rounds: number }> {
  const movable: number[] = [];
  st.cur.forEach((c, r) => {
    if (c >= 0 && (st.cands[r] as DayCandidate[]).length > 1) movable.push(r);
  });
  const order = [...movable];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  if (!(await descend(st, order, true, clock))) return { stoppedBy: 'time', rounds: 0 };
  let best = snapshot(st);
  let bestTravel = totalTravel(st);
  let rounds = 0;
  while (rounds < maxRounds && movable.length > 0) {
    rounds++;
    const moved = perturb(st, random, movable);
    const queue = [...new Set(moved.flatMap((x) => [x, ...(st.near[x] as Int32Array)]))];
    const inTime = await descend(st, queue, false, clock);
    const travel = totalTravel(st);
    if (travel <= bestTravel + EPSILON_S && inTime) {
      if (travel < bestTravel - EPSILON_S) best = snapshot(st);
      bestTravel = Math.min(bestTravel, travel);
    } else restore(st, best);
    if (!inTime) return { stoppedBy: 'time', rounds };
  }
  return { stoppedBy: 'rounds', rounds };
}
