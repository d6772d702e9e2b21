import { BeatplanError, issueReason, parseOrThrow, type RetailerInput } from '@beatplan/core';
import type { DrawInputsOption } from './draw-sample.js';
import { applyAdjustments, InspectionPlanSchema, SAMPLE_ALGORITHM, type InspectionPlan } from './inspection-plan.js';
import { DrawInputsSchema } from './internal/draw-options.js';
import { parseRetailers, runDraw } from './internal/run-draw.js';

/**
 * Re-draws a recorded plan from its seed and spec on the given retailers (and the same history,
 * territories or key function as the original draw) and checks that it is the same draw: same
 * algorithm version, same input fingerprint, same drawn retailers. The recorded adjustments are then
 * re-applied. An auditor's check that the sample was not picked by hand.
 *
 * @param plan - a plan from `drawSample`/`adjustSample` (e.g. read back from JSON; it is validated).
 * @param retailers - the retailers the plan was drawn from.
 * @param inputs - `history`, `territories`, `key`, as in the original draw.
 * @returns the re-drawn plan, equal to `plan` when the check passes.
 * @throws {BeatplanError} `INVALID_INPUT` when the plan is malformed, was drawn by another algorithm
 *   version, or the input changed (the message gives both fingerprints and the population counts);
 *   `INTERNAL` when the fingerprint matches but the sample differs (a bug).
 * @example
 * // not run: `plan`, `retailers` and `history` stand for a stored draw and its inputs
 * const again = redrawSample(plan, retailers, { history });   // equal to plan
 * redrawSample(plan, retailers.slice(1), { history });        // throws: the input changed since the draw
 */
export function redrawSample(
  plan: unknown,
  retailers: readonly RetailerInput[],
  inputs: DrawInputsOption = {},
): InspectionPlan {
  const recorded = parseOrThrow(InspectionPlanSchema, plan, ['plan']);
  if (recorded.algorithm.name !== SAMPLE_ALGORITHM.name || recorded.algorithm.version !== SAMPLE_ALGORITHM.version) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['plan', 'algorithm'],
        ...issueReason('inspection.algorithm_changed', {
          was: recorded.algorithm.name,
          wasVersion: recorded.algorithm.version,
          now: SAMPLE_ALGORITHM.name,
          nowVersion: SAMPLE_ALGORITHM.version,
        }),
        value: recorded.algorithm,
      },
    ]);
  }
  const parsedInputs = parseOrThrow(DrawInputsSchema, inputs, ['options']);
  const fresh = runDraw(parseRetailers(retailers), recorded.spec, recorded.seed, parsedInputs);
  if (fresh.fingerprint !== recorded.fingerprint) {
    const a = recorded.population;
    const b = fresh.population;
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['plan', 'fingerprint'],
        ...issueReason('inspection.input_changed', {
          was: recorded.fingerprint,
          wasTotal: a.total,
          wasExcluded: a.excluded,
          now: fresh.fingerprint,
          nowTotal: b.total,
          nowExcluded: b.excluded,
        }),
        value: fresh.fingerprint,
      },
    ]);
  }
  const same =
    fresh.drawn.length === recorded.drawn.length &&
    fresh.drawn.every((d, i) => {
      const r = recorded.drawn[i];
      return r !== undefined && d.retailerId === r.retailerId && d.stratum === r.stratum;
    });
  if (!same)
    throw new BeatplanError(
      'INTERNAL',
      'the re-draw differs from the recorded draw although the input fingerprint matches',
    );
  return {
    ...fresh,
    adjustments: recorded.adjustments,
    retailerIds: applyAdjustments(fresh.retailerIds, recorded.adjustments),
  };
}
