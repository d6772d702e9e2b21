// Iterated local search for one route with service times and time windows (several per stop
// allowed), over f64 travel times and f64 costs. Objective: the earliest finish (route duration),
// ties broken by the route's cost; or, with a weight w > 0 (setCostWeight; the caller then fills the
// costs with the travel times), the least finish + w x cost. Stops that cannot be fitted are dropped
// (fewest first, before any objective).
//
// The route r[0..L) begins with the start; a fixed end, when there is one, is its last entry and
// never moves; a closed route returns to the start after r[L-1]. Waiting is allowed, service must
// START inside a window. For the current route, refresh() keeps per position j:
//
//   dep[j]   departure from r[j] (after waiting and service)
//   LD[j]    latest departure from r[j] that keeps every later window and endBy (forward slack):
//              LD[L-1] = endBy - close(r[L-1]);  LD[j] = latestStart(r[j+1], LD[j+1] - s) - t(r[j], r[j+1])
//   A[j],B[j] the finish as a function of the departure d from r[j]: F_j(d) = max(d + A[j], B[j]),
//            valid when no stop after j has more than one window (multi[j] = 0). One step
//            d -> max(d + t + s, open + s) composes into the same form (max(d + a, b) is closed under
//            composition), so A[j] = t + s + A[j+1] and B[j] = max(open + s + A[j+1], B[j+1]).
//
// A candidate route is a few pieces of the current one (forward or reversed ranges, or one new
// stop), followed by an unchanged tail from some position j. It is simulated from the first changed
// position up to the tail; at the tail, with d the new departure from r[j]: d = dep[j] -> the old
// finish; d > LD[j] -> infeasible; multi[j] = 0 -> max(d + A[j], B[j]) in O(1); else the simulation
// goes on through the tail until one of these holds. A new stop v right before the tail is first
// checked against a bound: v served from its arrival or first opening, r[j] on arrival; a departure
// from r[j] past both LD[j] and dep[j] by that bound is infeasible without simulating (the simulation
// can only be later); insertion begins, by a binary search, at the first place whose next stop's LD or dep
// reaches v's first opening + service (LD and dep do not decrease along the route: the places before all fail
// that bound). A local-search candidate is first checked against a lower bound of its finish,
// its time without waiting (runs of travel + service kept by refresh(), O(pieces); for a relocation,
// from the three edges it adds and the three it removes, before its pieces are built; the segment's three
// edges are read once for all its places, and a place both neighbour lists give is tried once): one that cannot
// finish earlier is rejected without simulating, and the simulation of one that passes stops as soon as the
// waiting it meets exceeds the bound's margin (its finish is at least the bound plus that waiting); a random
// relocation (perturb) is checked the same way against endBy. Costs are summed only when the finish ties.
//
// Moves (granular: only near each stop's K = 6 best-correlated stops, as in Vidal et al.'s HGS for
// VRPTW, 2013: v ranks as a successor of u by t(u, v) + 0.2 x the least wait at v + 3 x the least
// lateness at v, from the first opens and last closes of their windows, so a list holds stops that can
// really follow each other; by travel time alone, 60 seeds x 15 days of bench:windows at equal CPU:
// 513 vs 529 of 900 runs within 0.5 %, 143 vs 119 dropping more stops than the reference): Or-opt
// relocation of 1-3 stops, 2-opt reversal, swap; first improvement. Only "active" stops are tried: every stop after the
// construction, then the stops at the joints of a change (don't-look bits); a stop whose moves all
// fail becomes inactive; the descent ends when a pass over the active stops takes no move, no dropped
// stop fits in again and no ejection is taken. An ejection chain (time-window-eject.ts) takes one served
// stop out near a dropped one and puts the dropped one in near its place; the taken-out one goes back at
// its best place, else in by the same exchange with another served stop, up to CHAIN_DEPTH = 3 exchanges:
// kept when the last stop taken out fits in again (one stop fewer dropped), else the chain's route that
// finishes earliest when it finishes earlier than the route before (its last stop taken out dropped); it
// is tried where one stop fewer can still make the route accepted (the first route, or as
// many dropped as the accepted route plus one at most). Its candidates are first checked against the
// dropped stop's last close (reached no earlier than the departure before it) and its first opening +
// service (against LD and dep of the tail's first stop), as insertion's. The search: cheapest insertion (earliest
// deadline first), local search, then kicks from the accepted route, each followed by local search:
// half of them (by the seed) a random feasible relocation of 1-3 stops, the others a ruin and recreate
// (a string of up to min(12, L/4 + 1) consecutive stops, or a stop and its nearest neighbours, taken
// out; then they and the dropped stops are inserted at their best places in a random order, by
// deadline, or farthest first); a ruin and recreate that leaves HOPELESS_DROPS = 2 stops or more dropped
// beyond the accepted route is not searched (a kick rejected). A kicked route replaces the accepted one when it drops fewer stops, or
// as many and its finish passes a simulated-annealing test (temperature from 6x the mean travel time
// to the nearest stop down a hundredfold over each cycle of 20·n kicks; each cycle starts again from
// the best route). A population of elite local optima (time-window-population.ts, after Vidal et al.'s
// HGS: up to 16 routes, diverse by the broken-pairs distance, kept by a biased fitness) takes every judged
// local optimum as offered; POP_SHARE = 20 % of the kicks (by the seed) are instead a child of two of them
// (an order crossover of their served sequences, the left-out stops inserted again), local search and
// the judgement follow as for any kick. bench:windows, 60 seeds x 15 days against a fixed reference, in
// one batch on a loaded machine: 633 of 900 runs within 0.5 % at 18·n kicks (CPU 59.0 s) against 538
// without it at 25·n (60.0 s); seeds 61-120: 608 against 533 (57.0 s, 60.0 s). Ejections and the 6x (was 1x), measured on the days of bench:windows at the default
// budget against the 1000·n-kick runs of the earlier kernel: 40-60-stop days within 0.5 % (as many
// stops served), 7 of 54 runs (seeds 1-6) before, 23 after; 30-stop days (seeds 1-8), ejections at 1x
// 14 of 24, at 6x 21. A local optimum that may become the best route (the first; fewer dropped than the
// best; as many and a finish no later) is polished before it is judged by a Balas–Simonetti dynamic
// program (time-window-bsdp.ts): the earliest-finishing of ALL orders of the route in which no stop
// passes one that was k = 7 or more places ahead of it, taken when better, then local search again
// (each route polished once). It reorders many stops at once where Or-opt, 2-opt and swap need a
// worsening step; measured in bench/RESULTS.md. The best route is kept apart. The kick budget is cut into
// lanes of about 15·n kicks (LANE_PER_STOP): each lane searches from the first local optimum with an empty
// population, its own best route and its own seed, as a run with that seed would; the best route of all lanes is
// the result (a fresh start leaves a basin of routes that more kicks seldom leave). Measured against the
// earlier kick (a random relocation, accepted when not worse, full passes): about 20x cheaper per
// kick, and fewer stops dropped on days that cannot serve every stop (bench/RESULTS.md). The work is
// done in units by `step(units)` (one inserted stop, one pass with its polish, or one kick or crossover; a polish
// has k·2^(k-1) states per place and at most k moves from each), so the caller can keep time, report
// progress and abort between calls. Deterministic for a seed. Memory is raw linear memory from
// __heap_base; no managed objects are allocated.
//
// The parts: time-window-route.ts (memory layout, the route and its summaries: refresh),
// time-window-moves.ts (candidates and local-search moves), time-window-insert.ts (insertion,
// dropped stops), time-window-eject.ts (ejection chains), time-window-kicks.ts (kicks, random numbers), time-window-bsdp.ts (the DP
// neighbourhood and its polish), time-window-population.ts (the elite routes and their crossover); this file sets a problem up, judges
// kicked routes and drives the work. The state lives in module globals that the parts read and write
// (AssemblyScript compiles them into one module; an imported global is assignable). Shared with the
// TSP core: the cost runs (cost-runs.ts), the neighbour lists (sorted-insert.ts), xorshift32.

