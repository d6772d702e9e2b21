import {
  BeatplanError,
  type FixSource,
  fromZodError,
  normalizeAccuracy,
  type PositionFix,
  PositionFixSchema,
  issueReason,
} from '@beatplan/core';
import * as z from 'zod';
import { POSITIONING_CONFIDENCE } from '../positioning-confidence.js';

/**
 * What a provider must answer: a position fix in which `source` (default: the wrapper's `source`)
 * and `at` (default: the time of the answer) may be left out. Strict: unknown fields are errors.
 */
export const ProviderEstimateSchema = PositionFixSchema.partial({ source: true, at: true });

/**
 * A provider's answer → a validated `PositionFix` with `accuracyM` at 95 %. `PROVIDER_RESPONSE_INVALID`
 * (issues under `response`) when the answer is not an estimate.
 */
export function toProviderFix(answer: unknown, name: string, source: FixSource, now: () => number): PositionFix {
  const r = ProviderEstimateSchema.safeParse(answer, { reportInput: true });
  if (!r.success) {
    const issues = fromZodError(r.error, ['response'], answer);
    issues.unshift({ path: [], ...issueReason('positioning.not_estimate', { name }) });
    throw new BeatplanError('PROVIDER_RESPONSE_INVALID', issues, { cause: r.error });
  }
  const e = r.data;
  const fix: PositionFix = { ...e, source: e.source ?? source, at: e.at ?? now() };
  return {
    ...fix,
    accuracyM: normalizeAccuracy(fix, POSITIONING_CONFIDENCE),
    accuracyConfidence: POSITIONING_CONFIDENCE,
  };
}
