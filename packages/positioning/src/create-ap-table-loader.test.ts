import { createApTableLoader, parseApTable } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { chunked, thrown } from '../test/helpers.js';

describe('createApTableLoader', () => {
  it('example from the JSDoc', () => {
    const loader = createApTableLoader();
    loader.push('bssid,lon,lat,range\nAA-BB-CC-DD-EE-FF,116.3975,39.90');
    loader.push('87,40\n');
    expect(loader.finish().lookup('aa:bb:cc:dd:ee:ff')?.lat).toBe(39.9087);
  });

  it('parseApTable example: range defaults to 100 m, BSSIDs match in any spelling', () => {
    const table = parseApTable('bssid,lon,lat\naabbccddeeff,116.3975,39.9087\n');
    expect(table.lookup('AA:BB:CC:DD:EE:FF')?.rangeM).toBe(100);
    expect(table.lookup('aabb.ccdd.eeff')).toEqual({
      bssid: 'aa:bb:cc:dd:ee:ff',
      lng: 116.3975,
      lat: 39.9087,
      rangeM: 100,
      samples: 0,
    });
    expect(table.lookup('not a mac')).toBeUndefined();
  });

  it('requires a header row naming bssid, lon and lat', () => {
    const e = thrown(() => parseApTable('aa:bb:cc:dd:ee:ff,116.4,39.9\n'));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.issues.map((i) => i.path)).toEqual([
      ['columns', 'bssid'],
      ['columns', 'lon'],
      ['columns', 'lat'],
    ]);
    expect(thrown(() => parseApTable('')).issues[0]?.message).toMatch(/header row is missing/);
  });

  it('reports bad rows (row, column, raw value, reason) and keeps the good ones', () => {
    const table = parseApTable(
      'MAC,LNG,LAT,RANGE,SAMPLES\naa:bb:cc:dd:ee:01,116.4,39.9,30,4\nzz:bb,116.4,39.9,30,4\naa:bb:cc:dd:ee:03,116.4,,-1,x\n',
      { defaultRangeM: 50 },
    );
    expect(table.size).toBe(1);
    expect(table.issues).toMatchObject([
      { row: 2, path: ['bssid'], message: 'BSSID must be a MAC address of 6 hex octets', value: 'zz:bb' },
      { row: 3, path: ['lat'], message: 'latitude is required' },
      { row: 3, path: ['range'], message: 'range must be a number of metres ≥ 0', value: '-1' },
      { row: 3, path: ['samples'], message: 'samples must be a number', value: 'x' },
    ]);
  });

  it('filters by bounding box (also across the antimeridian) and chunking does not matter', () => {
    const text =
      'bssid,lon,lat\r\n00:00:00:00:00:01,179.9,0\r\n00:00:00:00:00:02,-179.9,0\r\n00:00:00:00:00:03,0,0\r\n';
    const loader = createApTableLoader({ filter: { bbox: [179, -1, -179, 1] } });
    for (const c of chunked(text, [3, 5])) loader.push(c);
    const table = loader.finish();
    expect(table.size).toBe(2);
    expect(table.stats.filtered).toBe(1);
    expect(table.lookup('00:00:00:00:00:03')).toBeUndefined();
  });
});
