import { describe, expect, it } from 'vitest';
import { retailerInput, thrown } from '../../test/helpers.js';
import { wgs84ToGcj02 } from '../convert-crs.js';
import { parseOrThrow } from '../parse-or-throw.js';
import { RetailerSchema } from './retailer.js';

const square = (lng: number, lat: number, d = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ],
  ],
});

describe('RetailerSchema', () => {
  it('accepts the docs example and trims the name', () => {
    const r = RetailerSchema.parse(retailerInput({ name: '  Happy Mart ', managerId: 'M1', region: 'Dongcheng' }));
    expect(r.name).toBe('Happy Mart');
    expect(r.location.crs).toBe('GCJ02');
  });
  it('accepts a geofence around the location', () => {
    expect(RetailerSchema.safeParse(retailerInput({ geofence: square(116.41, 39.92) })).success).toBe(true);
  });
  it('rejects a geofence in another crs than the location (hundreds of metres away)', () => {
    const [gl, ga] = wgs84ToGcj02(116.41, 39.92);
    const e = thrown(() =>
      parseOrThrow(
        RetailerSchema,
        retailerInput({ location: { lng: 116.41, lat: 39.92 }, geofence: square(gl, ga, 0.0005) }),
      ),
    );
    expect(e.path).toEqual(['geofence']);
    expect(e.issues[0]?.message).toMatch(
      /^the geofence lies \d+ m from the location \(at most 200 m allowed\): both must be in the crs of the location \(WGS84\)$/,
    );
  });
  it('reports a malformed geofence (empty ring, one position, empty hole) as issues, never throws', () => {
    for (const coordinates of [[[]], [[[116.41, 39.92]]], [square(116.41, 39.92).coordinates[0], []]]) {
      const e = thrown(() =>
        parseOrThrow(RetailerSchema, retailerInput({ geofence: { type: 'Polygon', coordinates } })),
      );
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues.every((i) => i.path[0] === 'geofence')).toBe(true);
    }
  });
  it('rejects an open ring and a ring with too few corners', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [116.409, 39.919],
          [116.411, 39.919],
          [116.411, 39.921],
          [116.409, 39.921],
        ],
      ],
    };
    const e = thrown(() => parseOrThrow(RetailerSchema, retailerInput({ geofence: open })));
    expect(e.issues.map((i) => i.message)).toContain('ring must be closed: its last position must equal its first');
  });
  it('lists every bad field in one error', () => {
    const e = thrown(() =>
      parseOrThrow(
        RetailerSchema,
        retailerInput({
          id: ' R1',
          segment: 'shop',
          class: 'D',
          serviceMinutes: 0,
          visitFrequency: 'daily',
          orderCount: 1.5,
          orderVolume: -1,
          extra: 1,
        }),
        ['retailers', 4],
      ),
    );
    expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'retailers.4.id: id must not start or end with white space',
      'retailers.4.segment: segment must be one of "retail", "chain_supermarket", "hotel_entertainment"',
      'retailers.4.class: class must be one of "A", "B", "C"',
      'retailers.4.serviceMinutes: service minutes must be greater than 0',
      'retailers.4.visitFrequency: visit frequency must be one of "weekly", "twice_weekly", "fortnightly", "monthly"',
      'retailers.4.orderCount: order count must be a whole number',
      'retailers.4.orderVolume: order volume must be at least 0',
      'retailers.4.extra: unknown field',
    ]);
  });
  it('says which required fields are missing', () => {
    const e = thrown(() => parseOrThrow(RetailerSchema, { id: 'R1', location: { lng: 1, lat: 1 } }));
    expect(e.issues.map((i) => i.message)).toEqual([
      'name is required',
      'segment is required',
      'class is required',
      'service minutes is required',
      'visit frequency is required',
      'order count is required',
      'order volume is required',
    ]);
  });
});
