import { NearestCentres } from './nearest-centres.js';

/**
 * Capacity-constrained power-diagram assignment: retailer i joins the manager j that minimises
 * |x_i − c_j|² − ω_j (− a stickiness bonus for its previous manager). The power weights ω_j are
 * prices, adjusted (sign-based adaptive steps) until every manager's load is within the tolerance of
 * its target; between price rounds the centres move to the load-weighted centroid, pulled towards
 * the manager's base. Without stickiness, every territory is a cell of a power diagram: convex, so
 * territories cannot interleave (up to locked retailers and the candidate restriction).
 */
export interface BalanceProblem {
  x: Float64Array;
  y: Float64Array;
  /** Balance value of each retailer (the weighted attributes). */
  weight: Float64Array;
  baseX: Float64Array;
  baseY: Float64Array;
  /** Target load per manager. */
  target: Float64Array;
  /** −1 or the manager a retailer is locked to. */
  locked: Int32Array;
  /** −1 or the retailer's previous manager. */
  previous: Int32Array;
  /** A retailer may join manager j only within this distance of j's base (metres; Infinity = no limit). */
  maxRadius: number;
  tolerance: number;
  /** 0..1: how strongly a territory's centre is pulled towards its manager's base. */
  baseAttraction: number;
  /** Bonus for staying with the previous manager, in units of the typical squared cell radius. */
  stickiness: number;
  /** Outer rounds (centre updates). */
  rounds: number;
  /** Start centres (previous territories' centroids), default the bases. */
  startX?: Float64Array;
  startY?: Float64Array;
}

const CANDIDATES = 7;
const PRICE_STEPS = 80;

export interface BalanceResult {
  assignment: Int32Array;
  load: Float64Array;
  centreX: Float64Array;
  centreY: Float64Array;
}

export function assignBalanced(p: BalanceProblem): BalanceResult {
  const n = p.x.length;
  const k = p.baseX.length;
  const cx = Float64Array.from(p.startX ?? p.baseX);
  const cy = Float64Array.from(p.startY ?? p.baseY);
  const reachR2 = p.maxRadius * p.maxRadius;
  const reachable = (i: number, j: number) =>
    reachR2 === Infinity || (p.x[i]! - p.baseX[j]!) ** 2 + (p.y[i]! - p.baseY[j]!) ** 2 <= reachR2;
  const assignment = new Int32Array(n).fill(-1);
  const load = new Float64Array(k);
  const omega = new Float64Array(k);
  const C = Math.min(k, CANDIDATES);
  const width = C + 1;
  const cand = new Int32Array(n * width).fill(-1);
  // the typical squared cell radius: total spread / k
  let spread = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let j = 0; j < k; j++) best = Math.min(best, (p.x[i]! - cx[j]!) ** 2 + (p.y[i]! - cy[j]!) ** 2);
    spread += best;
  }
  const r2 = Math.max(spread / Math.max(n, 1), 1);
  const bonus = p.stickiness * r2;
  const step = new Float64Array(k).fill(0.02 * r2);
  // a price moves at most this much per step, so no manager's cell can explode past its neighbours'
  const maxStep = 0.5 * r2;
  const lastSign = new Int8Array(k);
  const topD = new Float64Array(C);
  const topJ = new Int32Array(C);

  // each retailer's C nearest centres in power distance (a grid over the centres; exact)
  const buildCandidates = () => {
    const grid = new NearestCentres(cx, cy, omega);
    let at = 0;
    const allowed = (j: number) => reachable(at, j);
    for (let i = 0; i < n; i++) {
      at = i;
      const found = grid.nearest(p.x[i]!, p.y[i]!, C, allowed, topD, topJ);
      for (let m = 0; m < C; m++) cand[i * width + m] = m < found ? topJ[m]! : -1;
      const prev = p.previous[i]!;
      cand[i * width + C] = prev >= 0 && reachable(i, prev) ? prev : -1;
    }
  };

  const assignAll = () => {
    load.fill(0);
    for (let i = 0; i < n; i++) {
      let best = p.locked[i]!;
      if (best < 0) {
        let bestCost = Infinity;
        const prev = p.previous[i]!;
        for (let m = 0; m < width; m++) {
          const j = cand[i * width + m]!;
          if (j < 0) continue;
          const cost = (p.x[i]! - cx[j]!) ** 2 + (p.y[i]! - cy[j]!) ** 2 - omega[j]! - (j === prev ? bonus : 0);
          if (cost < bestCost || (cost === bestCost && j < best)) {
            bestCost = cost;
            best = j;
          }
        }
      }
      assignment[i] = best;
      if (best >= 0) load[best]! += p.weight[i]!;
    }
  };

  const balancePrices = () => {
    for (let it = 0; it < PRICE_STEPS; it++) {
      if (it > 0 && it % 10 === 0) buildCandidates();
      assignAll();
      let worst = 0;
      for (let j = 0; j < k; j++) worst = Math.max(worst, Math.abs(load[j]! - p.target[j]!) / p.target[j]!);
      if (worst <= p.tolerance * 0.5) return;
      for (let j = 0; j < k; j++) {
        const dev = (p.target[j]! - load[j]!) / p.target[j]!;
        const sign = Math.abs(dev) <= p.tolerance * 0.25 ? 0 : dev > 0 ? 1 : -1;
        if (sign === 0) {
          lastSign[j] = 0;
          continue;
        }
        if (sign === lastSign[j]) step[j] = Math.min(step[j]! * 1.3, maxStep);
        else if (sign === -lastSign[j]!) step[j]! *= 0.5;
        omega[j]! += sign * step[j]!;
        lastSign[j] = sign;
      }
    }
    assignAll();
  };

  for (let round = 0; round < p.rounds; round++) {
    buildCandidates();
    balancePrices();
    if (round === p.rounds - 1) break;
    // centre update: load-weighted centroid, pulled towards the base
    const sx = new Float64Array(k),
      sy = new Float64Array(k),
      sw = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const j = assignment[i]!;
      if (j < 0) continue;
      const w = p.weight[i]! || 1e-9;
      sx[j]! += w * p.x[i]!;
      sy[j]! += w * p.y[i]!;
      sw[j]! += w;
    }
    for (let j = 0; j < k; j++) {
      if (sw[j]! <= 0) continue;
      cx[j] = (1 - p.baseAttraction) * (sx[j]! / sw[j]!) + p.baseAttraction * p.baseX[j]!;
      cy[j] = (1 - p.baseAttraction) * (sy[j]! / sw[j]!) + p.baseAttraction * p.baseY[j]!;
    }
  }
  return { assignment, load, centreX: cx, centreY: cy };
}
