import { CellObservationSchema, estimateCellPosition, parseCellTable } from '@beatplan/positioning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OCID_HEADER } from '../../test/helpers.js';

describe('CDMA cells (China Telecom)', () => {
  it('accepts a SID above 999 with radio CDMA, and the sid/nid/bid spelling', () => {
    expect(CellObservationSchema.parse({ radio: 'cdma', mcc: 460, mnc: 13824, nid: 2, bid: 4101 })).toEqual({
      radio: 'CDMA',
      mcc: 460,
      mnc: 13824,
      area: 2,
      cellId: 4101,
    });
    expect(CellObservationSchema.parse({ mcc: 460, sid: 13824, nid: 2, bid: 4101, signalDbm: -90 })).toEqual({
      radio: 'CDMA',
      mcc: 460,
      mnc: 13824,
      area: 2,
      cellId: 4101,
      signalDbm: -90,
    });
  });

  it('refuses a SID-sized mnc without radio CDMA, a GSM radio with sid, both names, and a NID past 16 bits', () => {
    const messages = (v: unknown) => {
      const r = CellObservationSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ mcc: 460, mnc: 13824, lac: 1, cellId: 1 })).toEqual([
      'mnc: mnc must be within [0, 999] (a CDMA SID up to 32767 needs radio CDMA)',
    ]);
    expect(messages({ radio: 'LTE', mcc: 460, sid: 13824, nid: 1, bid: 1 })).toEqual([
      'radio: sid, nid and bid are CDMA fields: radio must be CDMA',
    ]);
    expect(messages({ mcc: 460, mnc: 3, sid: 3, nid: 1, bid: 1 })).toEqual([': give exactly one of mnc, sid']);
    expect(messages({ radio: 'CDMA', mcc: 460, mnc: 13824, area: 70000, cellId: 1 })).toEqual([
      'area: a CDMA NID must be within [0, 65535]',
    ]);
    expect(messages({ mcc: 460, sid: 40000, nid: 1, bid: 1 })[0]).toMatch(/^sid: sid must be within \[0, 32767\]/);
  });

  it('a CDMA tower table row with a SID above 999 loads and is found; it never collides with a GSM key', () => {
    const csv = [
      OCID_HEADER,
      'CDMA,460,13824,2,4101,0,120.6552,28.0174,800,5,1,0,0,0',
      'LTE,460,13,824,24101,0,121.0,29.0,500,5,1,0,0,0',
    ].join('\n');
    const table = parseCellTable(csv);
    expect(table.size).toBe(2);
    expect(table.lookup({ radio: 'CDMA', mcc: 460, mnc: 13824, area: 2, cellId: 4101 })?.lng).toBe(120.6552);
    const { fix } = estimateCellPosition(table, {
      at: 1772414100000,
      cells: [{ mcc: 460, sid: 13824, nid: 2, bid: 4101 }],
    });
    expect(fix.lat).toBeCloseTo(28.0174, 6);
    expect(parseCellTable([OCID_HEADER, 'GSM,460,13824,2,4101,0,1,1,1,1,1,0,0,0'].join('\n')).issues[0]?.message).toBe(
      'net must be an integer within [0, 999]',
    );
  });

  it('property: distinct cells (GSM mnc ≤ 999 or CDMA SID ≤ 32767) get distinct table entries', () => {
    const gsm = fc.record({
      radio: fc.constant('LTE' as const),
      mcc: fc.integer({ min: 0, max: 999 }),
      mnc: fc.integer({ min: 0, max: 999 }),
      area: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      cellId: fc.integer({ min: 0, max: 2 ** 36 }),
    });
    const cdma = fc.record({
      radio: fc.constant('CDMA' as const),
      mcc: fc.integer({ min: 0, max: 999 }),
      mnc: fc.integer({ min: 0, max: 32767 }),
      area: fc.integer({ min: 0, max: 65535 }),
      cellId: fc.integer({ min: 0, max: 65535 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(gsm, cdma), {
          minLength: 1,
          maxLength: 30,
          selector: (c) => `${c.mcc}-${c.mnc}-${c.area}-${c.cellId}`,
        }),
        (cells) => {
          const rows = cells.map(
            (c, i) => `${c.radio},${c.mcc},${c.mnc},${c.area},${c.cellId},0,${i / 100},1,100,3,1,0,0,0`,
          );
          const table = parseCellTable([OCID_HEADER, ...rows].join('\n'));
          expect(table.size).toBe(cells.length);
          cells.forEach((c, i) => expect(table.lookup(c)?.lng).toBe(i / 100));
        },
      ),
      { numRuns: 50, seed: 3 },
    );
  });
});
