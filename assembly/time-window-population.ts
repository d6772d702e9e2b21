// A population of elite routes for the time-window search (time-windows.ts), in the spirit of Vidal et
// al.'s hybrid genetic search (HGS, 2012/2013), for one route: up to POP_MAX local optima (their routes
// and dropped stops) kept apart from the annealing trajectory, and a crossover that builds a child route
// from two of them for local search.
//
// Diversity is the broken-pairs distance: the share of the n stops whose successor differs between two
// routes (a dropped stop has none; the start's successor counts). A member's diversity contribution is its
// mean distance to its POP_CLOSE nearest members; its biased fitness is rank by objective (fewest dropped,
// then finish + w x cost, then cost) plus (1 - POP_ELITE / size) x rank by diversity, both ranks over
// size - 1 (HGS). A local optimum offered to a full population joins it, then the member with the worst
// biased fitness leaves (never the best by objective); a copy of a member (distance 0) does not join.
// Parents are drawn by binary tournaments on the biased fitness, computed again only when a tournament
// needs it after the members changed.
//
// The crossover is an order crossover (OX) on the served sequences of a single route: a random string
// S = a[i..j] of parent A's served stops keeps its order; parent B's served stops outside S keep theirs
// and S goes in among them where A served it in time (after B's stops that depart no later than A's
// first stop of S). The stops that neither part serves are left out. The child may miss windows or endBy:
// keepFeasible() (time-window-kicks.ts) takes out what it cannot serve; recreate() then inserts the
// left-out stops at their best places (the rest stay dropped), and local search follows.
//
// Memory: raw linear memory from `base` (popPrepare), POP_MAX + 1 slots (the last holds the route
// offered) of route i32[n + 1], dropped stops i32[n] and successors i32[n], their lengths and objective,
// and the distances between slots.

import {
  INF, L, S, T, closed, cost, costWeight, dropPtr, earliest, eps, finish, fixedEnd, listPtr, markPtr, n, nDrop, rAt,
  rPtr, refresh, startAt, startNode, xPtr,
} from './time-window-route';
import { activateAll } from './time-window-moves';
import { below, keepFeasible, mark, nList, recreate } from './time-window-kicks';

/**
 * The most members (the route offered is slot POP_MAX until it joins or leaves). 16 (was 8), landed with the
 * hopeless ruins of time-windows.ts (HOPELESS_DROPS has the figures). 16 alone, 60 seeds x 15 days of bench:windows
 * against a fixed reference: 643 of 900 runs within 0.5 % at 25·n against 621 with 8, at about 1.05x the CPU per
 * kick; 629 at 22·n; 25 members gave 633 at 25·n (more CPU again).
 */
export const POP_MAX: i32 = 16;
/** Members counted as elite in the biased fitness (HGS's nbElite). */
const POP_ELITE: i32 = 2;
/** Nearest members over which a member's diversity contribution is averaged (HGS's nbClose). */
const POP_CLOSE: i32 = 3;

const SLOTS: i32 = POP_MAX + 1;

/** Members now. */
export let popSize: i32 = 0;
/**
 * True when the members changed since their biased fitness was last computed: it is computed again at the
 * next tournament, not after every offer (most offers come before no crossover).
 */
let fitDirty: bool = false;

let routesPtr: usize = 0; // i32[SLOTS * (n + 1)]
let dropsPtr: usize = 0; // i32[SLOTS * n]
let succPtr: usize = 0; // i32[SLOTS * n] successor of each stop; -2 dropped; n: the end of an open route
let lenPtr: usize = 0; // i32[SLOTS] route length
let nDropPtr: usize = 0; // i32[SLOTS]
let finPtr: usize = 0; // f64[SLOTS]
let costPtr: usize = 0; // f64[SLOTS]
let fitPtr: usize = 0; // f64[SLOTS] biased fitness (lower is better)
let distPtr: usize = 0; // f64[SLOTS * SLOTS]
let rankPtr: usize = 0; // i32[SLOTS] scratch order
let divPtr: usize = 0; // f64[SLOTS] diversity contribution
let childPtr: usize = 0; // i32[n] scratch: 1 when a stop is in the child
let depPtr: usize = 0; // f64[n + 1] scratch: departures of a parent

