// Probability that the true position lies inside the fence, under the circular bivariate normal error
// model that core's accuracy normalisation assumes (σ per axis; the 95 % radius is σ·√(−2 ln 0.05)).
//
// - Disc fence (radius R, fix at distance d from its centre): P = P(|X| ≤ R) with X ~ N((d, 0), σ²I),
//   the Rice CDF 1 − Q₁(d/σ, R/σ). Tabulated once (lazily) over a = d/σ ∈ [0, 20], b = R/σ ∈ [0, 12]
//   by Simpson integration of the Rice density, step 0.1, read by bilinear interpolation. Beyond b = 12
//   the fence is flat on the scale of σ and the normal approximation of the Rice law is used:
//   P ≈ Φ(b − √(a² + 1)).
// - Polygon fence: the boundary is treated as a straight line at signed distance s: P = Φ(−s/σ).
//
// Both are non-increasing in the distance by construction (cumulative integrals of non-negative
// densities, a monotone repair pass, linear interpolation), so moving a fix farther never raises them.

import { failEvidence } from './evidence-bug.js';

/** σ of a circular normal whose 95 % radius is r: r / √(−2 ln 0.05). */
export const SIGMA_PER_R95 = 1 / Math.sqrt(-2 * Math.log(0.05));

const STEP = 0.1;
const A_MAX = 20;
const B_MAX = 12;
const NA = Math.round(A_MAX / STEP) + 1;
const NB = Math.round(B_MAX / STEP) + 1;
const SUB = 10; // Simpson sub-steps per table step (even)

const PHI_MIN = -9;
const PHI_STEP = 0.005;
const PHI_N = Math.round((2 * -PHI_MIN) / PHI_STEP) + 1;

/** σ at or below this (metres) is a perfect fix: the probability is the 0/1 step (avoids 0/0 and ∞ − ∞). */
const PERFECT_SIGMA_M = 1e-6;

/**
 * 0, 1 and NaN as float64 values: the probabilities return them through this array (`EXACT[0]`,
 * `EXACT[1]`, `EXACT[2]`) rather than as the literals `0`, `1` and `NaN`. V8 represents a literal 0
 * or 1 as a small integer and NaN as a heap constant; a function that returns either that or a
 * computed double makes V8 box every double it returns, even inlined (a heap allocation per call,
 * measured: ~5 bytes per call on average over 2 × 10⁵ fixes). An array literal holding NaN stores
 * its elements unboxed, as float64 (V8's double elements), and its tuple type needs no check on a read.
 */
export const EXACT: readonly [number, number, number] = [0, 1, NaN];

let riceTable: Float64Array | undefined;
let phiTable: Float64Array | undefined;

/** e^{−x} I₀(x), x ≥ 0 (Abramowitz & Stegun 9.8.1–9.8.2, relative error < 2e-7). */
function besselI0Scaled(x: number): number {
  if (x <= 3.75) {
    const t = (x / 3.75) ** 2;
    return (
      (1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))))) *
      Math.exp(-x)
    );
  }
  const t = 3.75 / x;
  const p =
    0.39894228 +
    t *
      (0.01328592 +
        t *
          (0.00225319 +
            t *
              (-0.00157565 +
                t * (0.00916281 + t * (-0.02057706 + t * (0.02635537 + t * (-0.01647633 + t * 0.00392377)))))));
  return p / Math.sqrt(x);
}

/** Rice density (σ = 1, offset a) at r: r·exp(−(r − a)²/2)·e^{−ar}I₀(ar). */
function riceDensity(r: number, a: number): number {
  return r * Math.exp(-((r - a) ** 2) / 2) * besselI0Scaled(a * r);
}

function buildRiceTable(): Float64Array {
  const table = new Float64Array(NA * NB);
  const h = STEP / SUB;
  for (let i = 0; i < NA; i++) {
    const a = i * STEP;
    let acc = 0;
    for (let j = 1; j < NB; j++) {
      const r0 = (j - 1) * STEP;
      let s = riceDensity(r0, a) + riceDensity(r0 + STEP, a);
      for (let k = 1; k < SUB; k++) s += (k % 2 ? 4 : 2) * riceDensity(r0 + k * h, a);
      acc += (s * h) / 3;
      table[i * NB + j] = Math.min(1, acc);
    }
  }
  // Monotone repair: farther (larger a) must never be more probable.
  for (let k = NB; k < NA * NB; k++)
    table[k] = Math.min(table[k] ?? failEvidence('riceTable', k), table[k - NB] ?? failEvidence('riceTable', k - NB));
  return table;
}

