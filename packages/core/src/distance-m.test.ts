import { distance } from '@turf/distance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from './convert-crs.js';
import { EARTH_RADIUS_M, distanceM, haversineCosM, haversineM } from './distance-m.js';

describe('haversineM', () => {
  it('Beijing–Shanghai is about 1,067 km', () => {
    const d = haversineM(116.397, 39.908, 121.473, 31.23);
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
  });
  it('one degree of latitude is R·π/180', () => {
    expect(haversineM(0, 0, 0, 1)).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
  });
  it('agrees with turf distance (same radius) and is symmetric', () => {
    const pt = fc.record({
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const h = haversineM(a.lng, a.lat, b.lng, b.lat);
        const t = distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' });
        return Math.abs(h - t) <= 1e-6 * Math.max(1, t) && Math.abs(h - haversineM(b.lng, b.lat, a.lng, a.lat)) < 1e-6;
      }),
    );
  });
});

describe('haversineCosM', () => {
  it('with the cosines of the latitudes, is bit for bit haversineM (the docs example and random points)', () => {
    const cosLat = (lat: number) => Math.cos(lat * (Math.PI / 180));
    expect(haversineCosM(116.397, 39.908, cosLat(39.908), 121.473, 31.23, cosLat(31.23))).toBe(
      haversineM(116.397, 39.908, 121.473, 31.23),
    );
    const pt = fc.record({
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, (a, b) =>
        Object.is(
          haversineCosM(a.lng, a.lat, cosLat(a.lat), b.lng, b.lat, cosLat(b.lat)),
          haversineM(a.lng, a.lat, b.lng, b.lat),
        ),
      ),
    );
  });
});

describe('distanceM', () => {
  it('converts both points to WGS84 first (the docs example)', () => {
    expect(
      distanceM({ lng: 116.41024449916938, lat: 39.91640428150164, crs: 'GCJ02' }, { lng: 116.404, lat: 39.915 }),
    ).toBeLessThan(0.01);
  });
  it('mixing systems without converting would be hundreds of metres off', () => {
    const [gl, ga] = wgs84ToGcj02(116.404, 39.915);
    expect(distanceM({ lng: gl, lat: ga }, { lng: 116.404, lat: 39.915 })).toBeGreaterThan(500);
    expect(distanceM({ lng: gl, lat: ga, crs: 'GCJ02' }, { lng: 116.404, lat: 39.915, crs: 'WGS84' })).toBeLessThan(
      0.01,
    );
  });
});
