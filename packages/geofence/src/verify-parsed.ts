import type { Visit } from '@beatplan/core';
import { assessBatch } from './internal/assess-batch.js';
import { checkReferences, resolvePlans } from './internal/check-references.js';
import { IssueCollector } from './internal/issue-collector.js';
import type { RetailerIndex } from './internal/retailer-index.js';
import type { PlannedDay } from './planned-day.js';
import type { VerificationResult } from './verification-result.js';

/** Options of {@link verifyParsed} and `verifyDay`. */
export interface VerifyOptions {
  /** Planned retailers per manager and date, for the planned-vs-visited-vs-verified figures. Default none. */
  planned?: readonly PlannedDay[];
}

/**
 * The pre-validated fast path: verifies visits that are already parsed (`VisitSchema` output, times
 * in epoch ms) against a {@link compileRetailers} index. Nothing is re-validated: pass data that
 * crossed the schemas (e.g. read back from your own store), with unique visit ids. Only the retailer
 * ids are checked (a visit must find its fence). Same verdicts and summary as `verifyDay`.
 *
 * Unvalidated garbage cannot produce a silent `verified`: NaN distances or times land in
 * `AMBIGUOUS_POSITION` / `TOO_SHORT`. For batches of 10⁵ visits and more, `verifyColumns` (typed
 * columns in and out) is about twice as fast: reading parsed objects and allocating verdict objects
 * that outlive the call is most of this function's time.
 *
 * @param index - from {@link compileRetailers} (carries the policy).
 * @param visits - parsed visits.
 * @param options - `planned`: parsed `PlannedDay`s. Default `{}`.
 * @returns `{ verdicts, summary }`; `verdicts[i]` is for `visits[i]`.
 * @throws {BeatplanError} `UNKNOWN_REFERENCE` for a visit or plan naming a retailer not in the index.
 * @example
 * const index = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }]);
 * const visit = parseOrThrow(VisitSchema, {
 *   id: 'V1', managerId: 'M1', retailerId: 'R1',
 *   start: { lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss', at: '2026-11-30T09:00:00+08:00' },
 *   end: { lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss', at: '2026-11-30T09:12:00+08:00' },
 * });
 * verifyParsed(index, [visit]).verdicts[0].status; // 'verified'
 */
export function verifyParsed(
  index: RetailerIndex,
  visits: readonly Visit[],
  options: VerifyOptions = {},
): VerificationResult {
  const planned = options.planned ?? [];
  const issues = new IssueCollector();
  const fenceOf = checkReferences(
    index.byId,
    visits.map((v) => v.retailerId),
    issues,
  );
  const plans = resolvePlans(index.byId, planned, issues);
  issues.throwIfAny();
  return assessBatch(index, visits, fenceOf, plans);
}
