import {
  BeatplanError,
  FixSourceSchema,
  parseOrThrow,
  TimestampSchema,
  type FixSource,
  type PositionFix,
  type PositionFixInput,
  issueReason,
  getKnown,
} from '@beatplan/core';
import * as z from 'zod';
import { normalizeFix } from './normalize-fix.js';

/** Default source order for ties: satellites, then WiFi, then cells, then typed in. */
export const DEFAULT_SOURCE_PREFERENCE: readonly FixSource[] = Object.freeze(['gnss', 'wifi', 'cell', 'manual']);
/** Default accuracy inflation with age: 5.4 km/h (1.5 m/s), a brisk walk (the manager may have moved since the fix). */
export const DEFAULT_INFLATION_KMH = 5.4;

const ChooseOptionsSchema = z.strictObject({
  at: TimestampSchema.optional(),
  inflationKmh: z
    .union(
      [
        z
          .number({ error: 'inflationKmh must be a number of km/h ≥ 0' })
          .min(0, { error: 'inflationKmh must be at least 0 km/h' }),
        z.partialRecord(FixSourceSchema, z.number().min(0, { error: 'inflationKmh must be at least 0 km/h' })),
      ],
      { error: 'inflationKmh must be a number of km/h ≥ 0 or one per source' },
    )
    .optional(),
  sourcePreference: z.array(FixSourceSchema, { error: 'sourcePreference must be a list of sources' }).optional(),
  maxAgeS: z
    .number({ error: 'maxAgeS must be a number of seconds ≥ 0' })
    .min(0, { error: 'maxAgeS must be at least 0 s' })
    .optional(),
  toleranceM: z
    .number({ error: 'toleranceM must be a number of metres ≥ 0' })
    .min(0, { error: 'toleranceM must be at least 0 m' })
    .optional(),
});

/**
 * Options of {@link chooseEstimate}: `at` (decision time, epoch ms or ISO 8601; default the latest
 * candidate's `at`), `inflationKmh` (km/h, one number or per source; default 5.4), `sourcePreference`
 * (default gnss, wifi, cell, manual; unlisted sources rank last), `maxAgeS` (seconds; older
 * candidates are excluded; default none), `toleranceM` (effective accuracies within this many metres
 * of the best tie; default 1 m).
 */
export type ChooseEstimateOptions = z.input<typeof ChooseOptionsSchema>;

/** Why the chosen candidate won over the runner-up. */
export type ChoiceReason = 'only_candidate' | 'best_accuracy' | 'fresher' | 'source_preference' | 'first_given';

/** One candidate as judged. */
export interface RankedCandidate {
  /** Index in the input list. */
  index: number;
  source: FixSource;
  /** Accuracy at 95 %, metres. */
  accuracyM: number;
  /** |decision time − fix time|, seconds. */
  ageS: number;
  /** accuracyM + ageS × inflation, metres: what is compared. */
  effectiveAccuracyM: number;
  /** Set when the candidate was not eligible. */
  excluded?: 'too_old';
}

/** Result of {@link chooseEstimate}. */
export interface EstimateChoice {
  /** The chosen fix, normalised (accuracy at 95 %, `accuracyConfidence: 0.95`), not inflated. */
  fix: PositionFix;
  /** Its index in the input list. */
  index: number;
  reason: ChoiceReason;
  /** One sentence saying why, with the figures. */
  explanation: string;
  /** Every candidate, the chosen one first, then eligible ones by effective accuracy, then excluded ones. */
  ranking: RankedCandidate[];
}

/**
 * Chooses the best of several position estimates for one moment (e.g. a GNSS fix, a cell estimate and
 * a WiFi estimate taken at a *start visit* press). Every candidate is normalised to 95 % (see
 * `normalizeFix`) and judged by its effective accuracy
 *
 *     effectiveAccuracyM = accuracyM(95 %) + ageS · inflationKmh[source] / 3.6      ageS = |at − fix.at| / 1000
 *
 * (an old fix is worth less: the phone may have moved since, at walking pace by default). The smallest
 * wins; candidates within `toleranceM` of it tie, and ties go to the fresher (smaller age), then to the
 * source earlier in `sourcePreference`, then to the earlier in the list. `mock` is not looked at (the
 * chosen fix keeps its flag for the geofence's fraud checks).
 *
 * @param candidates - fixes (`PositionFixSchema`), e.g. `estimateCellPosition(...).fix`; at least one.
 * @param options - see {@link ChooseEstimateOptions}.
 * @returns the chosen fix, why, and the whole ranking.
 * @throws {BeatplanError} `INVALID_INPUT` for a bad candidate (path `[i, field]`) or options;
 *   `NO_POSITION` when the list is empty or every candidate is older than `maxAgeS`.
 * @example
 * const choice = chooseEstimate([
 *   { lng: 116.4, lat: 39.9, accuracyM: 350, accuracyConfidence: 0.95, source: 'cell', at: 1740963600000 },
 *   { lng: 116.4001, lat: 39.9001, accuracyM: 12, source: 'gnss', at: 1740963540000 },
 * ], { at: 1740963600000 });
 * choice.index;  // 1 (19.5 m + 60 s × 1.5 m/s = 109.5 m beats 350 m)
 * choice.reason; // 'best_accuracy'
 */
