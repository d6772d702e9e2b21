// Candidate routes and the local-search moves of the time-window search (time-windows.ts): a
// candidate is a few pieces of the current route and its unchanged tail, priced by simulating only up
// to the tail (forward slack and segment summaries, see the header of time-windows.ts; a new stop
// just before the tail first against a lower bound, which rejects most insertion places on a full
// day; one new stop after a place, by evalInsert without the piece table), after a lower bound of the
// finish (the time without waiting: finishBound) for the local-search moves, and by the cost runs; Or-opt relocation, 2-opt reversal and swap near each stop's nearest neighbours, first
// improvement, with don't-look bits ("active" stops).

import {
  C, INF, K, L, S, T, aAt, activePtr, bAt, bwdPtr, closeFrom, closed, cost, costWeight, depAt, earliest, endBy, eps,
  closingTime, finish, firstOpen, fixedEnd, fwdPtr, inN, runBwdPtr, runFwdPtr, lastMovable, ldAt, multiAt, n, outN, pcPtr, posOf, rAt, rPtr, refreshChanged,
  startNode, triedPtr, xPtr,
} from './time-window-route';

// pieces of a candidate: kind 0 forward range [from, to), 1 reversed range, 2 one new stop `from`
export let np: i32 = 0;
export let tailFrom: i32 = 0; // the unchanged tail r[tailFrom..L)


// ---------------------------------------------------------------- candidates

@inline export function piece(kind: i32, from: i32, to: i32): void {
  const at = pcPtr + <usize>(np * 12);
  store<i32>(at, kind);
  store<i32>(at + 4, from);
  store<i32>(at + 8, to);
  np++;
}
@inline export function pKind(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12)); }
@inline export function pFrom(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12) + 4); }
@inline export function pTo(p: i32): i32 { return load<i32>(pcPtr + <usize>(p * 12) + 8); }

/**
 * The finish of the candidate r[0..prefixEnd) + pieces + r[tailFrom..L); INF when a window or
 * endBy is missed. Simulates the pieces, then the tail only as far as it must.
 */
export function evalFinish(prefixEnd: i32): f64 {
  let t = depAt(prefixEnd - 1);
  let prev = rAt(prefixEnd - 1);
  let wait: f64 = 0;
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    const from = pFrom(p);
    const to = pTo(p);
    if (kind == 2) {
      t += T(prev, from);
      if (p == np - 1 && tailFrom < L && cannotReachTail(t, from)) return INF;
      const start = earliest(from, t);
      if (start == INF) return INF;
      wait += start - t;
      if (wait > waitBudget) return INF;
      t = start + S(from);
      prev = from;
    } else if (kind == 0) {
      for (let k = from; k < to; k++) {
        const v = rAt(k);
        const arrival = t + T(prev, v);
        const start = earliest(v, arrival);
        if (start == INF) return INF;
        wait += start - arrival;
        if (wait > waitBudget) return INF;
        t = start + S(v);
        prev = v;
      }
    } else {
      for (let k = to - 1; k >= from; k--) {
        const v = rAt(k);
        const arrival = t + T(prev, v);
        const start = earliest(v, arrival);
        if (start == INF) return INF;
        wait += start - arrival;
        if (wait > waitBudget) return INF;
        t = start + S(v);
        prev = v;
      }
    }
  }
  return finishThroughTail(t, prev, tailFrom);
}

/**
 * The waiting evalFinish may meet in the pieces before it returns INF (INF: any): tryCandidate sets it to how
 * far the candidate's finish bound is below the finish it must beat, so that a candidate whose waiting alone
 * makes it finish later is given up as soon as that waiting is met (the finish is at least the bound plus
 * the waiting; the bound's slack is far above the rounding of the waiting's sum).
 */
let waitBudget: f64 = INF;
/** The finish bound relocationCannotGain found for the relocation it let through. */
let relocationBound: f64 = 0;

/**
 * The departure from r[to - 1] when r[from..to) is served in order after departing from `prev` at t (t itself
 * when the range is empty); INF when a window is missed.
 */
@inline function forwardRange(t: f64, prev: i32, from: i32, to: i32): f64 {
  for (let k = from; k < to; k++) {
    const v = rAt(k);
    t = earliest(v, t + T(prev, v));
    if (t == INF) return INF;
    t += S(v);
    prev = v;
  }
  return t;
}

/**
 * The finish of a candidate that departs from its stop `prev` at t and goes on with the unchanged tail
 * r[from..L); INF when a window or endBy is missed. Simulates the tail only as far as it must.
 */
