import {
  customReason,
  dataRecordSchema,
  IdSchema,
  LocalDateSchema,
  TimestampSchema,
  UtcOffsetMinutesSchema,
} from '@beatplan/core';
import * as z from 'zod';

/**
 * What a sample may be stratified by: a retailer field (`segment`, `class`, `managerId`, `region`,
 * `visitFrequency`, `serviceMinutes`, `orderCount`, `orderVolume`, `name`, `id`), `manager` (an alias of
 * `managerId`), `territory` (the territory holding the retailer, from the `territories` option) or
 * `custom` (the `key` function of the options). A missing value is the stratum `(none)`.
 *
 * @example
 * STRATUM_FIELDS.includes('segment'); // true
 */
export const STRATUM_FIELDS = [
  'manager',
  'territory',
  'segment',
  'class',
  'region',
  'visitFrequency',
  'managerId',
  'serviceMinutes',
  'orderCount',
  'orderVolume',
  'name',
  'id',
  'custom',
] as const;

/** A stratification field, see {@link STRATUM_FIELDS}. */
export type StratumField = (typeof STRATUM_FIELDS)[number];

const StratumFieldSchema = z.enum(STRATUM_FIELDS, {
  error: `stratifyBy must be one of ${STRATUM_FIELDS.map((f) => `"${f}"`).join(', ')}`,
});
const count = (what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} must be at least 0` });

/**
 * The specification of an inspection sample (plain data: it is recorded in the plan as parsed).
 *
 * - `stratifyBy` (optional): a field or a list of fields (composite strata, keys joined by `|`);
 *   absent = one stratum `*` holding every retailer (simple random sampling).
 * - `size`: the overall sample size, allocated to the strata in proportion to their eligible
 *   retailers (largest-remainder rounding); or `sizePerStratum`: a number for every stratum, or
 *   `{ stratumKey: n }` (strata not named get 0). Exactly one of the two. A per-stratum size larger
 *   than the stratum takes the whole stratum (the plan records requested and drawn).
 * - `excludeInspectedSince` (optional): retailers with an inspection in the history at or after this
 *   instant (epoch ms / ISO 8601 with offset) or local date (`YYYY-MM-DD`, calendar of
 *   `utcOffsetMinutes`, default 480 = UTC+8) are not eligible.
 * - `weighting` (optional): `{ verificationRates: { managerId: rate 0..1 }, alpha = 1 }`; a retailer
 *   of manager m is drawn with weight `1 + alpha · (1 − rate_m)` (managers not listed, and retailers
 *   without a manager: rate 1, weight 1).
 *
 * The `{ key: value }` objects (`sizePerStratum`, `verificationRates`) parse to null-prototype
 * objects (core's `dataRecordSchema`): a manager or stratum named `constructor` or `__proto__` is a
 * key like any other.
 *
 * @example
 * SampleSpecSchema.parse({ stratifyBy: 'manager', size: 30, excludeInspectedSince: '2025-01-01' });
 */
export const SampleSpecSchema = z
  .strictObject({
    stratifyBy: z
      .union([
        StratumFieldSchema,
        z.array(StratumFieldSchema).min(1, { error: 'stratifyBy must name at least one field' }),
      ])
      .optional(),
    size: count('size').optional(),
    sizePerStratum: z
      .union([count('sizePerStratum'), dataRecordSchema(z.string(), count('stratum size'), 'sizePerStratum')], {
        error: 'sizePerStratum must be a whole number or { stratum: number }',
      })
      .optional(),
    excludeInspectedSince: z
      .union([LocalDateSchema, TimestampSchema], {
        error: 'excludeInspectedSince must be a date "YYYY-MM-DD" or a date-time with offset',
      })
      .optional(),
    utcOffsetMinutes: UtcOffsetMinutesSchema,
    weighting: z
      .strictObject({
        verificationRates: dataRecordSchema(
          IdSchema,
          z
            .number({ error: 'a verification rate must be a number in [0, 1]' })
            .min(0, { error: 'a verification rate must be within [0, 1]' })
            .max(1, { error: 'a verification rate must be within [0, 1]' }),
          'verificationRates must be { managerId: rate }',
        ),
        alpha: z
          .number({ error: 'alpha must be a finite number' })
          .min(0, { error: 'alpha must be at least 0' })
          .max(1000, { error: 'alpha must be at most 1000' })
          .default(1),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.size === undefined) === (s.sizePerStratum === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['size'], ...customReason('inspection.size_one_of') });
    }
    if (s.sizePerStratum !== undefined && s.stratifyBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sizePerStratum'],
        ...customReason('inspection.per_stratum_needs_stratify'),
      });
    }
  });

/** A parsed sample specification, see {@link SampleSpecSchema}. */
export type SampleSpec = z.output<typeof SampleSpecSchema>;
/** A sample specification as accepted, see {@link SampleSpecSchema}. */
export type SampleSpecInput = z.input<typeof SampleSpecSchema>;
