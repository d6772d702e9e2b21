import {
  BeatplanError,
  MAX_TRAVEL_MATRIX_POINTS,
  STRAIGHT_LINE_SOURCE,
  assertTravelMatrixSize,
  haversineM,
  straightLineCosts,
  throwIfAborted,
  toWgs84,
} from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('straightLineCosts', () => {
  it('is the JSDoc example: great-circle × detour, at the speed', () => {
    const costs = straightLineCosts({ detourFactor: 1.4 });
    const m = costs.matrixSync([
      { lng: 120.155, lat: 30.274 },
      { lng: 120.166, lat: 30.272 },
    ]);
    expect(m.n).toBe(2);
    expect(m.distancesM[1]).toBeCloseTo(1511.3, 1);
    expect(m.durationsS[1]).toBeCloseTo(272.0, 1);
    expect(m.source).toBe(STRAIGHT_LINE_SOURCE);
    expect(m.unreachable).toEqual([]);
  });

  it('defaults to detour 1.3 and 20 km/h; symmetric, zero diagonal, GCJ-02 converted (property)', () => {
    const pt = fc.record({
      lng: fc.double({ min: 115, max: 118, noNaN: true }),
      lat: fc.double({ min: 38, max: 41, noNaN: true }),
      crs: fc.constantFrom('WGS84' as const, 'GCJ02' as const, 'BD09' as const),
    });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 0, maxLength: 8 }), (points) => {
        const m = straightLineCosts().matrixSync(points);
        const w = points.map(toWgs84);
        for (let i = 0; i < m.n; i++) {
          expect(m.distancesM[i * m.n + i]).toBe(0);
          for (let j = 0; j < m.n; j++) {
            const a = w[i] as { lng: number; lat: number };
            const b = w[j] as { lng: number; lat: number };
            const want = haversineM(a.lng, a.lat, b.lng, b.lat) * 1.3;
            expect(m.distancesM[i * m.n + j]).toBeCloseTo(i === j ? 0 : want, 6);
            expect(m.distancesM[i * m.n + j]).toBe(m.distancesM[j * m.n + i]);
            expect(m.durationsS[i * m.n + j]).toBeCloseTo((m.distancesM[i * m.n + j] ?? 0) / (20 / 3.6), 6);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('answers the same asynchronously, and rejects ABORTED for a fired signal', async () => {
    const costs = straightLineCosts();
    const pts = [
      { lng: 116.4, lat: 39.9 },
      { lng: 116.5, lat: 39.95 },
    ];
    expect(await costs.matrix(pts)).toEqual(costs.matrixSync(pts));
    const ac = new AbortController();
    ac.abort();
    await expect(costs.matrix(pts, { signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('names bad options and bad points', () => {
    expect(() => straightLineCosts({ detourFactor: 0.5 })).toThrow(/options.detourFactor/);
    expect(() => straightLineCosts().matrixSync([{ lng: 116, lat: 95 }])).toThrow(
      /points\[0\]\.lat: latitude must be within \[-90, 90\], received 95/,
    );
  });

  it('refuses more points than the solvers take, before computing', () => {
    const many = Array.from({ length: MAX_TRAVEL_MATRIX_POINTS + 1 }, () => ({ lng: 0, lat: 0 }));
    expect(() => straightLineCosts().matrixSync(many)).toThrow(BeatplanError);
    expect(() => assertTravelMatrixSize(20_000)).toThrow(
      'points: a travel matrix takes at most 15000 points, received 20000',
    );
    expect(() => throwIfAborted(undefined)).not.toThrow();
  });
});
