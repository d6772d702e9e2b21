import {
  BeatplanError,
  IdSchema,
  issueReason,
  parseOrThrow,
  TimestampSchema,
  type BeatplanIssue,
} from '@beatplan/core';
import * as z from 'zod';
import { applyAdjustments, InspectionPlanSchema, type InspectionPlan } from './inspection-plan.js';

const AdjustmentInputSchema = z.strictObject({
  add: z.array(IdSchema, { error: 'add must be an array of retailer ids' }).default([]),
  remove: z.array(IdSchema, { error: 'remove must be an array of retailer ids' }).default([]),
  by: z
    .string({ error: 'by must say who made the change' })
    .trim()
    .min(1, { error: 'by must say who made the change' })
    .max(2000),
  reason: z.string({ error: 'reason must say why' }).trim().min(1, { error: 'reason must say why' }).max(2000),
  at: TimestampSchema,
});

/** A manual change, as accepted by {@link adjustSample}. */
export type AdjustSampleInput = z.input<typeof AdjustmentInputSchema>;

/**
 * Adds and/or removes retailers by hand. The drawn part of the plan is untouched; the change is
 * appended to `adjustments` (who, why, when, what) and `retailerIds` is recomputed, so
 * `redrawSample` still verifies the draw and the audit trail shows every change.
 *
 * @param plan - the plan to change (validated; not modified).
 * @param change - `add` (ids not in the sample), `remove` (ids in the sample), `by` (who), `reason`
 *   (why), `at` (when: epoch ms or ISO 8601 with offset). At least one id.
 * @returns a new plan.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (an id added twice or already in the
 *   sample, removing an id not in it, nothing to change, missing `by`/`reason`/`at`).
 * @example
 * // not run: `plan` stands for a drawn inspection plan
 * const adjusted = adjustSample(plan, { remove: ['R17'], add: ['R40'], by: 'team lead Zhao', reason: 'R17 closed for renovation', at: '2025-03-04T08:00:00+08:00' });
 * adjusted.adjustments.length; // 1
 */
export function adjustSample(plan: InspectionPlan, change: AdjustSampleInput): InspectionPlan {
  const p = parseOrThrow(InspectionPlanSchema, plan, ['plan']);
  const c = parseOrThrow(AdjustmentInputSchema, change, ['change']);
  const issues: BeatplanIssue[] = [];
  const current = new Set(p.retailerIds);
  const seen = new Set<string>();
  c.add.forEach((id, i) => {
    if (current.has(id))
      issues.push({ path: ['change', 'add', i], value: id, ...issueReason('inspection.already_in_sample') });
    else if (seen.has(id))
      issues.push({ path: ['change', 'add', i], value: id, ...issueReason('inspection.added_twice') });
    seen.add(id);
  });
  const removing = new Set<string>();
  c.remove.forEach((id, i) => {
    if (!current.has(id))
      issues.push({ path: ['change', 'remove', i], value: id, ...issueReason('inspection.not_in_sample') });
    else if (removing.has(id))
      issues.push({ path: ['change', 'remove', i], value: id, ...issueReason('inspection.removed_twice') });
    removing.add(id);
  });
  if (c.add.length + c.remove.length === 0)
    issues.push({ path: ['change'], ...issueReason('inspection.adjust_empty') });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  const adjustments = [...p.adjustments, { at: c.at, by: c.by, reason: c.reason, add: c.add, remove: c.remove }];
  return {
    ...p,
    adjustments,
    retailerIds: applyAdjustments(
      p.drawn.map((d) => d.retailerId),
      adjustments,
    ),
  };
}