@inline function finishThroughTail(t: f64, prev: i32, from: i32): f64 {
  for (let j = from; j < L; j++) {
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

/**
 * True when a new stop v reached at `arrival`, followed at once by the unchanged tail r[tailFrom..L), is
 * proved infeasible before the simulation: the bound on the departure from r[tailFrom] (v served no
 * earlier than its first opening, r[tailFrom] on arrival) is past both LD and dep there. Each step of the
 * bound is at most the simulated one (earliest() only delays, and rounding is monotone), so the
 * simulation would return INF at r[tailFrom] too. On a full day most insertion places end here.
 */
@inline function cannotReachTail(arrival: f64, v: i32): bool {
  const w = rAt(tailFrom);
  const lb = max(arrival, firstOpen(v)) + S(v) + T(v, w) + S(w);
  return lb > ldAt(tailFrom) && lb > depAt(tailFrom);
}

/**
 * evalFinish of the candidate r[0..pp] + v + r[pp+1..L) (the new stop v after position pp) without the
 * piece table: the same operations in the same order, so the same value. Sets tailFrom = pp + 1.
 */
@inline export function evalInsert(pp: i32, v: i32): f64 {
  tailFrom = pp + 1;
  let t = depAt(pp) + T(rAt(pp), v);
  if (tailFrom < L && cannotReachTail(t, v)) return INF;
  t = earliest(v, t);
  if (t == INF) return INF;
  return finishThroughTail(t + S(v), v, tailFrom);
}

/**
 * evalFinish of the ejection candidate (time-window-insert.ts): the stop at position pu taken out and d put
 * after position pp (pp != pu), without the piece table; the same operations in the same order as
 * evalFinish on its pieces, so the same value. Sets tailFrom.
 */
export function evalEjection(pu: i32, pp: i32, d: i32): f64 {
  let t: f64;
  if (pp > pu) {
    // r[pu+1..pp] one place earlier, then d, then the tail from pp + 1
    t = forwardRange(depAt(pu - 1), rAt(pu - 1), pu + 1, pp + 1);
    if (t == INF) return INF;
    tailFrom = pp + 1;
    t += T(rAt(pp), d);
    if (tailFrom < L && cannotReachTail(t, d)) return INF;
    t = earliest(d, t);
    if (t == INF) return INF;
    return finishThroughTail(t + S(d), d, tailFrom);
  }
  // d after pp, then r[pp+1..pu) one place later, then the tail from pu + 1
  tailFrom = pu + 1;
  t = depAt(pp) + T(rAt(pp), d);
  if (pp + 1 == pu && tailFrom < L && cannotReachTail(t, d)) return INF;
  t = earliest(d, t);
  if (t == INF) return INF;
  t = forwardRange(t + S(d), d, pp + 1, pu);
  if (t == INF) return INF;
  return finishThroughTail(t, pp + 1 < pu ? rAt(pu - 1) : d, tailFrom);
}

@inline export function putX(k: i32, v: i32): void {
  store<i32>(xPtr + (<usize>k << 2), v);
}

/** Writes the candidate into x and returns its length. */
export function writeCandidate(prefixEnd: i32): i32 {
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

@inline export function fwdAt(k: i32): f64 { return load<f64>(fwdPtr + (<usize>k << 3)); }
@inline export function bwdAt(k: i32): f64 { return load<f64>(bwdPtr + (<usize>k << 3)); }

/** The candidate's cost in O(pieces), from the prefix sums of forward and backward edge costs. */
export function candidateCost(prefixEnd: i32): f64 {
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

@inline function runFwd(k: i32): f64 { return load<f64>(runFwdPtr + (<usize>k << 3)); }
@inline function runBwd(k: i32): f64 { return load<f64>(runBwdPtr + (<usize>k << 3)); }

/**
 * A lower bound on the candidate's finish: its time without any waiting, from the departure at
 * r[prefixEnd - 1], in O(pieces) from the runs of refresh(); windows only delay, so evalFinish is never
 * below it. Less a slack of 1e-9 of the sizes summed, far above the rounding of these sums (a relative
 * 1e-16 per term), so that the bound holds on the floating-point values too. On a day without waiting it is
 * close to the finish, and most local-search candidates that finish later are rejected by it alone.
 */
function finishBound(prefixEnd: i32): f64 {
  const t0 = depAt(prefixEnd - 1);
  let t = t0;
  let prev = rAt(prefixEnd - 1);
  for (let p = 0; p < np; p++) {
    const kind = pKind(p);
    const from = pFrom(p);
    const to = pTo(p);
    if (kind == 2) {
      t += T(prev, from) + S(from);
      prev = from;
    } else if (to > from) {
      const first = kind == 0 ? rAt(from) : rAt(to - 1);
      const inner = kind == 0 ? runFwd(to - 1) - runFwd(from) : runBwd(to - 1) - runBwd(from);
      t += T(prev, first) + S(first) + inner;
      prev = kind == 0 ? rAt(to - 1) : rAt(from);
    }
  }
  if (tailFrom < L) {
    const first = rAt(tailFrom);
    t += T(prev, first) + S(first) + (runFwd(L - 1) - runFwd(tailFrom)) + closingTime;
  } else t += closed ? T(prev, startNode) : 0;
  // travel and service times are finite and not negative (validated at the boundary): no sum above is larger in size
  return t - 1e-9 * (abs(t) + abs(t0) + runFwd(L - 1) + runBwd(L - 1));
}

/**
 * True when the candidate r[0..prefixEnd) + pieces + r[tailFrom..L) is feasible (evalFinish is not INF): first
 * its finish bound against endBy, then the simulation, given up once the waiting it meets would take the finish
 * past endBy (a feasible finish is never past endBy, and the finish is at least the bound plus the waiting).
 */
export function isFeasible(prefixEnd: i32): bool {
  const bound = finishBound(prefixEnd);
  if (bound > endBy) return false;
  waitBudget = endBy - bound;
  const f = evalFinish(prefixEnd);
  waitBudget = INF;
  return f != INF;
}

/**
 * Takes the candidate when it is feasible and better: it finishes earlier, or as early and cheaper
 * (`costWeight` w > 0: its finish + w x cost is lower, or as low and it is cheaper). Returns true when taken.
 * `bounded`: the caller already found that the finish bound does not reject it (w = 0).
 */
export function tryCandidate(prefixEnd: i32, bounded: bool = false): bool {
  const tol = 1e-9 * (1 + cost);
  if (costWeight > 0) {
    // the bound first: the finish term of dv only grows from it to the simulated finish
    const c = candidateCost(prefixEnd);
    if (finishBound(prefixEnd) - finish + costWeight * (c - cost) > eps) return false;
    const f = evalFinish(prefixEnd);
    if (f == INF) return false;
    const dv = f - finish + costWeight * (c - cost);
    if (dv > eps || (dv >= -eps && c >= cost - tol)) return false;
  } else {
    const bound = bounded ? relocationBound : finishBound(prefixEnd);
    if (bound > finish + eps) return false;
    waitBudget = finish + eps - bound;
    const f = evalFinish(prefixEnd);
    waitBudget = INF;
    if (f == INF) return false;
    if (f > finish + eps) return false;
    if (f >= finish - eps && candidateCost(prefixEnd) >= cost - tol) return false;
  }
  activateAround(prefixEnd);
  takeCandidate(prefixEnd);
  return true;
}

/** Makes the candidate the route (refreshChanged: only what can differ is recomputed). */
export function takeCandidate(prefixEnd: i32): void {
  const oldL = L;
  const len = writeCandidate(prefixEnd);
  memory.copy(rPtr, xPtr, <usize>len << 2);
  L = len;
  refreshChanged(prefixEnd, tailFrom + len - oldL, len - oldL);
}

@inline export function activate(v: i32): void {
  store<i32>(activePtr + (<usize>v << 2), 1);
}
@inline export function isActive(v: i32): bool {
  return load<i32>(activePtr + (<usize>v << 2)) != 0;
}

/** Marks the stops at the joints of the candidate (before it is written) for the next passes. */
export function activateAround(prefixEnd: i32): void {
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

/**
 * For relocate(i, len, pp) with a stop after the segment and after pp (the last stop stays): true when
 * the finish bound (finishBound) proves the move cannot finish earlier, from the three edges it adds and
 * the three it removes (services stay): the time without waiting after the prefix changes by their
 * difference. With the objective's cost weight (w > 0) it proves nothing (tryCandidate bounds it).
 */
@inline function relocationCannotGain(i: i32, len: i32, pp: i32): bool {
  if (costWeight > 0) return false;
  const p = rAt(pp);
  const q = rAt(pp + 1);
  const added = T(p, segFirst) + T(segLast, q) + segAB;
  const removed = T(p, q) + segAF + segGB;
  const k = min(i, pp + 1) - 1; // the last unchanged position
  const t0 = depAt(k);
  const t = t0 + (runFwd(L - 1) - runFwd(k)) + closingTime + (added - removed);
  // the slack of finishBound, with the edges added and removed among the sizes summed
  relocationBound = t - 1e-9 * (abs(t) + abs(t0) + runFwd(L - 1) + added + removed);
  return relocationBound > finish + eps;
}

// The segment r[i..i+len) that improveAt relocates (setSegment): its first and last stop, and with a stop b after
// it (a = r[i - 1]) the travel times t(a, b), t(a, first), t(last, b) that relocationCannotGain adds and removes.
let segFirst: i32 = 0;
let segLast: i32 = 0;
let segAB: f64 = 0;
let segAF: f64 = 0;
let segGB: f64 = 0;

@inline function setSegment(i: i32, len: i32): void {
  segFirst = rAt(i);
  segLast = rAt(i + len - 1);
  if (i + len < L) {
    const a = rAt(i - 1);
    const b = rAt(i + len);
    segAB = T(a, b);
    segAF = T(a, segFirst);
    segGB = T(segLast, b);
  }
}

/** Relocates r[i..i+len) to just after position pp (not inside the segment; setSegment(i, len) first). */
@inline function relocate(i: i32, len: i32, pp: i32): bool {
  np = 0;
  if (pp < i - 1) {
    const bounded = i + len < L;
    if (bounded && relocationCannotGain(i, len, pp)) return false;
    piece(0, i, i + len);
    piece(0, pp + 1, i);
    tailFrom = i + len;
    return tryCandidate(pp + 1, bounded);
  }
  if (pp >= i + len) {
    const bounded = pp + 1 < L;
    if (bounded && relocationCannotGain(i, len, pp)) return false;
    piece(0, i + len, pp + 1);
    piece(0, i, i + len);
    tailFrom = pp + 1;
    return tryCandidate(i, bounded);
  }
  return false;
}

export function reverseRange(i: i32, j: i32): bool {
  np = 0;
  piece(1, i, j + 1);
  tailFrom = j + 1;
  return tryCandidate(i);
}

export function swapAt(i: i32, j: i32): bool {
  np = 0;
  piece(0, j, j + 1);
  if (j > i + 1) piece(0, i + 1, j);
  piece(0, i, i + 1);
  tailFrom = j + 1;
  return tryCandidate(i);
}

/** The tag of the places improveAt tried for the current segment (triedPtr holds each place's last tag). */
let tryTag: i32 = 0;

/** Clears the tags of the tried places (at setup, and when the tag would overflow); returns the first tag, 1. */
export function resetTried(): i32 {
  memory.fill(triedPtr, 0, <usize>(n + 1) << 2);
  tryTag = 1;
  return 1;
}

/** True the first time place pp comes up for the current segment (then tagged). */
@inline function isNewPlace(pp: i32): bool {
  const at = triedPtr + (<usize>pp << 2);
  if (load<i32>(at) == tryTag) return false;
  store<i32>(at, tryTag);
  return true;
}

/** Tries every move of the stop at position i (relocating 1-3 stops from i, 2-opt and swap with i); true when one was taken. */
export function improveAt(i: i32): bool {
  for (let len = 1; len <= 3 && i + len - 1 <= lastMovable(); len++) {
    setSegment(i, len);
    const first = segFirst;
    const lastS = segLast;
    // a place both lists give is tried once (a failed move fails again: nothing changed)
    tryTag = tryTag == 0x7fffffff ? resetTried() : tryTag + 1;
    for (let k = 0; k < K; k++) {
      // after a near predecessor p of the segment's first stop
      const pp = posOf(inN(first, k));
      if (pp >= 0 && pp <= lastMovable() && isNewPlace(pp) && relocate(i, len, pp)) return true;
      // before a near successor w of the segment's last stop
      const w = outN(lastS, k);
      const pw = w == startNode ? (closed && fixedEnd < 0 ? L : -1) : posOf(w);
      if (pw >= 1 && pw - 1 <= lastMovable() && isNewPlace(pw - 1) && relocate(i, len, pw - 1)) return true;
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
export function pass(): bool {
  let improved = false;
  for (let i = 1; i <= lastMovable(); i++) {
    const v = rAt(i);
    if (!isActive(v)) continue;
    if (improveAt(i)) improved = true;
    else store<i32>(activePtr + (<usize>v << 2), 0);
  }
  return improved;
}

export function activateAll(): void {
  for (let v = 0; v < n; v++) activate(v);
}

