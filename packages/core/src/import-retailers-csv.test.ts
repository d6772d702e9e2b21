import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { importRetailersCsv } from './import-retailers-csv.js';
import { retailersToCsv } from './retailers-to-csv.js';
import { RetailerSchema, type Retailer } from './schemas/retailer.js';

const HEADER = 'id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume';

describe('importRetailersCsv', () => {
  it('the docs example', () => {
    const { retailers } = importRetailersCsv(
      'id,name,lng,lat,crs,segment,class,service_minutes,opening_hours,visit_frequency,order_count,order_volume\n' +
        'R1,Happy Mart,116.41,39.92,GCJ02,retail,B,15,mon-sat 08:00-21:00,weekly,12,3400\n',
    );
    expect(retailers[0]?.location).toEqual({ lng: 116.41, lat: 39.92, crs: 'GCJ02' });
  });
  it('returns no retailers for a header-only file, and fails on an empty one', () => {
    expect(importRetailersCsv(`${HEADER}\n`)).toEqual({ retailers: [] });
    const e = thrown(() => importRetailersCsv(''));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toBe('the CSV is empty: a header row is expected');
  });
  it('applies defaultCrs to empty crs cells and can ignore unknown columns', () => {
    const { retailers } = importRetailersCsv(`${HEADER},fax\nR1,A,116.4,39.9,retail,A,10,weekly,1,1,123\n`, {
      defaultCrs: 'GCJ02',
      ignoreUnknownColumns: true,
    });
    expect(retailers[0]?.location.crs).toBe('GCJ02');
    expect(() => importRetailersCsv(`${HEADER}\n`, { defaultCrs: 'EPSG:4326' as never })).toThrowError(
      /UNSUPPORTED_CRS|crs must be one of/,
    );
  });
  it('unknownColumns: fail (default), ignore, attributes; the deprecated switches still work, a contradiction fails', () => {
    const csv = `${HEADER},fax\nR1,A,116.4,39.9,retail,A,10,weekly,1,1,123\n`;
    expect(thrown(() => importRetailersCsv(csv)).issues[0]?.path).toEqual(['columns', 'fax']);
    expect(thrown(() => importRetailersCsv(csv, { unknownColumns: 'fail' })).code).toBe('IMPORT_FAILED');
    expect(importRetailersCsv(csv, { unknownColumns: 'ignore' }).retailers[0]?.attributes).toBeUndefined();
    const kept = importRetailersCsv(csv, { unknownColumns: 'attributes' }).retailers;
    expect(kept[0]?.attributes).toEqual([{ key: 'fax', value: '123' }]);
    expect(importRetailersCsv(csv, { unknownColumnsAsAttributes: true }).retailers).toEqual(kept);
    expect(importRetailersCsv(csv, { unknownColumns: 'ignore', ignoreUnknownColumns: true }).retailers).toHaveLength(1);
    const e = thrown(() => importRetailersCsv(csv, { unknownColumns: 'ignore', unknownColumnsAsAttributes: true }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['options', 'unknownColumnsAsAttributes']);
    expect(thrown(() => importRetailersCsv(csv, { unknownColumns: 'keep' as never })).path).toEqual([
      'options',
      'unknownColumns',
    ]);
  });
  it('never returns a half import: one bad row fails everything', () => {
    const e = thrown(() =>
      importRetailersCsv(`${HEADER}\nR1,A,116.4,39.9,retail,A,10,weekly,1,1\nR2,B,116.4,99,retail,A,10,weekly,1,1\n`),
    );
    expect(e.issues).toEqual([{ row: 2, path: ['lat'], message: 'latitude must be within [-90, 90]', value: '99' }]);
  });
  it('does not crash on a huge bad file and caps the issues it keeps', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `R${i},Shop,116.4,${i % 2 ? 'x' : '95'},retail,A,10,weekly,1,1`,
    );
    const e = thrown(() => importRetailersCsv(`${HEADER}\n${rows.join('\n')}\n`, { maxIssues: 1000 }));
    expect(e.issues).toHaveLength(1000);
    expect(e.omittedIssues).toBe(2000);
    expect(e.message).toMatch(/\(and 2995 more\)$/);
    expect(e.issues[999]?.row).toBe(1000);
  });
  it('reports a syntax error (unterminated quote) with its row', () => {
    const e = thrown(() => importRetailersCsv(`${HEADER}\nR1,"Open quote,116.4,39.9,retail,A,10,weekly,1,1\n`));
    expect(e.issues.some((i) => i.message.startsWith('CSV syntax:'))).toBe(true);
  });
  it('retailersToCsv → importRetailersCsv gives the same retailers', () => {
    const retailer = fc
      .record({
        id: fc
          .tuple(fc.constantFrom('', '=', '+', '@', "'=", "'"), fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/))
          .map(([a, b]) => a + b),
        name: fc
          .tuple(fc.constantFrom('', '=', '+', '-', '@', "''-"), fc.string({ minLength: 1, maxLength: 20 }))
          .map(([a, b]) => a + b)
          .filter((s) => s.trim() === s && s.length > 0),
        lng: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 10_000),
        lat: fc.integer({ min: -900_000, max: 900_000 }).map((n) => n / 10_000),
        crs: fc.constantFrom(undefined, 'WGS84', 'GCJ02', 'BD09'),
        segment: fc.constantFrom('retail', 'chain_supermarket', 'hotel_entertainment'),
        class: fc.constantFrom('A', 'B', 'C'),
        serviceMinutes: fc.integer({ min: 1, max: 480 }),
        visitFrequency: fc.constantFrom('weekly', 'twice_weekly', 'fortnightly', 'monthly'),
        orderCount: fc.nat(1000),
        orderVolume: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        managerId: fc.constantFrom(undefined, 'M1', 'M2', '=M3', '-M4'),
      })
      .map(({ lng, lat, crs, managerId, ...rest }) =>
        RetailerSchema.parse({
          ...rest,
          location: crs ? { lng, lat, crs } : { lng, lat },
          ...(managerId ? { managerId } : {}),
        }),
      );
    fc.assert(
      fc.property(fc.uniqueArray(retailer, { selector: (r) => r.id, maxLength: 8 }), (retailers: Retailer[]) => {
        expect(importRetailersCsv(retailersToCsv(retailers)).retailers).toEqual(retailers);
      }),
      { numRuns: 50 },
    );
  });

  // Regression (issue 15, defect 2): retailersToCsv wrote `=HYPERLINK(…)` as it was.
  it('retailersToCsv defuses formula cells; the import removes the guard', () => {
    const r = RetailerSchema.parse({
      id: '=1+1',
      name: '@SUM(A1:A9)',
      location: { lng: -120.5, lat: 30 },
      segment: 'retail',
      class: 'A',
      serviceMinutes: 10,
      visitFrequency: 'weekly',
      orderCount: 1,
      orderVolume: 2,
      managerId: '+M1',
      region: '-East',
    });
    const csv = retailersToCsv([r]);
    expect(csv.split('\n')[1]).toMatch(/^'=1\+1,'@SUM\(A1:A9\),-120\.5,30,/);
    expect(csv).toContain(",'+M1,'-East,");
    expect(importRetailersCsv(csv).retailers).toEqual([r]);
  });
});
