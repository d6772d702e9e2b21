import { normalizeFix, POSITIONING_CONFIDENCE } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

describe('normalizeFix', () => {
  it('example from the JSDoc: 68 % by default, 95 % kept', () => {
    expect(
      normalizeFix({ lng: 116.4, lat: 39.9, accuracyM: 10, source: 'gnss', at: 1740963600000 }).accuracyM,
    ).toBeCloseTo(16.215, 3);
    expect(
      normalizeFix({
        lng: 116.4,
        lat: 39.9,
        accuracyM: 10,
        accuracyConfidence: 0.95,
        source: 'gnss',
        at: 1740963600000,
      }).accuracyM,
    ).toBe(10);
  });

  it('keeps the other fields, parses the time and says 0.95', () => {
    const f = normalizeFix({
      lng: 116.4,
      lat: 39.9,
      accuracyM: 10,
      accuracyConfidence: 0.5,
      source: 'wifi',
      at: '2025-03-03T09:00:00+08:00',
      mock: true,
      crs: 'GCJ02',
    });
    expect(f).toMatchObject({
      source: 'wifi',
      at: 1740963600000,
      mock: true,
      crs: 'GCJ02',
      accuracyConfidence: POSITIONING_CONFIDENCE,
    });
    expect(f.accuracyM).toBeGreaterThan(10);
  });

  it('throws INVALID_INPUT with the caller’s path', () => {
    expect(
      thrown(() => normalizeFix({ lng: 116.4, lat: 39.9, accuracyM: -1, source: 'gnss', at: 1740963600000 }, ['start']))
        .path,
    ).toEqual(['start', 'accuracyM']);
  });
});
