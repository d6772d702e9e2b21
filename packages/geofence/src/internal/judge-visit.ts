import { convertLngLat, haversineM, normalizeAccuracy, type PositionFix, type Visit } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { discProbability, halfPlaneProbability, SIGMA_PER_R95 } from './containment-probability.js';
import { FENCE_DISC, FENCE_NONE, type CompiledFence } from './fence.js';
import { polygonSignedDistanceM } from './polygon-distance.js';
import { FLAG, REASON } from './code-masks.js';
import { CRS_CODE, type Evidence } from './evidence.js';

/**
 * The 95 % radius per metre of reported accuracy when a fix has no `accuracyConfidence`, by source
 * code (core's `normalizeAccuracy` defaults; the radius is linear in the accuracy).
 */
const DEFAULT_R95_FACTOR = (['gnss', 'cell', 'wifi', 'manual'] as const).map((source) => normalizeAccuracy({ accuracyM: 1, source }));

/** `SOURCE_CODE[source]` without a keyed property lookup (the strings are interned: pointer compares). */
const sourceCode = (source: PositionFix['source']): number => (source === 'gnss' ? 0 : source === 'cell' ? 1 : source === 'wifi' ? 2 : 3);

// Scratch results of judgeFix (no allocation per fix).
let fixDistance = 0;
let fixProbability = 0;

/**
 * Classifies one fix against the fence and returns the reason bits it raises; leaves the distance
 * to report in `fixDistance` and the containment probability in `fixProbability`.
 *
 * The rule (s = signed metres from the fix to the fence boundary, negative inside; r = 95 % radius):
 * mock (not accepted) → MOCK_LOCATION; r > maxAccuracyM → ACCURACY_TOO_COARSE; s − r > 0 (the whole
 * circle misses the fence) → OUT_OF_RANGE; s + (1 − tolerance)·r ≤ 0 → inside (no bit); else
 * AMBIGUOUS_POSITION. NaN anywhere lands in AMBIGUOUS_POSITION, never inside.
 */
function judgeFix(fence: CompiledFence, policy: VerifyPolicy, fix: PositionFix, lng: number, lat: number, r95: number): number {
  let s: number;
  if (fence.kind === FENCE_DISC) {
    const d = haversineM(fence.lng, fence.lat, lng, lat);
    fixDistance = d;
    s = d - fence.radiusM;
    fixProbability = discProbability(d, fence.radiusM, r95 * SIGMA_PER_R95);
  } else {
    const edge = polygonSignedDistanceM(fence.planar!, lng, lat);
    fixDistance = fence.hasPoint ? haversineM(fence.lng, fence.lat, lng, lat) : Math.max(0, edge);
    s = edge - fence.marginM;
    fixProbability = halfPlaneProbability(s, r95 * SIGMA_PER_R95);
  }
  if (!(fixProbability >= 0)) fixProbability = 0;
  if (fix.mock === true && !policy.acceptMockLocations) {
    fixProbability = 0;
    return REASON.MOCK_LOCATION;
  }
  if (!(r95 <= policy.maxAccuracyM)) return REASON.ACCURACY_TOO_COARSE;
  if (s - r95 > 0) return REASON.OUT_OF_RANGE;
  if (s + (1 - policy.accuracyOverlapTolerance) * r95 <= 0) return 0;
  return REASON.AMBIGUOUS_POSITION;
}

/** Copies a fix into the evidence at fix slot `k`, with its WGS84 position and 95 % radius. */
function placeFix(ev: Evidence, k: number, fix: PositionFix): void {
  ev.fixAt[k] = fix.at;
  ev.rawLng[k] = fix.lng;
  ev.rawLat[k] = fix.lat;
  ev.accuracyM[k] = fix.accuracyM;
  const source = sourceCode(fix.source);
  ev.fixKind[k] = source | (fix.crs === undefined || fix.crs === 'WGS84' ? 0 : CRS_CODE[fix.crs] << 2);
  if (fix.crs === undefined || fix.crs === 'WGS84') {
    ev.fixLng[k] = fix.lng;
    ev.fixLat[k] = fix.lat;
  } else {
    const [lng, lat] = convertLngLat(fix.lng, fix.lat, fix.crs, 'WGS84');
    ev.fixLng[k] = lng;
    ev.fixLat[k] = lat;
  }
  ev.fixR95[k] = fix.accuracyConfidence === undefined ? fix.accuracyM * DEFAULT_R95_FACTOR[source]! : normalizeAccuracy(fix);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Judges visit `i` on its own (geometry, dwell, times, mock): fills its reason and flag bits,
 * distances, dwell and confidence in `ev`. Day-level flags are added later.
 */
export function judgeVisit(ev: Evidence, i: number, visit: Visit, fence: CompiledFence, policy: VerifyPolicy): void {
  const ks = 2 * i;
  placeFix(ev, ks, visit.start);
  placeFix(ev, ks + 1, visit.end);
  let reasons = 0;
  let flags = 0;
  if (visit.start.mock === true || visit.end.mock === true) flags |= FLAG.MOCK_LOCATION;
  if (fence.kind === FENCE_NONE) {
    reasons |= REASON.NO_RETAILER_LOCATION;
    ev.distanceStart[i] = NaN;
    ev.distanceEnd[i] = NaN;
    ev.confidence[i] = 0;
  } else {
    reasons |= judgeFix(fence, policy, visit.start, ev.fixLng[ks]!, ev.fixLat[ks]!, ev.fixR95[ks]!);
    ev.distanceStart[i] = round1(fixDistance);
    const p = fixProbability;
    reasons |= judgeFix(fence, policy, visit.end, ev.fixLng[ks + 1]!, ev.fixLat[ks + 1]!, ev.fixR95[ks + 1]!);
    ev.distanceEnd[i] = round1(fixDistance);
    ev.confidence[i] = Math.round(p * fixProbability * 10_000) / 10_000;
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
