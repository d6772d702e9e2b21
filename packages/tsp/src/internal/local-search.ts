// Baseline heuristic: nearest neighbour, then 2-opt and Or-opt local search, iterated with
// double-bridge kicks (iterated local search) while the budget lasts. Asymmetric costs are handled
// exactly: a 2-opt move reverses a segment, and its delta counts the reversed segment's own cost.
// Open paths become closed tours through a dummy node, so one search serves every variant.

/** A problem for the heuristic: row-major costs, a start, and a closed tour (end = start) or an open path. */
export interface HeuristicProblem {
  n: number;
  cost: Float64Array;
  start: number;
  end: number | 'any';
}

export interface HeuristicControl {
  seed: number;
  /** Kicks after the first local optimum (a deterministic budget). */
  maxKicks: number;
  /** True when the time limit or the AbortSignal says stop; checked between kicks. */
  shouldStop: () => boolean;
  onImprove?: (length: number) => void;
}

export interface HeuristicOutcome {
  tour: number[];
  length: number;
  kicks: number;
}

/** mulberry32: a small, well-distributed seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Closed-tour costs over N nodes; node n is a dummy that turns an open path into a cycle. */
function closedCosts(p: HeuristicProblem): { N: number; d: Float64Array } {
  const { n, cost, start, end } = p;
  if (end === start) return { N: n, d: cost };
  let max = 0;
  for (let k = 0; k < cost.length; k++) if (cost[k]! > max) max = cost[k]!;
  const big = (max + 1) * (n + 1) * 4;
  const N = n + 1;
  const d = new Float64Array(N * N).fill(big);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * N + j] = cost[i * n + j]!;
  d[n * N + n] = 0;
  d[n * N + start] = 0; // dummy -> start
  if (end === 'any') {
    for (let i = 0; i < n; i++) if (i !== start || n === 1) d[i * N + n] = 0; // any last node -> dummy
  } else d[end * N + n] = 0; // the fixed end -> dummy
  return { N, d };
}

function tourCost(d: Float64Array, N: number, t: Int32Array): number {
  let s = 0;
  for (let k = 0; k < N; k++) s += d[t[k]! * N + t[(k + 1) % N]!]!;
  return s;
}

/** First-improvement 2-opt and Or-opt (segments of 1-3, either orientation) until no move improves. */
function localSearch(d: Float64Array, N: number, t: Int32Array): void {
  const fw = new Float64Array(N + 1);
  const bw = new Float64Array(N + 1);
  const at = (k: number) => t[k === N ? 0 : k]!;
  const c = (a: number, b: number) => d[a * N + b]!;
  const prefix = () => {
    for (let k = 0; k < N - 1; k++) {
      fw[k + 1] = fw[k]! + c(t[k]!, t[k + 1]!);
      bw[k + 1] = bw[k]! + c(t[k + 1]!, t[k]!);
    }
  };
  const eps = 1e-9;
  let improved = true;
  while (improved) {
    improved = false;
    prefix();
    // 2-opt: reverse t[i+1..j]; position 0 (the start) never moves
    for (let i = 0; i < N - 2 && !improved; i++) {
      const a = t[i]!;
      const b = t[i + 1]!;
      for (let j = i + 2; j < N; j++) {
        const e = t[j]!;
        const f = at(j + 1); // f === a reverses the whole rest: a real move when costs are asymmetric
        const delta = c(a, e) + c(b, f) + (bw[j]! - bw[i + 1]!) - c(a, b) - c(e, f) - (fw[j]! - fw[i + 1]!);
        if (delta < -eps) {
          t.subarray(i + 1, j + 1).reverse();
          improved = true;
          break;
        }
      }
    }
    if (improved) continue;
    // Or-opt: move t[i..i+len-1] between t[q] and t[q+1], forwards or reversed
    for (let len = 1; len <= 3 && !improved; len++) {
      for (let i = 1; i + len <= N && !improved; i++) {
        const first = t[i]!;
        const last = t[i + len - 1]!;
        const prev = t[i - 1]!;
        const next = at(i + len);
        if (next === first) continue;
        const inner = fw[i + len - 1]! - fw[i]!;
        const innerRev = bw[i + len - 1]! - bw[i]!;
        const removeGain = c(prev, first) + inner + c(last, next) - c(prev, next);
        for (let q = 0; q < N; q++) {
          if (q >= i - 1 && q <= i + len - 1) continue;
          const x = t[q]!;
          const y = at(q + 1);
          const base = c(x, y);
          const fwd = c(x, first) + inner + c(last, y) - base;
          const rev = c(x, last) + innerRev + c(first, y) - base;
          const reversed = rev < fwd;
          if (Math.min(fwd, rev) - removeGain < -eps) {
            const seg = Array.from(t.subarray(i, i + len));
            if (reversed) seg.reverse();
            const rest = [...t.subarray(0, i), ...t.subarray(i + len)];
            const qIdx = q < i ? q : q - len;
            rest.splice(qIdx + 1, 0, ...seg);
            t.set(rest);
            improved = true;
            break;
          }
        }
      }
    }
  }
}

