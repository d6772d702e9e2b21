import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { discProbability, halfPlaneProbability, SIGMA_PER_R95 } from './containment-probability.js';
import { FENCE_DISC, FENCE_NONE, type CompiledFence } from './fence.js';
import { polygonSignedDistanceM } from './polygon-distance.js';
import { FLAG, REASON } from './code-masks.js';
import { KIND_MOCK, type Evidence } from './evidence.js';

/** 0 as a float64 value (see `fixProbability`). */
const ZERO = new Float64Array(1);

/**
 * Classifies the fix in slot `k` against the fence and returns the reason bits it raises; writes the
 * distance to report to `ev.fixDistance[k]` and the signed distance to the fence's edge (m, negative
 * inside) to `ev.fixSigned[k]`.
 *
 * The rule (s = signed metres from the fix to the fence boundary, negative inside; r = 95 % radius):
 * mock (not accepted) → MOCK_LOCATION; r > maxAccuracyM → ACCURACY_TOO_COARSE; s − r > 0 (the whole
 * circle misses the fence) → OUT_OF_RANGE; s + (1 − tolerance)·r ≤ 0 → inside (no bit); else
 * AMBIGUOUS_POSITION. NaN anywhere lands in AMBIGUOUS_POSITION, never inside.
 */
function judgeFix(ev: Evidence, k: number, fence: CompiledFence, policy: VerifyPolicy, mock: boolean): number {
  // The fix is read here, by slot, rather than passed as numbers: if V8 does not inline this
  // function, every double argument is a heap allocation.
  const lng = ev.fixLng[k]!;
  const lat = ev.fixLat[k]!;
  const cosLat = ev.fixCos[k]!;
  const r95 = ev.fixR95[k]!;
  let s: number;
  if (fence.kind === FENCE_DISC) {
    const d = haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat);
    ev.fixDistance[k] = d;
    s = d - fence.radiusM;
  } else {
    const edge = polygonSignedDistanceM(fence.planar!, lng, lat);
    ev.fixDistance[k] = fence.hasPoint
      ? haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat)
      : Math.max(0, edge);
    s = edge - fence.marginM;
  }
  ev.fixSigned[k] = s;
  if (mock && !policy.acceptMockLocations) return REASON.MOCK_LOCATION;
  if (!(r95 <= policy.maxAccuracyM)) return REASON.ACCURACY_TOO_COARSE;
  if (s - r95 > 0) return REASON.OUT_OF_RANGE;
  if (s + (1 - policy.accuracyOverlapTolerance) * r95 <= 0) return 0;
  return REASON.AMBIGUOUS_POSITION;
}

/**
 * The containment probability of the fix in slot `k` (after `judgeFix`): the disc's Rice law at the
 * fix's distance, or the half-plane law at its signed distance to a polygon; 0 for a mock fix that
 * the policy does not accept, and 0 instead of NaN.
 */
function fixProbability(ev: Evidence, k: number, fence: CompiledFence, policy: VerifyPolicy): number {
  const sigma = ev.fixR95[k]! * SIGMA_PER_R95;
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
  for (let k = 0; k < slots; k++) {
    const fence = fences[ev.fence[k >> 1]!]!;
    ev.fixReasons[k] =
      fence.kind === FENCE_NONE ? 0 : judgeFix(ev, k, fence, policy, (ev.fixKind[k]! & KIND_MOCK) !== 0);
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
    reasons |= ev.fixReasons[ks]! | ev.fixReasons[ks + 1]!;
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
}
