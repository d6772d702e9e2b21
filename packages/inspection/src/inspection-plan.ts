import { customReason, IdSchema, TimestampSchema } from '@beatplan/core';
import * as z from 'zod';
import { SampleSpecSchema } from './sample-spec.js';

/**
 * The sampling algorithm a plan was drawn with. `version` changes whenever the same input and seed
 * could give a different sample; `redrawSample` refuses a plan of another version.
 *
 * @example
 * SAMPLE_ALGORITHM; // { name: 'stratified-efraimidis-spirakis-fnv1a64', version: 2 }
 */
export const SAMPLE_ALGORITHM = Object.freeze({ name: 'stratified-efraimidis-spirakis-fnv1a64', version: 2 });

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(2000);

/**
 * One manual change of a plan: retailers added and removed, by whom, why, when (epoch ms).
 *
 * @example
 * SampleAdjustmentSchema.parse({ at: '2025-03-04T08:00:00+08:00', by: 'lead Zhao', reason: 'shop closed', add: [], remove: ['R17'] });
 */
export const SampleAdjustmentSchema = z.strictObject({
  at: TimestampSchema,
  by: nonEmpty('by'),
  reason: nonEmpty('reason'),
  add: z.array(IdSchema),
  remove: z.array(IdSchema),
});

/** A manual change of a plan, see {@link SampleAdjustmentSchema}. */
export type SampleAdjustment = z.output<typeof SampleAdjustmentSchema>;

const count = z.number().int().min(0);

/**
 * The final sample of a plan: the drawn retailers in draw order, then the adjustments applied in
 * order (a removal drops an id, an addition appends it).
 *
 * @example
 * applyAdjustments(['R1', 'R2'], [{ at: 1740963600000, by: 'lead', reason: 'closed', add: ['R9'], remove: ['R1'] }]);
 * // ['R2', 'R9']
 * @throws never.
 */
export function applyAdjustments(drawnIds: readonly string[], adjustments: readonly SampleAdjustment[]): string[] {
  let ids = [...drawnIds];
  for (const a of adjustments) {
    const removed = new Set(a.remove);
    ids = ids.filter((id) => !removed.has(id)).concat(a.add);
  }
  return ids;
}

/**
 * An inspection plan: the sample, and everything needed to audit and re-draw it.
 *
 * - `type`: `'beatplan.inspection-plan'`; `algorithm`: see {@link SAMPLE_ALGORITHM}.
 * - `seed`: the seed of the draw; `spec`: the parsed {@link SampleSpecSchema}.
 * - `fingerprint`: `fnv1a64:` + 16 hex digits over the canonical input (README, "Fingerprint").
 * - `population`: retailers given, excluded (inspected recently), eligible.
 * - `strata`: per stratum (sorted by key): population, eligible, requested (per-stratum size) and drawn.
 * - `drawn`: the drawn retailers, by stratum, in draw order, with their weight.
 * - `adjustments`: the manual changes, append-only; `retailerIds`: the final sample
 *   (`applyAdjustments(drawn, adjustments)`; a plan whose list disagrees is rejected).
 *
 * @example
 * // not run: `text` stands for a stored plan
 * const plan = parseOrThrow(InspectionPlanSchema, JSON.parse(text), ['plan']);
 */
export const InspectionPlanSchema = z
  .strictObject({
    type: z.literal('beatplan.inspection-plan', { error: 'type must be "beatplan.inspection-plan"' }),
    algorithm: z.strictObject({ name: z.string(), version: z.number().int() }),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    spec: SampleSpecSchema,
    fingerprint: z
      .string()
      .regex(/^fnv1a64:[0-9a-f]{16}$/, { error: 'fingerprint must be "fnv1a64:" and 16 hex digits' }),
    population: z.strictObject({ total: count, excluded: count, eligible: count }),
    strata: z.array(
      z.strictObject({
        key: z.string(),
        population: count,
        eligible: count,
        requested: count.nullable(),
        drawn: count,
      }),
    ),
    drawn: z.array(z.strictObject({ retailerId: IdSchema, stratum: z.string(), weight: z.number().positive() })),
    adjustments: z.array(SampleAdjustmentSchema),
    retailerIds: z.array(IdSchema),
  })
  .superRefine((p, ctx) => {
    const expected = applyAdjustments(
      p.drawn.map((d) => d.retailerId),
      p.adjustments,
    );
    if (expected.length !== p.retailerIds.length || expected.some((id, i) => id !== p.retailerIds[i])) {
      ctx.addIssue({
        code: 'custom',
        path: ['retailerIds'],
        ...customReason('inspection.plan_edited'),
      });
    }
  });

/** An inspection plan, see {@link InspectionPlanSchema}. */
export type InspectionPlan = z.output<typeof InspectionPlanSchema>;