export function chooseEstimate(
  candidates: readonly PositionFixInput[],
  options: ChooseEstimateOptions = {},
): EstimateChoice {
  const o = parseOrThrow(ChooseOptionsSchema, options, ['options']);
  if (!Array.isArray(candidates))
    throw new BeatplanError('INVALID_INPUT', [
      { path: [], value: candidates, ...issueReason('positioning.candidates_array') },
    ]);
  if (candidates.length === 0)
    throw new BeatplanError('NO_POSITION', [{ path: [], ...issueReason('positioning.no_estimate') }]);
  const fixes = candidates.map((c, i) => normalizeFix(c, [i]));
  const at = o.at ?? Math.max(...fixes.map((f) => f.at));
  const prefs = o.sourcePreference ?? DEFAULT_SOURCE_PREFERENCE;
  const pref = (s: FixSource) => (prefs.includes(s) ? prefs.indexOf(s) : prefs.length);
  const inflation = (s: FixSource) =>
    (typeof o.inflationKmh === 'number' ? o.inflationKmh : (o.inflationKmh?.[s] ?? DEFAULT_INFLATION_KMH)) / 3.6;
  const tol = o.toleranceM ?? 1;

  const ranked: RankedCandidate[] = fixes.map((f, index) => {
    const ageS = Math.abs(at - f.at) / 1000;
    const r: RankedCandidate = {
      index,
      source: f.source,
      accuracyM: f.accuracyM,
      ageS,
      effectiveAccuracyM: f.accuracyM + ageS * inflation(f.source),
    };
    if (o.maxAgeS !== undefined && ageS > o.maxAgeS) r.excluded = 'too_old';
    return r;
  });
  const eligible = ranked.filter((r) => r.excluded === undefined);
  if (eligible.length === 0) {
    throw new BeatplanError(
      'NO_POSITION',
      ranked.map((r) => ({
        path: [r.index, 'at'],
        value: r.ageS,
        ...issueReason('positioning.too_old', { maxAgeS: o.maxAgeS ?? Infinity }),
      })),
    );
  }
  const byTie = (a: RankedCandidate, b: RankedCandidate) =>
    a.ageS - b.ageS || pref(a.source) - pref(b.source) || a.index - b.index;
  const best = Math.min(...eligible.map((r) => r.effectiveAccuracyM));
  // the most accurate candidate is among these, so there is a first
  const winner = getKnown(eligible.filter((r) => r.effectiveAccuracyM <= best + tol).sort(byTie), 0, 'candidate');
  const rest = eligible
    .filter((r) => r !== winner)
    .sort((a, b) => a.effectiveAccuracyM - b.effectiveAccuracyM || byTie(a, b));
  const ranking = [winner, ...rest, ...ranked.filter((r) => r.excluded !== undefined)];

  const runnerUp = rest[0];
  const eff = (r: RankedCandidate) => `${r.source} #${r.index} ${r.effectiveAccuracyM.toFixed(1)} m`;
  let reason: ChoiceReason;
  let explanation: string;
  if (runnerUp === undefined) {
    reason = 'only_candidate';
    explanation = `${eff(winner)} is the only eligible estimate`;
  } else if (runnerUp.effectiveAccuracyM > winner.effectiveAccuracyM + tol) {
    reason = 'best_accuracy';
    explanation = `${eff(winner)} beats ${eff(runnerUp)} (effective accuracy = 95 % radius + age × inflation)`;
  } else if (runnerUp.ageS !== winner.ageS) {
    reason = 'fresher';
    explanation = `${eff(winner)} ties with ${eff(runnerUp)} within ${tol} m and is fresher (${winner.ageS} s vs ${runnerUp.ageS} s old)`;
  } else if (pref(runnerUp.source) !== pref(winner.source)) {
    reason = 'source_preference';
    explanation = `${eff(winner)} ties with ${eff(runnerUp)} and ${winner.source} is preferred to ${runnerUp.source}`;
  } else {
    reason = 'first_given';
    explanation = `${eff(winner)} ties with ${eff(runnerUp)} in accuracy, age and source; the first given wins`;
  }
  return { fix: getKnown(fixes, winner.index, 'estimate'), index: winner.index, reason, explanation, ranking };
}