function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/** Lays the population out from `base` for n stops; returns the end of its memory, or 0 when memory cannot grow. */
export function popPrepare(base: usize): usize {
  const n8 = <usize>n;
  const m = n8 + 1;
  const s = <usize>SLOTS;
  let p = align8(base);
  routesPtr = p; p = align8(p + s * m * 4);
  dropsPtr = p; p = align8(p + s * n8 * 4);
  succPtr = p; p = align8(p + s * n8 * 4);
  lenPtr = p; p = align8(p + s * 4);
  nDropPtr = p; p = align8(p + s * 4);
  finPtr = p; p = align8(p + s * 8);
  costPtr = p; p = align8(p + s * 8);
  fitPtr = p; p = align8(p + s * 8);
  distPtr = p; p = align8(p + s * s * 8);
  rankPtr = p; p = align8(p + s * 4);
  divPtr = p; p = align8(p + s * 8);
  childPtr = p; p = align8(p + n8 * 4);
  depPtr = p; p = align8(p + m * 8);
  const end: u64 = <u64>p;
  if (end > (<u64>65536) * 65536) return 0;
  const pages: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  popSize = 0;
  return p;
}

/** Empties the population (a new problem). */
export function popReset(): void {
  popSize = 0;
}

@inline function routeAt(s: i32): usize { return routesPtr + ((<usize>s * (<usize>n + 1)) << 2); }
@inline function dropsAt(s: i32): usize { return dropsPtr + ((<usize>s * <usize>n) << 2); }
@inline function succAt(s: i32): usize { return succPtr + ((<usize>s * <usize>n) << 2); }
@inline function lenOf(s: i32): i32 { return load<i32>(lenPtr + (<usize>s << 2)); }
@inline function nDropOf(s: i32): i32 { return load<i32>(nDropPtr + (<usize>s << 2)); }
@inline function finOf(s: i32): f64 { return load<f64>(finPtr + (<usize>s << 3)); }
@inline function costOf(s: i32): f64 { return load<f64>(costPtr + (<usize>s << 3)); }
@inline function fitOf(s: i32): f64 { return load<f64>(fitPtr + (<usize>s << 3)); }
@inline function distOf(a: i32, b: i32): f64 { return load<f64>(distPtr + ((<usize>a * <usize>SLOTS + <usize>b) << 3)); }
@inline function setDist(a: i32, b: i32, d: f64): void {
  store<f64>(distPtr + ((<usize>a * <usize>SLOTS + <usize>b) << 3), d);
  store<f64>(distPtr + ((<usize>b * <usize>SLOTS + <usize>a) << 3), d);
}

/** True when slot a is better than slot b by the objective: fewer dropped, then finish + w x cost, then cost. */
function isBetter(a: i32, b: i32): bool {
  const da = nDropOf(a);
  const db = nDropOf(b);
  if (da != db) return da < db;
  const dv = finOf(a) - finOf(b) + costWeight * (costOf(a) - costOf(b));
  if (dv < -eps) return true;
  if (dv > eps) return false;
  return costOf(a) < costOf(b) - eps;
}

/** Copies slot `from` to slot `to` (route, dropped, successors, objective, distances). */
function moveSlot(from: i32, to: i32): void {
  memory.copy(routeAt(to), routeAt(from), <usize>lenOf(from) << 2);
  memory.copy(dropsAt(to), dropsAt(from), <usize>nDropOf(from) << 2);
  memory.copy(succAt(to), succAt(from), <usize>n << 2);
  store<i32>(lenPtr + (<usize>to << 2), lenOf(from));
  store<i32>(nDropPtr + (<usize>to << 2), nDropOf(from));
  store<f64>(finPtr + (<usize>to << 3), finOf(from));
  store<f64>(costPtr + (<usize>to << 3), costOf(from));
  for (let k = 0; k < SLOTS; k++) if (k != from && k != to) setDist(to, k, distOf(from, k));
  setDist(to, to, 0);
}

