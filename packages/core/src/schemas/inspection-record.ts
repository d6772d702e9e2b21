import * as z from 'zod';
import { fieldError } from '../internal/field-error.js';
import { IdSchema } from './id.js';
import { PositionFixSchema } from './position-fix.js';
import { TimestampSchema } from './timestamp.js';

/** The inspector's answer to "did the manager really visit?": `yes`, `no` or `unsure`. */
export const VisitConfirmationSchema = z.enum(['yes', 'no', 'unsure'], {
  error: fieldError('managerVisitConfirmed', 'managerVisitConfirmed must be one of "yes", "no", "unsure"'),
});
/** See {@link VisitConfirmationSchema}. */
export type VisitConfirmation = z.infer<typeof VisitConfirmationSchema>;

/**
 * What an inspector recorded on site at one retailer.
 *
 * - `id`, `retailerId`, `inspectorId`; `at`: when (epoch ms or ISO 8601 with offset → epoch ms).
 * - `fix`: the inspector's position when recording (proves the inspection itself took place).
 * - `pricesTagged`, `policyMaterialDisplayed`: booleans.
 * - `satisfaction`: the retailer's satisfaction, integer 1 (very unsatisfied) … 5 (very satisfied).
 * - `managerVisitConfirmed`: see {@link VisitConfirmationSchema}.
 * - `notes` (optional): free text, at most 2000 characters.
 *
 * @example
 * InspectionRecordSchema.parse({
 *   id: 'I1', retailerId: 'R1', inspectorId: 'X1', at: '2025-03-05T10:00:00+08:00',
 *   fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T10:00:00+08:00' },
 *   pricesTagged: true, policyMaterialDisplayed: false, satisfaction: 4, managerVisitConfirmed: 'yes',
 * });
 */
export const InspectionRecordSchema = z.strictObject({
  id: IdSchema,
  retailerId: IdSchema,
  inspectorId: IdSchema,
  at: TimestampSchema,
  fix: PositionFixSchema,
  pricesTagged: z.boolean({ error: 'pricesTagged must be true or false' }),
  policyMaterialDisplayed: z.boolean({ error: 'policyMaterialDisplayed must be true or false' }),
  satisfaction: z
    .number({ error: 'satisfaction must be a number from 1 to 5' })
    .int({ error: 'satisfaction must be a whole number from 1 to 5' })
    .min(1, { error: 'satisfaction must be from 1 to 5' })
    .max(5, { error: 'satisfaction must be from 1 to 5' }),
  managerVisitConfirmed: VisitConfirmationSchema,
  notes: z
    .string({ error: 'notes must be a string' })
    .max(2000, { error: 'notes must have at most 2000 characters' })
    .optional(),
});

/** An inspection record (times in epoch ms), see {@link InspectionRecordSchema}. */
export type InspectionRecord = z.output<typeof InspectionRecordSchema>;
/** An inspection record as accepted (times may be ISO strings). */
export type InspectionRecordInput = z.input<typeof InspectionRecordSchema>;
