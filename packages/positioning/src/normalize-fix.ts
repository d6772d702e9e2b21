import {
  normalizeAccuracy,
  parseOrThrow,
  PositionFixSchema,
  type PositionFix,
  type PositionFixInput,
} from '@beatplan/core';
import { POSITIONING_CONFIDENCE } from './positioning-confidence.js';

/**
 * Validates a fix (GNSS or any other) and returns it with its accuracy at the package's level,
 * 95 % ({@link POSITIONING_CONFIDENCE}): `accuracyM` converted with core's `normalizeAccuracy` from the
 * fix's `accuracyConfidence` — or, when absent, core's `DEFAULT_ACCURACY_CONFIDENCE` for its source
 * (0.68, Android's level) — and `accuracyConfidence: 0.95`. Every other field is kept; `at` is epoch ms.
 *
 * @param fix - a position fix, see core's `PositionFixSchema`.
 * @param path - where the fix sits in the caller's input, for error paths. Default `[]`.
 * @returns the parsed fix with `accuracyM` at 95 % and `accuracyConfidence: 0.95`.
 * @throws {BeatplanError} `INVALID_INPUT` when the fix breaks `PositionFixSchema` (issues prefixed with `path`).
 * @example
 * normalizeFix({ lng: 116.4, lat: 39.9, accuracyM: 10, source: 'gnss', at: 1740963600000 }).accuracyM;                           // ≈ 16.2 (68 % → 95 %)
 * normalizeFix({ lng: 116.4, lat: 39.9, accuracyM: 10, accuracyConfidence: 0.95, source: 'gnss', at: 1740963600000 }).accuracyM; // 10
 */
export function normalizeFix(fix: PositionFixInput, path: readonly (string | number)[] = []): PositionFix {
  const parsed = parseOrThrow(PositionFixSchema, fix, path);
  return {
    ...parsed,
    accuracyM: normalizeAccuracy(parsed, POSITIONING_CONFIDENCE),
    accuracyConfidence: POSITIONING_CONFIDENCE,
  };
}