/** Double bridge: A B C D -> A C B D; keeps position 0 and every segment's orientation (safe when asymmetric). */
function doubleBridge(t: Int32Array, N: number, rand: () => number): Int32Array {
  const cuts = [1 + Math.floor(rand() * (N - 1)), 1 + Math.floor(rand() * (N - 1)), 1 + Math.floor(rand() * (N - 1))].sort((x, y) => x - y);
  const [p, q, r] = cuts as [number, number, number];
  const out = new Int32Array(N);
  out.set(t.subarray(0, p), 0);
  out.set(t.subarray(q, r), p);
  out.set(t.subarray(p, q), p + r - q);
  out.set(t.subarray(r), r);
  return out;
}

/** Nearest neighbour from the start; the `tail` nodes (fixed end, dummy) are kept for last, in order. */
function nearestNeighbour(d: Float64Array, N: number, start: number, tail: number[]): Int32Array {
  const t = new Int32Array(N);
  const used = new Uint8Array(N);
  t[0] = start;
  used[start] = 1;
  for (const v of tail) used[v] = 1;
  tail.forEach((v, k) => (t[N - tail.length + k] = v));
  for (let k = 1; k < N - tail.length; k++) {
    const from = t[k - 1]!;
    let best = -1;
    let bestCost = Infinity;
    for (let v = 0; v < N; v++) {
      if (!used[v] && d[from * N + v]! < bestCost) {
        bestCost = d[from * N + v]!;
        best = v;
      }
    }
    t[k] = best;
    used[best] = 1;
  }
  return t;
}

/** Rotates the closed tour of N nodes back to a route over the n real nodes (dummy removed). */
function toRoute(t: Int32Array, n: number): number[] {
  return Array.from(t).filter((v) => v < n);
}

/**
 * Nearest neighbour + 2-opt + Or-opt, then iterated local search with double-bridge kicks until
 * `maxKicks` or `shouldStop()`. Deterministic for a seed when the kick budget ends the search.
 */
export function runLocalSearch(p: HeuristicProblem, control: HeuristicControl): HeuristicOutcome {
  const { N, d } = closedCosts(p);
  const tail = N === p.n ? [] : p.end === 'any' ? [p.n] : [p.end, p.n];
  if (N <= 2) {
    const t = nearestNeighbour(d, N, p.start, tail);
    return { tour: toRoute(t, p.n), length: tourCost(d, N, t), kicks: 0 };
  }
  let best = nearestNeighbour(d, N, p.start, tail);
  localSearch(d, N, best);
  let bestLength = tourCost(d, N, best);
  control.onImprove?.(bestLength);
  const rand = mulberry32(control.seed);
  let kicks = 0;
  while (kicks < control.maxKicks && N >= 4 && !control.shouldStop()) {
    kicks++;
    const t = doubleBridge(best, N, rand);
    localSearch(d, N, t);
    const length = tourCost(d, N, t);
    if (length <= bestLength + 1e-9) {
      // accept ties too: a walk across equal-cost tours escapes plateaus
      const better = length < bestLength - 1e-9;
      best = t;
      bestLength = length;
      if (better) control.onImprove?.(bestLength);
    }
  }
  return { tour: toRoute(best, p.n), length: bestLength, kicks };
}
