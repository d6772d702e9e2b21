import { convertLngLat, type Crs } from '@beatplan/core';
import { verifyDay, verifyVisit } from '@beatplan/geofence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NINE, offset } from './helpers.js';

// Property tests (fast-check, seeded so that a failure reproduces).
const SEED = 20261130;
const crs = fc.constantFrom<Crs | undefined>(undefined, 'WGS84', 'GCJ02', 'BD09');
/** A place in China (where GCJ-02 and BD-09 shift points by hundreds of metres) or elsewhere. */
const place = fc.oneof(
  fc.record({ lng: fc.double({ min: 100, max: 122, noNaN: true }), lat: fc.double({ min: 22, max: 45, noNaN: true }) }),
  fc.record({
    lng: fc.double({ min: -170, max: 170, noNaN: true }),
    lat: fc.double({ min: -70, max: 70, noNaN: true }),
  }),
);
const inCrs = (p: { lng: number; lat: number }, c: Crs | undefined) => {
  const [lng, lat] = convertLngLat(p.lng, p.lat, 'WGS84', c);
  return c === undefined ? { lng, lat } : { lng, lat, crs: c };
};

/** Verdicts in order of merit: a rejected visit is worse than an undecided one, which is worse than a verified one. */
const MERIT: Record<string, number> = { rejected: 0, unverifiable: 1, verified: 2 };
const source = fc.constantFrom('gnss', 'wifi', 'cell', 'manual');

/** A visit at SHOP-centred disc of `radiusM` with fixes `d` metres away on `bearing`, and its verdict. */
function judgeAt(
  fixes: { d: number; bearing: number; accuracyM: number; source: string }[],
  policy: Record<string, unknown>,
) {
  const shop = { lng: 120.6994, lat: 27.9943 };
  const [start, end] = fixes.map((f, k) => ({
    ...offset(shop, f.d, f.bearing),
    accuracyM: f.accuracyM,
    source: f.source,
    at: NINE + k * 900_000,
  }));
  return verifyVisit(
    { id: 'R', location: shop },
    { id: 'V', managerId: 'M', retailerId: 'R', start, end } as never,
    policy as never,
  );
}

