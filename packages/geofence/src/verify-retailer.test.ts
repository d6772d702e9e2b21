import { locationOutsideGeofenceM, RetailerSchema, wgs84ToGcj02 } from '@beatplan/core';
import { VerifyRetailerSchema, verifyDay } from '@beatplan/geofence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

const ring = (lng: number, lat: number, d: number) => [
  [lng - d, lat - d],
  [lng + d, lat - d],
  [lng + d, lat + d],
  [lng - d, lat - d],
];

describe('VerifyRetailerSchema', () => {
  it('accepts a lightweight { id, location } and a null location', () => {
    expect(VerifyRetailerSchema.parse({ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } })).toEqual({
      id: 'R1',
      location: { lng: 120.1659, lat: 30.2719 },
    });
    expect(VerifyRetailerSchema.parse({ id: 'R2', location: null }).location).toBeNull();
  });

  it('checks every field that is present with core’s schemas, and rejects unknown fields', () => {
    const r = VerifyRetailerSchema.safeParse({
      id: ' R1',
      location: { lng: 120, lat: 30, crs: 'wgs84' },
      segment: 'kiosk',
      Location: {},
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'id', 'location.crs', 'segment'].sort());
  });

  it('rejects a geofence more than 200 m from the location (a crs mix-up)', () => {
    const [glng, glat] = wgs84ToGcj02(120.1659, 30.2719);
    const r = VerifyRetailerSchema.safeParse({
      id: 'R1',
      location: { lng: 120.1659, lat: 30.2719 },
      geofence: { type: 'Polygon', coordinates: [ring(glng, glat, 0.0003)] },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['geofence']);
  });

  it('accepts a geofence exactly when Turf puts the location within 200 m of it (the planar pre-check never decides otherwise)', () => {
    const M_PER_DEG = 111_195;
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 5, max: 8_000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 3,
          maxLength: 8,
        }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (lat, lng, corners, bearing, reach) => {
          // a star-shaped ring around (lng, lat), the location `reach` × the ring's size away from its centre
          const mPerDegLng = M_PER_DEG * Math.cos((lat * Math.PI) / 180);
          const sorted = [...corners].sort((a, b) => a[1] - b[1]);
          const ring = sorted.map(([r, a]) => [
            lng + (r * Math.cos(2 * Math.PI * a)) / mPerDegLng,
            lat + (r * Math.sin(2 * Math.PI * a)) / M_PER_DEG,
          ]);
          ring.push(ring[0]!);
          const size = Math.max(...corners.map(([r]) => r));
          const location = {
            lng: lng + (reach * size * Math.cos(bearing)) / mPerDegLng,
            lat: lat + (reach * size * Math.sin(bearing)) / M_PER_DEG,
          };
          const geofence = { type: 'Polygon' as const, coordinates: [ring] };
          const r = VerifyRetailerSchema.safeParse({ id: 'R1', location, geofence });
          if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3) return; // not a ring
          const turf = locationOutsideGeofenceM(location, geofence.coordinates); // Turf's geodesic distance
          expect(r.success).toBe(turf <= 200);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reports a malformed geofence ring as an issue instead of throwing (verifyDay too)', () => {
    for (const coordinates of [[[]], [[[120.1659, 30.2719]]]]) {
      const input = { id: 'R1', location: { lng: 120.1659, lat: 30.2719 }, geofence: { type: 'Polygon', coordinates } };
      const r = VerifyRetailerSchema.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error!.issues.every((i) => i.path[0] === 'geofence')).toBe(true);
      const e = thrown(() => verifyDay([input as never], []));
      expect(e.code).toBe('INVALID_INPUT');
    }
  });

  it('accepts every field of a core Retailer (no field of RetailerSchema is unknown here)', () => {
    expect(Object.keys(VerifyRetailerSchema.shape).sort()).toEqual(Object.keys(RetailerSchema.shape).sort());
    const company = {
      id: 'R1',
      location: { lng: 120.6994, lat: 27.9943 },
      licenceNo: '330302100123',
      address: '温州市鹿城区解放街 1 号',
      phone: '0577-8888 1234',
      storeType: '便利店',
      grade: 17,
      attributes: [{ key: '业态', value: '超市' }],
    };
    expect(VerifyRetailerSchema.parse(company)).toEqual(company);
  });

  it('JSDoc example', () => {
    expect(
      VerifyRetailerSchema.parse({ id: 'R1', location: { lng: 120.1659, lat: 30.2719 }, segment: 'retail' }).segment,
    ).toBe('retail');
    expect(VerifyRetailerSchema.parse({ id: 'R2', location: null }).id).toBe('R2');
  });
});
