import { BeatplanError } from './beatplan-error.js';
import type { FixSource } from './schemas/position-fix.js';
import { issueReason } from './issue-reason.js';

/**
 * The confidence assumed for a fix's `accuracyM` when the fix has no `accuracyConfidence`: 0.68 for
 * every source.
 *
 * - `gnss`: 0.68 — Android's `Location.getAccuracy()` is the radius of 68 % confidence, and Android is
 *   where field-sales apps almost always run. A fix from the W3C Geolocation API (95 %) must say
 *   `accuracyConfidence: 0.95` (the browser adapter of @beatplan/positioning does).
 * - `wifi`, `cell`: 0.68 — Android's network provider reports the same 68 % radius; beatplan's own
 *   cell/WiFi estimators set `accuracyConfidence` explicitly.
 * - `manual`: 0.68 — a typed-in accuracy has no defined level; the most common platform level is used.
 *
 * Under-stating the level makes the normalised radius larger, never smaller, when the source is
 * really at 0.68; assuming 0.95 for a 0.68 source would shrink a 20 m radius to 12 m.
 */
export const DEFAULT_ACCURACY_CONFIDENCE: Readonly<Record<FixSource, number>> = Object.freeze({
  gnss: 0.68,
  cell: 0.68,
  wifi: 0.68,
  manual: 0.68,
});

function checkConfidence(p: number, name: string): void {
  if (!(p > 0 && p < 1)) {
    throw new BeatplanError('INVALID_INPUT', [{ path: [name], value: p, ...issueReason('core.confidence_range') }]);
  }
}

/**
 * Converts an accuracy radius from one confidence level to another, assuming a circular bivariate
 * normal position error (so the distance error is Rayleigh-distributed: P(R ≤ r) = 1 − exp(−r²/2σ²)):
 *
 *   r_q = r_p · sqrt( ln(1 − q) / ln(1 − p) )
 *
 * 0.68 → 0.95 multiplies by ≈ 1.6215; 0.95 → 0.68 divides by it.
 *
 * @param radiusM - accuracy radius at `fromConfidence`, metres (≥ 0).
 * @param fromConfidence - its confidence level, in (0, 1).
 * @param toConfidence - the wanted level, in (0, 1).
 * @returns the radius at `toConfidence`, metres.
 * @throws {BeatplanError} `INVALID_INPUT` when a confidence is outside (0, 1) or the radius is negative or not finite.
 * @example
 * convertAccuracy(10, 0.68, 0.95); // ≈ 16.215
 */
export function convertAccuracy(radiusM: number, fromConfidence: number, toConfidence: number): number {
  checkConfidence(fromConfidence, 'fromConfidence');
  checkConfidence(toConfidence, 'toConfidence');
  if (!(radiusM >= 0 && Number.isFinite(radiusM))) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['radiusM'], value: radiusM, ...issueReason('core.accuracy_non_negative') },
    ]);
  }
  if (fromConfidence === toConfidence) return radiusM;
  return radiusM * Math.sqrt(Math.log(1 - toConfidence) / Math.log(1 - fromConfidence));
}

/**
 * The accuracy radius of a fix at one common confidence level, so that fixes from different
 * platforms can be compared and decided on alike. The fix's own level is `accuracyConfidence`, or
 * {@link DEFAULT_ACCURACY_CONFIDENCE} for its source (0.68) when absent. See {@link convertAccuracy}.
 *
 * @param fix - a parsed fix (only `accuracyM`, `accuracyConfidence` and `source` are read).
 * @param targetConfidence - the wanted level, in (0, 1). Default 0.95.
 * @returns the radius in metres within which the true position lies with `targetConfidence`.
 * @throws {BeatplanError} `INVALID_INPUT` when `targetConfidence` is outside (0, 1).
 * @example
 * normalizeAccuracy({ accuracyM: 10, source: 'gnss' });                            // ≈ 16.2 (Android 68 % → 95 %)
 * normalizeAccuracy({ accuracyM: 10, source: 'gnss', accuracyConfidence: 0.95 }); // 10 (W3C, already 95 %)
 */
export function normalizeAccuracy(
  fix: { accuracyM: number; source: FixSource; accuracyConfidence?: number | undefined },
  targetConfidence = 0.95,
): number {
  const from = fix.accuracyConfidence ?? DEFAULT_ACCURACY_CONFIDENCE[fix.source] ?? 0.68;
  return convertAccuracy(fix.accuracyM, from, targetConfidence);
}
