import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeatplanError, parseOrThrow, VisitSchema, type Visit } from '@beatplan/core';
import {
  compileRetailers,
  flagCodes,
  FLAG_CODES,
  PlannedDaySchema,
  reasonCodes,
  REASON_CODES,
  releaseVerificationMemory,
  setVerificationMemoryLimit,
  verdictAt,
  verifyColumns,
  verifyDay,
  verifyParsed,
  VISIT_STATUSES,
  visitsToColumns,
  type VisitColumns,
} from '@beatplan/geofence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NINE, offset, retailer, SHOP, thrown, visit } from '../test/helpers.js';

/** The columnar result as `verifyParsed` gives it: verdict objects and the summary. */
function decoded(columns: VisitColumns, result: ReturnType<typeof verifyColumns>) {
  return { verdicts: columns.ids.map((id, i) => verdictAt(result.verdicts, i, id)), summary: result.summary };
}

const inDir = fileURLToPath(new URL('../test/in/', import.meta.url));

describe('verifyColumns', () => {
  it('gives verifyDay’s verdicts and summary on every valid verification fixture (crs mixes, spoofing, coarse fixes, times…)', () => {
    let compared = 0;
    for (const file of readdirSync(inDir).sort()) {
      const input = JSON.parse(readFileSync(inDir + file, 'utf8')) as {
        retailers: never[];
        visits: never[];
        policy?: object;
        planned?: unknown[];
      };
      let expected;
      try {
        expected = verifyDay(
          input.retailers,
          input.visits,
          input.policy,
          input.planned ? { planned: input.planned } : {},
        );
      } catch {
        continue; // the invalid-input fixtures
      }
      const index = compileRetailers(input.retailers, input.policy);
      const visits = input.visits.map((v) => parseOrThrow(VisitSchema, v));
      const planned = (input.planned ?? []).map((p) => parseOrThrow(PlannedDaySchema, p));
      const columns = visitsToColumns(index, visits);
      expect(decoded(columns, verifyColumns(index, columns, { planned })), file).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('equals verifyParsed and verifyDay on random batches (managers, days, crs, mock, confidence, sources, plans, visits without an end fix)', () => {
    const retailers = [0, 1, 2, 3, 4].map((k) => ({
      id: `R${k}`,
      location: k === 4 ? null : offset(SHOP, 700 * k, 50 * k),
    }));
    const index = compileRetailers(retailers);
    const fixArb = fc.record({
      offsetM: fc.constantFrom(0, 0, 20, 90, 140, 2500),
      accuracyM: fc.constantFrom(4, 4, 15, 60, 900),
      source: fc.constantFrom('gnss', 'gnss', 'cell', 'wifi', 'manual'),
      crs: fc.constantFrom(undefined, undefined, 'WGS84', 'GCJ02', 'BD09'),
      mock: fc.constantFrom(undefined, undefined, false, true),
      accuracyConfidence: fc.constantFrom(undefined, undefined, 0.68, 0.95),
    });
    const visitArb = fc.record({
      managerId: fc.constantFrom('M1', 'M2', 'M3'),
      retailer: fc.integer({ min: 0, max: 4 }),
      startMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      dwellMinutes: fc.integer({ min: -5, max: 300 }),
      start: fixArb,
      end: fixArb,
      hasEnd: fc.constantFrom(true, true, true, false),
    });
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 0, maxLength: 40 }), (specs) => {
        const visits: Visit[] = specs.map((s, k) => {
          const place = retailers[s.retailer]!.location ?? SHOP;
          const fix = (f: typeof s.start, at: number) => {
            const p = offset(place, f.offsetM, 30 * k);
            const { offsetM: _, ...rest } = f;
            return Object.fromEntries(Object.entries({ ...p, ...rest, at }).filter(([, v]) => v !== undefined));
          };
          const start = NINE + s.startMinutes * 60_000;
          return parseOrThrow(VisitSchema, {
            id: `V${k}`,
            managerId: s.managerId,
            retailerId: `R${s.retailer}`,
            start: fix(s.start, start),
            ...(s.hasEnd ? { end: fix(s.end, start + s.dwellMinutes * 60_000) } : {}),
          });
        });
        const planned = [
          { managerId: 'M1', date: '2026-11-30', retailerIds: ['R0', 'R3'] },
          { managerId: 'M9', date: '2026-12-01', retailerIds: ['R1'] },
        ];
        const columns = visitsToColumns(index, visits);
        const parsed = verifyParsed(index, visits, { planned });
        expect(decoded(columns, verifyColumns(index, columns, { planned }))).toEqual(parsed);
        expect(verifyDay(retailers, visits as never, {}, { planned })).toEqual(parsed);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('a manager with many visits (past the small-day insertion sort) gives the same summary in any input order', () => {
    const index = compileRetailers([retailer(), retailer({ id: 'R2', location: offset(SHOP, 400) })]);
    const visits = Array.from({ length: 90 }, (_, k) => {
      const at = NINE + Math.floor(k / 30) * 86_400_000 + (k % 30) * 20 * 60_000;
      return parseOrThrow(
        VisitSchema,
        visit({
          id: `V${String(k).padStart(2, '0')}`,
          retailerId: k % 3 ? 'R1' : 'R2',
          start: { at },
          end: { at: at + (k % 7) * 3 * 60_000 },
        }),
      );
    });
    const reversed = [...visits].reverse();
    const interleaved = visits.map((_, k) => visits[(k * 37) % 90]!);
    const summary = (vs: Visit[]) => verifyColumns(index, visitsToColumns(index, vs)).summary;
    expect(summary(visits).days).toHaveLength(3);
    expect(summary(reversed)).toEqual(summary(visits));
    expect(summary(interleaved)).toEqual(summary(visits));
    expect(summary(visits)).toEqual(verifyParsed(index, reversed).summary);
  });

  it('releaseVerificationMemory gives the kept scratch buffer back; the next batch still verifies', () => {
    const index = compileRetailers([retailer()]);
    const columns = visitsToColumns(
      index,
      Array.from({ length: 2000 }, (_, k) => parseOrThrow(VisitSchema, visit({ id: `V${k}` }))),
    );
    const first = verifyColumns(index, columns);
    verifyColumns(index, columns); // the second batch of this size grows the kept buffer to fit
    expect(releaseVerificationMemory()).toBeGreaterThan(2000 * 188);
    expect(releaseVerificationMemory()).toBe(0);
    expect(verifyColumns(index, columns)).toEqual(first);
    // A limit below the batch's need: nothing is kept, and the batch still verifies (fresh arrays).
    setVerificationMemoryLimit(1024);
    try {
      verifyColumns(index, columns);
      expect(verifyColumns(index, columns)).toEqual(first);
      expect(releaseVerificationMemory()).toBe(0);
      expect(() => setVerificationMemoryLimit(-1)).toThrow(BeatplanError);
    } finally {
      setVerificationMemoryLimit(256 * 2 ** 20);
    }
  });

  it('leaves earlier results intact when the next (larger, then smaller) batch reuses the scratch memory', () => {
    const index = compileRetailers([retailer(), retailer({ id: 'R2', location: offset(SHOP, 900) })]);
    const make = (n: number, retailerId: string) =>
      visitsToColumns(
        index,
        Array.from({ length: n }, (_, k) => parseOrThrow(VisitSchema, visit({ id: `V${k}`, retailerId }))),
      );
    const small = make(3, 'R1');
    const first = verifyColumns(index, small);
    const snapshot = structuredClone(first);
    verifyColumns(index, make(500, 'R2'));
    const again = verifyColumns(index, small);
    expect(first).toEqual(snapshot);
    expect(again).toEqual(snapshot);
    expect([...first.verdicts.status]).toEqual([0, 0, 0]);
  });

  it('a visit without an end fix: end.present = 0, the other end values ignored (any value), code 3 incomplete', () => {
    const index = compileRetailers([retailer()]);
    const visits = [
      parseOrThrow(VisitSchema, visit()),
      parseOrThrow(VisitSchema, { ...visit({ id: 'V2', start: { at: NINE + 3600_000 } }), end: undefined }),
    ];
    const columns = visitsToColumns(index, visits);
    expect([...columns.end.present!]).toEqual([1, 0]);
    expect(visitsToColumns(index, visits.slice(0, 1)).end.present).toBeUndefined();
    const garbage = {
      ...columns,
      end: {
        ...columns.end,
        lng: Float64Array.of(columns.end.lng[0]!, NaN),
        lat: Float64Array.of(columns.end.lat[0]!, 999),
        at: Float64Array.of(columns.end.at[0]!, -1),
        source: Uint8Array.of(columns.end.source[0]!, 200),
      },
    };
    const a = verifyColumns(index, columns);
    const b = verifyColumns(index, garbage);
    expect(decoded(garbage, b)).toEqual(decoded(columns, a));
    expect([...b.verdicts.status].map((s) => VISIT_STATUSES[s])).toEqual(['verified', 'incomplete']);
    expect(reasonCodes(b.verdicts.reasons[1]!)).toEqual(['NO_END_FIX']);
    expect(Number.isNaN(b.verdicts.dwellS[1]!) && Number.isNaN(b.verdicts.distanceEndM[1]!)).toBe(true);
    expect(decoded(columns, a)).toEqual(verifyParsed(index, visits));
  });

  it('refuses a start.present column with a 0 (a visit needs its start fix) and present values other than 0/1', () => {
    const index = compileRetailers([retailer()]);
    const columns = visitsToColumns(index, [parseOrThrow(VisitSchema, visit())]);
    const e = thrown(() =>
      verifyColumns(index, {
        ...columns,
        start: { ...columns.start, present: Uint8Array.of(0) },
        end: { ...columns.end, present: Uint8Array.of(2) },
      }),
    );
    expect(e.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'columns.start.present.0',
        'a visit needs its start fix (present must be 1; a visit with only an end fix, or none, cannot be judged) (visit "V1")',
      ],
      ['columns.end.present.0', 'present must be 0 (no end fix) or 1 (visit "V1")'],
    ]);
  });

  it('codes: status indexes VISIT_STATUSES, reason and flag bits follow REASON_CODES and FLAG_CODES', () => {
    const index = compileRetailers([retailer()]);
    const columns = visitsToColumns(index, [
      parseOrThrow(VisitSchema, visit()),
      parseOrThrow(VisitSchema, visit({ id: 'V2', start: { ...offset(SHOP, 3000) } })),
      parseOrThrow(
        VisitSchema,
        visit({
          id: 'V3',
          start: { at: NINE + 3 * 3600_000, mock: true },
          end: { at: NINE + 3 * 3600_000 + 600_000, mock: true },
        }),
      ),
    ]);
    const { verdicts } = verifyColumns(index, columns);
    expect([...verdicts.status].map((s) => VISIT_STATUSES[s])).toEqual(['verified', 'rejected', 'unverifiable']);
    expect(reasonCodes(verdicts.reasons[1]!)).toContain('OUT_OF_RANGE');
    expect(reasonCodes(verdicts.reasons[2]!)).toEqual(['MOCK_LOCATION']);
    expect(flagCodes(verdicts.flags[2]!)).toContain('MOCK_LOCATION');
    expect(reasonCodes(0b101)).toEqual([REASON_CODES[0], REASON_CODES[2]]);
    expect(flagCodes(0b11)).toEqual([FLAG_CODES[0], FLAG_CODES[1]]);
    expect(() => reasonCodes(512)).toThrow(BeatplanError);
    expect(reasonCodes(256)).toEqual(['NO_END_FIX']);
    expect(() => flagCodes(1.5)).toThrow(BeatplanError);
    expect(() => verdictAt(verdicts, 3, 'V4')).toThrow(BeatplanError);
    expect(Number.isNaN(verdicts.distanceStartM[0])).toBe(false);
  });

  it('visitsToColumns: optional columns only when used; unknown retailers refused', () => {
    const index = compileRetailers([retailer()]);
    const plain = visitsToColumns(index, [parseOrThrow(VisitSchema, visit())]);
    expect(Object.keys(plain.start).sort()).toEqual(['accuracyM', 'at', 'lat', 'lng', 'source']);
    const rich = visitsToColumns(index, [
      parseOrThrow(VisitSchema, visit({ start: { crs: 'GCJ02', mock: true, accuracyConfidence: 0.95 } })),
    ]);
    expect([
      rich.start.crs![0],
      rich.start.mock![0],
      rich.start.accuracyConfidence![0],
      rich.end.accuracyConfidence![0],
    ]).toEqual([1, 1, 0.95, NaN]);
    expect(thrown(() => visitsToColumns(index, [parseOrThrow(VisitSchema, visit({ retailerId: 'R9' }))])).code).toBe(
      'UNKNOWN_REFERENCE',
    );
  });
});

describe('verifyColumns: bad columns', () => {
  const index = compileRetailers([retailer()]);
  const good = () =>
    visitsToColumns(index, [parseOrThrow(VisitSchema, visit()), parseOrThrow(VisitSchema, visit({ id: 'V2' }))]);

  it('lists every bad value with its path, the value and the visit id; nothing is verified', () => {
    const columns = good();
    columns.start.lat[1] = 91;
    columns.end.lng[0] = NaN;
    columns.start.accuracyM[0] = -1;
    columns.end.at[1] = 1_700_000_000; // epoch seconds
    columns.start.source[0] = 7;
    columns.retailer[1] = 5;
    columns.manager[0] = 3;
    const e = thrown(() => verifyColumns(index, columns));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => [i.path.join('.'), i.value])).toEqual([
      ['columns.manager.0', 3],
      ['columns.retailer.1', 5],
      ['columns.start.lat.1', 91],
      ['columns.start.accuracyM.0', -1],
      ['columns.start.source.0', 7],
      ['columns.end.lng.0', NaN],
      ['columns.end.at.1', 1_700_000_000],
    ]);
    expect(e.issues[2]!.message).toBe('latitude must be a finite number within [-90, 90] (visit "V2")');
  });

  it('refuses wrong array types, wrong lengths, unknown fix columns, bad optional codes', () => {
    const columns = good() as unknown as Record<string, any>;
    columns.start.lng = [120.1, 120.1];
    columns.end.at = new Float64Array(3);
    columns.start.crs = Uint8Array.of(0, 3);
    columns.end.mock = Uint8Array.of(2, 0);
    columns.end.accuracyConfidence = Float64Array.of(NaN, 1);
    columns.end.Mock = Uint8Array.of(1, 1);
    const e = thrown(() => verifyColumns(index, columns as never));
    expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'columns.start.lng: must be a Float64Array, received Array',
      'columns.start.crs.1: crs code must be 0 (WGS84), 1 (GCJ02) or 2 (BD09) (visit "V2")',
      'columns.end.Mock: unknown fix column (a misspelt column would otherwise be ignored)',
      'columns.end.at: must have one element per visit (ids.length = 2), received 3',
      'columns.end.mock.0: mock must be 0 or 1 (visit "V1")',
      'columns.end.accuracyConfidence.1: accuracy confidence must be NaN (absent) or within (0, 1), e.g. 0.68 or 0.95 (visit "V2")',
    ]);
  });

  it('checks ids as IdSchema does and their uniqueness; plans referring to unknown retailers', () => {
    const columns = good() as unknown as Record<string, any>;
    columns.ids = ['V1', 'V1'];
    columns.managerIds = [' M1'];
    columns.retailers = columns.retailer;
    expect(
      thrown(() => verifyColumns(index, columns as never)).issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    ).toEqual([
      'columns.retailers: unknown column (a misspelt column would otherwise be ignored)',
      'columns.ids.1: duplicate id, first at columns.ids[0]',
      'columns.managerIds.0: id must not start or end with white space',
    ]);
    expect(thrown(() => verifyColumns(index, null as never)).issues[0]!.message).toBe('columns must be an object');
    const e = thrown(() =>
      verifyColumns(index, good(), { planned: [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R7'] }] }),
    );
    expect([e.code, e.issues[0]!.path.join('.')]).toEqual(['UNKNOWN_REFERENCE', 'planned.0.retailerIds.0']);
  });

  it('JSDoc example', () => {
    const one = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }]);
    const fix = (at: string) => ({
      lng: Float64Array.of(120.1659),
      lat: Float64Array.of(30.2719),
      accuracyM: Float64Array.of(8),
      at: Float64Array.of(Date.parse(at)),
      source: Uint8Array.of(0),
    });
    const { verdicts } = verifyColumns(one, {
      ids: ['V1'],
      managerIds: ['M1'],
      manager: Int32Array.of(0),
      retailer: Int32Array.of(one.byId.get('R1')!),
      start: fix('2026-11-30T09:00:00+08:00'),
      end: fix('2026-11-30T09:12:00+08:00'),
    });
    expect(verdicts.status[0]).toBe(0);
    expect(verdictAt(verdicts, 0, 'V1').dwellS).toBe(720);
  });
});