/**
 * Offers the current route (a local optimum) to the population: it joins unless a member is the same
 * route; a population over POP_MAX then loses its member of worst biased fitness.
 */
export function popOffer(): void {
  const s = POP_MAX;
  memory.copy(routeAt(s), rPtr, <usize>L << 2);
  memory.copy(dropsAt(s), dropPtr, <usize>nDrop << 2);
  store<i32>(lenPtr + (<usize>s << 2), L);
  store<i32>(nDropPtr + (<usize>s << 2), nDrop);
  store<f64>(finPtr + (<usize>s << 3), finish);
  store<f64>(costPtr + (<usize>s << 3), cost);
  const succ = succAt(s);
  memory.fill(succ, 0xfe, <usize>n << 2); // -2: dropped
  for (let k = 0; k < L; k++) {
    const next = k + 1 < L ? rAt(k + 1) : closed ? startNode : n;
    store<i32>(succ + (<usize>rAt(k) << 2), next);
  }
  for (let a = 0; a < popSize; a++) {
    const d = brokenPairs(a, s);
    if (d == 0) return; // the same route is a member
    setDist(a, s, d);
  }
  if (popSize < POP_MAX) {
    moveSlot(s, popSize);
    popSize++;
    fitDirty = true;
    return;
  }
  // POP_MAX + 1 routes: the worst biased fitness leaves (the best by objective stays); the members' fitness is
  // computed again at the next tournament (fitDirty), also when the route offered leaves (it was ranked among them)
  updateFitness(SLOTS);
  let best = 0;
  for (let a = 1; a < SLOTS; a++) if (isBetter(a, best)) best = a;
  let worst = -1;
  for (let a = 0; a < SLOTS; a++) if (a != best && (worst < 0 || fitOf(a) > fitOf(worst))) worst = a;
  if (worst != s) moveSlot(s, worst);
  fitDirty = true;
}

/** The share of the n stops whose successor differs between slots a and b. */
function brokenPairs(a: i32, b: i32): f64 {
  const sa = succAt(a);
  const sb = succAt(b);
  let diff = 0;
  for (let v = 0; v < n; v++) if (load<i32>(sa + (<usize>v << 2)) != load<i32>(sb + (<usize>v << 2))) diff++;
  return <f64>diff / <f64>n;
}

/** The biased fitness of slots 0..size (HGS): rank by objective + (1 - POP_ELITE / size) x rank by diversity. */
function updateFitness(size: i32): void {
  if (size == 1) {
    store<f64>(fitPtr, 0);
    return;
  }
  // diversity contribution: the mean distance to the POP_CLOSE nearest others
  const close = min(POP_CLOSE, size - 1);
  for (let a = 0; a < size; a++) {
    // the close smallest distances by repeated selection (size is small)
    let sum: f64 = 0;
    let lastD: f64 = -1;
    let lastIdx = -1;
    for (let c = 0; c < close; c++) {
      let bestD = INF;
      let bestIdx = -1;
      for (let b = 0; b < size; b++) {
        if (b == a) continue;
        const d = distOf(a, b);
        // next in (distance, index) order after (lastD, lastIdx)
        if (d < lastD || (d == lastD && b <= lastIdx)) continue;
        if (d < bestD || (d == bestD && b < bestIdx)) {
          bestD = d;
          bestIdx = b;
        }
      }
      sum += bestD;
      lastD = bestD;
      lastIdx = bestIdx;
    }
    store<f64>(divPtr + (<usize>a << 3), sum / <f64>close);
  }
  const divWeight = 1 - <f64>POP_ELITE / <f64>size;
  const denom = <f64>(size - 1);
  for (let a = 0; a < size; a++) {
    let fitRank = 0;
    let divRank = 0;
    const da = load<f64>(divPtr + (<usize>a << 3));
    for (let b = 0; b < size; b++) {
      if (b == a) continue;
      if (isBetter(b, a) || (!isBetter(a, b) && b < a)) fitRank++;
      const db = load<f64>(divPtr + (<usize>b << 3));
      if (db > da || (db == da && b < a)) divRank++;
    }
    store<f64>(fitPtr + (<usize>a << 3), <f64>fitRank / denom + (divWeight * <f64>divRank) / denom);
  }
}

