// Iterated local search for one route with service times and time windows (several per stop
// allowed), over f64 travel times and f64 costs. Objective: the earliest finish (route duration),
// ties broken by the route's cost; stops that cannot be fitted are dropped (fewest first).
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
// goes on through the tail until one of these holds. Costs are summed only when the finish ties.
//
// Moves (granular: only near the K nearest stops in travel time): Or-opt relocation of 1-3 stops,
// 2-opt reversal, swap; first improvement. Only "active" stops are tried: every stop after the
// construction, then the stops at the joints of a change (don't-look bits); a stop whose moves all
// fail becomes inactive; the descent ends when a pass over the active stops takes no move and no
// dropped stop fits in again. The search: cheapest insertion (earliest deadline first), local search,
// then kicks from the accepted route, each followed by local search: half of them (by the seed) a
// random feasible relocation of 1-3 stops, the others a ruin and recreate (a string of up to
// min(12, L/4 + 1) consecutive stops, or a stop and its nearest neighbours, taken out; then they and
// the dropped stops are inserted at their best places in a random order, by deadline, or farthest
// first). A kicked route replaces the accepted one when it drops fewer stops, or as many and its
// finish passes a simulated-annealing test (temperature from the mean travel time to the nearest
// stop down a hundredfold over each cycle of 20·n kicks; each cycle starts again from the best
// route). The best route is kept apart. Measured against the earlier kick (a random relocation,
// accepted when not worse, full passes): about 20x cheaper per kick, and fewer stops dropped on days
// that cannot serve every stop (bench/RESULTS.md). The work is done in units by `step(units)` (one
// inserted stop, one pass, or one kick), so the caller can keep time, report progress and abort
// between calls. Deterministic for a seed. Memory is raw linear memory
// from __heap_base; no managed objects are allocated.

const INF: f64 = Infinity;
const NEG: f64 = -Infinity;
/** The starting temperature of the annealing, as a fraction of the mean travel time to the nearest stop. */
const TEMP_SCALE: f64 = 1;
/** Kicks per stop in one annealing cycle (the temperature falls a hundredfold, then the best route is taken up again). */
const CYCLE_PER_STOP: i32 = 20;
/** The most stops one ruin removes, and the route's share (1/RUIN_SHARE) it may remove. */
const RUIN_MAX: i32 = 12;
const RUIN_SHARE: i32 = 4;

let n: i32 = 0;
let K: i32 = 0;
let startNode: i32 = 0;
let fixedEnd: i32 = -1;
let closed: bool = true;
let startAt: f64 = 0;
let endBy: f64 = INF;
let eps: f64 = 1e-9;

let tPtr: usize = 0; // f64[n*n] travel time
let cPtr: usize = 0; // f64[n*n] cost
let sPtr: usize = 0; // f64[n] service
let wOffPtr: usize = 0; // i32[n+1] windows of v: wOff[v] .. wOff[v+1]
let wPtr: usize = 0; // f64[2W] open, close (sorted, disjoint per stop)
let outPtr: usize = 0; // i32[n*K] nearest successors by travel time
let inPtr: usize = 0; // i32[n*K] nearest predecessors
let rPtr: usize = 0; // i32[n+1] the route
let posPtr: usize = 0; // i32[n] position of v, -1 when not in the route
let depPtr: usize = 0; // f64[n+1]
let ldPtr: usize = 0;
let aPtr: usize = 0;
let bPtr: usize = 0;
let multiPtr: usize = 0; // i32[n+1]
let fwdPtr: usize = 0; // f64[n+1] fwd[k] = cost of r[0] -> .. -> r[k]
let bwdPtr: usize = 0; // f64[n+1] bwd[k] = cost of r[k] -> .. -> r[0] (each edge reversed)
let xPtr: usize = 0; // i32[n+1] scratch route
let curPtr: usize = 0; // i32[n+1] accepted route
let bestPtr: usize = 0; // i32[n+1] best route
let orderPtr: usize = 0; // i32[n] insertion order
let dropPtr: usize = 0; // i32[n] dropped stops of the route
let curDropPtr: usize = 0;
let bestDropPtr: usize = 0;
let keyPtr: usize = 0; // f64[n] scratch keys
let markPtr: usize = 0; // i32[n] scratch marks
let listPtr: usize = 0; // i32[n] stops to reinsert
let activePtr: usize = 0; // i32[n] 1 when the stop's moves are to be tried

