import { parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import type { WeightedEstimateSettings } from './weighted-estimate.js';

const metres = (name: string) =>
  z
    .number({ error: `${name} must be a finite number of metres` })
    .min(0, { error: `${name} must be at least 0 m` })
    .optional();

/** Tuning options shared by the cell and WiFi estimators (defaults differ, see each). */
export const EstimateOptionsSchema = z.strictObject({
  floorM: metres('floorM'),
  minRangeM: metres('minRangeM'),
  lowSampleCount: z
    .number({ error: 'lowSampleCount must be an integer ≥ 0' })
    .int({ error: 'lowSampleCount must be an integer ≥ 0' })
    .min(0, { error: 'lowSampleCount must be an integer ≥ 0' })
    .optional(),
  lowSampleFactor: z
    .number({ error: 'lowSampleFactor must be a number ≥ 1' })
    .min(1, { error: 'lowSampleFactor must be a number ≥ 1' })
    .optional(),
});

/** Options of the cell and WiFi estimators, see their docs for the defaults. */
export type EstimateOptions = z.input<typeof EstimateOptionsSchema>;

/** Parses estimator options and fills the defaults. */
export function readEstimateOptions(options: unknown, defaults: WeightedEstimateSettings): WeightedEstimateSettings {
  const o = parseOrThrow(EstimateOptionsSchema, options, ['options']);
  return {
    floorM: o.floorM ?? defaults.floorM,
    minRangeM: o.minRangeM ?? defaults.minRangeM,
    lowSampleCount: o.lowSampleCount ?? defaults.lowSampleCount,
    lowSampleFactor: o.lowSampleFactor ?? defaults.lowSampleFactor,
  };
}
