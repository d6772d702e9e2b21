import { BeatplanError, VisitSchema } from '@beatplan/core';
import { PlannedDaySchema, verifyDay, VerifyRetailerSchema } from '@beatplan/geofence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fix, NINE, retailer, SHOP, thrown, visit } from '../../test/helpers.js';
import { COMPILE_FROM_ITEMS, fastSchema } from './fast-schema.js';

/** What safeParse says, comparable: success and data, or the issues (code, path, message). */
function outcome(r: { success: boolean; data?: unknown; error?: { issues: readonly object[] } }): unknown {
  if (r.success) return { data: r.data };
  return {
    issues: r.error?.issues.map((i) => {
      const { code, path, message } = i as { code: string; path: unknown[]; message: string };
      return { code, path, message };
    }),
  };
}

/** A value like `base` with one field, at any depth, replaced, removed or added. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.double(),
    fc.integer({ min: -2e12, max: 5e12 }),
    fc.string({ maxLength: 140 }),
    fc.constantFrom(
      ' R1',
      '',
      'WGS84',
      'GCJ02',
      'CGCS2000',
      'gnss',
      'cell',
      '2026-11-30T09:00:00+08:00',
      '21xx-03-03T09:00:00Z',
    ),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      paths.push([...path, k]);
      walk(x, [...path, k]);
    }
    paths.push([...path, 'unknownField']);
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths), junk, fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let at = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    if (remove) delete at[last];
    else at[last] = value;
    return copy;
  });
}

describe('fastSchema (zod-compiled schemas for long lists)', () => {
  const cases = [
    ['VisitSchema', VisitSchema, visit({ start: { at: '2026-11-30T09:00:00+08:00', crs: 'GCJ02' } })],
    [
      'VerifyRetailerSchema',
      VerifyRetailerSchema,
      retailer({
        segment: 'retail',
        class: 'A',
        geofence: {
          type: 'Polygon',
          coordinates: [
            [
              [SHOP.lng - 0.0003, SHOP.lat - 0.0003],
              [SHOP.lng + 0.0003, SHOP.lat - 0.0003],
              [SHOP.lng + 0.0003, SHOP.lat + 0.0003],
              [SHOP.lng - 0.0003, SHOP.lat - 0.0003],
            ],
          ],
        },
      }),
    ],
    ['PlannedDaySchema', PlannedDaySchema, { managerId: 'M1', date: '2026-11-30', retailerIds: ['R1', 'R2'] }],
  ] as const;

  for (const [name, schema, base] of cases) {
    it(`${name}: the compiled schema gives what the schema gives, on valid and broken records`, () => {
      const fast = fastSchema(schema as never, COMPILE_FROM_ITEMS) as typeof schema;
      expect(fast).not.toBe(schema);
      expect(outcome(fast.safeParse(base))).toEqual(outcome(schema.safeParse(base)));
      expect(schema.safeParse(base).success).toBe(true);
      fc.assert(
        fc.property(mutated(base), (value) => {
          expect(outcome(fast.safeParse(value))).toEqual(outcome(schema.safeParse(value)));
        }),
        { numRuns: 500 },
      );
    });
  }

  it('short lists use the schema itself until a long one compiled it', () => {
    const schema = VisitSchema.extend({});
    expect(fastSchema(schema, COMPILE_FROM_ITEMS - 1)).toBe(schema);
    const fast = fastSchema(schema, COMPILE_FROM_ITEMS);
    expect(fast).not.toBe(schema);
    expect(fastSchema(schema, 1)).toBe(fast);
  });

  it('verifyDay on a list long enough to be compiled: same verdicts, and the same error for a bad visit', () => {
    const n = COMPILE_FROM_ITEMS + 10;
    const visits = Array.from({ length: n }, (_, i) =>
      visit({ id: `V${i}`, start: { at: NINE + i * 60_000 }, end: { at: NINE + i * 60_000 + 12 * 60_000 } }),
    );
    const long = verifyDay([retailer()], visits);
    const short = verifyDay([retailer()], visits.slice(0, 10));
    expect(long.verdicts.slice(0, 10)).toEqual(short.verdicts);
    const bad = visits.map((v, i) => (i === 7 ? { ...v, end: fix({ accuracyM: -1 }) } : v));
    const e = thrown(() => verifyDay([retailer()], bad));
    expect(e).toBeInstanceOf(BeatplanError);
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      [['visits', 7, 'end', 'accuracyM'], 'accuracy must be at least 0 m'],
    ]);
  });
});
