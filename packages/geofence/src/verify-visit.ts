import { VisitSchema, type VisitInput } from '@beatplan/core';
import { assessBatch } from './internal/assess-batch.js';
import { IssueCollector } from './internal/issue-collector.js';
import { parseOne, parsePolicy } from './internal/parse-inputs.js';
import { buildRetailerIndex } from './internal/retailer-index.js';
import type { VisitVerdict } from './verification-result.js';
import type { VerifyPolicyInput } from './verify-policy.js';
import { VerifyRetailerSchema, type VerifyRetailerInput } from './verify-retailer.js';

/**
 * Verifies one visit: was the manager at the retailer, how long, how sure are we.
 *
 * **The rule.** Each fix's accuracy is normalised to a 95 % radius r (core's `normalizeAccuracy`:
 * a fix without `accuracyConfidence` is read as Android's 68 %, so r = 1.62 × accuracyM). The fix
 * and the fence are converted to WGS84 first (a GCJ-02 retailer and a WGS84 fix at the same place
 * are 0 m apart). The fence is the retailer's `geofence` polygon grown by `polygonMarginM` when it
 * has one, else a disc of the policy radius (class, then segment override, else `radiusM`) around
 * its location. With s the signed distance from the fix to the fence boundary (negative inside;
 * for a disc s = d − R, d the distance to the location) and τ = `accuracyOverlapTolerance`:
 *
 * - r > `maxAccuracyM` → ACCURACY_TOO_COARSE: the fix cannot decide (an 800 m cell fix), and its
 *   stated radius is itself unreliable, so the visit is neither verified nor rejected on it;
 * - s − r > 0 → OUT_OF_RANGE: even the whole 95 % circle misses the fence;
 * - s + (1 − τ)·r ≤ 0 → inside: the circle lies within the fence, up to τ of its radius;
 * - otherwise → AMBIGUOUS_POSITION: the circle straddles the boundary.
 *
 * A mock fix (unless `acceptMockLocations`) is MOCK_LOCATION. The dwell is end.at − start.at:
 * below `minDwellS` TOO_SHORT, above `maxDwellS` TOO_LONG; an end earlier than the start by more
 * than `clockSkewToleranceS` is END_BEFORE_START (within it: flag CLOCK_SKEW, and the dwell is too
 * short). No location and no geofence: NO_RETAILER_LOCATION. The status is `rejected` when a
 * reason rejects (OUT_OF_RANGE, TOO_SHORT, TOO_LONG), else `unverifiable` when there is any reason,
 * else `verified`. So a coarse, ambiguous or mocked fix can never yield `verified`.
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
 * @returns the verdict `{ visitId, status, reasons, distanceM: { start, end }, dwellS, confidence, flags }`.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `retailer…`, `visit…`, `policy…`); `UNKNOWN_REFERENCE` when `visit.retailerId` is not the retailer's id.
 * @example
 * const fix = (at: string) => ({ lng: 120.1659, lat: 30.2719, accuracyM: 10, source: 'gnss' as const, at });
 * const verdict = verifyVisit(
 *   { id: 'R1', location: { lng: 120.1659, lat: 30.2719 } },
 *   { id: 'V1', managerId: 'M1', retailerId: 'R1', start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00') },
 * );
 * verdict.status; // 'verified'
 * verdict.dwellS; // 720
 */
export function verifyVisit(
  retailer: VerifyRetailerInput,
  visit: VisitInput,
  policy: VerifyPolicyInput = {},
): VisitVerdict {
  const issues = new IssueCollector();
  const parsedRetailer = parseOne(VerifyRetailerSchema, retailer, ['retailer'], issues);
  const parsedVisit = parseOne(VisitSchema, visit, ['visit'], issues);
  const parsedPolicy = parsePolicy(policy, ['policy'], issues);
  if (parsedRetailer && parsedVisit && parsedVisit.retailerId !== parsedRetailer.id) {
    issues.add(
      [
        {
          path: ['visit', 'retailerId'],
          message: `the visit is for another retailer than the one given (${JSON.stringify(parsedRetailer.id)})`,
          value: parsedVisit.retailerId,
        },
      ],
      'reference',
    );
  }
  issues.throwIfAny();
  const index = buildRetailerIndex([parsedRetailer!], parsedPolicy!);
  return assessBatch(index, [parsedVisit!], Int32Array.of(0), []).verdicts[0]!;
}