describe('properties', () => {
  it('a more accurate fix at the same place inside the fence never gives a worse verdict', () => {
    const fixInside = (radiusM: number) =>
      fc.record({
        d: fc.double({ min: 0, max: radiusM - 0.01, noNaN: true }),
        bearing: fc.double({ min: 0, max: 360, noNaN: true }),
        accuracyM: fc.double({ min: 0.5, max: 400, noNaN: true }),
        source,
      });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 30, max: 400 })
          .chain((radiusM) =>
            fc.tuple(
              fc.constant(radiusM),
              fixInside(radiusM),
              fixInside(radiusM),
              fc.double({ min: 0.01, max: 1, noNaN: true }),
              fc.double({ min: 0, max: 8, noNaN: true }),
              fc.boolean(),
            ),
          ),
        ([radiusM, a, b, shrink, strictness, improveEnd]) => {
          const policy = { radiusM, strictness };
          const before = judgeAt([a, b], policy);
          const better = improveEnd
            ? [a, { ...b, accuracyM: b.accuracyM * shrink }]
            : [{ ...a, accuracyM: a.accuracyM * shrink }, b];
          const after = judgeAt(better, policy);
          expect(MERIT[after.status]!, JSON.stringify({ before, after })).toBeGreaterThanOrEqual(MERIT[before.status]!);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a stricter setting never verifies a visit a more lenient one does not', () => {
    const anyFix = fc.record({
      d: fc.double({ min: 0, max: 600, noNaN: true }),
      bearing: fc.double({ min: 0, max: 360, noNaN: true }),
      accuracyM: fc.double({ min: 0.5, max: 300, noNaN: true }),
      source,
    });
    fc.assert(
      fc.property(
        anyFix,
        anyFix,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (a, b, k1, k2) => {
          const [lenient, strict] = k1 <= k2 ? [k1, k2] : [k2, k1];
          if (judgeAt([a, b], { strictness: strict }).status === 'verified')
            expect(judgeAt([a, b], { strictness: lenient }).status).toBe('verified');
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a fix at the retailer’s point with small accuracy always verifies (given enough dwell), in any crs', () => {
    fc.assert(
      fc.property(
        place,
        crs,
        crs,
        crs,
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.constantFrom('gnss', 'wifi', 'manual', 'cell'),
        fc.integer({ min: 300, max: 14_400 }),
        fc.constantFrom(undefined, 'retail', 'chain_supermarket', 'hotel_entertainment'),
        fc.constantFrom(undefined, 'A', 'B', 'C'),
        (p, rc, sc, ec, accuracyM, source, dwellS, segment, cls) => {
          const retailer = {
            id: 'R',
            location: inCrs(p, rc),
            ...(segment ? { segment } : {}),
            ...(cls ? { class: cls } : {}),
          };
          const visit = {
            id: 'V',
            managerId: 'M',
            retailerId: 'R',
            start: { ...inCrs(p, sc), accuracyM, source, at: NINE },
            end: { ...inCrs(p, ec), accuracyM, source, at: NINE + dwellS * 1000 },
          };
          const v = verifyVisit(retailer as never, visit as never);
          expect(v.status, JSON.stringify(v)).toBe('verified');
          expect(v.confidence).toBeGreaterThan(0.99);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('moving a fix farther from the retailer never raises the confidence (disc and polygon fences)', () => {
    fc.assert(
      fc.property(
        place,
        crs,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.boolean(),
        (p, rc, bearing, d1, d2, accuracyM, polygon) => {
          const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const square = [
            [0, 0],
            [90, 0],
            [180, 0],
            [270, 0],
            [0, 0],
          ].map(([b]) => {
            const q = offset(offset(p, 40, b!), 40, b! + 90);
            return [q.lng, q.lat];
          });
          const geofence = {
            type: 'Polygon',
            coordinates: [
              square.map(([lng, lat]) => {
                const q = inCrs({ lng: lng!, lat: lat! }, rc);
                return [q.lng, q.lat];
              }),
            ],
          };
          const retailer = { id: 'R', location: inCrs(p, rc), ...(polygon ? { geofence } : {}) };
          const confidenceAt = (d: number) => {
            const q = offset(p, d, bearing);
            const fix = { ...q, accuracyM, source: 'gnss', at: NINE };
            return verifyVisit(
              retailer as never,
              { id: 'V', managerId: 'M', retailerId: 'R', start: fix, end: { ...fix, at: NINE + 600_000 } } as never,
            ).confidence;
          };
          expect(confidenceAt(far)).toBeLessThanOrEqual(confidenceAt(near));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a batch gives the same verdicts and summary whatever the order of its visits (some without an end fix)', () => {
    const shop = { lng: 120.165896, lat: 30.27186 };
    const retailers = [0, 1, 2, 3].map((k) => ({
      id: `R${k}`,
      location: offset(shop, 800 * k, 60 * k),
      segment: 'retail' as const,
    }));
    const visitArb = fc.record({
      managerId: fc.constantFrom('M1', 'M2'),
      retailer: fc.integer({ min: 0, max: 3 }),
      startMinutes: fc.integer({ min: 0, max: 24 * 60 * 2 }),
      dwellMinutes: fc.integer({ min: -5, max: 40 }),
      offsetM: fc.constantFrom(0, 0, 30, 90, 150, 3000),
      accuracyM: fc.constantFrom(5, 5, 12, 40, 900),
      source: fc.constantFrom('gnss', 'gnss', 'cell', 'wifi'),
      mock: fc.boolean(),
      hasEnd: fc.constantFrom(true, true, true, false),
    });
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 1, maxLength: 25 }), fc.integer(), (specs, salt) => {
        const visits = specs.map((s, k) => {
          const p = offset(retailers[s.retailer]!.location, s.offsetM, 45);
          const fix = (at: number) => ({
            ...p,
            accuracyM: s.accuracyM,
            source: s.source,
            at,
            ...(s.mock ? { mock: true } : {}),
          });
          return {
            id: `V${k}`,
            managerId: s.managerId,
            retailerId: `R${s.retailer}`,
            start: fix(NINE + s.startMinutes * 60_000),
            ...(s.hasEnd ? { end: fix(NINE + (s.startMinutes + s.dwellMinutes) * 60_000) } : {}),
          };
        });
        const planned = [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R0', 'R2'] }];
        // a seeded shuffle
        const shuffled = visits
          .map((v, k) => ({ v, key: Math.imul(k + 1, 0x9e3779b1) ^ salt }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.v);
        const a = verifyDay(retailers, visits as never, {}, { planned });
        const b = verifyDay(retailers, shuffled as never, {}, { planned });
        expect(b.summary).toEqual(a.summary);
        const byId = (r: typeof a) => Object.fromEntries(r.verdicts.map((v) => [v.visitId, v]));
        expect(byId(b)).toEqual(byId(a));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
