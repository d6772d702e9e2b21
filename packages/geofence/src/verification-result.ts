import type { BeatplanIssue, FixSource } from '@beatplan/core';
import type { FlagCode, ReasonCode, VisitStatus } from './verify-codes.js';

/**
 * The verdict on one visit.
 *
 * - `status`: `verified` (both fixes inside the fence, dwell within the policy, times consistent),
 *   `rejected` (a rejecting reason: a fix clearly outside, too short, too long), `unverifiable`
 *   (the evidence cannot decide: no location, coarse, mocked or ambiguous fix, end before start) or
 *   `incomplete` (no end fix: judged on the start fix alone, reason `NO_END_FIX`; a start fix 5 σ
 *   outside the fence still makes it `rejected`).
 * - `reasons`: why it is not verified, in the order of `REASON_CODES`; empty when verified.
 * - `distanceM`: great-circle metres from each fix to the retailer's location (both in WGS84), or to
 *   its geofence polygon (0 inside) when it has no location; `null` when it has neither, and `end`
 *   null when there is no end fix. 0.1 m.
 * - `dwellS`: `(end.at − start.at) / 1000`, seconds, negative when the end precedes the start; `null`
 *   when there is no end fix.
 * - `confidence`: the probability (0..1, 4 decimals) that both true positions lay inside the fence
 *   (without an end fix: that the start's did), under the circular normal error model; 0 when there is
 *   no fence or a mock fix is not accepted.
 * - `flags`: review signals in the order of `FLAG_CODES`.
 * - `precision`: for a verified visit, the fix source whose precision proved it — the source of the
 *   fix that proved it alone (the other only had to agree), or of the coarser fix when it took both;
 *   `null` when the visit is not verified.
 *
 * `reasons` and `flags` are frozen arrays shared between verdicts with the same codes (a batch of
 * 10⁶ visits then allocates no code arrays); copy them before changing them.
 */
export interface VisitVerdict {
  visitId: string;
  status: VisitStatus;
  reasons: readonly ReasonCode[];
  distanceM: { start: number | null; end: number | null };
  dwellS: number | null;
  confidence: number;
  flags: readonly FlagCode[];
  precision: FixSource | null;
}

/** Visit counts by status (`flagged`: visits with at least one flag). */
export interface VisitCounts {
  total: number;
  verified: number;
  rejected: number;
  unverifiable: number;
  /** Visits without an end fix (status `incomplete`). */
  incomplete: number;
  flagged: number;
}

/**
 * One manager's day. A visit belongs to the local date (policy `utcOffsetMinutes`) of its start fix.
 *
 * - `plannedRetailers`, `visitedRetailers`, `verifiedRetailers`: distinct retailers planned, visited
 *   (any verdict), verified (at least one verified visit). `plannedRetailers` and the `planned*`/list
 *   fields are `null` when no plan was given for this manager and date. An incomplete visit counts as
 *   visited, not verified.
 * - `notVisitedRetailerIds`: planned but not visited; `unplannedRetailerIds`: visited but not planned
 *   (both sorted).
 * - `timeOnSiteS`: total dwell of the verified visits; `reportedTimeOnSiteS`: total dwell of all
 *   visits, negative dwells and visits without an end fix counted as 0.
 * - `distanceBetweenVisitsM`: the sum of great-circle metres from each visit's end fix (its start fix
 *   when it has no end fix) to the next visit's start fix, visits in start-time order (a straight-line
 *   lower bound of the travel).
 */
export interface DaySummary {
  managerId: string;
  date: string;
  visits: VisitCounts;
  plannedRetailers: number | null;
  visitedRetailers: number;
  verifiedRetailers: number;
  plannedVisited: number | null;
  plannedVerified: number | null;
  notVisitedRetailerIds: string[] | null;
  unplannedRetailerIds: string[] | null;
  timeOnSiteS: number;
  reportedTimeOnSiteS: number;
  distanceBetweenVisitsM: number;
}

/** The summary of a batch: one entry per manager and date (sorted by manager id, then date), and totals. */
export interface VerificationSummary {
  days: DaySummary[];
  totals: VisitCounts & { managers: number; days: number };
}

/**
 * The result of `verifyDay`/`verifyParsed`. `verdicts[i]` is the verdict on `visits[i]`; every verdict
 * and the summary depend only on the set of visits, not on their order.
 */
export interface VerificationResult {
  verdicts: VisitVerdict[];
  summary: VerificationSummary;
}

/**
 * A record that `verifyDay` in lenient mode could not judge: `path` is where it was in the input
 * (`['visits', 7]`, `['retailers', 2]`), `id` its id as sent (null when it had none), `issues` every
 * problem found with it (paths from the input's root, as in strict mode's error).
 */
export interface RejectedRecord {
  path: (string | number)[];
  id: string | null;
  issues: BeatplanIssue[];
}

/**
 * The result of `verifyDay(…, { lenient: true })`: the verdicts on the visits that could be judged,
 * in input order (each names its visit in `visitId`), their summary, and the records that could not be
 * judged, in input order (retailers first, then visits). Every input record is in one or the other.
 */
export interface LenientVerificationResult extends VerificationResult {
  rejected: RejectedRecord[];
}
