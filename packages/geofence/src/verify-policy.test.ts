import { parseOrThrow } from '@beatplan/core';
import { DEFAULT_VERIFY_POLICY, VerifyPolicySchema } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

describe('VerifyPolicySchema', () => {
  it('has defaults a company can use as they are', () => {
    expect(DEFAULT_VERIFY_POLICY).toEqual({
      radiusM: 100,
      radiusBySegment: { chain_supermarket: 150, hotel_entertainment: 150 },
      radiusByClass: {},
      polygonMarginM: 50,
      strictness: 2,
      sources: {
        gnss: { maxAccuracyM: 150, accuracyFactor: 1 },
        wifi: { maxAccuracyM: 250, accuracyFactor: 1 },
        cell: { maxAccuracyM: 500, accuracyFactor: 1 },
        manual: { maxAccuracyM: 150, accuracyFactor: 1 },
      },
      minDwellS: 300,
      maxDwellS: 14_400,
      clockSkewToleranceS: 120,
      maxSpeedKmh: 144,
      acceptMockLocations: false,
      minConstantAccuracyFixes: 6,
      utcOffsetMinutes: 480,
    });
    expect(Object.isFrozen(DEFAULT_VERIFY_POLICY)).toBe(true);
  });

  it('fills what is absent and keeps what is given', () => {
    const p = VerifyPolicySchema.parse({ radiusM: 80, radiusByClass: { A: 60 } });
    expect(p.radiusM).toBe(80);
    expect(p.radiusByClass).toEqual({ A: 60 });
    expect(p.radiusBySegment).toEqual({ chain_supermarket: 150, hotel_entertainment: 150 });
  });

  it('fills a partly given source policy from its own defaults', () => {
    const p = VerifyPolicySchema.parse({ sources: { cell: { accuracyFactor: 1.5 } } });
    expect(p.sources.cell).toEqual({ maxAccuracyM: 500, accuracyFactor: 1.5 });
    expect(p.sources.wifi).toEqual({ maxAccuracyM: 250, accuracyFactor: 1 });
  });

  it('does not share default objects between parses', () => {
    const a = VerifyPolicySchema.parse({});
    a.radiusBySegment.retail = 10;
    expect(VerifyPolicySchema.parse({}).radiusBySegment).toEqual({ chain_supermarket: 150, hotel_entertainment: 150 });
  });

  it('reports every bad field with its path', () => {
    const e = thrown(() =>
      parseOrThrow(
        VerifyPolicySchema,
        {
          radiusM: 0,
          radiusBySegment: { kiosk: 50 },
          sources: { cell: { maxAccuracyM: 'big' }, radio: {} },
          strictness: 11,
          minDwellS: -1,
          utcOffsetMinutes: 30.5,
          radius: 100,
        },
        ['policy'],
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.')).sort()).toEqual(
      [
        'policy.strictness',
        'policy.sources.cell.maxAccuracyM',
        'policy.sources.radio',
        'policy.minDwellS',
        'policy.radius',
        'policy.radiusBySegment.kiosk',
        'policy.radiusM',
        'policy.utcOffsetMinutes',
      ].sort(),
    );
  });

  it('requires maxDwellS > minDwellS', () => {
    expect(thrown(() => parseOrThrow(VerifyPolicySchema, { minDwellS: 600, maxDwellS: 600 })).message).toBe(
      'maxDwellS: maximum dwell must be greater than minimum dwell, received 600',
    );
  });

  it('JSDoc example', () => {
    const policy = VerifyPolicySchema.parse({ radiusM: 80, minDwellS: 600 });
    expect(policy.sources.cell.maxAccuracyM).toBe(500);
  });
});
