import { convertAccuracy, wgs84ToBd09, wgs84ToGcj02, type RetailerInput } from '@beatplan/core';
import { DEFAULT_VERIFY_POLICY, verifyDay, verifyVisit } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';
import { NINE, SHOP, offset, retailer, thrown, visit } from '../test/helpers.js';

const R95 = convertAccuracy(8, 0.68, 0.95); // the 95 % radius of the helpers' 8 m GNSS fix: 12.97 m
const SIGMA = R95 / Math.sqrt(-2 * Math.log(0.05)); // its standard error per axis: 5.30 m
const at = (metres: number, bearing = 90) => offset(SHOP, metres, bearing);
const both = (p: { lng: number; lat: number }, extra: Record<string, unknown> = {}) =>
  visit({ start: { ...p, ...extra }, end: { ...p, ...extra } });

describe('verifyVisit: the accuracy-aware rule', () => {
  it('verifies a 12-minute visit with both fixes at the shop', () => {
    expect(verifyVisit(retailer(), visit())).toEqual({
      visitId: 'V1',
      status: 'verified',
      reasons: [],
      distanceM: { start: 0, end: 0 },
      dwellS: 720,
      confidence: 1,
      flags: [],
      precision: 'gnss',
    });
  });

  it('two fixes at one place: verified when their mean is 2 σ/√2 inside, rejected when one is 5 σ outside', () => {
    // Two fixes at the same place are two measurements: their mean (w = 0.5) has σ/√2.
    const inside = 100 - 2 * SIGMA * Math.SQRT1_2; // 92.5 m with the default strictness 2
    expect(verifyVisit(retailer(), both(at(inside - 0.5))).status).toBe('verified');
    expect(verifyVisit(retailer(), both(at(inside + 0.5))).reasons).toEqual(['AMBIGUOUS_POSITION']);
    expect(verifyVisit(retailer(), both(at(100 + 5 * SIGMA - 0.5))).status).toBe('unverifiable');
    const out = verifyVisit(retailer(), both(at(100 + 5 * SIGMA + 0.5)));
    expect(out.status).toBe('rejected');
    expect(out.reasons).toEqual(['OUT_OF_RANGE']);
  });

  it('rejects a visit whose start fix is 300 m away, whatever the end fix says', () => {
    const v = verifyVisit(retailer(), visit({ start: at(300, 0) }));
    expect(v.status).toBe('rejected');
    expect(v.distanceM.start).toBeCloseTo(300, 0);
    expect(v.distanceM.end).toBe(0);
    expect(v.confidence).toBe(0);
  });

  it('never verifies with an 800 m cell fix, even under a 2 km fence: ACCURACY_TOO_COARSE', () => {
    const cell = { accuracyM: 800, source: 'cell' };
    for (const policy of [{}, { radiusM: 2000 }, { radiusM: 2000, strictness: -10 }]) {
      const v = verifyVisit(retailer(), visit({ start: cell }), policy);
      expect(v.status).toBe('unverifiable');
      expect(v.reasons).toContain('ACCURACY_TOO_COARSE');
    }
  });

  it('reads a fix without accuracyConfidence as 68 % and honours an explicit 0.95', () => {
    const policy = { radiusM: 200 };
    expect(verifyVisit(retailer(), visit({ start: { accuracyM: 140 } }), policy).reasons).toEqual([
      'ACCURACY_TOO_COARSE',
    ]); // 140 m at 68 % = 227 m at 95 %
    expect(verifyVisit(retailer(), visit({ start: { accuracyM: 140, accuracyConfidence: 0.95 } }), policy).status).toBe(
      'verified',
    );
  });
});

