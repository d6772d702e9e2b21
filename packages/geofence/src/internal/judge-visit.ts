import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { discProbability, halfPlaneProbability, SIGMA_PER_R95 } from './containment-probability.js';
import { FENCE_DISC, FENCE_NONE, type CompiledFence } from './fence.js';
import { polygonSignedDistanceM } from './polygon-distance.js';
import { FLAG, REASON } from './code-masks.js';
import { combinedSigmasInside } from './combine-fixes.js';
import { FIX_SOURCES, KIND_ABSENT, KIND_MOCK, type Evidence } from './evidence.js';

/** 0 as a float64 value (see `fixProbability`). */
const ZERO = new Float64Array(1);

/**
 * A fix more than this many standard errors outside the fence edge proves the manager was not there
 * (`OUT_OF_RANGE`, the visit is rejected). For a genuine fix this is a tail of about 10⁻⁷ of a circular
 * normal even when the true position is at the edge, so an honest visit is not rejected by chance.
 */
export const OUTSIDE_SIGMAS = 5;

/**
 * A fix more than this many standard errors outside the fence edge does not agree with the manager
 * having been inside: it cannot be outweighed by the other fix (the visit stays undecided).
 */
export const COMPATIBLE_SIGMAS = 3;

/**
 * Classifies the fix in slot `k` against the fence and returns the reason bits it raises on its own;
 * writes the distance to report to `ev.fixDistance[k]`, the signed distance to the fence's edge (m,
 * negative inside) to `ev.fixSigned[k]` and its standard error per axis (m) to `ev.fixSigma[k]`.
 *
 * The rule (s = signed metres to the fence edge; σ = the 95 % radius × the source's
 * `accuracyFactor` / 2.448): mock (not accepted) → MOCK_LOCATION; the 95 % radius × factor beyond the
 * source's `maxAccuracyM` → ACCURACY_TOO_COARSE; s > OUTSIDE_SIGMAS·σ → OUT_OF_RANGE. Whether the
 * fixes prove the visit is decided per visit (`judgeVisit`). NaN never leads to OUT_OF_RANGE here
 * nor to verified later.
 */
function judgeFix(ev: Evidence, k: number, fence: CompiledFence, limits: SourceLimits, mock: boolean): number {
  // The fix is read here, by slot, rather than passed as numbers: if V8 does not inline this
  // function, every double argument is a heap allocation.
  const lng = ev.fixLng[k]!;
  const lat = ev.fixLat[k]!;
  const cosLat = ev.fixCos[k]!;
  const source = ev.fixKind[k]! & 3;
  const r95 = ev.fixR95[k]! * limits.factor[source]!;
  const sigma = r95 * SIGMA_PER_R95;
  ev.fixSigma[k] = sigma;
  let s: number;
  if (fence.kind === FENCE_DISC) {
    const d = haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat);
    ev.fixDistance[k] = d;
    s = d - fence.radiusM;
  } else {
    const edge = fence.planar !== null ? polygonSignedDistanceM(fence.planar, lng, lat) : NaN;
    ev.fixDistance[k] = fence.hasPoint
      ? haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat)
      : Math.max(0, edge);
    s = edge - fence.marginM;
  }
  ev.fixSigned[k] = s;
  if (mock && !limits.acceptMock) return REASON.MOCK_LOCATION;
  if (!(r95 <= limits.maxR95[source]!)) return REASON.ACCURACY_TOO_COARSE;
  if (s > OUTSIDE_SIGMAS * sigma) return REASON.OUT_OF_RANGE;
  return 0;
}

/** The policy's per-source limits by source code, read once per batch. */
interface SourceLimits {
  readonly maxR95: Float64Array;
  readonly factor: Float64Array;
  readonly acceptMock: boolean;
}

function sourceLimits(policy: VerifyPolicy): SourceLimits {
  const bySource = FIX_SOURCES.map((source) => policy.sources[source]);
  return {
    maxR95: Float64Array.from(bySource, (p) => p.maxAccuracyM),
    factor: Float64Array.from(bySource, (p) => p.accuracyFactor),
    acceptMock: policy.acceptMockLocations,
  };
}