import {
  heapEnd, indexWindows, prepare as prepareRoute,
  INF, K, L, S, T, activePtr, bestCost, costWeight, bestDropPtr, bestFinish, bestL, bestNDrop, bestPtr, cPtr, closed, cost,
  curCost, curDropPtr, curFinish, curL, curNDrop, curPtr, depAt, dropPtr, endBy, eps, finish, fixedEnd,
  inPtr, keyPtr, n, nDrop, orderPtr, outN, outPtr, rPtr, refresh, sPtr, startAt, startNode, tPtr, wClose, wOff, wOffPtr, wOpen,
  wPtr, topPtr, topDropPtr, topL, topFinish, topCost, topNDrop, firstPtr, firstDropPtr, firstL, firstFinish, firstCost,
  firstNDrop,
} from './time-window-route';
import { pass, resetTried } from './time-window-moves';
import { addDropped, emptyRoute, insertBest, reinsertDropped } from './time-window-insert';
import { ejectInsert, resetEjection } from './time-window-eject';
import { cycle, nextRandom, perturb, recreate, rng, ruin, temp0, temperature, uniform } from './time-window-kicks';
import { insertSorted } from './sorted-insert';
import { bsdpKeepSeen, bsdpRestoreSeen, bsdpPrepare, bsdpRun, dpFinish, polish } from './time-window-bsdp';
import { crossover, popOffer, popPrepare, popReset, popSize } from './time-window-population';
export { bsdpResultPtr, bsdpSequencePtr } from './time-window-bsdp';
export { setChainDepth } from './time-window-eject';