describe('verifyVisit: coordinate systems are converted before every comparison', () => {
  it('verifies a GCJ-02 retailer against WGS84 fixes at the same place (the raw numbers are ~500 m apart)', () => {
    const [lng, lat] = wgs84ToGcj02(SHOP.lng, SHOP.lat);
    const v = verifyVisit(retailer({ location: { lng, lat, crs: 'GCJ02' } }), visit());
    expect(v.status).toBe('verified');
    expect(v.distanceM).toEqual({ start: 0, end: 0 });
    // Guard: the same numbers read as WGS84 are out of range.
    expect(verifyVisit(retailer({ location: { lng, lat } }), visit()).status).toBe('rejected');
  });

  it('verifies a WGS84 retailer against GCJ-02 and BD-09 fixes at the same place', () => {
    const [gl, ga] = wgs84ToGcj02(SHOP.lng, SHOP.lat);
    const [bl, ba] = wgs84ToBd09(SHOP.lng, SHOP.lat);
    const v = verifyVisit(
      retailer(),
      visit({ start: { lng: gl, lat: ga, crs: 'GCJ02' }, end: { lng: bl, lat: ba, crs: 'BD09' } }),
    );
    expect(v.status).toBe('verified');
    expect(v.distanceM).toEqual({ start: 0, end: 0 });
  });
});

describe('verifyVisit: dwell and times', () => {
  it('rejects a visit shorter than minDwellS (TOO_SHORT) and one longer than maxDwellS (TOO_LONG)', () => {
    expect(verifyVisit(retailer(), visit({ end: { at: NINE + 240_000 } }))).toMatchObject({
      status: 'rejected',
      reasons: ['TOO_SHORT'],
      dwellS: 240,
    });
    expect(verifyVisit(retailer(), visit({ end: { at: NINE + 5 * 3_600_000 } }))).toMatchObject({
      status: 'rejected',
      reasons: ['TOO_LONG'],
    });
    expect(verifyVisit(retailer(), visit({ end: { at: NINE + 240_000 } }), { minDwellS: 180 }).status).toBe('verified');
  });

  it('makes an end 10 minutes before the start unverifiable (END_BEFORE_START), never verified', () => {
    const v = verifyVisit(retailer(), visit({ end: { at: NINE - 600_000 } }));
    expect(v).toMatchObject({
      status: 'unverifiable',
      reasons: ['END_BEFORE_START'],
      flags: ['END_BEFORE_START'],
      dwellS: -600,
    });
  });

  it('treats an end 30 s before the start as clock skew: flag CLOCK_SKEW, and too short', () => {
    const v = verifyVisit(retailer(), visit({ end: { at: NINE - 30_000 } }));
    expect(v).toMatchObject({ status: 'rejected', reasons: ['TOO_SHORT'], flags: ['CLOCK_SKEW'] });
  });

  it('accepts ISO 8601 times with an offset', () => {
    const v = verifyVisit(
      retailer(),
      visit({ start: { at: '2026-11-30T09:00:00+08:00' }, end: { at: '2026-11-30T01:10:00Z' } }),
    );
    expect(v.dwellS).toBe(600);
  });
});

describe('verifyVisit: mock locations and missing places', () => {
  it('makes a mock fix unverifiable with confidence 0, and flags it', () => {
    const v = verifyVisit(retailer(), visit({ end: { mock: true } }));
    expect(v).toMatchObject({
      status: 'unverifiable',
      reasons: ['MOCK_LOCATION'],
      flags: ['MOCK_LOCATION'],
      confidence: 0,
    });
  });

  it('with acceptMockLocations only flags it', () => {
    expect(verifyVisit(retailer(), visit({ end: { mock: true } }), { acceptMockLocations: true })).toMatchObject({
      status: 'verified',
      flags: ['MOCK_LOCATION'],
    });
  });

  it('makes a retailer with no location (absent or null) unverifiable: NO_RETAILER_LOCATION', () => {
    for (const r of [{ id: 'R1' }, { id: 'R1', location: null }]) {
      expect(verifyVisit(r, visit())).toEqual({
        visitId: 'V1',
        status: 'unverifiable',
        reasons: ['NO_RETAILER_LOCATION'],
        distanceM: { start: null, end: null },
        dwellS: 720,
        confidence: 0,
        flags: [],
        precision: null,
      });
    }
  });
});

