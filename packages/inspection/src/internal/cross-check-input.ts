import {
  customReason,
  DEFAULT_CHECKLIST,
  IdSchema,
  InspectionChecklistSchema,
  InspectionRecordSchema,
  TimestampSchema,
  VisitSchema,
} from '@beatplan/core';
import * as z from 'zod';

/**
 * The part of a geofence verdict the cross-check reads: `visitId` and `status`. Other fields of
 * `@beatplan/geofence`'s `VisitVerdict` (reasons, distances, confidence, flags) are allowed and ignored.
 */
export const VerdictStatusSchema = z.looseObject({
  visitId: IdSchema,
  status: z.enum(['verified', 'rejected', 'unverifiable', 'incomplete'], {
    error: 'status must be one of "verified", "rejected", "unverifiable", "incomplete"',
  }),
});

export const CrossCheckInputSchema = z.strictObject({
  period: z
    .strictObject({ from: TimestampSchema, to: TimestampSchema })
    .refine((p) => p.to > p.from, { ...customReason('inspection.period_order'), path: ['to'] }),
  records: z.array(InspectionRecordSchema, { error: 'records must be an array of inspection records' }),
  visits: z.array(VisitSchema, { error: 'visits must be an array of visits' }),
  verdicts: z.array(VerdictStatusSchema, { error: 'verdicts must be an array of geofence verdicts' }),
  retailers: z
    .array(z.looseObject({ id: IdSchema, managerId: IdSchema.optional() }), {
      error: 'retailers must be an array of { id, managerId? }',
    })
    .optional(),
  recordVerdicts: z
    .array(VerdictStatusSchema, { error: 'recordVerdicts must be an array of geofence verdicts' })
    .optional(),
  checklist: InspectionChecklistSchema.default(() => [...DEFAULT_CHECKLIST]),
});

export type CrossCheckParsed = z.output<typeof CrossCheckInputSchema>;
