import {
  customReason,
  IdSchema,
  TerritorySchema,
  TimestampSchema,
  type Retailer,
  type Territory,
} from '@beatplan/core';
import * as z from 'zod';

/** One past inspection: only `retailerId` and `at` are read (a full InspectionRecord is accepted). */
export const HistoryEntrySchema = z.object({ retailerId: IdSchema, at: TimestampSchema });

export const DrawInputsSchema = z.strictObject({
  history: z.array(HistoryEntrySchema, { error: 'history must be an array of { retailerId, at }' }).optional(),
  territories: z.array(TerritorySchema, { error: 'territories must be an array of territories' }).optional(),
  key: z
    .custom<(r: Retailer) => string>((v) => typeof v === 'function', customReason('inspection.key_function'))
    .optional(),
});

export const DrawOptionsSchema = DrawInputsSchema.extend({
  seed: z
    .number({ error: 'seed must be a whole number' })
    .int({ error: 'seed must be a whole number' })
    .min(0, { error: 'seed must be at least 0' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'seed must be a safe integer' }),
});

export type DrawInputs = z.output<typeof DrawInputsSchema>;
export type { Territory };