/**
 * The starting temperature of the annealing, as a multiple of the mean travel time to the nearest stop
 * (30-stop days of bench:windows within 0.5 %, seeds 1-8: 0.3, 1, 3, 6, 10 gave 14, 14, 20, 21, 20
 * of 24).
 */
const TEMP_SCALE: f64 = 6;
/** Kicks per stop in one annealing cycle (the temperature falls a hundredfold, then the best route is taken up again). */
const CYCLE_PER_STOP: i32 = 20;
/**
 * k of the Balas–Simonetti neighbourhood (time-window-bsdp.ts): no stop passes one k or more places
 * ahead of it. bench:windows, 60 seeds x 15 days against a fixed reference (shared machine): k = 5, 6, 7,
 * 8 gave 487, 480, 513, 493 of 900 runs within 0.5 % of the duration (none: 474), at 0.98, 1.01, 1.14,
 * 1.23x its CPU.
 */
const BSDP_K: i32 = 7;
let bsdpK: i32 = BSDP_K;

/** k of the DP neighbourhood from the next `prepare` on (0: off; < 0: the default, 7). */
export function setBsdpK(k: i32): void {
  bsdpK = k < 0 ? BSDP_K : k;
}

/**
 * Tests: runs the DP on the sequence at bsdpSequencePtr() (`len` stops), pruning what a lower bound puts
 * past `bound` (INF: nothing); 1 when a reordering is found.
 */
export function bsdpReorder(len: i32, bound: f64): i32 {
  return bsdpRun(len, bound) ? 1 : 0;
}

/**
 * Tests: makes the working route a child of two members of the population (time-window-population.ts) and
 * inserts what it left out; 1 when done, 0 when the population has fewer than two members.
 */
export function crossoverOnce(): i32 {
  return crossover() ? 1 : 0;
}

/** Tests: members of the population. */
export function populationSize(): i32 {
  return popSize;
}

/** Tests: the working route (i32, the start first) and its dropped stops, e.g. after crossoverOnce(). */
export function workRoutePtr(): usize { return rPtr; }
export function workRouteLength(): i32 { return L; }
export function workDroppedPtr(): usize { return dropPtr; }
export function workDroppedCount(): i32 { return nDrop; }
export function workFinishTime(): f64 { return finish; }

/**
 * Tests: the ejection chains (time-window-eject.ts) once on the working route, e.g. a child of crossoverOnce(); 1
 * when a route was kept (one stop fewer dropped, or as many and better), 0 when the route is unchanged.
 */
export function ejectOnce(): i32 {
  workIsCurrent = false;
  return nDrop > 0 && ejectInsert() ? 1 : 0;
}

/** Tests: the finish of the DP's last reordering. */
export function bsdpFinishTime(): f64 {
  return dpFinish;
}

/**
 * Lays out memory for n stops, W windows in all, K neighbours, and the DP's tables. Returns 1, or 0 when
 * memory cannot grow.
 */
