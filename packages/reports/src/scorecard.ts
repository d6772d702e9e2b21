import { customReason } from '@beatplan/core';
import * as z from 'zod';

/**
 * The KPIs of the scorecard, each normalised to 0..1 (1 = best), in display order:
 *
 * | kpi | normalised value | undefined (null) when |
 * | --- | --- | --- |
 * | `completion` | planned stops visited / planned stops | no planned stop |
 * | `verification` | proven visits / counted visits | no counted visit |
 * | `timeOnSite` | min(1, dwell of the proven visits / service time of the counted visits' retailers) | no counted visit |
 *
 * Proven visits: verified visits whose verdict carries no flag. A flagged visit (mock location,
 * impossible speed, repeated coordinates, constant accuracy, clock or overlap signals) counts as not
 * verified here even when its position passed, until a reviewer clears its flags.
 *
 * Counted visits: every visit, except — by default (`undecidedPrecision: 'neutral'`) — those undecided
 * for lack of precision (unverifiable, only `ACCURACY_TOO_COARSE`), which count neither as verified nor
 * as failed, and — only when the input says `incompleteVisits: 'neutral'` — `incomplete` visits (no end
 * fix; by default they count as not verified). Turning a counted visit's verdict into `verified` (or
 * clearing its flags) never lowers a score.
 *
 * | `route` | min(1, planned / travelled straight-line metres), over the days with a plan and a visit (planned: base → planned retailers in order → base; travelled: base → each visit's start and end fix in time order → base) | no such day, or 0 m travelled |
 * | `inspection` | mean over inspections of (pricesTagged + policyMaterialDisplayed + (satisfaction − 1) / 4) / 3 | no inspection |
 * | `integrity` | 1 − min(1, contradictions / inspections) | no inspection and no contradiction (0 when contradictions but no inspection) |
 */
export const SCORECARD_KPIS = ['completion', 'verification', 'timeOnSite', 'route', 'inspection', 'integrity'] as const;

/** A scorecard KPI, see {@link SCORECARD_KPIS}. */
export type ScorecardKpi = (typeof SCORECARD_KPIS)[number];

/** Normalised KPI values (0..1 or null = not measurable) of one manager. */
export type NormalisedKpis = Record<ScorecardKpi, number | null>;

/** The default weights: completion 3, verification 3, timeOnSite 1, route 1, inspection 1, integrity 1. */
export const DEFAULT_SCORECARD_WEIGHTS: Readonly<Record<ScorecardKpi, number>> = Object.freeze({
  completion: 3,
  verification: 3,
  timeOnSite: 1,
  route: 1,
  inspection: 1,
  integrity: 1,
});

const weight = z
  .number({ error: 'weight must be a finite number' })
  .min(0, { error: 'weight must be at least 0' })
  .max(1000, { error: 'weight must be at most 1000' });

/**
 * Scorecard weights set by the user: any of the {@link SCORECARD_KPIS}, each ≥ 0; a KPI left out keeps
 * its default weight, 0 leaves it out of the score. The resolved weights must not all be 0.
 *
 * @example
 * ScorecardWeightsSchema.parse({ completion: 5, route: 0 });
 */
export const ScorecardWeightsSchema = z
  .strictObject({
    completion: weight.optional(),
    verification: weight.optional(),
    timeOnSite: weight.optional(),
    route: weight.optional(),
    inspection: weight.optional(),
    integrity: weight.optional(),
  })
  .refine(
    (w) => SCORECARD_KPIS.some((k) => (w[k] ?? DEFAULT_SCORECARD_WEIGHTS[k]) > 0),
    customReason('reports.weight_positive'),
  );

/** Weights as accepted, see {@link ScorecardWeightsSchema}. */
export type ScorecardWeights = z.infer<typeof ScorecardWeightsSchema>;

/**
 * Fills the KPIs left out of `weights` with {@link DEFAULT_SCORECARD_WEIGHTS}.
 *
 * @param weights - user weights (already validated), default none.
 * @returns one weight per KPI.
 * @throws never.
 * @example
 * resolveWeights({ route: 0 }); // { completion: 3, verification: 3, timeOnSite: 1, route: 0, inspection: 1, integrity: 1 }
 */
export function resolveWeights(weights: ScorecardWeights = {}): Record<ScorecardKpi, number> {
  const out = { ...DEFAULT_SCORECARD_WEIGHTS };
  for (const k of SCORECARD_KPIS) {
    const w = weights[k];
    if (w !== undefined) out[k] = w;
  }
  return out;
}

/**
 * The weighted scorecard of one manager:
 *
 *     score    = 100 · Σ_{k∈A} w_k · n_k / Σ_{k∈A} w_k
 *     coverage =       Σ_{k∈A} w_k     / Σ_k   w_k
 *
 * where n_k is the normalised KPI (0..1, see {@link SCORECARD_KPIS}) and A the KPIs with a weight > 0
 * and a value (not null). A KPI that cannot be measured (no inspection, no plan) neither rewards nor
 * punishes; `coverage` tells how much of the scorecard was measured. `score` is null when A is empty.
 * Both are rounded to 4 decimals. `buildReport` passes the KPIs as it reports them (rounded to 4
 * decimals), so anyone can recompute a score from the report's table.
 *
 * @param norm - normalised KPIs, each 0..1 or null.
 * @param weights - one weight ≥ 0 per KPI (see {@link resolveWeights}).
 * @returns `{ score: 0..100 | null, coverage: 0..1 }`.
 * @throws never.
 * @example
 * computeScore(
 *   { completion: 1, verification: 0.5, timeOnSite: null, route: 1, inspection: null, integrity: null },
 *   DEFAULT_SCORECARD_WEIGHTS,
 * ); // { score: 100 * (3 + 1.5 + 1) / 7 = 78.5714, coverage: 0.7 }
 */
export function computeScore(
  norm: NormalisedKpis,
  weights: Readonly<Record<ScorecardKpi, number>>,
): { score: number | null; coverage: number } {
  let sum = 0;
  let used = 0;
  let total = 0;
  for (const k of SCORECARD_KPIS) {
    const w = weights[k];
    total += w;
    const n = norm[k];
    if (w > 0 && n !== null) {
      sum += w * n;
      used += w;
    }
  }
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return { score: used > 0 ? round4((100 * sum) / used) : null, coverage: total > 0 ? round4(used / total) : 0 };
}
