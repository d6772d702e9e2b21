import * as z from 'zod';
import { IdSchema } from './id.js';
import { customReason } from '../issue-reason.js';

/**
 * The kinds of answer a province's own checklist item takes, see {@link InspectionChecklistSchema}.
 *
 * @example
 * ANSWER_TYPES; // ['yes_no', 'scale', 'number', 'text', 'photo']
 */
export const ANSWER_TYPES = ['yes_no', 'scale', 'number', 'text', 'photo'] as const;

/** The id of a seed item: the name of the record field that holds its answer. */
export type SeedItemId = 'pricesTagged' | 'policyMaterialDisplayed' | 'satisfaction' | 'managerVisitConfirmed';

/** A seed item: its id (the record's field), its default label and its fixed answer type. */
export interface SeedItem {
  id: SeedItemId;
  label: string;
  type: 'yes_no' | 'scale' | 'choice';
}

/**
 * The four seed items, in form order. Each is answered in the inspection record's field of the same
 * name (`pricesTagged` and `policyMaterialDisplayed` true/false, `satisfaction` a whole mark 1–5,
 * `managerVisitConfirmed` `yes`/`no`/`unsure`), not in `answers`. Together they are the default
 * checklist ({@link DEFAULT_CHECKLIST}); a province's checklist names those it asks.
 *
 * @example
 * SEED_ITEMS.map((i) => i.id); // ['pricesTagged', 'policyMaterialDisplayed', 'satisfaction', 'managerVisitConfirmed']
 */
export const SEED_ITEMS: readonly SeedItem[] = Object.freeze([
  { id: 'pricesTagged', label: 'prices tagged', type: 'yes_no' },
  { id: 'policyMaterialDisplayed', label: 'policy material displayed', type: 'yes_no' },
  { id: 'satisfaction', label: 'retailer satisfaction (1–5)', type: 'scale' },
  { id: 'managerVisitConfirmed', label: 'manager visit confirmed (yes, no, unsure)', type: 'choice' },
] satisfies SeedItem[]);

/**
 * Is `id` one of the four seed items' ids?
 *
 * @param id - an item id.
 * @returns true for `pricesTagged`, `policyMaterialDisplayed`, `satisfaction`, `managerVisitConfirmed`.
 * @throws never.
 *
 * @example
 * isSeedItemId('satisfaction'); // true
 * isSeedItemId('stock');        // false
 */
export function isSeedItemId(id: string): id is SeedItemId {
  return SEED_ITEMS.some((s) => s.id === id);
}

const ChecklistItemSchema = z
  .strictObject({
    id: IdSchema,
    /** What the form shows; a seed item may leave it out (its label in `SEED_ITEMS`). */
    label: z.string({ error: 'label must be a string' }).trim().min(1, { error: 'label must not be empty' }).max(200),
    /** The answer type; a seed item's is fixed and may not be given. */
    type: z.enum(ANSWER_TYPES, { error: `type must be one of ${ANSWER_TYPES.join(', ')}` }),
    /** `scale`: the lowest mark (default 1); `number`: the smallest value accepted (default none). */
    min: z.number({ error: 'min must be a finite number' }),
    /** `scale`: the highest mark (default 5); `number`: the largest value accepted (default none). */
    max: z.number({ error: 'max must be a finite number' }),
    /** Must the inspector answer it? Default true; a seed item is always required. */
    required: z.boolean({ error: 'required must be true or false' }).default(true),
  })
  .partial({ label: true, type: true, min: true, max: true })
  .superRefine((i, ctx) => {
    if (isSeedItemId(i.id)) {
      for (const field of ['type', 'min', 'max'] as const)
        if (i[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], input: i[field], ...customReason('core.seed_item_fixed') });
      if (!i.required)
        ctx.addIssue({ code: 'custom', path: ['required'], input: false, ...customReason('core.seed_item_required') });
      return;
    }
    if (i.label === undefined) ctx.addIssue({ code: 'custom', path: ['label'], ...customReason('core.item_label') });
    if (i.type === undefined)
      ctx.addIssue({ code: 'custom', path: ['type'], ...customReason('core.item_type', { types: ANSWER_TYPES }) });
    if (i.min !== undefined && i.max !== undefined && i.min > i.max)
      ctx.addIssue({ code: 'custom', path: ['max'], input: i.max, ...customReason('core.item_min_above_max') });
    if (i.type === 'scale' && ![i.min, i.max].every((v) => v === undefined || Number.isInteger(v)))
      ctx.addIssue({ code: 'custom', path: ['min'], ...customReason('core.item_scale_whole') });
  });

/** One item of a checklist, see {@link InspectionChecklistSchema}. */
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/**
 * A province's inspection checklist: every item its inspectors answer, in form order. An item is
 * either a **seed item**, named by its id alone (`{ id: 'satisfaction' }`, optionally with its own
 * `label`; see {@link SEED_ITEMS}: answered in the record's field of that name, type fixed, always
 * required), or the province's **own item**: `id` (the answer's `itemId`), `label` (what the form
 * shows), `type` — `yes_no` (true or false), `scale` (a whole mark from `min` to `max`, default 1–5),
 * `number` (finite, within `min`/`max` when given), `text` (≤ 2000 characters), `photo` (a reference to
 * a photo the host stores: an id or URL, ≤ 500 characters) — and `required` (default true). Ids are
 * unique. A seed item the checklist leaves out is not asked: the records under it do not carry that
 * field, the reports count it "not asked", and without `managerVisitConfirmed` a cross-check cannot
 * compare the retailer's word with the visits. The default checklist is the four seed items
 * ({@link DEFAULT_CHECKLIST}).
 *
 * @example
 * InspectionChecklistSchema.parse([{ id: 'pricesTagged', label: '明码标价' }, { id: 'stock', label: '库存充足', type: 'yes_no' }, { id: 'shelf', label: '陈列照片', type: 'photo', required: false }]);
 */
export const InspectionChecklistSchema = z
  .array(ChecklistItemSchema, { error: 'checklist must be an array of items' })
  .max(200, { error: 'checklist must have at most 200 items' })
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, k) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [k, 'id'], input: item.id, ...customReason('inspection.item_id_twice') });
      seen.add(item.id);
    });
  });

/** A checklist, see {@link InspectionChecklistSchema}. */
export type InspectionChecklist = z.output<typeof InspectionChecklistSchema>;
/** A checklist as accepted (`required` may be left out). */
export type InspectionChecklistInput = z.input<typeof InspectionChecklistSchema>;

/**
 * The default checklist: the four seed items by id, in {@link SEED_ITEMS} order. Every place that reads
 * inspection records under a checklist (`recordInspection`, `crossCheck`, `buildReport`) uses it when
 * none is given.
 *
 * @example
 * DEFAULT_CHECKLIST; // [{ id: 'pricesTagged', required: true }, { id: 'policyMaterialDisplayed', required: true }, …]
 */
export const DEFAULT_CHECKLIST: InspectionChecklist = Object.freeze(
  InspectionChecklistSchema.parse(SEED_ITEMS.map((s) => ({ id: s.id }))),
) as InspectionChecklist;
