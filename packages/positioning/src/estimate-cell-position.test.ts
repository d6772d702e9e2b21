import { haversineM, PositionFixSchema } from '@beatplan/core';
import { CELL_ESTIMATE_DEFAULTS, estimateCellPosition, parseCellTable } from '@beatplan/positioning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

const AT = '2025-03-03T09:00:00+08:00';
const tower = (cell: number, lng: number, lat: number, range = 500, samples = 20) =>
  `LTE,460,0,4369,${cell},,${lng},${lat},${range},${samples}`;
const obs = (cellId: number, signalDbm?: number) => ({
  mcc: 460,
  mnc: 0,
  tac: 4369,
  cellId,
  ...(signalDbm === undefined ? {} : { signalDbm }),
});

describe('estimateCellPosition', () => {
  it('example from the JSDoc', () => {
    const table = parseCellTable('LTE,460,0,4369,101,,116.40,39.90,500,20\nLTE,460,0,4369,102,,116.41,39.90,500,20\n');
    const { fix, unknown } = estimateCellPosition(table, {
      at: '2025-03-03T09:00:00+08:00',
      cells: [
        { mcc: 460, mnc: 0, tac: 4369, cellId: 101, signalDbm: -80 },
        { mcc: 460, mnc: 0, tac: 4369, cellId: 102, signalDbm: -90 },
        { mcc: 460, mnc: 0, tac: 4369, cellId: 999 },
      ],
    });
    expect(fix.lng).toBeCloseTo(116.400909, 6);
    expect(unknown[0]?.id).toBe('460-0-4369-999');
  });

  it('returns a valid 95 % cell fix with the used and unknown cells', () => {
    const table = parseCellTable([tower(1, 116.4, 39.9), tower(2, 116.41, 39.9)].join('\n'));
    const r = estimateCellPosition(table, { at: AT, cells: [obs(7), obs(1, -70), obs(2, -70)] });
    expect(PositionFixSchema.parse(r.fix)).toEqual(r.fix);
    expect(r.fix).toMatchObject({ source: 'cell', accuracyConfidence: 0.95, crs: 'WGS84', at: 1740963600000 });
    expect(r.fix.lng).toBeCloseTo(116.405, 9);
    expect(r.used.map((u) => [u.index, u.id, u.radio, u.weight])).toEqual([
      [1, '460-0-4369-1', 'LTE', 0.5],
      [2, '460-0-4369-2', 'LTE', 0.5],
    ]);
    expect(r.unknown).toEqual([{ index: 0, id: '460-0-4369-7', cell: { mcc: 460, mnc: 0, area: 4369, cellId: 7 } }]);
    // accuracy = mean(d + r) = 427 m + 500 m, the towers being 854 m apart
    const half = haversineM(116.4, 39.9, 116.41, 39.9) / 2;
    expect(r.fix.accuracyM).toBeCloseTo(half + 500, 3);
    expect(r.spreadM).toBeCloseTo(half, 3);
  });

  it('one tower: the accuracy is its range, raised to the minimum range and inflated for few samples', () => {
    const table = parseCellTable(
      [tower(1, 116.4, 39.9, 1500), tower(2, 116.4, 39.9, 50), tower(3, 116.4, 39.9, 1000, 2)].join('\n'),
    );
    const acc = (cell: number) => estimateCellPosition(table, { at: AT, cells: [obs(cell)] }).fix.accuracyM;
    expect(acc(1)).toBeCloseTo(1500, 9);
    expect(acc(2)).toBe(CELL_ESTIMATE_DEFAULTS.minRangeM);
    expect(acc(3)).toBeCloseTo(1500, 9);
    expect(estimateCellPosition(table, { at: AT, cells: [obs(2)] }, { floorM: 400, minRangeM: 0 }).fix.accuracyM).toBe(
      400,
    );
  });

  it('a missing signal weighs like the weakest reported one; none reported → equal weights', () => {
    const table = parseCellTable([tower(1, 116.4, 39.9), tower(2, 116.41, 39.9), tower(3, 116.42, 39.9)].join('\n'));
    const w = (cells: ReturnType<typeof obs>[]) =>
      estimateCellPosition(table, { at: AT, cells }).used.map((u) => u.weight);
    const mixed = w([obs(1, -60), obs(2, -70), obs(3)]);
    expect(mixed[1]).toBeCloseTo(mixed[2]!, 12);
    expect(mixed[0]! / mixed[1]!).toBeCloseTo(10, 9);
    expect(w([obs(1), obs(2), obs(3)])).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('no known cell → NO_POSITION naming every unknown cell; no cell at all → NO_POSITION', () => {
    const table = parseCellTable(tower(1, 116.4, 39.9));
    const e = thrown(() =>
      estimateCellPosition(table, { at: AT, cells: [obs(8), { ...obs(9), radio: 'gsm' as 'GSM' }] }),
    );
    expect(e.code).toBe('NO_POSITION');
    expect(e.issues).toEqual([
      { path: ['scan', 'cells', 0], message: 'cell is not in the tower table', value: '460-0-4369-8' },
      { path: ['scan', 'cells', 1], message: 'cell is not in the tower table', value: '460-0-4369-9' },
    ]);
    expect(thrown(() => estimateCellPosition(table, { at: AT, cells: [] })).issues[0]?.message).toBe(
      'no cell was observed',
    );
  });

  it('the radio must match when given (a GSM observation does not match an LTE tower)', () => {
    const table = parseCellTable(tower(1, 116.4, 39.9));
    expect(thrown(() => estimateCellPosition(table, { at: AT, cells: [{ ...obs(1), radio: 'GSM' }] })).code).toBe(
      'NO_POSITION',
    );
  });

  it('rejects bad scans, options and tables with INVALID_INPUT and a path', () => {
    const table = parseCellTable(tower(1, 116.4, 39.9));
    expect(
      thrown(() => estimateCellPosition(table, { at: AT, cells: [{ mcc: 460, mnc: 0, cellId: 1 }] })).path,
    ).toEqual(['scan', 'cells', 0, 'area']);
    expect(thrown(() => estimateCellPosition(table, { at: AT, cells: [{ ...obs(1), lac: 5 }] })).message).toMatch(
      /exactly one of lac, tac, area/,
    );
    expect(thrown(() => estimateCellPosition(table, { at: AT, cells: [obs(1, 5)] })).path).toEqual([
      'scan',
      'cells',
      0,
      'signalDbm',
    ]);
    expect(thrown(() => estimateCellPosition(table, { at: AT, cells: [obs(1)] }, { floorM: -1 })).path).toEqual([
      'options',
      'floorM',
    ]);
    expect(thrown(() => estimateCellPosition({} as never, { at: AT, cells: [obs(1)] })).path).toEqual(['table']);
  });

  it('works across the antimeridian', () => {
    const table = parseCellTable([tower(1, 179.999, 0), tower(2, -179.999, 0)].join('\n'));
    const { fix } = estimateCellPosition(table, { at: AT, cells: [obs(1, -70), obs(2, -70)] });
    expect(Math.abs(fix.lng)).toBeCloseTo(180, 9);
  });
});

// Properties. Towers in a region that does not cross the antimeridian, signals in [-120, -40] dBm.
const towerArb = fc.record({
  lng: fc.double({ min: 100, max: 101, noNaN: true }),
  lat: fc.double({ min: 30, max: 31, noNaN: true }),
  range: fc.integer({ min: 0, max: 5000 }),
  samples: fc.integer({ min: 0, max: 10 }),
  signal: fc.option(fc.integer({ min: -120, max: -40 }), { nil: undefined }),
});

function run(towers: { lng: number; lat: number; range: number; samples: number; signal: number | undefined }[]) {
  const table = parseCellTable(towers.map((t, i) => tower(i, t.lng, t.lat, t.range, t.samples)).join('\n'));
  return estimateCellPosition(table, { at: AT, cells: towers.map((t, i) => obs(i, t.signal)) });
}

describe('estimateCellPosition properties', () => {
  it('the estimate lies within the bounding box of the used towers', () => {
    fc.assert(
      fc.property(fc.array(towerArb, { minLength: 1, maxLength: 8 }), (towers) => {
        const { fix } = run(towers);
        const eps = 1e-9;
        expect(fix.lng).toBeGreaterThanOrEqual(Math.min(...towers.map((t) => t.lng)) - eps);
        expect(fix.lng).toBeLessThanOrEqual(Math.max(...towers.map((t) => t.lng)) + eps);
        expect(fix.lat).toBeGreaterThanOrEqual(Math.min(...towers.map((t) => t.lat)) - eps);
        expect(fix.lat).toBeLessThanOrEqual(Math.max(...towers.map((t) => t.lat)) + eps);
      }),
      { numRuns: 100 },
    );
  });

  it('adding a tower heard stronger than all others never moves the estimate away from it', () => {
    fc.assert(
      fc.property(
        fc.array(towerArb, { minLength: 1, maxLength: 6 }),
        towerArb,
        fc.integer({ min: 0, max: 30 }),
        (towers, extra, margin) => {
          const strongest = Math.max(-120, ...towers.map((t) => t.signal ?? -120));
          const added = { ...extra, signal: Math.min(0, strongest + margin) };
          const before = run(towers).fix;
          const after = run([...towers, added]).fix;
          const d0 = haversineM(before.lng, before.lat, added.lng, added.lat);
          const d1 = haversineM(after.lng, after.lat, added.lng, added.lat);
          expect(d1).toBeLessThanOrEqual(d0 * (1 + 1e-9) + 1e-6);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the accuracy is never below the floor (200 m) nor below the spread, and the weights sum to 1', () => {
    fc.assert(
      fc.property(fc.array(towerArb, { minLength: 1, maxLength: 8 }), (towers) => {
        const r = run(towers);
        expect(r.fix.accuracyM).toBeGreaterThanOrEqual(CELL_ESTIMATE_DEFAULTS.floorM);
        expect(r.fix.accuracyM).toBeGreaterThanOrEqual(Math.min(...r.used.map((u) => u.distanceM + u.rangeM)) - 1e-6);
        expect(r.used.reduce((s, u) => s + u.weight, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 100 },
    );
  });
});
