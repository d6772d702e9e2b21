import { verifyDay } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';
import { NINE, SHOP, offset, retailer, thrown, visit } from '../test/helpers.js';

const MIN = 60_000;
const SHOP2 = offset(SHOP, 2000, 0);
const FAR = offset(SHOP, 20_000, 0);
const retailers = [
  retailer(),
  retailer({ id: 'R2', location: { ...SHOP2 } }),
  retailer({ id: 'R3', location: { ...FAR } }),
];

/** A 12-minute visit `id` to retailer `r` at place `p`, starting `startMinutes` minutes after 09:00. */
function at(
  id: string,
  r: string,
  p: { lng: number; lat: number },
  startMinutes: number,
  extra: Record<string, unknown> = {},
  managerId = 'M1',
) {
  return visit({
    id,
    managerId,
    retailerId: r,
    start: { ...p, at: NINE + startMinutes * MIN, ...extra },
    end: { ...p, at: NINE + (startMinutes + 12) * MIN, ...extra },
  });
}

const flagsOf = (result: ReturnType<typeof verifyDay>) =>
  Object.fromEntries(result.verdicts.map((v) => [v.visitId, v.flags]));

describe('verifyDay: flags across a manager’s day', () => {
  it('IMPOSSIBLE_SPEED: 20 km in 5 minutes (67 m/s) between two visits flags both; in 10 minutes (33 m/s) not', () => {
    expect(flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R3', FAR, 22)]))).toEqual({
      V1: [],
      V2: [],
    });
    const r = verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R3', FAR, 17)]);
    expect(flagsOf(r)).toEqual({ V1: ['IMPOSSIBLE_SPEED'], V2: ['IMPOSSIBLE_SPEED'] });
    expect(r.verdicts.every((v) => v.status === 'verified')).toBe(true); // a flag alone does not change the status
  });

  it('IMPOSSIBLE_SPEED is accuracy-tolerant: 2 km in 30 s between two 800 m cell fixes is not flagged', () => {
    const cell = { accuracyM: 800, source: 'cell' };
    const r = verifyDay(retailers, [at('V1', 'R1', SHOP, 0, cell), at('V2', 'R2', SHOP2, 12.5, cell)]);
    expect(flagsOf(r)).toEqual({ V1: [], V2: [] }); // 2000 m < 1297 m + 1297 m (both 95 % radii)
    // the same jump between precise fixes is flagged
    expect(flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R2', SHOP2, 12.5)]))).toEqual({
      V1: ['IMPOSSIBLE_SPEED'],
      V2: ['IMPOSSIBLE_SPEED'],
    });
  });

  it('IMPOSSIBLE_SPEED within one visit: an end fix 50 km from the start 12 minutes later', () => {
    const v = visit({ end: { ...offset(SHOP, 50_000) } });
    expect(verifyDay(retailers, [v]).verdicts[0]).toMatchObject({ status: 'rejected', flags: ['IMPOSSIBLE_SPEED'] });
  });

  it('does not compare fixes of different managers or days', () => {
    const r = verifyDay(retailers, [
      at('V1', 'R1', SHOP, 0),
      at('V2', 'R3', FAR, 22, {}, 'M2'),
      at('V3', 'R3', FAR, 24 * 60),
    ]);
    expect(flagsOf(r)).toEqual({ V1: [], V2: [], V3: [] });
  });

  it('REPEATED_COORDINATES: the same GNSS coordinates at two different retailers flag both visits', () => {
    const p = offset(SHOP, 1000, 0); // 1 km from each: inside neither fence, but identical
    const r = verifyDay(retailers, [
      at('V1', 'R1', p, 0),
      at('V2', 'R2', p, 60, {}, 'M2'),
      at('V3', 'R1', SHOP, 120, {}, 'M3'),
    ]);
    expect(flagsOf(r)).toEqual({ V1: ['REPEATED_COORDINATES'], V2: ['REPEATED_COORDINATES'], V3: [] });
  });

  it('REPEATED_COORDINATES ignores repeats at the same retailer and cell fixes (same tower, same estimate)', () => {
    expect(flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R1', SHOP, 60, {}, 'M2')]))).toEqual({
      V1: [],
      V2: [],
    });
    const cell = { accuracyM: 900, source: 'cell' };
    expect(
      flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0, cell), at('V2', 'R2', SHOP, 60, cell, 'M2')])),
    ).toEqual({ V1: [], V2: [] });
  });

  it('CONSTANT_ACCURACY: six GNSS fixes of a day with the same accuracy flag the day; five do not', () => {
    const day = [at('V1', 'R1', SHOP, 0), at('V2', 'R2', SHOP2, 30), at('V3', 'R1', SHOP, 60)];
    expect(flagsOf(verifyDay(retailers, day))).toEqual({
      V1: ['CONSTANT_ACCURACY'],
      V2: ['CONSTANT_ACCURACY'],
      V3: ['CONSTANT_ACCURACY'],
    });
    const varied = [...day.slice(0, 2), at('V3', 'R1', SHOP, 60, { accuracyM: 9 })];
    expect(flagsOf(verifyDay(retailers, varied))).toEqual({ V1: [], V2: [], V3: [] });
    expect(flagsOf(verifyDay(retailers, day, { minConstantAccuracyFixes: 7 }))).toEqual({ V1: [], V2: [], V3: [] });
  });

  it('OVERLAPPING_VISITS: a visit starting 5 minutes before the previous one ends; 1 minute is clock noise', () => {
    expect(flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R1', SHOP, 7)]))).toEqual({
      V1: ['OVERLAPPING_VISITS'],
      V2: ['OVERLAPPING_VISITS'],
    });
    expect(flagsOf(verifyDay(retailers, [at('V1', 'R1', SHOP, 0), at('V2', 'R1', SHOP, 11)]))).toEqual({
      V1: [],
      V2: [],
    });
  });
});