describe('verifyVisit: a visit without its end fix', () => {
  const noEnd = (start: Record<string, unknown> = {}) => ({ ...visit({ start }), end: undefined });

  it('is incomplete with its start evidence: NO_END_FIX, start distance and probability, no end, no dwell', () => {
    const v = verifyVisit(retailer(), noEnd());
    expect(v).toEqual({
      visitId: 'V1',
      status: 'incomplete',
      reasons: ['NO_END_FIX'],
      distanceM: { start: 0, end: null },
      dwellS: null,
      confidence: 1,
      flags: [],
      precision: null,
    });
  });

  it('lists what the start fix says: coarse, mocked (flagged), no retailer location', () => {
    expect(verifyVisit(retailer(), noEnd({ accuracyM: 800, source: 'cell' })).reasons).toEqual([
      'ACCURACY_TOO_COARSE',
      'NO_END_FIX',
    ]);
    const mock = verifyVisit(retailer(), noEnd({ mock: true }));
    expect([mock.status, mock.reasons, mock.flags, mock.confidence]).toEqual([
      'incomplete',
      ['MOCK_LOCATION', 'NO_END_FIX'],
      ['MOCK_LOCATION'],
      0,
    ]);
    const nowhere = verifyVisit(retailer({ location: null }), noEnd());
    expect([nowhere.status, nowhere.reasons, nowhere.distanceM]).toEqual([
      'incomplete',
      ['NO_RETAILER_LOCATION', 'NO_END_FIX'],
      { start: null, end: null },
    ]);
  });

  it('is rejected when its start fix is 5 σ outside: leaving out the end fix cannot hide a fake', () => {
    const v = verifyVisit(retailer(), noEnd(offset(SHOP, 600)));
    expect([v.status, v.reasons]).toEqual(['rejected', ['OUT_OF_RANGE', 'NO_END_FIX']]);
  });

  it('a visit with only an end fix, or none, is an input error naming the visit', () => {
    const onlyEnd = { ...visit(), start: undefined };
    const e = thrown(() => verifyVisit(retailer(), onlyEnd));
    expect(e.issues).toEqual([
      {
        path: ['visit', 'start'],
        message: 'a visit needs its start fix (visit "V1"): one with only an end fix, or none, cannot be judged',
        reason: { key: 'geofence.start_fix_needed', visit: '"V1"' },
      },
    ]);
    const none = { ...onlyEnd, end: undefined };
    expect(thrown(() => verifyVisit(retailer(), none)).issues.map((i) => i.path.join('.'))).toEqual(['visit.start']);
  });
});

describe('verifyVisit: fences', () => {
  const square = (c: { lng: number; lat: number }, half: number) => {
    const ring = [at(0), at(0), at(0), at(0)].map((_, k) => {
      const p = offset(offset(c, half, [0, 0, 180, 180][k]!), half, [90, 270, 270, 90][k]!);
      return [p.lng, p.lat] as [number, number];
    });
    return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
  };

  it('uses the polygon grown by polygonMarginM instead of the radius', () => {
    const r = retailer({ geofence: square(SHOP, 30) });
    expect(verifyVisit(r, both(at(60))).status).toBe('verified'); // 30 m outside the polygon, within the 50 m margin
    expect(verifyVisit(r, both(at(110))).status).toBe('rejected'); // 80 m out: beyond the margin by more than 5 σ
    expect(verifyVisit(r, both(at(110))).distanceM.start).toBeCloseTo(110, 0); // distance to the location
    expect(verifyVisit(r, both(at(60)), { polygonMarginM: 0 }).status).toBe('rejected');
  });

  it('reads a GCJ-02 polygon with its GCJ-02 location, and WGS84 fixes verify inside it', () => {
    const [lng, lat] = wgs84ToGcj02(SHOP.lng, SHOP.lat);
    const gcj = { lng, lat };
    const r = retailer({ location: { ...gcj, crs: 'GCJ02' }, geofence: square(gcj, 30) });
    expect(verifyVisit(r, both(at(10)), { polygonMarginM: 0 }).status).toBe('verified');
    expect(verifyVisit(r, both(at(10)), { polygonMarginM: 0 }).distanceM.start).toBeCloseTo(10, 0);
  });

  it('reports the distance to the polygon (0 inside) for a retailer with a geofence and no location', () => {
    const v = verifyVisit({ id: 'R1', geofence: square(SHOP, 30) }, visit({ start: at(10), end: at(75) }));
    expect(v.distanceM.start).toBe(0);
    expect(v.distanceM.end).toBeCloseTo(45, 0);
    // The start fix proves it alone (70 m inside the grown fence); the end fix (5 m inside) agrees.
    expect(v.status).toBe('verified');
    expect(v.precision).toBe('gnss');
  });

  it('chooses the radius: class override, else segment override, else radiusM', () => {
    const p = both(at(140));
    expect(verifyVisit(retailer({ segment: 'chain_supermarket' }), p).status).toBe('verified'); // default 150 m
    expect(verifyVisit(retailer({ segment: 'retail' }), p).status).toBe('rejected');
    expect(
      verifyVisit(retailer({ segment: 'chain_supermarket', class: 'A' }), p, { radiusByClass: { A: 80 } }).status,
    ).toBe('rejected');
    expect(DEFAULT_VERIFY_POLICY.radiusBySegment).toEqual({ chain_supermarket: 150, hotel_entertainment: 150 });
  });
});