let L: i32 = 0;
let finish: f64 = 0;
let cost: f64 = 0;
let nDrop: i32 = 0;
let curL: i32 = 0;
let curFinish: f64 = 0;
let curCost: f64 = 0;
let curNDrop: i32 = 0;
let bestL: i32 = 0;
let bestFinish: f64 = 0;
let bestCost: f64 = 0;
let bestNDrop: i32 = 0;

let rng: u32 = 1;
let phase: i32 = 0; // 0 construct, 1 descend, 2 ready for a kick
let nextInsert: i32 = 0; // index into order during construction
let nOrder: i32 = 0;
let firstDone: bool = false;
let kicksDone: i32 = 0;
let maxKicks: i32 = 0;

// pieces of a candidate: kind 0 forward range [from, to), 1 reversed range, 2 one new stop `from`
const MAXP: i32 = 6;
let pcPtr: usize = 0; // i32[3 * MAXP]: kind, from, to of each piece
let np: i32 = 0;
let tailFrom: i32 = 0; // the unchanged tail r[tailFrom..L)

function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/** Lays out memory for n stops, W windows in all, K neighbours. Returns 1, or 0 when memory cannot grow. */
export function prepare(nn: i32, windowCount: i32, k: i32): i32 {
  if (nn < 1 || k < 0 || k > nn) return 0;
  const n8 = <usize>nn;
  const m = n8 + 1;
  let p = align8(__heap_base);
  const t = p; p = align8(p + n8 * n8 * 8);
  const c = p; p = align8(p + n8 * n8 * 8);
  const s = p; p = align8(p + n8 * 8);
  const wo = p; p = align8(p + m * 4);
  const w = p; p = align8(p + <usize>windowCount * 16);
  const o = p; p = align8(p + n8 * <usize>k * 4);
  const ii = p; p = align8(p + n8 * <usize>k * 4);
  const r = p; p = align8(p + m * 4);
  const ps = p; p = align8(p + n8 * 4);
  const d = p; p = align8(p + m * 8);
  const ld = p; p = align8(p + m * 8);
  const a = p; p = align8(p + m * 8);
  const b = p; p = align8(p + m * 8);
  const mu = p; p = align8(p + m * 4);
  const fw = p; p = align8(p + m * 8);
  const bw = p; p = align8(p + m * 8);
  const x = p; p = align8(p + m * 4);
  const cu = p; p = align8(p + m * 4);
  const be = p; p = align8(p + m * 4);
  const or = p; p = align8(p + n8 * 4);
  const dr = p; p = align8(p + n8 * 4);
  const cd = p; p = align8(p + n8 * 4);
  const bd = p; p = align8(p + n8 * 4);
  const ky = p; p = align8(p + n8 * 8);
  const pc = p; p = align8(p + <usize>(MAXP * 12));
  const mk = p; p = align8(p + n8 * 4);
  const ls = p; p = align8(p + n8 * 4);
  const ac = p; p = align8(p + n8 * 4);
  const end: u64 = <u64>p;
  if (end > (<u64>65536) * 65536) return 0;
  const pages: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  n = nn;
  K = k;
  tPtr = t; cPtr = c; sPtr = s; wOffPtr = wo; wPtr = w; outPtr = o; inPtr = ii; rPtr = r; posPtr = ps;
  depPtr = d; ldPtr = ld; aPtr = a; bPtr = b; multiPtr = mu; xPtr = x; curPtr = cu; bestPtr = be;
  markPtr = mk; listPtr = ls; activePtr = ac; orderPtr = or; dropPtr = dr; curDropPtr = cd; bestDropPtr = bd; keyPtr = ky; pcPtr = pc; fwdPtr = fw; bwdPtr = bw;
  return 1;
}

export function timePtr(): usize { return tPtr; }
export function costPtr(): usize { return cPtr; }
export function servicePtr(): usize { return sPtr; }
export function windowOffsetPtr(): usize { return wOffPtr; }
export function windowPtr(): usize { return wPtr; }
export function bestRoutePtr(): usize { return bestPtr; }
export function bestRouteLength(): i32 { return bestL; }
export function bestDroppedPtr(): usize { return bestDropPtr; }
export function bestDroppedCount(): i32 { return bestNDrop; }
export function bestFinishTime(): f64 { return bestFinish; }
export function bestRouteCost(): f64 { return bestCost; }
export function kickCount(): i32 { return kicksDone; }
export function orderPtrOf(): usize { return orderPtr; }