describe('verifyDay: the day summary', () => {
  const visits = [
    at('V1', 'R1', SHOP, 0),
    at('V2', 'R2', offset(SHOP2, 400), 30), // out of range
    at('V3', 'R1', SHOP, 120, {}, 'M2'),
  ];
  const planned = [
    { managerId: 'M1', date: '2026-11-30', retailerIds: ['R1', 'R3'] },
    { managerId: 'M3', date: '2026-11-30', retailerIds: ['R2'] },
  ];

  it('counts planned vs visited vs verified per manager and date, with time on site and distance', () => {
    const { summary } = verifyDay(retailers, visits, {}, { planned });
    expect(summary.days.map((d) => [d.managerId, d.date])).toEqual([
      ['M1', '2026-11-30'],
      ['M2', '2026-11-30'],
      ['M3', '2026-11-30'],
    ]);
    const m1 = summary.days[0]!;
    expect(m1).toMatchObject({
      visits: { total: 2, verified: 1, rejected: 1, unverifiable: 0, incomplete: 0, flagged: 0 },
      plannedRetailers: 2,
      visitedRetailers: 2,
      verifiedRetailers: 1,
      plannedVisited: 1,
      plannedVerified: 1,
      notVisitedRetailerIds: ['R3'],
      unplannedRetailerIds: ['R2'],
      timeOnSiteS: 720,
      reportedTimeOnSiteS: 1440,
    });
    expect(m1.distanceBetweenVisitsM).toBeCloseTo(Math.hypot(2000, 400), -1);
    expect(summary.days[1]).toMatchObject({
      managerId: 'M2',
      plannedRetailers: null,
      notVisitedRetailerIds: null,
      visitedRetailers: 1,
      distanceBetweenVisitsM: 0,
    });
    expect(summary.days[2]).toMatchObject({
      managerId: 'M3',
      plannedRetailers: 1,
      visitedRetailers: 0,
      notVisitedRetailerIds: ['R2'],
      visits: { total: 0 },
    });
    expect(summary.totals).toEqual({
      total: 3,
      verified: 2,
      rejected: 1,
      unverifiable: 0,
      incomplete: 0,
      flagged: 0,
      managers: 3,
      days: 3,
    });
  });

  it('dates a visit by the local calendar of utcOffsetMinutes', () => {
    const early = visit({
      start: { at: Date.parse('2026-11-29T23:30:00Z') },
      end: { at: Date.parse('2026-11-29T23:45:00Z') },
    });
    expect(verifyDay(retailers, [early]).summary.days[0]!.date).toBe('2026-11-30'); // 07:30 in UTC+8
    expect(verifyDay(retailers, [early], { utcOffsetMinutes: 0 }).summary.days[0]!.date).toBe('2026-11-29');
  });

  it('does not depend on the order of the visits', () => {
    const a = verifyDay(retailers, visits, {}, { planned });
    const b = verifyDay(retailers, [...visits].reverse(), {}, { planned: [...planned].reverse() });
    expect(b.summary).toEqual(a.summary);
    expect([...b.verdicts].reverse()).toEqual(a.verdicts);
  });
});

