import { chooseEstimate, DEFAULT_INFLATION_KMH } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

const T = 1740963600000;
const fix = (source: 'gnss' | 'cell' | 'wifi' | 'manual', accuracyM: number, at = T, accuracyConfidence = 0.95) => ({
  lng: 116.4,
  lat: 39.9,
  accuracyM,
  accuracyConfidence,
  source,
  at,
});

describe('chooseEstimate', () => {
  it('example from the JSDoc', () => {
    const choice = chooseEstimate(
      [
        { lng: 116.4, lat: 39.9, accuracyM: 350, accuracyConfidence: 0.95, source: 'cell', at: 1740963600000 },
        { lng: 116.4001, lat: 39.9001, accuracyM: 12, source: 'gnss', at: 1740963540000 },
      ],
      { at: 1740963600000 },
    );
    expect(choice.index).toBe(1);
    expect(choice.reason).toBe('best_accuracy');
    expect(choice.ranking[0]?.effectiveAccuracyM).toBeCloseTo(12 * 1.6215 + (60 * DEFAULT_INFLATION_KMH) / 3.6, 2);
    expect(choice.fix).toMatchObject({ source: 'gnss', accuracyConfidence: 0.95 });
    expect(choice.fix.accuracyM).toBeCloseTo(19.46, 2);
    expect(choice.explanation).toMatch(/gnss #1 .* beats cell #0 350.0 m/);
  });

  it('compares normalised accuracies: a 68 % radius counts as 1.62 times larger', () => {
    const c = chooseEstimate([fix('gnss', 20, T, 0.68), fix('wifi', 30)]);
    expect(c.index).toBe(1); // 32.4 m vs 30 m
  });

  it('an old fix loses to a fresh coarser one once its inflated accuracy is worse', () => {
    const old = fix('gnss', 10, T - 120_000);
    expect(chooseEstimate([old, fix('wifi', 100)], { at: T }).index).toBe(1); // 10 + 180 > 100
    expect(chooseEstimate([old, fix('wifi', 100)], { at: T, inflationKmh: { gnss: 0.36 } }).index).toBe(0); // 10 + 12 < 100
    expect(chooseEstimate([old, fix('wifi', 100)], { at: T, inflationKmh: 0 }).index).toBe(0);
  });

  it('ties within toleranceM go to the fresher, then the preferred source, then the first given', () => {
    const fresher = chooseEstimate([fix('wifi', 40, T - 2000), fix('cell', 43.5, T)], { at: T, toleranceM: 5 });
    expect([fresher.index, fresher.reason]).toEqual([1, 'fresher']);
    const pref = chooseEstimate([fix('cell', 40), fix('wifi', 40.5)], { at: T });
    expect([pref.index, pref.reason]).toEqual([1, 'source_preference']);
    const own = chooseEstimate([fix('wifi', 40), fix('cell', 40)], { at: T, sourcePreference: ['cell', 'wifi'] });
    expect(own.index).toBe(1);
    const first = chooseEstimate([fix('cell', 40), fix('cell', 40)], { at: T });
    expect([first.index, first.reason]).toEqual([0, 'first_given']);
    expect(chooseEstimate([fix('cell', 400)]).reason).toBe('only_candidate');
  });

  it('excludes candidates older than maxAgeS; none left → NO_POSITION', () => {
    const c = chooseEstimate([fix('gnss', 5, T - 600_000), fix('cell', 900)], { at: T, maxAgeS: 300 });
    expect(c.index).toBe(1);
    expect(c.ranking.map((r) => [r.index, r.excluded])).toEqual([
      [1, undefined],
      [0, 'too_old'],
    ]);
    expect(thrown(() => chooseEstimate([fix('gnss', 5, T - 600_000)], { at: T, maxAgeS: 300 })).code).toBe(
      'NO_POSITION',
    );
    expect(thrown(() => chooseEstimate([])).code).toBe('NO_POSITION');
  });

  it('the decision time defaults to the latest candidate; a fix after it ages too', () => {
    const c = chooseEstimate([fix('gnss', 10, T - 10_000), fix('wifi', 10, T)]);
    expect(c.ranking.find((r) => r.index === 0)?.ageS).toBe(10);
    const future = chooseEstimate([fix('gnss', 10, T + 10_000)], { at: T });
    expect(future.ranking[0]?.ageS).toBe(10);
  });

  it('validates every candidate (path [i, field]) and the options', () => {
    expect(thrown(() => chooseEstimate([fix('gnss', 5), { ...fix('gnss', 5), lat: 123 }])).path).toEqual([1, 'lat']);
    expect(thrown(() => chooseEstimate([fix('gnss', 5)], { maxAgeS: -1 })).path).toEqual(['options', 'maxAgeS']);
  });
});