// ---------------------------------------------------------------- accessors

@inline function T(i: i32, j: i32): f64 { return load<f64>(tPtr + ((<usize>i * <usize>n + <usize>j) << 3)); }
@inline function C(i: i32, j: i32): f64 { return load<f64>(cPtr + ((<usize>i * <usize>n + <usize>j) << 3)); }
@inline function S(v: i32): f64 { return load<f64>(sPtr + (<usize>v << 3)); }
@inline function rAt(k: i32): i32 { return load<i32>(rPtr + (<usize>k << 2)); }
@inline function setR(k: i32, v: i32): void { store<i32>(rPtr + (<usize>k << 2), v); }
@inline function posOf(v: i32): i32 { return load<i32>(posPtr + (<usize>v << 2)); }
@inline function depAt(k: i32): f64 { return load<f64>(depPtr + (<usize>k << 3)); }
@inline function ldAt(k: i32): f64 { return load<f64>(ldPtr + (<usize>k << 3)); }
@inline function aAt(k: i32): f64 { return load<f64>(aPtr + (<usize>k << 3)); }
@inline function bAt(k: i32): f64 { return load<f64>(bPtr + (<usize>k << 3)); }
@inline function multiAt(k: i32): i32 { return load<i32>(multiPtr + (<usize>k << 2)); }
@inline function wOff(v: i32): i32 { return load<i32>(wOffPtr + (<usize>v << 2)); }
@inline function wOpen(k: i32): f64 { return load<f64>(wPtr + (<usize>k << 4)); }
@inline function wClose(k: i32): f64 { return load<f64>(wPtr + (<usize>k << 4) + 8); }
@inline function outN(v: i32, k: i32): i32 { return load<i32>(outPtr + ((<usize>v * <usize>K + <usize>k) << 2)); }
@inline function inN(v: i32, k: i32): i32 { return load<i32>(inPtr + ((<usize>v * <usize>K + <usize>k) << 2)); }
/** Last position whose stop may move (a fixed end stays last). */
@inline function lastMovable(): i32 { return fixedEnd >= 0 ? L - 2 : L - 1; }

/** The earliest service start at v for an arrival at t; INF when every window has closed. */
function earliest(v: i32, t: f64): f64 {
  const e = wOff(v + 1);
  let k = wOff(v);
  if (k == e) return t;
  for (; k < e; k++) if (t <= wClose(k)) return max(t, wOpen(k));
  return INF;
}

/** The latest service start at v no later than `bound` inside a window; NEG when none. */
function latestStart(v: i32, bound: f64): f64 {
  const e = wOff(v + 1);
  let k = wOff(v);
  if (k == e) return bound;
  let best = NEG;
  for (; k < e; k++) if (wOpen(k) <= bound) best = min(wClose(k), bound);
  return best;
}

@inline function closeFrom(last: i32, t: f64): f64 {
  return closed ? t + T(last, startNode) : t;
}

// ---------------------------------------------------------------- the current route