describe('verifyDay: input errors', () => {
  it('lists every schema problem of the whole input in one INVALID_INPUT', () => {
    const e = thrown(() =>
      verifyDay(
        [retailer(), retailer({ id: 'R1' }), { id: 'R9', location: { lng: 200, lat: 0 } }],
        [
          visit({ start: { lat: 95 } }),
          visit({ id: 'V2', end: { source: 'gps' } }),
          { ...visit({ id: 'V2' }), Mock: true },
        ],
        { minDwellS: 600, maxDwellS: 300 },
        { planned: [{ managerId: 'M1', date: '2026-02-30', retailerIds: [] }] },
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'retailers.2.location.lng',
      'retailers.1.id',
      'visits.0.start.lat',
      'visits.1.end.source',
      'visits.2.Mock',
      'policy.maxDwellS',
      'planned.0.date',
    ]);
  });

  it('reports duplicate visit ids', () => {
    const e = thrown(() => verifyDay(retailers, [visit(), visit()]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('visits[1].id: duplicate visit id, first at visits[0], received "V1"');
  });

  it('reports every unknown retailer id as UNKNOWN_REFERENCE', () => {
    const e = thrown(() =>
      verifyDay(
        retailers,
        [visit({ retailerId: 'R7' }), visit({ id: 'V2', retailerId: 'R8' })],
        {},
        { planned: [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R9'] }] },
      ),
    );
    expect(e.code).toBe('UNKNOWN_REFERENCE');
    expect(e.issues.map((i) => `${i.path.join('.')}=${String(i.value)}`)).toEqual([
      'visits.0.retailerId=R7',
      'visits.1.retailerId=R8',
      'planned.0.retailerIds.0=R9',
    ]);
  });

  it('is INVALID_INPUT, listing the unknown references too, when schema problems come with them', () => {
    const e = thrown(() =>
      verifyDay(retailers, [visit({ retailerId: 'R7' }), visit({ id: 'V2', start: { lat: -91 } })]),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['visits.1.start.lat', 'visits.0.retailerId']);
  });

  it('says so when the lists are missing or not arrays', () => {
    const e = thrown(() => verifyDay(undefined as never, {} as never));
    expect(e.issues).toEqual([
      {
        path: ['retailers'],
        message: 'retailers are required',
        reason: { key: 'geofence.are_required', what: 'retailers' },
      },
      {
        path: ['visits'],
        message: 'visits must be an array',
        value: {},
        reason: { key: 'geofence.must_be_array', what: 'visits' },
      },
    ]);
  });

  it('keeps at most 1000 issues and counts the rest', () => {
    const bad = Array.from({ length: 1200 }, (_, k) => visit({ id: `V${k}`, start: { lat: 99 } }));
    const e = thrown(() => verifyDay(retailers, bad));
    expect(e.issues).toHaveLength(1000);
    expect(e.omittedIssues).toBe(200);
  });
});

describe('JSDoc example', () => {
  it('verifyDay', () => {
    const rs = [{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }];
    const f = (t: string) => ({ lng: 120.1659, lat: 30.2719, accuracyM: 8, source: 'gnss' as const, at: t });
    const { verdicts, summary } = verifyDay(
      rs,
      [
        {
          id: 'V1',
          managerId: 'M1',
          retailerId: 'R1',
          start: f('2026-11-30T09:00:00+08:00'),
          end: f('2026-11-30T09:12:00+08:00'),
        },
      ],
      {},
      { planned: [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R1'] }] },
    );
    expect(verdicts[0]!.status).toBe('verified');
    expect(summary.days[0]!.plannedVerified).toBe(1);
    const bad = { id: 'V2', managerId: 'M1', retailerId: 'R9', start: f('2026-11-30T10:00:00+08:00') };
    const lenient = verifyDay(rs, [bad] as never, {}, { lenient: true });
    expect(lenient.rejected[0]!.path).toEqual(['visits', 0]);
    expect(lenient.verdicts).toEqual([]);
    expect(verifyDay(rs, []).verdicts).toEqual([]);
    expect(verifyDay([], [], {}, { lenient: true }).rejected).toEqual([]);
  });
});
