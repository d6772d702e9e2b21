import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeatplanError } from './beatplan-error.js';
import { DEFAULT_ACCURACY_CONFIDENCE, convertAccuracy, normalizeAccuracy } from './normalize-accuracy.js';

describe('convertAccuracy', () => {
  it('0.68 → 0.95 multiplies by sqrt(ln 0.05 / ln 0.32) ≈ 1.6215', () => {
    expect(convertAccuracy(10, 0.68, 0.95)).toBeCloseTo(16.215, 3);
    expect(convertAccuracy(16.215, 0.95, 0.68)).toBeCloseTo(10, 3);
  });
  it('matches the Rayleigh distribution: the radius holds q of the probability mass', () => {
    const sigma = 7;
    const rP = sigma * Math.sqrt(-2 * Math.log(1 - 0.68));
    const rQ = convertAccuracy(rP, 0.68, 0.99);
    expect(1 - Math.exp(-(rQ * rQ) / (2 * sigma * sigma))).toBeCloseTo(0.99, 12);
  });
  it('round-trips and grows with the target confidence', () => {
    const p = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), p, p, (r, a, b) => {
        const there = convertAccuracy(r, a, b);
        const back = convertAccuracy(there, b, a);
        return Math.abs(back - r) <= 1e-9 * Math.max(1, r) && (b >= a ? there >= r - 1e-9 : there <= r + 1e-9);
      }),
    );
  });
  it('rejects confidences outside (0, 1) and negative radii', () => {
    expect(() => convertAccuracy(10, 0, 0.95)).toThrowError(BeatplanError);
    expect(() => convertAccuracy(10, 0.68, 1)).toThrowError(/toConfidence: confidence must be within \(0, 1\)/);
    expect(() => convertAccuracy(-1, 0.68, 0.95)).toThrowError(/radiusM/);
  });
});

describe('normalizeAccuracy', () => {
  it('assumes 0.68 (Android) when a fix does not say, for every source', () => {
    expect(Object.values(DEFAULT_ACCURACY_CONFIDENCE)).toEqual([0.68, 0.68, 0.68, 0.68]);
    expect(normalizeAccuracy({ accuracyM: 10, source: 'gnss' })).toBeCloseTo(16.215, 3);
    expect(normalizeAccuracy({ accuracyM: 10, source: 'cell' }, 0.68)).toBe(10);
  });
  it('uses the fix own confidence (W3C 0.95)', () => {
    expect(normalizeAccuracy({ accuracyM: 10, source: 'gnss', accuracyConfidence: 0.95 })).toBe(10);
    expect(normalizeAccuracy({ accuracyM: 10, source: 'wifi', accuracyConfidence: 0.95 }, 0.68)).toBeCloseTo(6.167, 3);
  });
});