function buildPhiTable(): Float64Array {
  const table = new Float64Array(PHI_N);
  const pdf = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
  let acc = 0;
  for (let i = 1; i < PHI_N; i++) {
    const x0 = PHI_MIN + (i - 1) * PHI_STEP;
    acc += (PHI_STEP / 6) * (pdf(x0) + 4 * pdf(x0 + PHI_STEP / 2) + pdf(x0 + PHI_STEP));
    table[i] = acc;
  }
  const total = acc;
  return table.map((p) => p / total);
}

/** Standard normal CDF Φ(x), tabulated, non-decreasing, exactly 0 below −9 and 1 above 9. */
export function normalCdf(x: number): number {
  const t = (phiTable ??= buildPhiTable());
  if (Number.isNaN(x)) return EXACT[2];
  if (x <= PHI_MIN) return EXACT[0];
  const u = (x - PHI_MIN) / PHI_STEP;
  const i = Math.floor(u);
  if (i >= PHI_N - 1) return EXACT[1];
  // t[i] + (t[i+1] − t[i])·f, capped at t[i+1]: non-decreasing in x even after rounding.
  const lo = t[i];
  const hi = t[i + 1];
  if (lo === undefined || hi === undefined) return failEvidence('phiTable', i);
  return Math.min(lo + (hi - lo) * (u - i), hi);
}

/**
 * P(true position inside a disc of radius `radiusM`) for a fix `distanceM` from its centre with error
 * σ = `sigmaM` per axis. σ ≤ 1 µm is a perfect fix: 1 inside (d ≤ R), 0 outside; NaN input gives NaN.
 *
 * Every return is a float64 (see `EXACT`), so that V8 inlines it into the judging loop without
 * boxing its result.
 */
export function discProbability(distanceM: number, radiusM: number, sigmaM: number): number {
  const a = distanceM / sigmaM;
  const b = radiusM / sigmaM;
  if (!(sigmaM > PERFECT_SIGMA_M)) return EXACT[!Number.isNaN(sigmaM) ? (distanceM <= radiusM ? 1 : 0) : 2];
  if (b >= B_MAX) return normalCdf(b - Math.sqrt(a * a + 1));
  if (!(a < A_MAX)) return EXACT[a >= A_MAX ? 0 : 2];
  const t = riceTable ?? (riceTable = buildRiceTable());
  const ua = a / STEP;
  const ub = b / STEP;
  const i = Math.floor(ua);
  const j = Math.floor(ub);
  const fa = ua - i;
  const fb = ub - j;
  const row0 = i * NB;
  const row1 = row0 + NB;
  // Along b first, as w0·t + w1·t' (monotone in the table values, so v0 ≥ v1 exactly, as the rows
  // are); then along a as v0 − (v0 − v1)·fa, floored at v1: never rising with a, even in floating point.
  const w0 = 1 - fb;
  const t00 = t[row0 + j];
  const t01 = t[row0 + j + 1];
  const t10 = t[row1 + j];
  const t11 = t[row1 + j + 1];
  if (t00 === undefined || t01 === undefined || t10 === undefined || t11 === undefined)
    return failEvidence('riceTable', row0 + j);
  const v0 = t00 * w0 + t01 * fb;
  const v1 = t10 * w0 + t11 * fb;
  return Math.max(v0 - (v0 - v1) * fa, v1);
}

/**
 * P(true position inside a fence whose boundary is `signedDistanceM` away (negative inside), treated
 * as a straight line, with error σ = `sigmaM` per axis: Φ(−s/σ).
 */
export function halfPlaneProbability(signedDistanceM: number, sigmaM: number): number {
  if (!(sigmaM > PERFECT_SIGMA_M)) return EXACT[!Number.isNaN(sigmaM) ? (signedDistanceM <= 0 ? 1 : 0) : 2];
  return normalCdf(-signedDistanceM / sigmaM);
}
