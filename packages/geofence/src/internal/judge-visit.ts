import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { discProbability, EXACT, halfPlaneProbability, SIGMA_PER_R95 } from './containment-probability.js';
import { FENCE_DISC, FENCE_NONE, type CompiledFence } from './fence.js';
import { polygonSignedDistanceM } from './polygon-distance.js';
import { FLAG, REASON } from './code-masks.js';
import { combinedSigmasInside } from './combine-fixes.js';
import { FIX_SOURCES, KIND_ABSENT, KIND_MOCK, type Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';

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
 * Classifies the fix in slot `k` (its `fixKind` bits `kind`) against the fence and returns the reason bits it raises on its own;
 * writes the distance to report to `ev.fixDistance[k]`, the signed distance to the fence's edge (m,
 * negative inside) to `ev.fixSigned[k]` and its standard error per axis (m) to `ev.fixSigma[k]`.
 *
 * The rule (s = signed metres to the fence edge; σ = the 95 % radius × the source's
 * `accuracyFactor` / 2.448): mock (not accepted) → MOCK_LOCATION; the 95 % radius × factor beyond the
 * source's `maxAccuracyM` → ACCURACY_TOO_COARSE; s > OUTSIDE_SIGMAS·σ → OUT_OF_RANGE. Whether the
 * fixes prove the visit is decided per visit (`judgeVisit`). NaN never leads to OUT_OF_RANGE here
 * nor to verified later.
 */
function judgeFix(ev: Evidence, k: number, fence: CompiledFence, limits: SourceLimits, kind: number): number {
  // The fix is read here, by slot, rather than passed as numbers: if V8 does not inline this
  // function, every double argument is a heap allocation.
  const lng = ev.fixLng[k];
  const lat = ev.fixLat[k];
  const cosLat = ev.fixCos[k];
  const radius = ev.fixR95[k];
  const source = kind & 3;
  const factor = limits.factor[source];
  const maxR95 = limits.maxR95[source];
  if (
    lng === undefined ||
    lat === undefined ||
    cosLat === undefined ||
    radius === undefined ||
    factor === undefined ||
    maxR95 === undefined
  )
    return failEvidence('fix slot', k);
  const r95 = radius * factor;
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
  if ((kind & KIND_MOCK) !== 0 && !limits.acceptMock) return REASON.MOCK_LOCATION;
  if (!(r95 <= maxR95)) return REASON.ACCURACY_TOO_COARSE;
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
  const sigma = ev.fixSigma[k];
  const distance = ev.fixDistance[k];
  const signed = ev.fixSigned[k];
  const kind = ev.fixKind[k];
  if (sigma === undefined || distance === undefined || signed === undefined || kind === undefined)
    return failEvidence('fix slot', k);
  const p =
    fence.kind === FENCE_DISC ? discProbability(distance, fence.radiusM, sigma) : halfPlaneProbability(signed, sigma);
  const mocked = (kind & KIND_MOCK) !== 0 && !policy.acceptMockLocations;
  // EXACT[0], not the literal 0: a literal would make V8 box every p it returns (see EXACT in
  // containment-probability.ts).
  return p >= 0 && !mocked ? p : EXACT[0];
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
    const fence = fenceOfVisit(ev, fences, k >> 1);
    const kind = ev.fixKind[k];
    if (kind === undefined) failEvidence('fixKind', k);
    ev.fixReasons[k] = fence.kind === FENCE_NONE ? 0 : judgeFix(ev, k, fence, limits, kind);
  }
}

/** After `judgeFixes`: every fix's containment probability (`fixProbability`), into `ev.fixProbability`. */
export function fixProbabilities(ev: Evidence, fences: readonly CompiledFence[], policy: VerifyPolicy): void {
  for (let k = 0; k < 2 * ev.n; k++) {
    const fence = fenceOfVisit(ev, fences, k >> 1);
    ev.fixProbability[k] = fence.kind === FENCE_NONE ? EXACT[0] : fixProbability(ev, k, fence, policy);
  }
}

/** The compiled fence of visit `i` (its index in `ev.fence`), checked. */
export function fenceOfVisit(ev: Evidence, fences: readonly CompiledFence[], i: number): CompiledFence {
  const f = ev.fence[i];
  const fence = f === undefined ? undefined : fences[f];
  return fence === undefined ? failEvidence('fence', i) : fence;
}

/**
 * Judges visit `i` on its own (geometry, dwell, times, mock) from its judged fix slots (`judgeFixes`
 * first): fills its reason and flag bits, distances, dwell and confidence in `ev`. Day-level flags are
 * added later.
 */