/** Recomputes positions, departures, finish, cost and the backward summaries of r[0..L). */
function refresh(): void {
  memory.fill(posPtr, 0xff, <usize>n << 2);
  for (let k = 0; k < L; k++) store<i32>(posPtr + (<usize>rAt(k) << 2), k);
  let t = startAt;
  store<f64>(depPtr, t);
  let c: f64 = 0;
  let cb: f64 = 0;
  store<f64>(fwdPtr, 0);
  store<f64>(bwdPtr, 0);
  for (let k = 1; k < L; k++) {
    const u = rAt(k - 1);
    const v = rAt(k);
    t = earliest(v, t + T(u, v)) + S(v);
    c += C(u, v);
    cb += C(v, u);
    store<f64>(depPtr + (<usize>k << 3), t);
    store<f64>(fwdPtr + (<usize>k << 3), c);
    store<f64>(bwdPtr + (<usize>k << 3), cb);
  }
  const last = rAt(L - 1);
  const tau = closed && L > 1 ? T(last, startNode) : 0; // a route of the start alone goes nowhere
  finish = t + tau;
  if (closed && L > 1) c += C(last, startNode);
  cost = c;
  const j = L - 1;
  store<f64>(ldPtr + (<usize>j << 3), endBy - tau);
  store<f64>(aPtr + (<usize>j << 3), tau);
  store<f64>(bPtr + (<usize>j << 3), NEG);
  store<i32>(multiPtr + (<usize>j << 2), 0);
  for (let i = L - 2; i >= 0; i--) {
    const v = rAt(i + 1);
    const tv = T(rAt(i), v);
    const s = S(v);
    const ls = latestStart(v, ldAt(i + 1) - s);
    store<f64>(ldPtr + (<usize>i << 3), ls - tv);
    const nw = wOff(v + 1) - wOff(v);
    if (nw <= 1 && multiAt(i + 1) == 0) {
      const open = nw == 1 ? wOpen(wOff(v)) : NEG;
      const a1 = aAt(i + 1);
      store<f64>(aPtr + (<usize>i << 3), tv + s + a1);
      store<f64>(bPtr + (<usize>i << 3), max(open + s + a1, bAt(i + 1)));
      store<i32>(multiPtr + (<usize>i << 2), 0);
    } else store<i32>(multiPtr + (<usize>i << 2), 1);
  }
}

// ---------------------------------------------------------------- candidates

@inline function piece(kind: i32, from: i32, to: i32): void {
  const at = pcPtr + <usize>(np * 12);
  store<i32>(at, kind);
  store<i32>(at + 4, from);
  store<i32>(at + 8, to);
  np++;
}
@inline function pKind(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12)); }
@inline function pFrom(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12) + 4); }
@inline function pTo(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12) + 8); }

/**
 * The finish of the candidate r[0..prefixEnd) + pieces + r[tailFrom..L); INF when a window or
 * endBy is missed. Simulates the pieces, then the tail only as far as it must.
 */
function evalFinish(prefixEnd: i32): f64 {
  let t = depAt(prefixEnd - 1);
  let prev = rAt(prefixEnd - 1);
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    const from = pFrom(p);
    const to = pTo(p);
    if (kind == 2) {
      t = earliest(from, t + T(prev, from));
      if (t == INF) return INF;
      t += S(from);
      prev = from;
    } else if (kind == 0) {
      for (let k = from; k < to; k++) {
        const v = rAt(k);
        t = earliest(v, t + T(prev, v));
        if (t == INF) return INF;
        t += S(v);
        prev = v;
      }
    } else {
      for (let k = to - 1; k >= from; k--) {
        const v = rAt(k);
        t = earliest(v, t + T(prev, v));
        if (t == INF) return INF;
        t += S(v);
        prev = v;
      }
    }
  }
  for (let j = tailFrom; j < L; j++) {
    const v = rAt(j);
    t = earliest(v, t + T(prev, v));
    if (t == INF) return INF;
    t += S(v);
    if (t == depAt(j)) return finish;
    if (t > ldAt(j)) return INF;
    if (multiAt(j) == 0) return max(t + aAt(j), bAt(j));
    prev = v;
  }
  const f = closeFrom(prev, t);
  return f > endBy ? INF : f;
}

@inline function putX(k: i32, v: i32): void {
  store<i32>(xPtr + (<usize>k << 2), v);
}

/** Writes the candidate into x and returns its length. */
function writeCandidate(prefixEnd: i32): i32 {
  let k = 0;
  for (let i = 0; i < prefixEnd; i++) putX(k++, rAt(i));
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    const from = pFrom(p);
    const to = pTo(p);
    if (kind == 2) putX(k++, from);
    else if (kind == 0) for (let i = from; i < to; i++) putX(k++, rAt(i));
    else for (let i = to - 1; i >= from; i--) putX(k++, rAt(i));
  }
  for (let i = tailFrom; i < L; i++) putX(k++, rAt(i));
  return k;
}

@inline function fwdAt(k: i32): f64 { return load<f64>(fwdPtr + (<usize>k << 3)); }
@inline function bwdAt(k: i32): f64 { return load<f64>(bwdPtr + (<usize>k << 3)); }

