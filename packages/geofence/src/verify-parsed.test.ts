import { parseOrThrow, VisitSchema, type Visit } from '@beatplan/core';
import { compileRetailers, verifyDay, verifyParsed } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';
import { SHOP, offset, retailer, thrown, visit } from '../test/helpers.js';

const retailers = [
  retailer(),
  retailer({ id: 'R2', location: null }),
  retailer({ id: 'R3', segment: 'hotel_entertainment', class: 'A' }),
];
const visits = [
  visit(),
  visit({ id: 'V2', retailerId: 'R2' }),
  visit({ id: 'V3', retailerId: 'R3', start: offset(SHOP, 130), end: { accuracyM: 400, source: 'cell' } }),
  visit({ id: 'V4', start: { mock: true } }),
];

describe('compileRetailers + verifyParsed', () => {
  it('gives exactly what verifyDay gives', () => {
    const index = compileRetailers(retailers, { radiusM: 90 });
    const parsed = visits.map((v) => parseOrThrow(VisitSchema, v));
    const planned = [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R1', 'R2'] }];
    expect(verifyParsed(index, parsed, { planned })).toEqual(
      verifyDay(retailers, visits, { radiusM: 90 }, { planned }),
    );
  });

  it('precomputes each fence once: WGS84 location and the radius by class, segment, default', () => {
    const index = compileRetailers(retailers, { radiusByClass: { A: 70 } });
    expect(index.fences.map((f) => f.radiusM)).toEqual([100, 100, 70]);
    expect(index.byId.get('R3')).toBe(2);
  });

  it('compileRetailers lists every bad retailer and policy field', () => {
    const e = thrown(() =>
      compileRetailers([retailer({ location: { lng: 1, lat: 91 } }), retailer()], { maxSpeedKmh: 0 }),
    );
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'retailers.0.location.lat',
      'retailers.1.id',
      'policy.maxSpeedKmh',
    ]);
  });

  it('verifyParsed still refuses a visit for an unknown retailer', () => {
    const index = compileRetailers(retailers);
    expect(thrown(() => verifyParsed(index, [parseOrThrow(VisitSchema, visit({ retailerId: 'R9' }))])).code).toBe(
      'UNKNOWN_REFERENCE',
    );
  });

  it('never verifies unvalidated garbage: NaN coordinates, times and accuracies', () => {
    const index = compileRetailers(retailers);
    const good = parseOrThrow(VisitSchema, visit());
    const broken: Visit[] = [
      { ...good, id: 'a', start: { ...good.start, lat: NaN } },
      { ...good, id: 'b', end: { ...(good.end ?? good.start), at: NaN } },
      { ...good, id: 'c', start: { ...good.start, accuracyM: NaN } },
    ];
    const verdicts = verifyParsed(index, broken).verdicts;
    expect(verdicts.map((v) => v.status)).toEqual(['unverifiable', 'rejected', 'unverifiable']);
    expect(verdicts.map((v) => v.reasons)).toEqual([['AMBIGUOUS_POSITION'], ['TOO_SHORT'], ['ACCURACY_TOO_COARSE']]);
    expect(verdicts[0]!.confidence).toBe(0);
    expect(verdicts[2]!.confidence).toBe(0);
  });

  it('JSDoc examples', () => {
    const one = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }], { radiusM: 80 });
    expect(one.fences[0]!.radiusM).toBe(80);
    const index = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }]);
    const v = parseOrThrow(VisitSchema, {
      id: 'V1',
      managerId: 'M1',
      retailerId: 'R1',
      start: { lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss', at: '2026-11-30T09:00:00+08:00' },
      end: { lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss', at: '2026-11-30T09:12:00+08:00' },
    });
    expect(verifyParsed(index, [v]).verdicts[0]!.status).toBe('verified');
  });
});