export function judgeVisit(ev: Evidence, i: number, fence: CompiledFence, policy: VerifyPolicy): void {
  const ks = 2 * i;
  const kindStart = ev.fixKind[ks];
  const kindEnd = ev.fixKind[ks + 1];
  const atStart = ev.fixAt[ks];
  const atEnd = ev.fixAt[ks + 1];
  if (kindStart === undefined || kindEnd === undefined || atStart === undefined || atEnd === undefined)
    failEvidence('visit', i);
  if ((kindEnd & KIND_ABSENT) !== 0) {
    judgeIncomplete(ev, i, fence);
    return;
  }
  const mockStart = (kindStart & KIND_MOCK) !== 0;
  const mockEnd = (kindEnd & KIND_MOCK) !== 0;
  let reasons = 0;
  let flags = 0;
  if (mockStart || mockEnd) flags |= FLAG.MOCK_LOCATION;
  if (fence.kind === FENCE_NONE) {
    reasons |= REASON.NO_RETAILER_LOCATION;
    ev.distanceStart[i] = NaN;
    ev.distanceEnd[i] = NaN;
    ev.confidence[i] = 0;
  } else {
    const distanceStart = ev.fixDistance[ks];
    const distanceEnd = ev.fixDistance[ks + 1];
    const pStart = ev.fixProbability[ks];
    const pEnd = ev.fixProbability[ks + 1];
    const reasonsStart = ev.fixReasons[ks];
    const reasonsEnd = ev.fixReasons[ks + 1];
    if (
      distanceStart === undefined ||
      distanceEnd === undefined ||
      pStart === undefined ||
      pEnd === undefined ||
      reasonsStart === undefined ||
      reasonsEnd === undefined
    )
      failEvidence('visit', i);
    ev.distanceStart[i] = round1(distanceStart);
    ev.distanceEnd[i] = round1(distanceEnd);
    ev.confidence[i] = Math.round(pStart * pEnd * 10_000) / 10_000;
    const fixReasons = reasonsStart | reasonsEnd;
    reasons |= fixReasons === 0 ? judgePresence(ev, i, fence, policy.strictness) : fixReasons;
  }
  const dwellMs = atEnd - atStart;
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
  const distance = ev.fixDistance[ks];
  const p = ev.fixProbability[ks];
  const fixReasons = ev.fixReasons[ks];
  const kind = ev.fixKind[ks];
  if (distance === undefined || p === undefined || fixReasons === undefined || kind === undefined)
    failEvidence('fix slot', ks);
  let reasons = REASON.NO_END_FIX;
  if (fence.kind === FENCE_NONE) {
    reasons |= REASON.NO_RETAILER_LOCATION;
    ev.distanceStart[i] = NaN;
    ev.confidence[i] = 0;
  } else {
    ev.distanceStart[i] = round1(distance);
    ev.confidence[i] = Math.round(p * 10_000) / 10_000;
    reasons |= fixReasons;
  }
  ev.distanceEnd[i] = NaN;
  ev.dwellS[i] = NaN;
  ev.reasons[i] = reasons;
  ev.flags[i] = (kind & KIND_MOCK) !== 0 ? FLAG.MOCK_LOCATION : 0;
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
  const sigma1 = ev.fixSigma[ks];
  const sigma2 = ev.fixSigma[ks + 1];
  const s1 = ev.fixSigned[ks];
  const s2 = ev.fixSigned[ks + 1];
  const kind1 = ev.fixKind[ks];
  const kind2 = ev.fixKind[ks + 1];
  if (
    sigma1 === undefined ||
    sigma2 === undefined ||
    s1 === undefined ||
    s2 === undefined ||
    kind1 === undefined ||
    kind2 === undefined
  )
    return failEvidence('visit', i);
  const compatible = s1 <= COMPATIBLE_SIGMAS * sigma1 && s2 <= COMPATIBLE_SIGMAS * sigma2;
  if (compatible) {
    const z1 = -s1 / sigma1;
    const z2 = -s2 / sigma2;
    // One fix alone proves it (the other agrees): that fix's source is the precision.
    if (z1 >= strictness || z2 >= strictness) {
      ev.precision[i] = 1 + ((z1 > z2 || (z1 === z2 && sigma1 <= sigma2) ? kind1 : kind2) & 3);
      return 0;
    }
    // Both together: the coarser fix's source is the precision.
    if (combinedSigmasInside(ev, i, fence, strictness) >= strictness) {
      ev.precision[i] = 1 + ((sigma1 >= sigma2 ? kind1 : kind2) & 3);
      return 0;
    }
    // The best any pair of this precision could do: both at the fence's deepest point, inverse-variance weighted.
    const combinedSigma = (sigma1 * sigma2) / Math.sqrt(sigma1 * sigma1 + sigma2 * sigma2);
    if (fence.depthM < strictness * combinedSigma) return REASON.ACCURACY_TOO_COARSE;
  }
  return REASON.AMBIGUOUS_POSITION;
}