/** The candidate's cost in O(pieces), from the prefix sums of forward and backward edge costs. */
function candidateCost(prefixEnd: i32): f64 {
  let c = fwdAt(prefixEnd - 1);
  let prev = rAt(prefixEnd - 1);
  let len = prefixEnd;
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    const from = pFrom(p);
    const to = pTo(p);
    if (kind == 2) {
      c += C(prev, from);
      prev = from;
      len++;
    } else if (to > from) {
      if (kind == 0) {
        c += C(prev, rAt(from)) + fwdAt(to - 1) - fwdAt(from);
        prev = rAt(to - 1);
      } else {
        c += C(prev, rAt(to - 1)) + bwdAt(to - 1) - bwdAt(from);
        prev = rAt(from);
      }
      len += to - from;
    }
  }
  if (tailFrom < L) {
    c += C(prev, rAt(tailFrom)) + fwdAt(L - 1) - fwdAt(tailFrom);
    prev = rAt(L - 1);
    len += L - tailFrom;
  }
  if (closed && len > 1) c += C(prev, startNode);
  return c;
}

/** Takes the candidate when it finishes earlier, or as early and cheaper. Returns true when taken. */
function tryCandidate(prefixEnd: i32): bool {
  const f = evalFinish(prefixEnd);
  if (f == INF || f > finish + eps) return false;
  if (f >= finish - eps && candidateCost(prefixEnd) >= cost - 1e-9 * (1 + cost)) return false;
  activateAround(prefixEnd);
  const len = writeCandidate(prefixEnd);
  memory.copy(rPtr, xPtr, <usize>len << 2);
  L = len;
  refresh();
  return true;
}

@inline function activate(v: i32): void {
  store<i32>(activePtr + (<usize>v << 2), 1);
}
@inline function isActive(v: i32): bool {
  return load<i32>(activePtr + (<usize>v << 2)) != 0;
}

/** Marks the stops at the joints of the candidate (before it is written) for the next passes. */
function activateAround(prefixEnd: i32): void {
  activate(rAt(prefixEnd - 1));
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    if (kind == 2) activate(pFrom(p));
    else if (pTo(p) > pFrom(p)) {
      activate(rAt(pFrom(p)));
      activate(rAt(pTo(p) - 1));
    }
  }
  if (tailFrom < L) activate(rAt(tailFrom));
}

/** Relocates r[i..i+len) to just after position pp (not inside the segment). */
function relocate(i: i32, len: i32, pp: i32): bool {
  np = 0;
  if (pp < i - 1) {
    piece(0, i, i + len);
    piece(0, pp + 1, i);
    tailFrom = i + len;
    return tryCandidate(pp + 1);
  }
  if (pp >= i + len) {
    piece(0, i + len, pp + 1);
    piece(0, i, i + len);
    tailFrom = pp + 1;
    return tryCandidate(i);
  }
  return false;
}

function reverseRange(i: i32, j: i32): bool {
  np = 0;
  piece(1, i, j + 1);
  tailFrom = j + 1;
  return tryCandidate(i);
}

function swapAt(i: i32, j: i32): bool {
  np = 0;
  piece(0, j, j + 1);
  if (j > i + 1) piece(0, i + 1, j);
  piece(0, i, i + 1);
  tailFrom = j + 1;
  return tryCandidate(i);
}

/** Tries every move of the stop at position i (relocating 1-3 stops from i, 2-opt and swap with i); true when one was taken. */
function improveAt(i: i32): bool {
  for (let len = 1; len <= 3 && i + len - 1 <= lastMovable(); len++) {
    const first = rAt(i);
    const lastS = rAt(i + len - 1);
    for (let k = 0; k < K; k++) {
      // after a near predecessor p of the segment's first stop
      const pp = posOf(inN(first, k));
      if (pp >= 0 && pp <= lastMovable() && relocate(i, len, pp)) return true;
      // before a near successor w of the segment's last stop
      const w = outN(lastS, k);
      const pw = w == startNode ? (closed && fixedEnd < 0 ? L : -1) : posOf(w);
      if (pw >= 1 && pw - 1 <= lastMovable() && relocate(i, len, pw - 1)) return true;
    }
  }
  const a = rAt(i - 1);
  for (let k = 0; k < K; k++) {
    const j = posOf(outN(a, k));
    if (j < 1 || j > lastMovable() || j == i) continue;
    if (j > i && reverseRange(i, j)) return true;
    if (swapAt(min(i, j), max(i, j))) return true;
  }
  return false;
}

