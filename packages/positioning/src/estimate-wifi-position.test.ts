import { PositionFixSchema } from '@beatplan/core';
import { estimateWifiPosition, parseApTable, WIFI_ESTIMATE_DEFAULTS } from '@beatplan/positioning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

describe('estimateWifiPosition', () => {
  it('example from the JSDoc', () => {
    const table = parseApTable(
      'bssid,lon,lat,range\naa:bb:cc:dd:ee:01,116.4000,39.9,40\naa:bb:cc:dd:ee:02,116.4002,39.9,40\n',
    );
    const { fix } = estimateWifiPosition(table, {
      at: 1740963600000,
      accessPoints: [
        { bssid: 'AA-BB-CC-DD-EE-01', rssiDbm: -50 },
        { bssid: 'aabbccddee02', rssiDbm: -50 },
      ],
    });
    expect(fix.lng).toBeCloseTo(116.4001, 9);
    expect(PositionFixSchema.parse(fix)).toMatchObject({ source: 'wifi', accuracyConfidence: 0.95 });
  });

  it('reports unknown access points by canonical BSSID and uses the known ones', () => {
    const table = parseApTable('bssid,lon,lat,range,samples\naa:bb:cc:dd:ee:01,116.4,39.9,20,1\n');
    const r = estimateWifiPosition(table, {
      at: 1740963600000,
      accessPoints: [{ bssid: 'AA:BB:CC:DD:EE:99' }, { bssid: 'aa:bb:cc:dd:ee:01', rssiDbm: -70 }],
    });
    expect(r.unknown).toEqual([{ index: 0, bssid: 'aa:bb:cc:dd:ee:99' }]);
    expect(r.used).toHaveLength(1);
    expect(r.used[0]).toMatchObject({ index: 1, bssid: 'aa:bb:cc:dd:ee:01', rangeM: 45, weight: 1, distanceM: 0 }); // max(20, 30) × 1.5 (1 sample)
    expect(r.fix.accuracyM).toBe(45);
  });

  it('no known access point → NO_POSITION; a malformed BSSID → INVALID_INPUT', () => {
    const table = parseApTable('bssid,lon,lat\naa:bb:cc:dd:ee:01,116.4,39.9\n');
    const e = thrown(() =>
      estimateWifiPosition(table, { at: 1740963600000, accessPoints: [{ bssid: '00:00:00:00:00:01' }] }),
    );
    expect(e.code).toBe('NO_POSITION');
    expect(e.issues).toEqual([
      { path: ['scan', 'accessPoints', 0], message: 'access point is not in the AP table', value: '00:00:00:00:00:01' },
    ]);
    const bad = thrown(() => estimateWifiPosition(table, { at: 1740963600000, accessPoints: [{ bssid: 'hello' }] }));
    expect([bad.code, bad.path, bad.value]).toEqual(['INVALID_INPUT', ['scan', 'accessPoints', 0, 'bssid'], 'hello']);
  });

  it('property: the accuracy is never below the 30 m floor and the estimate stays within the APs’ box', () => {
    const ap = fc.record({
      lng: fc.double({ min: 10, max: 10.01, noNaN: true }),
      lat: fc.double({ min: 50, max: 50.01, noNaN: true }),
      range: fc.integer({ min: 0, max: 200 }),
      rssi: fc.option(fc.integer({ min: -95, max: -30 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(ap, { minLength: 1, maxLength: 6 }), (aps) => {
        const hex = (i: number) => `02:00:00:00:00:${i.toString(16).padStart(2, '0')}`;
        const table = parseApTable(
          `bssid,lon,lat,range\n${aps.map((a, i) => `${hex(i)},${a.lng},${a.lat},${a.range}`).join('\n')}`,
        );
        const { fix } = estimateWifiPosition(table, {
          at: 1740963600000,
          accessPoints: aps.map((a, i) => ({ bssid: hex(i), ...(a.rssi === undefined ? {} : { rssiDbm: a.rssi }) })),
        });
        expect(fix.accuracyM).toBeGreaterThanOrEqual(WIFI_ESTIMATE_DEFAULTS.floorM);
        expect(fix.lng).toBeGreaterThanOrEqual(Math.min(...aps.map((a) => a.lng)) - 1e-9);
        expect(fix.lat).toBeLessThanOrEqual(Math.max(...aps.map((a) => a.lat)) + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
