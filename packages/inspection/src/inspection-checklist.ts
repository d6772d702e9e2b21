import {
  BeatplanError,
  customReason,
  IdSchema,
  issueReason,
  parseOrThrow,
  type BeatplanIssue,
  type InspectionRecord,
  type ReasonedMessage,
} from '@beatplan/core';
import * as z from 'zod';

/**
 * The kinds of answer a checklist item takes, see {@link InspectionChecklistSchema}.
 *
 * @example
 * ANSWER_TYPES; // ['yes_no', 'scale', 'number', 'text', 'photo']
 */
export const ANSWER_TYPES = ['yes_no', 'scale', 'number', 'text', 'photo'] as const;

const ChecklistItemSchema = z
  .strictObject({
    id: IdSchema,
    label: z.string({ error: 'label must be a string' }).trim().min(1, { error: 'label must not be empty' }).max(200),
    type: z.enum(ANSWER_TYPES, { error: `type must be one of ${ANSWER_TYPES.join(', ')}` }),
    /** `scale`: the lowest mark (default 1); `number`: the smallest value accepted (default none). */
    min: z.number({ error: 'min must be a finite number' }).optional(),
    /** `scale`: the highest mark (default 5); `number`: the largest value accepted (default none). */
    max: z.number({ error: 'max must be a finite number' }).optional(),
    /** Must the inspector answer it? Default true. */
    required: z.boolean({ error: 'required must be true or false' }).default(true),
  })
  .refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, {
    error: 'min must not exceed max',
    path: ['max'],
  })
  .refine((i) => i.type !== 'scale' || [i.min, i.max].every((v) => v === undefined || Number.isInteger(v)), {
    error: 'a scale runs between whole numbers',
    path: ['min'],
  });

/** One item of a checklist, see {@link InspectionChecklistSchema}. */
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/**
 * A province's inspection checklist: the items its inspectors answer besides the four every record
 * carries (prices tagged, policy material displayed, satisfaction 1–5, the manager's visit confirmed).
 * Each item: `id` (the answer's `itemId`), `label` (what the form shows), `type` — `yes_no` (true or
 * false), `scale` (a whole mark from `min` to `max`, default 1–5), `number` (finite, within `min`/`max`
 * when given), `text` (≤ 2000 characters), `photo` (a reference to a photo the host stores: an id or
 * URL, ≤ 500 characters) — and `required` (default true). Item ids are unique and may not reuse the
 * four fields' names.
 *
 * @example
 * InspectionChecklistSchema.parse([{ id: 'stock', label: '库存充足', type: 'yes_no' }, { id: 'shelf', label: '陈列照片', type: 'photo', required: false }]);
 */
export const InspectionChecklistSchema = z
  .array(ChecklistItemSchema, { error: 'checklist must be an array of items' })
  .max(200, { error: 'checklist must have at most 200 items' })
  .superRefine((items, ctx) => {
    const seen = new Set<string>(SEED_ITEMS.map((i) => i.id));
    items.forEach((item, k) => {
      if (seen.has(item.id))
        ctx.addIssue({
          code: 'custom',
          path: [k, 'id'],
          ...customReason('inspection.item_id_twice'),
        });
      seen.add(item.id);
    });
  });

/** A checklist, see {@link InspectionChecklistSchema}. */
export type InspectionChecklist = z.output<typeof InspectionChecklistSchema>;
/** A checklist as accepted (`required` may be left out). */
export type InspectionChecklistInput = z.input<typeof InspectionChecklistSchema>;

/**
 * The four seed items, the default checklist: the fields every inspection record carries. A form shows
 * these first; a province's own items ({@link InspectionChecklistSchema}) follow.
 *
 * @example
 * SEED_ITEMS.map((i) => i.id); // ['pricesTagged', 'policyMaterialDisplayed', 'satisfaction', 'managerVisitConfirmed']
 */
export const SEED_ITEMS: readonly { id: string; label: string; type: 'yes_no' | 'scale' | 'choice' }[] = Object.freeze([
  { id: 'pricesTagged', label: 'prices tagged', type: 'yes_no' },
  { id: 'policyMaterialDisplayed', label: 'policy material displayed', type: 'yes_no' },
  { id: 'satisfaction', label: 'retailer satisfaction (1–5)', type: 'scale' },
  { id: 'managerVisitConfirmed', label: 'manager visit confirmed (yes, no, unsure)', type: 'choice' },
]);

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
  }
}

/**
 * Checks a record's `answers` against a checklist: every required item answered, every answer of an
 * item of the list, of the item's type and range, each item at most once.
 *
 * @param record - a parsed inspection record.
 * @param checklist - the checklist (validated here).
 * @returns nothing.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (paths `record.answers[k]…`, or
 *   `record.answers` naming a missing item; `checklist…` for a bad checklist).
 * @example
 * // not run: `record` stands for a parsed record with answers [{ itemId: 'stock', value: true }]
 * checkAnswers(record, [{ id: 'stock', label: '库存充足', type: 'yes_no' }]);
 */
export function checkAnswers(record: InspectionRecord, checklist: InspectionChecklistInput): void {
  const items = parseOrThrow(InspectionChecklistSchema, checklist, ['checklist']);
  const byId = new Map(items.map((i) => [i.id, i]));
  const issues: BeatplanIssue[] = [];
  const answered = new Set<string>();
  (record.answers ?? []).forEach((a, k) => {
    const item = byId.get(a.itemId);
    if (!item)
      issues.push({
        path: ['record', 'answers', k, 'itemId'],
        ...issueReason('inspection.no_item'),
        value: a.itemId,
      });
    else if (answered.has(a.itemId))
      issues.push({
        path: ['record', 'answers', k, 'itemId'],
        value: a.itemId,
        ...issueReason('inspection.item_answered_twice'),
      });
    else {
      const problem = answerProblem(item, a.value);
      if (problem) issues.push({ path: ['record', 'answers', k, 'value'], value: a.value, ...problem });
    }
    answered.add(a.itemId);
  });
  for (const item of items)
    if (item.required && !answered.has(item.id))
      issues.push({
        path: ['record', 'answers'],
        ...issueReason('inspection.item_not_answered', { item: item.id, label: item.label }),
      });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
}