/** One pass over the active stops; a stop whose moves all fail becomes inactive. True when some move was taken. */
function pass(): bool {
  let improved = false;
  for (let i = 1; i <= lastMovable(); i++) {
    const v = rAt(i);
    if (!isActive(v)) continue;
    if (improveAt(i)) improved = true;
    else store<i32>(activePtr + (<usize>v << 2), 0);
  }
  return improved;
}

function activateAll(): void {
  for (let v = 0; v < n; v++) activate(v);
}

// ---------------------------------------------------------------- insertion

/** Inserts v at its best position (earliest finish, then cheapest); false when no position is feasible. */
function insertBest(v: i32): bool {
  let bestP = -1;
  let bestF = INF;
  let bestC = INF;
  for (let pp = 0; pp <= lastMovable(); pp++) {
    np = 0;
    piece(2, v, 0);
    tailFrom = pp + 1;
    const f = evalFinish(pp + 1);
    if (f == INF || f > bestF + eps) continue;
    const a = rAt(pp);
    const b = pp + 1 < L ? rAt(pp + 1) : closed ? startNode : -1;
    const dc = C(a, v) + (b >= 0 ? C(v, b) - C(a, b) : 0);
    if (f < bestF - eps || dc < bestC) {
      bestF = f;
      bestC = dc;
      bestP = pp;
    }
  }
  if (bestP < 0) return false;
  for (let k = L; k > bestP + 1; k--) setR(k, rAt(k - 1));
  setR(bestP + 1, v);
  L++;
  activate(v);
  activate(rAt(bestP));
  if (bestP + 2 < L) activate(rAt(bestP + 2));
  refresh();
  return true;
}

function addDropped(v: i32): void {
  store<i32>(dropPtr + (<usize>nDrop << 2), v);
  nDrop++;
}

/** Tries to insert each dropped stop again; true when one went in. */
function reinsertDropped(): bool {
  let any = false;
  for (let k = nDrop - 1; k >= 0; k--) {
    const v = load<i32>(dropPtr + (<usize>k << 2));
    if (insertBest(v)) {
      for (let q = k; q < nDrop - 1; q++) store<i32>(dropPtr + (<usize>q << 2), load<i32>(dropPtr + (<usize>(q + 1) << 2)));
      nDrop--;
      any = true;
    }
  }
  return any;
}

function emptyRoute(): void {
  setR(0, startNode);
  L = 1;
  if (fixedEnd >= 0) {
    setR(1, fixedEnd);
    L = 2;
  }
  nDrop = 0;
  refresh();
}

// ---------------------------------------------------------------- random numbers

function nextRandom(): u32 {
  let x = rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rng = x;
  return x;
}
function below(m: i32): i32 {
  return <i32>(nextRandom() % <u32>m);
}

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
  let h = seed ^ 0x9e3779b9;
  h = (h ^ (h >> 16)) * 0x85ebca6b;
  h = (h ^ (h >> 13)) * 0xc2b2ae35;
  h ^= h >> 16;
  rng = h == 0 ? 0x9e3779b9 : h;
  // neighbour lists: the K nearest successors and predecessors by travel time
  for (let v = 0; v < n; v++) {
    buildList(v, true);
    buildList(v, false);
  }
  let nn: f64 = 0;
  for (let v = 0; v < n; v++) if (K > 0) nn += T(v, outN(v, 0));
  temp0 = K > 0 ? (TEMP_SCALE * nn) / <f64>n : 1;
  cycle = max(100, CYCLE_PER_STOP * n);
  memory.fill(activePtr, 0, <usize>n << 2);
  emptyRoute();
  if (finish > endBy || (fixedEnd >= 0 && depAt(1) == INF)) return 0;
  phase = 0;
  nextInsert = 0;
  firstDone = false;
  kicksDone = 0;
  return 1;
}

