import type { VisitInput } from '@beatplan/core';
import { judgeBatch, verdictObjects } from './internal/assess-batch.js';
import { checkReferences, checkUniqueVisitIds, resolvePlans } from './internal/check-references.js';
import { IssueCollector } from './internal/issue-collector.js';
import { createEvidence } from './internal/evidence.js';
import { VisitFiller } from './internal/fill-evidence.js';
import { allItems, parsePlanned, parsePolicy, parseRetailers, parseVisitsEach } from './internal/parse-inputs.js';
import { buildRetailerIndex } from './internal/retailer-index.js';
import { beginScratch } from './internal/scratch.js';
import type { PlannedDay } from './planned-day.js';
import { verifyDayLenient } from './internal/verify-lenient.js';
import type { LenientVerificationResult, VerificationResult } from './verification-result.js';
import type { VerifyPolicyInput } from './verify-policy.js';
import type { VerifyRetailerInput } from './verify-retailer.js';

/** Options of {@link verifyDay}: `planned` as accepted by `PlannedDaySchema`. */
export interface VerifyDayOptions {
  /** Planned retailers per manager and date. Default none. */
  planned?: readonly unknown[] | readonly PlannedDay[];
  /**
   * Default false (strict: any bad record throws, nothing is judged). True: bad retailers and visits
   * are listed in the result's `rejected` with their issues and every other visit is judged (see
   * `LenientVerificationResult`); a bad policy or plan still throws.
   */
  lenient?: boolean;
}

/**
 * Verifies a batch of visits — one manager's day, or many managers and days — and summarises each
 * manager's day. Every input crosses its schema first; every problem of the whole input is listed
 * in ONE error and nothing half-done is returned.
 *
 * Each visit is judged on its own (see `verifyVisit` for the rule), then the batch adds the flags
 * that need other visits: IMPOSSIBLE_SPEED, OVERLAPPING_VISITS and CONSTANT_ACCURACY within a
 * manager's day (the local date of the start fix, policy `utcOffsetMinutes`), REPEATED_COORDINATES
 * across the batch. Every verdict and the summary depend only on the set of visits, not their order.
 *
 * @param retailers - every retailer the visits (and plans) refer to; see `VerifyRetailerSchema`.
 * @param visits - visits as `VisitSchema` accepts them (times ISO 8601 with offset or epoch ms); ids unique.
 * @param policy - the policy; absent fields take their defaults. Default `{}`.
 * @param options - `planned`: `PlannedDay`s for the planned-vs-visited figures; `lenient`: judge the good
 *   records and list the bad ones instead of throwing. Default `{}`.
 * @returns `{ verdicts, summary }`; `verdicts[i]` is for `visits[i]`; `summary.days` sorted by manager, date.
 *   Lenient: `{ verdicts, summary, rejected }`, verdicts for the judged visits in input order.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `retailers[i]…`, `visits[i]…`, `policy…`, `planned[i]…`; also duplicate ids); `UNKNOWN_REFERENCE` when the only problems are retailer ids that match no retailer.
 * @example
 * const retailers = [{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }];
 * const fix = (at: string) => ({ lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss' as const, at });
 * const { verdicts, summary } = verifyDay(retailers, [
 *   { id: 'V1', managerId: 'M1', retailerId: 'R1', start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00') },
 * ], {}, { planned: [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R1'] }] });
 * verdicts[0].status;                    // 'verified'
 * summary.days[0].plannedVerified;       // 1
 * const bad = { id: 'V2', managerId: 'M1', retailerId: 'R9', start: fix('2026-11-30T10:00:00+08:00') };
 * const lenient = verifyDay(retailers, [bad], {}, { lenient: true });
 * lenient.rejected[0].path;             // ['visits', 0] (no end fix); lenient.verdicts: []
 */
export function verifyDay(
  retailers: readonly VerifyRetailerInput[],
  visits: readonly VisitInput[],
  policy: VerifyPolicyInput | undefined,
  options: VerifyDayOptions & { lenient: true },
): LenientVerificationResult;
/**
 * Strict mode of {@link verifyDay} (the default; see the first signature's documentation).
 * @throws {BeatplanError} `INVALID_INPUT` / `UNKNOWN_REFERENCE` listing every problem.
 * @example
 * verifyDay([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }], []).verdicts; // []
 */
export function verifyDay(
  retailers: readonly VerifyRetailerInput[],
  visits: readonly VisitInput[],
  policy?: VerifyPolicyInput,
  options?: VerifyDayOptions,
): VerificationResult;
/**
 * The implementation of {@link verifyDay}'s two signatures (see the first one's documentation).
 * @throws {BeatplanError} as documented there.
 * @example
 * verifyDay([], [], {}, { lenient: true }).rejected; // []
 */
export function verifyDay(
  retailers: readonly VerifyRetailerInput[],
  visits: readonly VisitInput[],
  policy: VerifyPolicyInput = {},
  options: VerifyDayOptions = {},
): VerificationResult | LenientVerificationResult {
  if (options.lenient === true) return verifyDayLenient(retailers, visits, policy, options.planned);
  const issues = new IssueCollector();
  const parsedRetailers = parseRetailers(retailers, ['retailers'], issues);
  // Each visit is copied into the batch's evidence as soon as it parsed and then let go (see
  // VisitFiller); the ids kept aside are checked below.
  beginScratch();
  const ev = createEvidence(Array.isArray(visits) ? visits.length : 0);
  const filler = new VisitFiller(ev);
  parseVisitsEach(visits, ['visits'], issues, (i, visit) => filler.place(i, visit));
  const parsedPolicy = parsePolicy(policy, ['policy'], issues);
  const planned = parsePlanned(options.planned, ['planned'], issues);
  checkUniqueVisitIds(filler.ids, issues);
  // References are checked only against a complete retailer list (else every id of a bad retailer
  // would be reported twice), for every visit and plan that parsed.
  const index =
    parsedRetailers.ok && parsedPolicy ? buildRetailerIndex(allItems(parsedRetailers), parsedPolicy) : undefined;
  if (index) ev.fence.set(checkReferences(index.byId, filler.retailerIds, issues));
  const plans = index ? resolvePlans(index.byId, planned.items, issues) : [];
  const keys = filler.keys();
  const summary = judgeBatch(issues.checked(index), ev, keys, plans);
  return { verdicts: verdictObjects(ev, keys.ids), summary };
}
