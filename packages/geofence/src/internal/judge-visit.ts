import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { discProbability, halfPlaneProbability, SIGMA_PER_R95 } from './containment-probability.js';
import { FENCE_DISC, FENCE_NONE, type CompiledFence } from './fence.js';
import { polygonSignedDistanceM } from './polygon-distance.js';
import { FLAG, REASON } from './code-masks.js';
import { KIND_MOCK, type Evidence } from './evidence.js';

// Scratch results of judgeFix: [distance to report, containment probability]. A typed array, as a
// double stored in a module-level `let` is boxed: a heap allocation per store.
const out = new Float64Array(2);

/**
 * Classifies one fix against the fence and returns the reason bits it raises; leaves the distance
 * to report in `out[0]` and the containment probability in `out[1]`.
 *
 * The rule (s = signed metres from the fix to the fence boundary, negative inside; r = 95 % radius):
 * mock (not accepted) → MOCK_LOCATION; r > maxAccuracyM → ACCURACY_TOO_COARSE; s − r > 0 (the whole
 * circle misses the fence) → OUT_OF_RANGE; s + (1 − tolerance)·r ≤ 0 → inside (no bit); else
 * AMBIGUOUS_POSITION. NaN anywhere lands in AMBIGUOUS_POSITION, never inside.
 */
function judgeFix(fence: CompiledFence, policy: VerifyPolicy, mock: boolean, lng: number, lat: number, cosLat: number, r95: number): number {
  let s: number;
  let p: number;
  if (fence.kind === FENCE_DISC) {
    const d = haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat);
    out[0] = d;
    s = d - fence.radiusM;
    p = discProbability(d, fence.radiusM, r95 * SIGMA_PER_R95);
  } else {
    const edge = polygonSignedDistanceM(fence.planar!, lng, lat);
    out[0] = fence.hasPoint ? haversineCosM(fence.lng, fence.lat, fence.cosLat, lng, lat, cosLat) : Math.max(0, edge);
    s = edge - fence.marginM;
    p = halfPlaneProbability(s, r95 * SIGMA_PER_R95);
  }
  out[1] = p >= 0 ? p : 0;
  if (mock && !policy.acceptMockLocations) {
    out[1] = 0;
    return REASON.MOCK_LOCATION;
  }
  if (!(r95 <= policy.maxAccuracyM)) return REASON.ACCURACY_TOO_COARSE;
  if (s - r95 > 0) return REASON.OUT_OF_RANGE;
  if (s + (1 - policy.accuracyOverlapTolerance) * r95 <= 0) return 0;
  return REASON.AMBIGUOUS_POSITION;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Judges visit `i` on its own (geometry, dwell, times, mock), from its fix slots in `ev`: fills its reason and flag bits,
 * distances, dwell and confidence in `ev`. Day-level flags are added later.
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
    reasons |= judgeFix(fence, policy, mockStart, ev.fixLng[ks]!, ev.fixLat[ks]!, ev.fixCos[ks]!, ev.fixR95[ks]!);
    ev.distanceStart[i] = round1(out[0]!);
    const p = out[1]!;
    reasons |= judgeFix(fence, policy, mockEnd, ev.fixLng[ks + 1]!, ev.fixLat[ks + 1]!, ev.fixCos[ks + 1]!, ev.fixR95[ks + 1]!);
    ev.distanceEnd[i] = round1(out[0]!);
    ev.confidence[i] = Math.round(p * out[1]! * 10_000) / 10_000;
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