function buildList(v: i32, out: bool): void {
  const base = (out ? outPtr : inPtr) + ((<usize>v * <usize>K) << 2);
  let len = 0;
  for (let w = 0; w < n; w++) {
    if (w == v) continue;
    const c = out ? T(v, w) : T(w, v);
    if (len == K && c >= load<f64>(keyPtr + (<usize>(K - 1) << 3))) continue;
    let k = len < K ? len : K - 1;
    while (k > 0 && load<f64>(keyPtr + (<usize>(k - 1) << 3)) > c) {
      store<f64>(keyPtr + (<usize>k << 3), load<f64>(keyPtr + (<usize>(k - 1) << 3)));
      store<i32>(base + (<usize>k << 2), load<i32>(base + (<usize>(k - 1) << 2)));
      k--;
    }
    store<f64>(keyPtr + (<usize>k << 3), c);
    store<i32>(base + (<usize>k << 2), w);
    if (len < K) len++;
  }
}

/** Fewer dropped, then earlier finish, then cheaper; `orEqual` accepts ties. */
function notWorse(d: i32, f: f64, c: f64, d0: i32, f0: f64, c0: f64, orEqual: bool): bool {
  if (d != d0) return d < d0;
  if (f < f0 - eps) return true;
  if (f > f0 + eps) return false;
  return orEqual ? c <= c0 + eps : c < c0 - eps;
}

function saveTo(routePtr: usize, dropsPtr: usize): void {
  memory.copy(routePtr, rPtr, <usize>L << 2);
  memory.copy(dropsPtr, dropPtr, <usize>nDrop << 2);
}

function loadCurrent(): void {
  memory.copy(rPtr, curPtr, <usize>curL << 2);
  memory.copy(dropPtr, curDropPtr, <usize>curNDrop << 2);
  L = curL;
  nDrop = curNDrop;
  refresh();
}

// ---------------------------------------------------------------- kicks

const PERTURB_TRIES: i32 = 20;

/** A random feasible relocation of 1-3 stops; false when none was found in PERTURB_TRIES tries. */
function perturb(): bool {
  const movable = lastMovable();
  if (movable < 2) return false;
  for (let t = 0; t < PERTURB_TRIES; t++) {
    const len = 1 + below(min(3, movable - 1));
    const i = 1 + below(movable - len + 1);
    const pp = below(movable + 1);
    if (pp >= i - 1 && pp < i + len) continue;
    np = 0;
    let prefixEnd: i32;
    if (pp < i) {
      piece(0, i, i + len);
      piece(0, pp + 1, i);
      tailFrom = i + len;
      prefixEnd = pp + 1;
    } else {
      piece(0, i + len, pp + 1);
      piece(0, i, i + len);
      tailFrom = pp + 1;
      prefixEnd = i;
    }
    if (evalFinish(prefixEnd) == INF) continue;
    activateAround(prefixEnd);
    const len2 = writeCandidate(prefixEnd);
    memory.copy(rPtr, xPtr, <usize>len2 << 2);
    L = len2;
    refresh();
    return true;
  }
  return false;
}


let temp0: f64 = 1;
let cycle: i32 = 1;
let nList: i32 = 0;

@inline function uniform(): f64 {
  return <f64>(nextRandom() >>> 8) / 16777216.0;
}

/** Removes from the route a string around a random stop, or the stop and its nearest neighbours. */
function ruin(): void {
  const movable = lastMovable();
  nList = 0;
  if (movable < 1) return;
  const inner = movable; // positions 1..movable
  const maxRemove = min(inner, max(2, min(RUIN_MAX, inner / RUIN_SHARE + 1)));
  const q = 1 + below(maxRemove);
  const seedPos = 1 + below(inner);
  memory.fill(markPtr, 0, <usize>n << 2);
  if ((nextRandom() & 1) == 0) {
    // a string of q consecutive stops containing the seed
    let from = seedPos - below(q);
    if (from < 1) from = 1;
    if (from + q - 1 > movable) from = movable - q + 1;
    for (let k = from; k < from + q; k++) mark(rAt(k));
  } else {
    const c = rAt(seedPos);
    mark(c);
    for (let k = 0; k < K && nList < q; k++) {
      const w = outN(c, k);
      const pw = posOf(w);
      if (pw >= 1 && pw <= movable) mark(w);
    }
  }
  let len = 0;
  for (let k = 0; k < L; k++) {
    const v = rAt(k);
    if (load<i32>(markPtr + (<usize>v << 2)) == 0) putX(len++, v);
    else {
      activate(rAt(k - 1));
      if (k + 1 < L) activate(rAt(k + 1));
    }
  }
  memory.copy(rPtr, xPtr, <usize>len << 2);
  L = len;
  refresh();
}

