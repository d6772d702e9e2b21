import { BeatplanError, type BeatplanIssue } from './beatplan-error.js';
import { issueReason, type ReasonedMessage } from './issue-reason.js';
import { parseOrThrow } from './parse-or-throw.js';
import {
  InspectionChecklistSchema,
  isSeedItemId,
  SEED_ITEMS,
  type ChecklistItem,
  type InspectionChecklistInput,
  type InspectionChecklist,
} from './schemas/inspection-checklist.js';
import type { InspectionRecord } from './schemas/inspection-record.js';

function answerProblem(item: ChecklistItem, value: unknown): ReasonedMessage | undefined {
  const p = { item: item.id };
  switch (item.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : issueReason('inspection.answer_yes_no', p);
    case 'scale': {
      const [lo, hi] = [item.min ?? 1, item.max ?? 5];
      return Number.isInteger(value) && (value as number) >= lo && (value as number) <= hi
        ? undefined
        : issueReason('inspection.answer_scale', { ...p, lo, hi });
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return issueReason('inspection.answer_finite', p);
      if (item.min !== undefined && value < item.min)
        return issueReason('inspection.answer_min', { ...p, min: item.min });
      if (item.max !== undefined && value > item.max)
        return issueReason('inspection.answer_max', { ...p, max: item.max });
      return undefined;
    }
    case 'text':
      return typeof value === 'string' && value.length <= 2000 ? undefined : issueReason('inspection.answer_text', p);
    case 'photo':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 500
        ? undefined
        : issueReason('inspection.answer_photo', p);
    default:
      return undefined;
  }
}

const labelOf = (item: ChecklistItem) => item.label ?? SEED_ITEMS.find((s) => s.id === item.id)?.label ?? item.id;

/**
 * The problems of one parsed record under a parsed checklist (the one rule every reader of records
 * applies): each seed item the checklist asks is in the record's own field, and no seed field the
 * checklist does not ask; every answer is of an own item of the checklist, of its type and range, at
 * most once; every required own item answered. Paths start with `at` (e.g. `['records', 3]`); each
 * reason names the record by its id.
 *
 * @param record - a parsed inspection record.
 * @param checklist - a parsed checklist (`InspectionChecklistSchema`).
 * @param at - the path of the record in its input.
 * @returns the issues, in field order (seed items first, then answers, then missing own items); [] when it fits.
 * @throws never.
 * @example
 * // not run: `record` stands for a parsed record that has `satisfaction: 4`
 * checklistIssues(record, InspectionChecklistSchema.parse([{ id: 'pricesTagged' }]), ['records', 0]);
 * // [{ path: ['records', 0, 'satisfaction'], message: 'record I1 answers satisfaction, which the checklist in force does not ask', … }, …]
 */
export function checklistIssues(
  record: InspectionRecord,
  checklist: InspectionChecklist,
  at: readonly (string | number)[],
): BeatplanIssue[] {
  const issues: BeatplanIssue[] = [];
  const byId = new Map(checklist.map((i) => [i.id, i]));
  const ids = { record: record.id };
  for (const seed of SEED_ITEMS) {
    const value = record[seed.id];
    const asked = byId.get(seed.id);
    if (asked && value === undefined)
      issues.push({
        path: [...at, seed.id],
        ...issueReason('inspection.item_not_answered', { ...ids, item: seed.id, label: labelOf(asked) }),
      });
    else if (!asked && value !== undefined)
      issues.push({
        path: [...at, seed.id],
        value,
        ...issueReason('inspection.seed_not_asked', { ...ids, item: seed.id }),
      });
  }
  const answered = new Set<string>();
  (record.answers ?? []).forEach((a, k) => {
    const path = [...at, 'answers', k, 'itemId'];
    const item = byId.get(a.itemId);
    if (isSeedItemId(a.itemId))
      issues.push({ path, value: a.itemId, ...issueReason('inspection.seed_in_answers', { item: a.itemId }) });
    else if (!item) issues.push({ path, value: a.itemId, ...issueReason('inspection.no_item', ids) });
    else if (answered.has(a.itemId))
      issues.push({ path, value: a.itemId, ...issueReason('inspection.item_answered_twice') });
    else {
      const problem = answerProblem(item, a.value);
      if (problem) issues.push({ path: [...at, 'answers', k, 'value'], value: a.value, ...problem });
    }
    answered.add(a.itemId);
  });
  for (const item of checklist)
    if (!isSeedItemId(item.id) && item.required && !answered.has(item.id))
      issues.push({
        path: [...at, 'answers'],
        ...issueReason('inspection.item_not_answered', { ...ids, item: item.id, label: labelOf(item) }),
      });
  return issues;
}

/**
 * Checks one record against a checklist (see {@link checklistIssues} for the rule) and throws when it
 * does not fit.
 *
 * @param record - a parsed inspection record.
 * @param checklist - the checklist (validated here; `DEFAULT_CHECKLIST` is the four seed items).
 * @returns nothing.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `record.<seed field>`,
 *   `record.answers[k]…`, or `record.answers` naming a missing item; `checklist…` for a bad checklist).
 * @example
 * // not run: `record` stands for a parsed record with answers [{ itemId: 'stock', value: true }] and no seed fields
 * checkAnswers(record, [{ id: 'stock', label: '库存充足', type: 'yes_no' }]);
 */
export function checkAnswers(record: InspectionRecord, checklist: InspectionChecklistInput): void {
  const items = parseOrThrow(InspectionChecklistSchema, checklist, ['checklist']);
  const issues = checklistIssues(record, items, ['record']);
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
}