export function prepare(nn: i32, windowCount: i32, k: i32): i32 {
  if (prepareRoute(nn, windowCount, k) == 0) return 0;
  const dpEnd = bsdpPrepare(heapEnd, bsdpK);
  if (dpEnd == 0) return 0;
  return popPrepare(dpEnd) == 0 ? 0 : 1;
}

/**
 * Percent of the kicks that are a crossover of two members of the population (time-window-population.ts).
 * bench:windows, seeds 1-60 against a fixed reference, runs within 0.5 % of 900 (CPU): in one batch, none at
 * 25·n kicks 538 (60.0 s), 20 % at 18·n 633 (59.0 s), 10 % at 25·n 622 (70.3 s); in a second batch, 30 % at
 * 15·n 612 (51.8 s) beside 20 % at 18·n on seeds 61-120 (57.0 s). A child is judged like a kick and may become
 * the accepted route; offered only to the best route and the population it gave 566 of 900 at 15·n (46.8 s,
 * second batch).
 */
const POP_SHARE: i32 = 20;
let popShare: i32 = POP_SHARE;

/** Percent of the kicks that are crossovers from the next `setup` on (0: no population; < 0: the default). */
export function setPopulationShare(share: i32): void {
  popShare = share < 0 ? POP_SHARE : share;
}

/**
 * A ruin and recreate that leaves this many stops or more dropped beyond the accepted route is not searched:
 * it counts as a kick that was rejected (no local search, no judgement, not offered to the population). On the
 * over-full days of bench:windows (2401, 2502, 2602; seeds 1-8) 30-42 % of the ruins end so, and local search
 * brought only 6-11 % of them back to as few dropped. With POP_MAX 16, 60 seeds x 15 days of bench:windows against a
 * fixed reference, at equal CPU: 642 of 900 runs within 0.5 % at 27·n kicks against 621 before at 25·n (CPU 29.7 s,
 * 30.3 s); seeds 61-120: 648 against 609 (34.6 s each). bench/RESULTS.md has the variants.
 */
const HOPELESS_DROPS: i32 = 2;

/**
 * Kicks per stop in one lane: a budget of B kicks is cut into m = round(B / max(100, 15·n)) equal lanes (one when
 * m < 2; lanes of max(100, 15·n) kicks without end under a time limit). Each lane searches as a run with the seed
 * seed + k x LANE_SEED_STEP would after the first local optimum: from that route, with an empty population and its
 * own best route; the best route of all lanes (the first of equals) is the result. A run stuck in one basin of
 * routes is the common miss on the over-full days, and a fresh start finds another more often than more kicks do:
 * bench:windows at the default budget against ref-11ea678 (runs within 0.5 % of 900, main 674 / 696 / 676 on seeds
 * 1-60 / 61-120 / 121-180): lanes of 10·n 709 / 711 / 712, 15·n 718 / 716 / 708, 20·n 710 / 703. The same kicks
 * cost about 1.16x the CPU (alternated in one process: 20 stops 1.02-1.06x, 50 stops 1.27-1.32x; a lane's first kicks
 * start from a worse route); at equal CPU (0.86x the budget) 15·n gives 692 / 701 / 692. bench/RESULTS.md has the days.
 */
const LANE_PER_STOP: i32 = 15;
let lanePerStop: i32 = LANE_PER_STOP;
/** Kicks in one lane (0: one lane) and the kick at which the current lane began. */
let laneLen: i32 = 0;
let laneStart: i32 = 0;

/** Kicks per stop in one lane from the next `setup` on (0: one lane; < 0: the default). */
export function setLaneKicks(perStop: i32): void {
  lanePerStop = perStop < 0 ? LANE_PER_STOP : perStop;
}

/** The seed of `setup`: lane k draws its random numbers as a run with seed runSeed + k x LANE_SEED_STEP would. */
let runSeed: u32 = 0;
/** The step between the seeds of consecutive lanes (the fractional part of the square root of 2, x 2^32). */
const LANE_SEED_STEP: u32 = 0x6a09e667;

