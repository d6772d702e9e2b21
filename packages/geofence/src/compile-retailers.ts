import type { CompiledFence } from './internal/fence.js';
import { IssueCollector } from './internal/issue-collector.js';
import { allItems, parsePolicy, parseRetailers } from './internal/parse-inputs.js';
import { buildRetailerIndex, type RetailerIndex } from './internal/retailer-index.js';
import type { VerifyPolicyInput } from './verify-policy.js';
import type { VerifyRetailerInput } from './verify-retailer.js';

/** A retailer's precomputed fence, in WGS84 (see `compileRetailers`). */
export type RetailerFence = CompiledFence;
export type { RetailerIndex };

/**
 * Validates retailers and a policy ONCE and precomputes their fences: the first half of the
 * pre-validated fast path (`compileRetailers` once, then {@link verifyParsed} per batch of parsed
 * visits). Use it when the same retailers verify many batches (a day's uploads, a month's backlog).
 *
 * @param retailers - retailers as {@link VerifyRetailerSchema} accepts them (a core `Retailer` is one); ids unique.
 * @param policy - the policy; absent fields take their defaults (see {@link VerifyPolicySchema}). Default `{}`.
 * @returns the index (retailers, WGS84 fences, policy).
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `retailers[i]...`, `policy...`), including duplicate ids.
 * @example
 * const index = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }], { radiusM: 80 });
 * index.fences[0].radiusM; // 80
 */
export function compileRetailers(
  retailers: readonly VerifyRetailerInput[],
  policy: VerifyPolicyInput = {},
): RetailerIndex {
  const issues = new IssueCollector();
  const parsedRetailers = parseRetailers(retailers, ['retailers'], issues);
  const parsedPolicy = parsePolicy(policy, ['policy'], issues);
  return buildRetailerIndex(allItems(parsedRetailers), issues.checked(parsedPolicy));
}
