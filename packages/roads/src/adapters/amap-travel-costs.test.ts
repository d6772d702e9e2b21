import { BeatplanError, wgs84ToGcj02 } from '@beatplan/core';
import { amapTravelCosts } from '@beatplan/roads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CITY, expectTruth, ISLAND, sent } from '../../test/adapter-points.js';
import { fixture, type StandIn } from '../../test/stand-in-server.js';
import { startAmapStandIn } from '../../test/stand-ins.js';
import { readAmapDistance } from './amap-travel-costs.js';
import { rejected as failure } from '../../../core/test/helpers.js';

const KEY = 'amap-web-K3Y';
let amap: StandIn;
beforeAll(async () => {
  amap = await startAmapStandIn(KEY);
});
afterAll(() => amap.close());
afterEach(() => {
  amap.fault = undefined;
  amap.requests.length = 0;
});

/** AMap answers whole metres and seconds: compared with the stand-in's truth within ±5 (toBeCloseTo −1). */
function rounded(m: Float64Array): number[] {
  return [...m].map((v) => Math.round(v));
}

describe('amapTravelCosts (against a local stand-in speaking AMap’s /v3/distance)', () => {
  it('sends GCJ-02 with 6 decimals, one destination and ≤ maxOriginsPerRequest origins per request', async () => {
    const pts = [...CITY, ISLAND];
    const m = await amapTravelCosts({ baseUrl: amap.url, key: KEY, maxOriginsPerRequest: 5, seed: 1 }).matrix(pts);
    expect(m.source).toBe('amap:driving');
    expect(amap.requests).toHaveLength(16); // 2 origin groups × 8 destinations
    const first = amap.requests[0]?.url.searchParams;
    const [lng, lat] = wgs84ToGcj02(CITY[0]?.lng ?? 0, CITY[0]?.lat ?? 0);
    expect(first?.get('origins')?.split('|')[0]).toBe(`${Math.round(lng * 1e6) / 1e6},${Math.round(lat * 1e6) / 1e6}`);
    expect(first?.get('type')).toBe('1');
    expect(first?.get('origins')?.split('|')).toHaveLength(5);
    const gcj = sent(pts, 'GCJ02');
    expectTruth(
      {
        ...m,
        distancesM: new Float64Array(rounded(m.distancesM)),
        durationsS: new Float64Array(rounded(m.durationsS)),
      },
      gcj,
      -1,
    );
    expect(m.unreachable).toHaveLength(14);
  });

  it('INVALID_USER_KEY (status "0" in an HTTP 200) is refused; the key never appears', async () => {
    const e = await failure(amapTravelCosts({ baseUrl: amap.url, key: 'bad-K3Y', seed: 1 }).matrix(CITY.slice(0, 2)));
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toMatch(
      /^amap distance block 1 of 2 \(origins 0–1, destinations 0\) was refused: status 0 infocode 10001: INVALID_USER_KEY$|block 2 of 2/,
    );
    expect(String(e.value)).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v3\/distance\?key=\*\*\*&origins=/);
    expect(JSON.stringify([e.message, e.issues])).not.toContain('bad-K3Y');
  });

  it('ACCESS_TOO_FREQUENT (10004) is retried with back-off; DAILY_QUERY_OVER_LIMIT (10003) is not', async () => {
    amap.fault = (r) => (r.n === 1 ? { json: fixture('amap/error-10004.json') } : undefined);
    const m = await amapTravelCosts({ baseUrl: amap.url, key: KEY, seed: 1, baseDelayMs: 1, maxConcurrent: 1 }).matrix(
      CITY.slice(0, 2),
    );
    expect(m.unreachable).toEqual([]);
    expect(amap.requests).toHaveLength(3);
    amap.fault = () => ({ json: fixture('amap/error-10003.json') });
    const e = await failure(
      amapTravelCosts({ baseUrl: amap.url, key: KEY, seed: 1, maxConcurrent: 1 }).matrix(CITY.slice(0, 2)),
    );
    expect(e.issues[0]?.message).toBe(
      'amap distance block 1 of 2 (origins 0–1, destinations 0) was refused: status 0 infocode 10003: DAILY_QUERY_OVER_LIMIT',
    );
  });

  it('a missing origin’s result is PROVIDER_RESPONSE_INVALID; slow answers time out naming the block', async () => {
    amap.fault = () => ({
      json: {
        status: '1',
        info: 'OK',
        infocode: '10000',
        count: '1',
        results: [{ origin_id: '1', dest_id: '1', distance: '5', duration: '1' }],
      },
    });
    const e = await failure(
      amapTravelCosts({ baseUrl: amap.url, key: KEY, seed: 1, maxConcurrent: 1 }).matrix(CITY.slice(0, 2)),
    );
    expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(e.issues[0]?.message).toBe(
      'amap distance answered a distances table of the wrong size: expected 2 × 1, received 2 rows of 1/0 cells',
    );
    amap.fault = () => ({ delayMs: 1500, json: {} });
    const slow = await failure(
      amapTravelCosts({ baseUrl: amap.url, key: KEY, seed: 1, timeoutMs: 100, retries: 0, maxConcurrent: 1 }).matrix(
        CITY.slice(0, 2),
      ),
    );
    expect(slow.code).toBe('PROVIDER_TIMEOUT');
    expect(slow.issues[0]?.message).toBe(
      'amap distance block 1 of 2 (origins 0–1, destinations 0) did not answer in 100 ms (1 attempt)',
    );
  });

  it('requires a key', () => {
    expect(() => amapTravelCosts({ baseUrl: amap.url } as never)).toThrow('options.key');
  });
});

describe('AMap wire-format fixtures', () => {
  it('reads results by origin_id; a per-pair failure is no route', () => {
    const a = readAmapDistance(fixture('amap/distance-3x1.json'), {
      number: 1,
      count: 1,
      rows: [0, 1, 2],
      cols: [3],
      label: 'b',
    });
    expect(a.distancesM).toEqual([[261278], [5960], [null]]);
    expect(a.durationsS).toEqual([[14280], [1034], [null]]);
  });
});