/** Seeds the random numbers (xorshift32) from `seed` by a 32-bit mix. */
function seedRandom(seed: u32): void {
  let h = seed ^ 0x9e3779b9;
  h = (h ^ (h >> 16)) * 0x85ebca6b;
  h = (h ^ (h >> 13)) * 0xc2b2ae35;
  h ^= h >> 16;
  rng = h == 0 ? 0x9e3779b9 : h;
}

let phase: i32 = 0; // 0 construct, 1 descend, 2 ready for a kick
let nextInsert: i32 = 0; // index into order during construction
let nOrder: i32 = 0;
let firstDone: bool = false;
let kicksDone: i32 = 0;
let maxKicks: i32 = 0;

/**
 * The objective of the next `setup`: the least finish + w x cost (`w` >= 0; the caller then fills the
 * costs with travel seconds); 0, the earliest finish with ties by the cheaper route.
 */
export function setCostWeight(w: f64): void {
  costWeight = w;
}

export function timePtr(): usize { return tPtr; }
export function costPtr(): usize { return cPtr; }
export function servicePtr(): usize { return sPtr; }
export function windowOffsetPtr(): usize { return wOffPtr; }
export function windowPtr(): usize { return wPtr; }
export function bestRoutePtr(): usize { return topPtr; }
export function bestRouteLength(): i32 { return topL; }
export function bestDroppedPtr(): usize { return topDropPtr; }
export function bestDroppedCount(): i32 { return topNDrop; }
export function bestFinishTime(): f64 { return topFinish; }
export function bestRouteCost(): f64 { return topCost; }
export function kickCount(): i32 { return kicksDone; }
export function orderPtrOf(): usize { return orderPtr; }

// ---------------------------------------------------------------- setup and driver

/**
 * Sets the problem up after the caller filled times, costs, services, windows and the insertion
 * order (orderPtrOf(), `count` stops, earliest deadline first). Builds the neighbour lists and the
 * empty route. Returns 1, or 0 when not even the empty route (start to end) meets endBy.
 */
export function setup(
  start: i32, end: i32, isClosed: i32, t0: f64, t1: f64, seed: u32, count: i32, budget: i32, epsilon: f64,
): i32 {
  startNode = start;
  fixedEnd = end;
  closed = isClosed != 0;
  startAt = t0;
  endBy = t1;
  eps = epsilon;
  nOrder = count;
  maxKicks = budget;
  runSeed = seed;
  seedRandom(seed);
  indexWindows();
  // neighbour lists: the K best-correlated successors and predecessors (correlation())
  for (let v = 0; v < n; v++) {
    buildList(v, true);
    buildList(v, false);
  }
  let nn: f64 = 0;
  for (let v = 0; v < n; v++) if (K > 0) nn += nearestTime(v);
  temp0 = K > 0 ? (TEMP_SCALE * nn) / <f64>n : 1;
  cycle = max(100, CYCLE_PER_STOP * n);
  laneStart = 0;
  laneLen = 0;
  topL = 0; // no best route yet (a route holds the start)
  if (lanePerStop > 0) {
    const unit = max(100, lanePerStop * n);
    if (maxKicks >= I32.MAX_VALUE) laneLen = unit;
    else {
      const lanes = max(1, <i32>Math.round(<f64>maxKicks / <f64>unit));
      if (lanes > 1) laneLen = <i32>Math.ceil(<f64>maxKicks / <f64>lanes);
    }
  }
  memory.fill(activePtr, 0, <usize>n << 2);
  resetTried();
  resetEjection();
  popReset();
  emptyRoute();
  if (finish > endBy || (fixedEnd >= 0 && depAt(1) == INF)) return 0;
  phase = 0;
  nextInsert = 0;
  firstDone = false;
  kicksDone = 0;
  workIsCurrent = false;
  return 1;
}

function buildList(v: i32, out: bool): void {
  const base = (out ? outPtr : inPtr) + ((<usize>v * <usize>K) << 2);
  let len = 0;
  for (let w = 0; w < n; w++) {
    if (w == v) continue;
    const c = out ? correlation(v, w) : correlation(w, v);
    if (len == K && c >= load<f64>(keyPtr + (<usize>(K - 1) << 3))) continue;
    insertSorted(base, keyPtr, len, K, w, c);
    if (len < K) len++;
  }
}

