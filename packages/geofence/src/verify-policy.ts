import { customReason, RetailerClassSchema, SegmentSchema, UtcOffsetMinutesSchema } from '@beatplan/core';
import * as z from 'zod';

const metres = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a finite number of metres` })
    .gt(0, { error: `${what} must be greater than 0 m` })
    .max(max, { error: `${what} must be at most ${max} m` });

const seconds = (what: string) =>
  z
    .number({ error: `${what} must be a finite number of seconds` })
    .min(0, { error: `${what} must be at least 0 s` })
    .max(86_400, { error: `${what} must be at most 86400 s (one day)` });

const RadiusSchema = metres('radius', 10_000);

/** The policy of one fix source: its usable accuracy and how far its stated accuracy is trusted. */
const sourcePolicy = (source: string, maxAccuracyM: number) =>
  z
    .strictObject({
      maxAccuracyM: metres(`${source} maximum accuracy`, 100_000).default(maxAccuracyM),
      accuracyFactor: z
        .number({ error: `${source} accuracy factor must be a number in [1, 10]` })
        .min(1, { error: `${source} accuracy factor must be within [1, 10]` })
        .max(10, { error: `${source} accuracy factor must be within [1, 10]` })
        .default(1),
    })
    .prefault({});

/** Per fix source: see `VerifyPolicySchema`. */
const SourcesSchema = z
  .strictObject({
    gnss: sourcePolicy('gnss', 150),
    wifi: sourcePolicy('wifi', 250),
    cell: sourcePolicy('cell', 500),
    manual: sourcePolicy('manual', 150),
  })
  .prefault({});

/**
 * The verification policy. Every field is optional in the input and defaults to the value below
 * (see {@link DEFAULT_VERIFY_POLICY}); these defaults are meant to be usable as they are.
 *
 * | field | default | unit | meaning |
 * | --- | --- | --- | --- |
 * | `radiusM` | 100 | m | fence radius around a retailer's point |
 * | `radiusBySegment` | `{ chain_supermarket: 150, hotel_entertainment: 150 }` | m | radius per segment (larger buildings) |
 * | `radiusByClass` | `{}` | m | radius per class; wins over `radiusBySegment` |
 * | `polygonMarginM` | 50 | m | a polygon geofence is grown by this much |
 * | `strictness` | 2 | standard errors | how far inside the fence the evidence must put the manager (see the README's rule); higher verifies fewer genuine and fewer faked visits |
 * | `sources.gnss` | `{ maxAccuracyM: 150, accuracyFactor: 1 }` | m, × | per fix source: the largest usable 95 % radius (coarser fixes: `ACCURACY_TOO_COARSE`), and a factor on the stated accuracy (≥ 1: trust it less) |
 * | `sources.wifi` | `{ maxAccuracyM: 250, accuracyFactor: 1 }` | m, × | WiFi positioning: 30–80 m as phones report it (49–130 m at 95 %) |
 * | `sources.cell` | `{ maxAccuracyM: 500, accuracyFactor: 1 }` | m, × | cell-tower positioning: 100–300 m as reported (160–485 m at 95 %) |
 * | `sources.manual` | `{ maxAccuracyM: 150, accuracyFactor: 1 }` | m, × | a position entered by hand |
 * | `minDwellS` | 300 | s | shortest visit that counts (5 minutes) |
 * | `maxDwellS` | 14400 | s | longest plausible visit (4 hours) |
 * | `clockSkewToleranceS` | 120 | s | reversed or overlapping times within this are treated as clock noise |
 * | `maxSpeedKmh` | 144 | km/h | fastest plausible travel between two fixes of a day (40 m/s) |
 * | `acceptMockLocations` | false | | when false a mock fix makes the visit unverifiable; always flagged |
 * | `minConstantAccuracyFixes` | 6 | fixes | GNSS fixes of a day needed before a never-varying accuracy is flagged |
 * | `utcOffsetMinutes` | 480 | min | UTC offset of the working day's calendar (UTC+8, China) |
 *
 * `maxDwellS` must be greater than `minDwellS`. Unknown fields are rejected.
 *
 * @example
 * const policy = VerifyPolicySchema.parse({ radiusM: 80, minDwellS: 600 });
 * policy.sources.cell.maxAccuracyM; // 500 (default)
 */
export const VerifyPolicySchema = z
  .strictObject({
    radiusM: RadiusSchema.default(100),
    radiusBySegment: z
      .partialRecord(SegmentSchema, RadiusSchema)
      .default(() => ({ chain_supermarket: 150, hotel_entertainment: 150 })),
    radiusByClass: z.partialRecord(RetailerClassSchema, RadiusSchema).default(() => ({})),
    polygonMarginM: z
      .number({ error: 'polygon margin must be a finite number of metres' })
      .min(0, { error: 'polygon margin must be at least 0 m' })
      .max(1_000, { error: 'polygon margin must be at most 1000 m' })
      .default(50),
    strictness: z
      .number({ error: 'strictness must be a number of standard errors in [-10, 10]' })
      .min(-10, { error: 'strictness must be within [-10, 10] standard errors' })
      .max(10, { error: 'strictness must be within [-10, 10] standard errors' })
      .default(2),
    sources: SourcesSchema,
    minDwellS: seconds('minimum dwell').default(300),
    maxDwellS: seconds('maximum dwell').default(14_400),
    clockSkewToleranceS: seconds('clock-skew tolerance').default(120),
    maxSpeedKmh: z
      .number({ error: 'maximum speed must be a finite number of km/h' })
      .gt(0, { error: 'maximum speed must be greater than 0 km/h' })
      .default(144),
    acceptMockLocations: z.boolean({ error: 'acceptMockLocations must be true or false' }).default(false),
    minConstantAccuracyFixes: z
      .number({ error: 'minConstantAccuracyFixes must be a whole number' })
      .int({ error: 'minConstantAccuracyFixes must be a whole number' })
      .min(2, { error: 'minConstantAccuracyFixes must be at least 2' })
      .default(6),
    utcOffsetMinutes: UtcOffsetMinutesSchema,
  })
  .refine((p) => p.maxDwellS > p.minDwellS, { ...customReason('geofence.max_dwell'), path: ['maxDwellS'] });

/** A complete (parsed) policy, see {@link VerifyPolicySchema}. */
export type VerifyPolicy = z.output<typeof VerifyPolicySchema>;
/** A policy as accepted: any subset of the fields. */
export type VerifyPolicyInput = z.input<typeof VerifyPolicySchema>;

/** The default policy (the output of `VerifyPolicySchema.parse({})`), frozen. */
export const DEFAULT_VERIFY_POLICY: Readonly<VerifyPolicy> = Object.freeze(VerifyPolicySchema.parse({}));