describe('verifyVisit: confidence', () => {
  it('is 1 at the shop with a precise fix and falls as the fix moves away', () => {
    const c = [0, 40, 70, 90, 100, 110, 130].map((d) => verifyVisit(retailer(), both(at(d))).confidence);
    expect(c[0]).toBe(1);
    for (let k = 1; k < c.length; k++) expect(c[k]).toBeLessThanOrEqual(c[k - 1]!);
    expect(c[4]).toBeCloseTo(0.25, 1); // on the boundary each fix is about half inside: 0.5 × 0.5
    expect(c[6]).toBe(0);
  });
});

describe('verifyVisit: input errors', () => {
  it('lists every problem of the retailer, the visit and the policy in one INVALID_INPUT', () => {
    const e = thrown(() =>
      verifyVisit({ id: 'R1', location: { lng: 120.1, lat: 95 } } as never, visit({ start: { lat: 123.4 } }), {
        radiusM: -5,
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'retailer.location.lat',
      'visit.start.lat',
      'policy.radiusM',
    ]);
    expect(e.message).toContain('visit.start.lat: latitude must be within [-90, 90], received 123.4');
  });

  it('rejects a visit for another retailer: UNKNOWN_REFERENCE', () => {
    const e = thrown(() => verifyVisit(retailer(), visit({ retailerId: 'R2' })));
    expect(e.code).toBe('UNKNOWN_REFERENCE');
    expect(e.path).toEqual(['visit', 'retailerId']);
  });

  it('accepts a full core Retailer record', () => {
    const full: RetailerInput = {
      id: 'R1',
      name: 'Tobacco & Liquor #1',
      location: { ...SHOP },
      segment: 'retail',
      class: 'B',
      serviceMinutes: 15,
      visitFrequency: 'weekly',
      orderCount: 12,
      orderVolume: 3400,
      managerId: 'M1',
      region: 'Gongshu',
    };
    expect(verifyVisit(full, visit()).status).toBe('verified');
  });

  it('gives the verdict a batch of this one visit gives', () => {
    const v = visit({ start: at(95), end: { accuracyM: 30, source: 'wifi' } });
    expect(verifyVisit(retailer(), v)).toEqual(verifyDay([retailer()], [v]).verdicts[0]);
  });
});

describe('JSDoc example', () => {
  it('verifyVisit', () => {
    const f = (t: string) => ({ lng: 120.1659, lat: 30.2719, accuracyM: 10, source: 'gnss' as const, at: t });
    const verdict = verifyVisit(
      { id: 'R1', location: { lng: 120.1659, lat: 30.2719 } },
      {
        id: 'V1',
        managerId: 'M1',
        retailerId: 'R1',
        start: f('2026-11-30T09:00:00+08:00'),
        end: f('2026-11-30T09:12:00+08:00'),
      },
    );
    expect(verdict.status).toBe('verified');
    expect(verdict.dwellS).toBe(720);
    expect(verdict.precision).toBe('gnss');
  });
});