/** Weight of the least wait in correlation(). */
const GAMMA_WAIT: f64 = 0.2;
/** Weight of the least lateness in correlation(). */
const GAMMA_LATE: f64 = 3;

/** First open of v's windows (startAt without windows; the start departs at startAt). */
function openOf(v: i32): f64 {
  return v == startNode || wOff(v) == wOff(v + 1) ? startAt : wOpen(wOff(v));
}
/** Last close of v's windows (endBy without windows; the start departs at startAt). */
function closeOf(v: i32): f64 {
  const e = wOff(v + 1);
  return v == startNode ? startAt : e == wOff(v) ? endBy : wClose(e - 1);
}

/**
 * How well v goes right after u (Vidal et al. 2013): t(u, v), plus GAMMA_WAIT x the least wait at v (u served
 * as late as it may), plus GAMMA_LATE x the least lateness at v (u served as early as it may).
 */
function correlation(u: i32, v: i32): f64 {
  const t = T(u, v);
  const s = u == startNode ? 0 : S(u);
  const wait = max(0, openOf(v) - s - t - closeOf(u));
  const late = max(0, openOf(u) + s + t - closeOf(v));
  return t + GAMMA_WAIT * wait + GAMMA_LATE * late;
}

/** The least travel time from v to another stop. */
function nearestTime(v: i32): f64 {
  let best = INF;
  for (let w = 0; w < n; w++) if (w != v) best = min(best, T(v, w));
  return best;
}

/** Fewer dropped, then earlier finish + w x cost (`costWeight`), then cheaper; `orEqual` accepts ties. */
function notWorse(d: i32, f: f64, c: f64, d0: i32, f0: f64, c0: f64, orEqual: bool): bool {
  if (d != d0) return d < d0;
  const dv = f - f0 + costWeight * (c - c0);
  if (dv < -eps) return true;
  if (dv > eps) return false;
  return orEqual ? c <= c0 + eps : c < c0 - eps;
}

function saveTo(routePtr: usize, dropsPtr: usize): void {
  memory.copy(routePtr, rPtr, <usize>L << 2);
  memory.copy(dropsPtr, dropPtr, <usize>nDrop << 2);
}

/**
 * True while the working route is the accepted one as saveCurrent() left it (no kick, move or new accepted route
 * since): loadCurrent() then has nothing to do, refreshChanged() having kept the same values that refresh() gives.
 */
let workIsCurrent: bool = false;

function loadCurrent(): void {
  if (workIsCurrent) return;
  memory.copy(rPtr, curPtr, <usize>curL << 2);
  memory.copy(dropPtr, curDropPtr, <usize>curNDrop << 2);
  L = curL;
  nDrop = curNDrop;
  refresh();
}

function saveBest(): void {
  bestL = L; bestFinish = finish; bestCost = cost; bestNDrop = nDrop;
  saveTo(bestPtr, bestDropPtr);
  if (topL == 0 || notWorse(nDrop, finish, cost, topNDrop, topFinish, topCost, false)) {
    topL = L; topFinish = finish; topCost = cost; topNDrop = nDrop;
    saveTo(topPtr, topDropPtr);
  }
}

/** The first local optimum: each lane of the search starts from it. */
function saveFirst(): void {
  firstL = L; firstFinish = finish; firstCost = cost; firstNDrop = nDrop;
  saveTo(firstPtr, firstDropPtr);
  if (laneLen > 0) bsdpKeepSeen();
}

/** A new lane: the first local optimum is the accepted and the lane's best route; the population starts empty. */
function newLane(): void {
  laneStart = kicksDone;
  seedRandom(runSeed + <u32>(kicksDone / laneLen) * LANE_SEED_STEP);
  bestL = firstL; bestFinish = firstFinish; bestCost = firstCost; bestNDrop = firstNDrop;
  memory.copy(bestPtr, firstPtr, <usize>firstL << 2);
  memory.copy(bestDropPtr, firstDropPtr, <usize>firstNDrop << 2);
  takeUpBest();
  popReset();
  bsdpRestoreSeen();
  // as after the first descent: no stop active (a kick not searched leaves its stops active)
  memory.fill(activePtr, 0, <usize>n << 2);
  if (popShare > 0) {
    loadCurrent();
    popOffer();
  }
}

