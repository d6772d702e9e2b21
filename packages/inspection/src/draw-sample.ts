import { parseOrThrow, type Retailer, type RetailerInput, type Territory } from '@beatplan/core';
import type { InspectionPlan } from './inspection-plan.js';
import { SampleSpecSchema, type SampleSpecInput } from './sample-spec.js';
import { DrawOptionsSchema } from './internal/draw-options.js';
import { parseRetailers, runDraw } from './internal/run-draw.js';

/** Past inspections, for `excludeInspectedSince`: `{ retailerId, at }` (an InspectionRecord is one). */
export interface InspectionHistoryEntry {
  retailerId: string;
  /** epoch ms or ISO 8601 with offset */
  at: number | string;
}

/** Inputs of a draw besides the retailers and the spec; `redrawSample` needs the same ones again. */
export interface DrawInputsOption {
  /** Past inspections (needed with `excludeInspectedSince`). */
  history?: readonly InspectionHistoryEntry[];
  /** Territories (needed with `stratifyBy: 'territory'`); a retailer in none is in stratum `(none)`. */
  territories?: readonly Territory[];
  /** The stratum key of a retailer (needed with `stratifyBy: 'custom'`): a non-empty string. */
  key?: (retailer: Retailer) => string;
}

/** Options of {@link drawSample}: the seed, and the inputs of the draw. */
export interface DrawSampleOptions extends DrawInputsOption {
  /** The seed: a whole number in [0, 2^53 − 1]. Recorded in the plan. */
  seed: number;
}

/**
 * Draws a reproducible, auditable inspection sample: simple or stratified, proportional allocation
 * of an overall size (largest remainder) or a size per stratum, excluding retailers inspected since a
 * date, weighted towards managers with a low verification rate (Efraimidis–Spirakis weighted
 * sampling without replacement, uniform variates from a seeded counter-based hash). The plan records
 * the seed, the spec, the algorithm version and the input's fingerprint, so `redrawSample` can
 * reproduce it. See the README for the method.
 *
 * @param retailers - core retailers (parsed with `RetailerSchema`; ids must be unique). Order does not matter.
 * @param spec - see {@link SampleSpecSchema}.
 * @param options - `seed` (required), `history`, `territories`, `key`.
 * @returns the plan, with `retailerIds` the sample (by stratum, in draw order).
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (bad retailer, duplicate id, bad spec,
 *   size above the eligible retailers, a missing option, an unknown stratum in `sizePerStratum`).
 * @example
 * // not run: `retailers` and `history` stand for the caller's data
 * const plan = drawSample(retailers, { stratifyBy: 'manager', size: 12, excludeInspectedSince: '2025-02-01' }, { seed: 42, history });
 * plan.retailerIds;  // 12 ids, spread over the managers in proportion to their retailers
 * plan.fingerprint;  // 'fnv1a64:…' — re-draw with redrawSample(plan, retailers, { history })
 */
export function drawSample(
  retailers: readonly RetailerInput[],
  spec: SampleSpecInput,
  options: DrawSampleOptions,
): InspectionPlan {
  const parsedSpec = parseOrThrow(SampleSpecSchema, spec, ['spec']);
  const { seed, ...inputs } = parseOrThrow(DrawOptionsSchema, options, ['options']);
  return runDraw(parseRetailers(retailers), parsedSpec, seed, inputs);
}
