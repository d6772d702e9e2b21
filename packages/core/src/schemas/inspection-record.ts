import * as z from 'zod';
import { fieldError } from '../internal/field-error.js';
import { IdSchema } from './id.js';
import { PositionFixSchema } from './position-fix.js';
import { TimestampSchema } from './timestamp.js';
import { customReason } from '../issue-reason.js';

/** The inspector's answer to "did the manager really visit?": `yes`, `no` or `unsure`. */
export const VisitConfirmationSchema = z.enum(['yes', 'no', 'unsure'], {
  error: fieldError('managerVisitConfirmed', 'managerVisitConfirmed must be one of "yes", "no", "unsure"'),
});
/** See {@link VisitConfirmationSchema}. */
export type VisitConfirmation = z.infer<typeof VisitConfirmationSchema>;

/**
 * How an inspection was made: `on_site` (the inspector at the shop, with a position fix that is
 * verified) or `phone` (a telephone spot check: no fix; cross-checks count it separately).
 */
export const InspectionChannelSchema = z.enum(['on_site', 'phone'], {
  error: 'channel must be one of "on_site", "phone"',
});
/** See {@link InspectionChannelSchema}. */
export type InspectionChannel = z.infer<typeof InspectionChannelSchema>;

/**
 * One answer to an item of a province's checklist (`@beatplan/inspection`'s `InspectionChecklistSchema`
 * says which items exist and what each takes): `itemId` and `value` — true/false, a number, or a text
 * (free text, or a photo reference). Checked against the checklist by `recordInspection`.
 */
export const ChecklistAnswerSchema = z.strictObject({
  itemId: IdSchema,
  value: z.union([z.boolean(), z.number(), z.string().max(2000)], {
    error: 'value must be true/false, a finite number or a text of at most 2000 characters',
  }),
});
/** See {@link ChecklistAnswerSchema}. */
export type ChecklistAnswer = z.infer<typeof ChecklistAnswerSchema>;

/**
 * What an inspector recorded at one retailer, on site or by telephone.
 *
 * - `id`, `retailerId`, `inspectorId`; `at`: when (epoch ms or ISO 8601 with offset → epoch ms).
 * - `channel`: `on_site` (default) or `phone`, see {@link InspectionChannelSchema}.
 * - `fix`: the inspector's position when recording (proves the inspection itself took place);
 *   required on site, absent for a phone check.
 * - the four seed items (`SEED_ITEMS`), each present exactly when the checklist in force asks it
 *   (`InspectionChecklistSchema`; the default checklist asks all four, so a record under it carries all
 *   four): `pricesTagged`, `policyMaterialDisplayed` (booleans); `satisfaction`, the retailer's
 *   satisfaction, integer 1 (very unsatisfied) … 5 (very satisfied); `managerVisitConfirmed`, see
 *   {@link VisitConfirmationSchema}. This schema checks each field's type; whether it belongs is the
 *   checklist's rule (`checklistIssues`), applied by every reader that takes a checklist
 *   (`recordInspection`, `crossCheck`, `buildReport`).
 * - `notes` (optional): free text, at most 2000 characters.
 * - `answers` (optional): answers to a province's own checklist items, see {@link ChecklistAnswerSchema}.
 *
 * @example
 * InspectionRecordSchema.parse({
 *   id: 'I1', retailerId: 'R1', inspectorId: 'X1', at: '2025-03-05T10:00:00+08:00',
 *   fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T10:00:00+08:00' },
 *   pricesTagged: true, policyMaterialDisplayed: false, satisfaction: 4, managerVisitConfirmed: 'yes',
 * });
 */
export const InspectionRecordSchema = z
  .strictObject({
    id: IdSchema,
    retailerId: IdSchema,
    inspectorId: IdSchema,
    at: TimestampSchema,
    channel: InspectionChannelSchema.default('on_site'),
    fix: PositionFixSchema.optional(),
    pricesTagged: z.boolean({ error: 'pricesTagged must be true or false' }).optional(),
    policyMaterialDisplayed: z.boolean({ error: 'policyMaterialDisplayed must be true or false' }).optional(),
    satisfaction: z
      .number({ error: 'satisfaction must be a number from 1 to 5' })
      .int({ error: 'satisfaction must be a whole number from 1 to 5' })
      .min(1, { error: 'satisfaction must be from 1 to 5' })
      .max(5, { error: 'satisfaction must be from 1 to 5' })
      .optional(),
    managerVisitConfirmed: VisitConfirmationSchema.optional(),
    notes: z
      .string({ error: 'notes must be a string' })
      .max(2000, { error: 'notes must have at most 2000 characters' })
      .optional(),
    answers: z.array(ChecklistAnswerSchema).max(200, { error: 'answers must have at most 200 items' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.channel === 'on_site' && r.fix === undefined)
      ctx.addIssue({ code: 'custom', path: ['fix'], ...customReason('core.fix_required_on_site') });
    if (r.channel === 'phone' && r.fix !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fix'],
        ...customReason('core.phone_no_fix'),
        input: r.fix,
      });
  });

/** An inspection record (times in epoch ms), see {@link InspectionRecordSchema}. */
export type InspectionRecord = z.output<typeof InspectionRecordSchema>;
/** An inspection record as accepted (times may be ISO strings). */
export type InspectionRecordInput = z.input<typeof InspectionRecordSchema>;
