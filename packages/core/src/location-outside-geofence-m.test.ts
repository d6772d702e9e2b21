import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locationOutsideGeofenceM } from './location-outside-geofence-m.js';

const square = [
  [
    [120, 30],
    [120.001, 30],
    [120.001, 30.001],
    [120, 30.001],
    [120, 30],
  ],
];

describe('locationOutsideGeofenceM', () => {
  it('is Turf’s geodesic distance, negative inside (JSDoc example)', () => {
    expect(locationOutsideGeofenceM({ lng: 120.0005, lat: 30.0005 }, square)).toBeCloseTo(-48.15, 1);
    expect(locationOutsideGeofenceM({ lng: 120.003, lat: 30.0005 }, square)).toBeCloseTo(192.59, 1);
    fc.assert(
      fc.property(
        fc.double({ min: 119.99, max: 120.01, noNaN: true }),
        fc.double({ min: 29.99, max: 30.01, noNaN: true }),
        (lng, lat) => {
          const turf = pointToPolygonDistance(
            [lng, lat],
            { type: 'Polygon', coordinates: square },
            { units: 'meters' },
          );
          expect(locationOutsideGeofenceM({ lng, lat }, square)).toBe(turf);
        },
      ),
    );
  });

  it('is NaN for what cannot be measured, where Turf throws a plain Error', () => {
    const malformed: unknown[] = [
      [[]],
      [[[120, 30]]],
      [square[0], []],
      [],
      [
        [
          [120, 30],
          [120, 'x'],
          [121, 31],
          [120, 30],
        ],
      ],
      'x',
    ];
    for (const rings of malformed) {
      expect(locationOutsideGeofenceM({ lng: 120, lat: 30 }, rings as number[][][])).toBeNaN();
    }
    expect(() => pointToPolygonDistance([120, 30], { type: 'Polygon', coordinates: [[]] })).toThrow();
    expect(locationOutsideGeofenceM({ lng: Number.NaN, lat: 30 }, square)).toBeNaN();
    expect(locationOutsideGeofenceM({} as { lng: number; lat: number }, square)).toBeNaN();
  });
});