/**
 * The containment probability of the fix in slot `k` (after `judgeFix`): the disc's Rice law at the
 * fix's distance, or the half-plane law at its signed distance to a polygon; 0 for a mock fix that
 * the policy does not accept, and 0 instead of NaN.
 */
function fixProbability(ev: Evidence, k: number, fence: CompiledFence, policy: VerifyPolicy): number {
  const sigma = ev.fixSigma[k]!;
  const p =
    fence.kind === FENCE_DISC
      ? discProbability(ev.fixDistance[k]!, fence.radiusM, sigma)
      : halfPlaneProbability(ev.fixSigned[k]!, sigma);
  // ZERO[0], not the literal 0: a literal would make V8 box every p it returns (see EXACT in
  // containment-probability.ts).
  const mocked = (ev.fixKind[k]! & KIND_MOCK) !== 0 && !policy.acceptMockLocations;
  return p >= 0 && !mocked ? p : ZERO[0]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Judges every fix against its visit's fence, into `ev.fixReasons`, `ev.fixDistance` and
 * `ev.fixSigned`; `fixProbabilities` then adds the probabilities. Small separate loops let V8
 * inline the geometry and the probability tables into them.
 */
export function judgeFixes(ev: Evidence, fences: readonly CompiledFence[], policy: VerifyPolicy): void {
  const slots = 2 * ev.n;
  const limits = sourceLimits(policy);
  for (let k = 0; k < slots; k++) {
    const fence = fences[ev.fence[k >> 1]!]!;
    ev.fixReasons[k] =
      fence.kind === FENCE_NONE ? 0 : judgeFix(ev, k, fence, limits, (ev.fixKind[k]! & KIND_MOCK) !== 0);
  }
}

/** After `judgeFixes`: every fix's containment probability (`fixProbability`), into `ev.fixProbability`. */
export function fixProbabilities(ev: Evidence, fences: readonly CompiledFence[], policy: VerifyPolicy): void {
  for (let k = 0; k < 2 * ev.n; k++) {
    const fence = fences[ev.fence[k >> 1]!]!;
    ev.fixProbability[k] = fence.kind === FENCE_NONE ? ZERO[0]! : fixProbability(ev, k, fence, policy);
  }
}

/**
 * Judges visit `i` on its own (geometry, dwell, times, mock) from its judged fix slots (`judgeFixes`
 * first): fills its reason and flag bits, distances, dwell and confidence in `ev`. Day-level flags are
 * added later.
 */
export function judgeVisit(ev: Evidence, i: number, fence: CompiledFence, policy: VerifyPolicy): void {
  const ks = 2 * i;
  if ((ev.fixKind[ks + 1]! & KIND_ABSENT) !== 0) {
    judgeIncomplete(ev, i, fence);
    return;
  }
  const mockStart = (ev.fixKind[ks]! & KIND_MOCK) !== 0;
  const mockEnd = (ev.fixKind[ks + 1]! & KIND_MOCK) !== 0;
  let reasons = 0;
  let flags = 0;
  if (mockStart || mockEnd) flags |= FLAG.MOCK_LOCATION;
  if (fence.kind === FENCE_NONE) {
    reasons |= REASON.NO_RETAILER_LOCATION;
    ev.distanceStart[i] = NaN;
    ev.distanceEnd[i] = NaN;
    ev.confidence[i] = 0;
  } else {
    ev.distanceStart[i] = round1(ev.fixDistance[ks]!);
    ev.distanceEnd[i] = round1(ev.fixDistance[ks + 1]!);
    ev.confidence[i] = Math.round(ev.fixProbability[ks]! * ev.fixProbability[ks + 1]! * 10_000) / 10_000;
    const fixReasons = ev.fixReasons[ks]! | ev.fixReasons[ks + 1]!;
    reasons |= fixReasons === 0 ? judgePresence(ev, i, fence, policy.strictness) : fixReasons;
  }
  const dwellMs = ev.fixAt[ks + 1]! - ev.fixAt[ks]!;
  const dwellS = dwellMs / 1000;
  ev.dwellS[i] = dwellS;
  if (dwellS < -policy.clockSkewToleranceS) {
    reasons |= REASON.END_BEFORE_START;
    flags |= FLAG.END_BEFORE_START;
  } else {
    if (dwellMs < 0) flags |= FLAG.CLOCK_SKEW;
    // Written so that a NaN dwell (unvalidated input) is TOO_SHORT, never acceptable.
    if (!(dwellS >= policy.minDwellS)) reasons |= REASON.TOO_SHORT;
    else if (dwellS > policy.maxDwellS) reasons |= REASON.TOO_LONG;
  }
  ev.reasons[i] = reasons;
  ev.flags[i] = flags;
  if (reasons !== 0) ev.precision[i] = 0;
}

/**
 * Judges visit `i` that has no end fix on its start evidence: NO_END_FIX (status `incomplete`) with
 * the start fix's own reasons (MOCK_LOCATION, ACCURACY_TOO_COARSE, or OUT_OF_RANGE, which rejects
 * it: leaving out the end fix cannot hide a start fix that proves the manager was elsewhere), its
 * distance, its containment probability as the confidence, and no end distance nor dwell (NaN).
 */
function judgeIncomplete(ev: Evidence, i: number, fence: CompiledFence): void {
  const ks = 2 * i;
  let reasons = REASON.NO_END_FIX;
  if (fence.kind === FENCE_NONE) {
    reasons |= REASON.NO_RETAILER_LOCATION;
    ev.distanceStart[i] = NaN;
    ev.confidence[i] = 0;
  } else {
    ev.distanceStart[i] = round1(ev.fixDistance[ks]!);
    ev.confidence[i] = Math.round(ev.fixProbability[ks]! * 10_000) / 10_000;
    reasons |= ev.fixReasons[ks]!;
  }
  ev.distanceEnd[i] = NaN;
  ev.dwellS[i] = NaN;
  ev.reasons[i] = reasons;
  ev.flags[i] = (ev.fixKind[ks]! & KIND_MOCK) !== 0 ? FLAG.MOCK_LOCATION : 0;
  ev.precision[i] = 0;
}

/**
 * Whether the two usable fixes of visit `i` prove the manager was inside the fence, at `strictness`
 * standard errors (see the README's rule): returns 0 when they do (and writes the precision that
 * proved it to `ev.precision[i]`), else ACCURACY_TOO_COARSE when fixes this coarse could not prove it
 * even at the fence's deepest point, else AMBIGUOUS_POSITION.
 */
function judgePresence(ev: Evidence, i: number, fence: CompiledFence, strictness: number): number {
  const ks = 2 * i;
  const sigma1 = ev.fixSigma[ks]!;
  const sigma2 = ev.fixSigma[ks + 1]!;
  const s1 = ev.fixSigned[ks]!;
  const s2 = ev.fixSigned[ks + 1]!;
  const compatible = s1 <= COMPATIBLE_SIGMAS * sigma1 && s2 <= COMPATIBLE_SIGMAS * sigma2;
  if (compatible) {
    const z1 = -s1 / sigma1;
    const z2 = -s2 / sigma2;
    // One fix alone proves it (the other agrees): that fix's source is the precision.
    if (z1 >= strictness || z2 >= strictness) {
      ev.precision[i] = 1 + (ev.fixKind[z1 > z2 || (z1 === z2 && sigma1 <= sigma2) ? ks : ks + 1]! & 3);
      return 0;
    }
    // Both together: the coarser fix's source is the precision.
    if (combinedSigmasInside(ev, i, fence, strictness) >= strictness) {
      ev.precision[i] = 1 + (ev.fixKind[sigma1 >= sigma2 ? ks : ks + 1]! & 3);
      return 0;
    }
    // The best any pair of this precision could do: both at the fence's deepest point, inverse-variance weighted.
    const combinedSigma = (sigma1 * sigma2) / Math.sqrt(sigma1 * sigma1 + sigma2 * sigma2);
    if (fence.depthM < strictness * combinedSigma) return REASON.ACCURACY_TOO_COARSE;
  }
  return REASON.AMBIGUOUS_POSITION;
}
