import { estimatePosition, parseApTable, parseCellTable } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

const T = 1740963600000;
const cells = parseCellTable('LTE,460,0,4369,101,,116.40,39.90,800,20\n');
const wifi = parseApTable('bssid,lon,lat,range\naa:bb:cc:dd:ee:01,116.4001,39.9001,30\n');

describe('estimatePosition', () => {
  it('example from the JSDoc', () => {
    const { choice } = estimatePosition(
      {
        fixes: [{ lng: 116.4001, lat: 39.9001, accuracyM: 8, source: 'gnss', at: 1740963600000 }],
        cells: { at: 1740963600000, cells: [{ mcc: 460, mnc: 0, tac: 4369, cellId: 101, signalDbm: -80 }] },
      },
      { cells },
    );
    expect(choice.fix.source).toBe('gnss');
  });

  it('builds candidates from fixes, cells and WiFi, and notes a scan with nothing known', () => {
    const r = estimatePosition(
      {
        at: T + 5000,
        fixes: [{ lng: 116.4, lat: 39.9, accuracyM: 60, source: 'gnss', at: T - 60_000 }],
        cells: { at: T, cells: [{ mcc: 460, mnc: 0, tac: 4369, cellId: 999 }] },
        wifi: { at: T + 5000, accessPoints: [{ bssid: 'AA:BB:CC:DD:EE:01', rssiDbm: -55 }] },
      },
      { cells, wifi },
    );
    expect(r.candidates.map((c) => c.source)).toEqual(['gnss', 'wifi']);
    expect(r.cell).toBeUndefined();
    expect(r.notes).toEqual([
      { path: ['scan', 'cells', 0], message: 'cell is not in the tower table', value: '460-0-4369-999' },
    ]);
    expect(r.choice.fix.source).toBe('wifi');
    expect(r.choice.index).toBe(1);
  });

  it('NO_POSITION with the notes when nothing yields a candidate; INVALID_INPUT for a scan without its table', () => {
    const e = thrown(() => estimatePosition({ cells: { at: T, cells: [] } }, { cells }));
    expect([e.code, e.issues[0]?.message]).toEqual(['NO_POSITION', 'no cell was observed']);
    expect(thrown(() => estimatePosition({})).code).toBe('NO_POSITION');
    expect(thrown(() => estimatePosition({ wifi: { at: T, accessPoints: [] } })).path).toEqual(['tables', 'wifi']);
  });
});