function saveCurrent(): void {
  curL = L; curFinish = finish; curCost = cost; curNDrop = nDrop;
  saveTo(curPtr, curDropPtr);
  workIsCurrent = true;
}

/** Judges a kicked route: best when better; current when fewer dropped, or as many and the finish passes the annealing test. */
function judge(): void {
  if (notWorse(nDrop, finish, cost, bestNDrop, bestFinish, bestCost, false)) saveBest();
  if (popShare > 0) popOffer();
  let take = false;
  if (nDrop != curNDrop) take = nDrop < curNDrop;
  else if (notWorse(nDrop, finish, cost, curNDrop, curFinish, curCost, true)) take = true;
  else take = finish - curFinish + costWeight * (cost - curCost) < -temperature(kicksDone - laneStart) * Math.log(1 - uniform());
  if (take) saveCurrent();
  endKick();
}

/** Counts a kick; a new cycle starts from the best route. */
function endKick(): void {
  kicksDone++;
  if ((kicksDone - laneStart) % cycle == 0) takeUpBest(); // a new cycle starts from the best route
}

/** The best route (of this lane) becomes the accepted one. */
function takeUpBest(): void {
  workIsCurrent = false;
  curL = bestL; curFinish = bestFinish; curCost = bestCost; curNDrop = bestNDrop;
  memory.copy(curPtr, bestPtr, <usize>bestL << 2);
  memory.copy(curDropPtr, bestDropPtr, <usize>bestNDrop << 2);
}


/**
 * The DP neighbourhood on a local optimum that may become the best route (the first one; fewer dropped
 * than the best; as many and no worse): true when it took a better order. (Polishing also the local
 * optima within 0.3 % of the best's duration gave no more, at k = 6.)
 */
function improveByDp(): bool {
  if (firstDone) {
    if (nDrop > bestNDrop) return false;
    if (nDrop == bestNDrop && finish + costWeight * cost > bestFinish + costWeight * bestCost + eps) return false;
  }
  return polish();
}

/** A local optimum was reached: the first one becomes accepted and best; a polished kick is judged. */
function atLocalOptimum(): void {
  if (!firstDone) {
    firstDone = true;
    saveCurrent();
    saveBest();
    saveFirst();
    if (popShare > 0) popOffer();
  } else judge();
  phase = 2;
}

/**
 * Runs up to `units` units of work (one inserted stop, one local-search pass, or one kick's or crossover's start).
 * Returns 0 while there is work left, 1 when the first route is complete and the kick budget is spent.
 */
export function step(units: i32): i32 {
  for (let u = 0; u < units; u++) {
    if (phase == 0) {
      if (nextInsert < nOrder) {
        const v = load<i32>(orderPtr + (<usize>nextInsert << 2));
        nextInsert++;
        if (!insertBest(v)) addDropped(v);
      } else phase = 1;
    } else if (phase == 1) {
      // ejections only where one stop fewer can still make the route accepted
      if (
        !pass() &&
        !reinsertDropped() &&
        !(nDrop > 0 && (!firstDone || nDrop <= curNDrop + 1) && ejectInsert()) &&
        !improveByDp()
      )
        atLocalOptimum();
    } else {
      if (kicksDone >= maxKicks) return 1;
      if (laneLen > 0 && kicksDone - laneStart >= laneLen) newLane();
      const child = popShare > 0 && <i32>(nextRandom() % 100) < popShare && crossover();
      if (!child) {
        loadCurrent();
        // half the kicks move 1-3 stops at random (they reach orders that best insertion does not),
        // the others ruin and recreate
        if ((nextRandom() & 2) != 0 || !perturb()) {
          ruin();
          recreate();
          if (nDrop >= curNDrop + HOPELESS_DROPS) {
            // not searched: counted as a rejected kick (the working route is no longer the accepted one)
            workIsCurrent = false;
            endKick();
            continue;
          }
        }
      }
      phase = 1; // local search, then judge()
      workIsCurrent = false;
    }
  }
  return phase == 2 && kicksDone >= maxKicks ? 1 : 0;
}

/** True once the first route (insertion and its local search) is complete. */
export function hasRoute(): i32 {
  return firstDone ? 1 : 0;
}