/** A member drawn by a binary tournament on the biased fitness, other than `not` (-1: any). */
function tournament(not: i32): i32 {
  if (fitDirty) {
    updateFitness(popSize);
    fitDirty = false;
  }
  let a = below(popSize);
  if (a == not) a = (a + 1) % popSize;
  let b = below(popSize);
  if (b == not) b = (b + 1) % popSize;
  return fitOf(b) < fitOf(a) ? b : a;
}

/** Departures along slot s's route into depPtr. */
function simulate(s: i32): void {
  const r = routeAt(s);
  const len = lenOf(s);
  let t = startAt;
  store<f64>(depPtr, t);
  for (let k = 1; k < len; k++) {
    const u = load<i32>(r + (<usize>(k - 1) << 2));
    const v = load<i32>(r + (<usize>k << 2));
    t = earliest(v, t + T(u, v)) + S(v);
    store<f64>(depPtr + (<usize>k << 3), t);
  }
}

/** Puts v at place k of the child (in x) and marks it served by the child. */
@inline function putChild(k: i32, v: i32): void {
  store<i32>(xPtr + (<usize>k << 2), v);
  store<i32>(childPtr + (<usize>v << 2), 1);
}

/**
 * Makes the current route a child of two members (the order crossover of the header), its left-out stops
 * inserted again by recreate(); every stop becomes active. False (the route untouched) when the population
 * has fewer than two members.
 */
export function crossover(): bool {
  if (popSize < 2) return false;
  const pa = tournament(-1);
  const pb = tournament(pa);
  if (pa == pb) return false;
  const ra = routeAt(pa);
  const rb = routeAt(pb);
  const lastA = fixedEnd >= 0 ? lenOf(pa) - 2 : lenOf(pa) - 1; // A's served stops: places 1..lastA
  const lastB = fixedEnd >= 0 ? lenOf(pb) - 2 : lenOf(pb) - 1;
  memory.fill(childPtr, 0, <usize>n << 2);
  // the string S = a[i..j] and when A departs from its first stop
  let i = 1;
  let j = 0;
  let tS = INF;
  if (lastA >= 1) {
    i = 1 + below(lastA);
    j = i + below(lastA - i + 1);
    simulate(pa);
    tS = load<f64>(depPtr + (<usize>i << 3));
    for (let k = i; k <= j; k++) store<i32>(childPtr + (<usize>load<i32>(ra + (<usize>k << 2)) << 2), 1);
  }
  simulate(pb);
  let len = 0;
  putChild(len++, startNode);
  let placed = j < i; // an empty string is placed
  for (let k = 1; k <= lastB; k++) {
    const v = load<i32>(rb + (<usize>k << 2));
    if (load<i32>(childPtr + (<usize>v << 2)) != 0) continue;
    if (!placed && load<f64>(depPtr + (<usize>k << 3)) > tS) {
      for (let q = i; q <= j; q++) putChild(len++, load<i32>(ra + (<usize>q << 2)));
      placed = true;
    }
    putChild(len++, v);
  }
  if (!placed) for (let q = i; q <= j; q++) putChild(len++, load<i32>(ra + (<usize>q << 2)));
  if (fixedEnd >= 0) putChild(len++, fixedEnd);
  // what the child does not serve goes to recreate(); so does what it cannot serve
  memory.fill(markPtr, 0, <usize>n << 2);
  nList = 0;
  for (let v = 0; v < n; v++) if (load<i32>(childPtr + (<usize>v << 2)) == 0) mark(v);
  len = keepFeasible(len);
  memory.copy(rPtr, xPtr, <usize>len << 2);
  L = len;
  nDrop = 0;
  refresh();
  activateAll();
  recreate();
  return true;
}
