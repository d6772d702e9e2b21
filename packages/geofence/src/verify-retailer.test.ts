import { RetailerSchema, wgs84ToGcj02 } from '@beatplan/core';
import { VerifyRetailerSchema } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';

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