@inline function mark(v: i32): void {
  if (load<i32>(markPtr + (<usize>v << 2)) != 0) return;
  store<i32>(markPtr + (<usize>v << 2), 1);
  store<i32>(listPtr + (<usize>nList << 2), v);
  nList++;
}

/** Inserts the removed and the dropped stops again, in a random order or by deadline; the rest stay dropped. */
function recreate(): void {
  for (let k = 0; k < nDrop; k++) {
    store<i32>(listPtr + (<usize>nList << 2), load<i32>(dropPtr + (<usize>k << 2)));
    nList++;
  }
  nDrop = 0;
  const how = below(3);
  for (let k = 0; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    let key: f64;
    if (how == 0) key = uniform();
    else if (how == 1) {
      const e = wOff(v + 1);
      key = e > wOff(v) ? wClose(e - 1) : INF;
    } else key = -T(startNode, v);
    store<f64>(keyPtr + (<usize>k << 3), key);
  }
  // insertion sort of the list by key (short lists)
  for (let k = 1; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    const key = load<f64>(keyPtr + (<usize>k << 3));
    let j = k;
    while (j > 0 && load<f64>(keyPtr + (<usize>(j - 1) << 3)) > key) {
      store<f64>(keyPtr + (<usize>j << 3), load<f64>(keyPtr + (<usize>(j - 1) << 3)));
      store<i32>(listPtr + (<usize>j << 2), load<i32>(listPtr + (<usize>(j - 1) << 2)));
      j--;
    }
    store<f64>(keyPtr + (<usize>j << 3), key);
    store<i32>(listPtr + (<usize>j << 2), v);
  }
  for (let k = 0; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    if (!insertBest(v)) addDropped(v);
  }
}

/** The temperature of kick k: from temp0 down to temp0/100 over each cycle of kicks. */
function temperature(k: i32): f64 {
  const x = <f64>(k % cycle) / <f64>cycle;
  return temp0 * Math.pow(0.01, x);
}

function saveBest(): void {
  bestL = L; bestFinish = finish; bestCost = cost; bestNDrop = nDrop;
  saveTo(bestPtr, bestDropPtr);
}

function saveCurrent(): void {
  curL = L; curFinish = finish; curCost = cost; curNDrop = nDrop;
  saveTo(curPtr, curDropPtr);
}

/** Judges a kicked route: best when better; current when fewer dropped, or as many and the finish passes the annealing test. */
function judge(): void {
  if (notWorse(nDrop, finish, cost, bestNDrop, bestFinish, bestCost, false)) saveBest();
  let take = false;
  if (nDrop != curNDrop) take = nDrop < curNDrop;
  else if (notWorse(nDrop, finish, cost, curNDrop, curFinish, curCost, true)) take = true;
  else take = finish - curFinish < -temperature(kicksDone) * Math.log(1 - uniform());
  if (take) saveCurrent();
  kicksDone++;
  if (kicksDone % cycle == 0) {
    // a new cycle starts from the best route
    curL = bestL; curFinish = bestFinish; curCost = bestCost; curNDrop = bestNDrop;
    memory.copy(curPtr, bestPtr, <usize>bestL << 2);
    memory.copy(curDropPtr, bestDropPtr, <usize>bestNDrop << 2);
  }
}


/** A local optimum was reached: the first one becomes accepted and best; a polished kick is judged. */
function atLocalOptimum(): void {
  if (!firstDone) {
    firstDone = true;
    saveCurrent();
    saveBest();
  } else judge();
  phase = 2;
}

/**
 * Runs up to `units` units of work (one inserted stop, one local-search pass, or one kick's start).
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
      if (!pass() && !reinsertDropped()) atLocalOptimum();
    } else {
      if (kicksDone >= maxKicks) return 1;
      loadCurrent();
      // half the kicks move 1-3 stops at random (they reach orders that best insertion does not),
      // the others ruin and recreate
      if ((nextRandom() & 2) != 0 || !perturb()) {
        ruin();
        recreate();
      }
      phase = 1; // local search, then judge()
    }
  }
  return phase == 2 && kicksDone >= maxKicks ? 1 : 0;
}

/** True once the first route (insertion and its local search) is complete. */
export function hasRoute(): i32 {
  return firstDone ? 1 : 0;
}
