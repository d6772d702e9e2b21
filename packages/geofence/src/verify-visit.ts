import { issueReason, type VisitInput } from '@beatplan/core';
import { assessBatch } from './internal/assess-batch.js';
import { failEvidence } from './internal/evidence-bug.js';
import { IssueCollector } from './internal/issue-collector.js';
import { parseOne, parsePolicy, parseVisit } from './internal/parse-inputs.js';
import { buildRetailerIndex } from './internal/retailer-index.js';
import type { VisitVerdict } from './verification-result.js';
import type { VerifyPolicyInput } from './verify-policy.js';
import { VerifyRetailerSchema, type VerifyRetailerInput } from './verify-retailer.js';

/**
 * Verifies one visit: was the manager at the retailer, how long, how sure are we.
 *
 * **The rule** (the README has it in full). Each fix's accuracy is normalised to a 95 % radius r
 * (core's `normalizeAccuracy`: no `accuracyConfidence` is read as Android's 68 %), multiplied by its
 * source's `accuracyFactor` (policy `sources`), and read as σ = r / 2.448 per axis. Fixes and fence are
 * compared in WGS84. The fence is the retailer's `geofence` polygon grown by `polygonMarginM`, else a
 * disc of the policy radius (class, then segment override, else `radiusM`); s is the signed distance
 * to its boundary (negative inside), k the policy's `strictness` (default 2).
 *
 * - a mock fix (unless `acceptMockLocations`) → MOCK_LOCATION; r beyond its source's `maxAccuracyM`
 *   → ACCURACY_TOO_COARSE; a fix with s > 5σ → OUT_OF_RANGE (rejected);
 * - otherwise, when both fixes agree with an inside position (s ≤ 3σ each) and one fix alone is
 *   k σ inside (−s/σ ≥ k), or a weighted mean p = w·start + (1 − w)·end (w = 0.05 … 0.95) is
 *   (−s(p) ≥ k·√(w²σ₁² + (1 − w)²σ₂²)), the visit is verified, with `precision` the source of the
 *   fix that proved it alone or of the coarser of the two;
 * - else ACCURACY_TOO_COARSE when fixes this coarse could not prove it anywhere in the fence, else
 *   AMBIGUOUS_POSITION.
 *
 * The dwell is end.at − start.at: below `minDwellS` TOO_SHORT, above `maxDwellS` TOO_LONG; an end
 * earlier than the start by more than `clockSkewToleranceS` is END_BEFORE_START (within it: flag
 * CLOCK_SKEW, and the dwell is too short). No location and no geofence: NO_RETAILER_LOCATION. The
 * status is `rejected` when a reason rejects (OUT_OF_RANGE, TOO_SHORT, TOO_LONG), else `unverifiable`
 * when there is any reason, else `verified`. A visit with a start fix and no end fix is `incomplete`
 * (NO_END_FIX, with the start fix's own reasons, distance and probability; no dwell), or `rejected`
 * when its start fix is OUT_OF_RANGE; one without a start fix is an input error. A coarse or mocked fix never yields `verified`; a more
 * accurate fix at the same place inside the fence never gives a worse verdict.
 *
 * **Confidence** is P(start inside) × P(end inside) under a circular normal error with
 * σ = r / 2.448: for a disc the exact Rice probability, for a polygon Φ(−s/σ). It never rises
 * when a fix moves away from the fence.
 *
 * Batch-only flags (impossible speed, overlaps, repeated coordinates, constant accuracy) need
 * `verifyDay`; here the verdict equals that of a batch of this one visit.
 *
 * @param retailer - the retailer (see `VerifyRetailerSchema`; a core `Retailer` is accepted).
 * @param visit - the visit as `VisitSchema` accepts it; its `retailerId` must be the retailer's id.
 * @param policy - the policy; absent fields take their defaults. Default `{}`.
 * @returns the verdict `{ visitId, status, reasons, distanceM: { start, end }, dwellS, confidence, flags, precision }`.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `retailer…`, `visit…`, `policy…`); `UNKNOWN_REFERENCE` when `visit.retailerId` is not the retailer's id.
 * @example
 * const fix = (at: string) => ({ lng: 120.1659, lat: 30.2719, accuracyM: 10, source: 'gnss' as const, at });
 * const verdict = verifyVisit(
 *   { id: 'R1', location: { lng: 120.1659, lat: 30.2719 } },
 *   { id: 'V1', managerId: 'M1', retailerId: 'R1', start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00') },
 * );
 * verdict.status; // 'verified'
 * verdict.dwellS; // 720
 * verdict.precision; // 'gnss'
 */
export function verifyVisit(
  retailer: VerifyRetailerInput,
  visit: VisitInput,
  policy: VerifyPolicyInput = {},
): VisitVerdict {
  const issues = new IssueCollector();
  const parsedRetailer = parseOne(VerifyRetailerSchema, retailer, ['retailer'], issues);
  const parsedVisit = parseVisit(visit, ['visit'], issues);
  const parsedPolicy = parsePolicy(policy, ['policy'], issues);
  if (parsedRetailer && parsedVisit && parsedVisit.retailerId !== parsedRetailer.id) {
    issues.add(
      [
        {
          path: ['visit', 'retailerId'],
          ...issueReason('geofence.other_retailer', { id: JSON.stringify(parsedRetailer.id) }),
          value: parsedVisit.retailerId,
        },
      ],
      'reference',
    );
  }
  const index = buildRetailerIndex([issues.checked(parsedRetailer)], issues.checked(parsedPolicy));
  const [verdict] = assessBatch(index, [issues.checked(parsedVisit)], Int32Array.of(0), []).verdicts;
  return verdict ?? failEvidence('verdicts', 0);
}
