import { BeatplanError, formatErrorMessage } from '@beatplan/core';
import { osrmTravelCosts } from '@beatplan/roads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CITY, expectTruth, ISLAND, sent } from '../../test/adapter-points.js';
import { fixture, type StandIn } from '../../test/stand-in-server.js';
import { startOsrmStandIn } from '../../test/stand-ins.js';
import { readOsrmTable } from './osrm-travel-costs.js';
import { rejected as failure, thrown } from '../../../core/test/helpers.js';

let osrm: StandIn;
beforeAll(async () => {
  osrm = await startOsrmStandIn(3);
});
afterAll(() => osrm.close());
afterEach(() => {
  osrm.fault = undefined;
  osrm.requests.length = 0;
});

/** The coordinates of a recorded table request. */
const coordsOf = (url: URL) => decodeURIComponent(url.pathname.split('/')[4] ?? '').split(';');

describe('osrmTravelCosts (against a local stand-in speaking the OSRM table API)', () => {
  it('assembles the matrix from blocks within max-table-size, in WGS84 with 6 decimals', async () => {
    const costs = osrmTravelCosts({ baseUrl: `${osrm.url}/`, maxTableSize: 3, seed: 1 });
    const m = await costs.matrix(CITY);
    expect(m.source).toBe('osrm:driving');
    expectTruth(m, sent(CITY, 'WGS84'), 6);
    expect(osrm.requests).toHaveLength(8); // ⌈7 / 3⌉² blocks, less block 9 (origin 6 → destination 6: the diagonal only)
    for (const r of osrm.requests) {
      expect(r.url.pathname).toMatch(/^\/table\/v1\/driving\//);
      expect(r.url.searchParams.get('annotations')).toBe('duration,distance');
      const pairs =
        (r.url.searchParams.get('sources') ?? '').split(';').length *
        (r.url.searchParams.get('destinations') ?? '').split(';').length;
      expect(pairs).toBeLessThanOrEqual(9);
    }
    const wgs = sent(CITY, 'WGS84').map(([a, b]) => `${a},${b}`);
    expect(coordsOf(osrm.requests[0]?.url as URL)).toEqual(wgs.slice(0, 3));
  });

  it('lists null cells as unreachable pairs (cells −1), never Infinity', async () => {
    const pts = [...CITY.slice(0, 3), ISLAND];
    const m = await osrmTravelCosts({ baseUrl: osrm.url, maxTableSize: 3, seed: 1 }).matrix(pts);
    expectTruth(m, sent(pts, 'WGS84'), 6);
    expect(m.unreachable).toEqual([
      { from: 0, to: 3 },
      { from: 1, to: 3 },
      { from: 2, to: 3 },
      { from: 3, to: 0 },
      { from: 3, to: 1 },
      { from: 3, to: 2 },
    ]);
    expect([...m.distancesM].every(Number.isFinite)).toBe(true);
  });

  it('an OSRM error body (400 NoSegment) refuses the block at once, naming it and OSRM’s code', async () => {
    osrm.fault = () => ({ status: 400, json: fixture('osrm/error-no-segment.json') });
    const e = await failure(
      osrmTravelCosts({ baseUrl: osrm.url, maxTableSize: 3, seed: 1, maxConcurrent: 1 }).matrix(CITY),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toBe(
      'osrm table block 1 of 9 (origins 0–2, destinations 0–2) was refused: HTTP 400 NoSegment: Could not find a matching segment for coordinate 0',
    );
    expect(osrm.requests).toHaveLength(1);
  });

  it('waits for Retry-After on a 429, then answers', async () => {
    osrm.fault = (r) =>
      r.n === 1 ? { status: 429, headers: { 'retry-after': '1' }, text: 'Too Many Requests' } : undefined;
    const waits: number[] = [];
    const costs = osrmTravelCosts({
      baseUrl: osrm.url,
      seed: 1,
      baseDelayMs: 1,
      onRetry: (e) => waits.push(e.delayMs),
    });
    const m = await costs.matrix(CITY.slice(0, 3));
    expectTruth(m, sent(CITY.slice(0, 3), 'WGS84'), 6);
    expect(waits).toEqual([1000]);
  });

  it('PROVIDER_TIMEOUT naming the block when the server is too slow', async () => {
    osrm.fault = () => ({ delayMs: 1500, json: {} });
    const e = await failure(
      osrmTravelCosts({ baseUrl: osrm.url, timeoutMs: 100, retries: 1, baseDelayMs: 1, seed: 1 }).matrix(
        CITY.slice(0, 2),
      ),
    );
    expect(e.code).toBe('PROVIDER_TIMEOUT');
    expect(e.issues[0]?.message).toBe(
      'osrm table block 1 of 1 (origins 0–1, destinations 0–1) did not answer in 100 ms (2 attempts)',
    );
  });

  it('one failed block of many fails the whole matrix, naming that block; nothing half-done is returned', async () => {
    const fourth = sent(CITY, 'WGS84')[3]?.join(',');
    osrm.fault = (r) => {
      const c = coordsOf(r.url);
      return c.length === 3 && c[0] === fourth ? { status: 503, text: 'upstream down' } : undefined;
    };
    const e = await failure(
      osrmTravelCosts({ baseUrl: osrm.url, maxTableSize: 3, retries: 1, baseDelayMs: 1, seed: 1 }).matrix(CITY),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toBe(
      'osrm table block 5 of 9 (origins 3–5, destinations 3–5) is unavailable after 2 attempts',
    );
    expect(e.issues.slice(1).map((i) => i.message)).toEqual([
      'failed: HTTP 503: upstream down',
      'failed: HTTP 503: upstream down',
    ]);
  });

  it('an answer of the wrong size is PROVIDER_RESPONSE_INVALID naming the block', async () => {
    osrm.fault = () => ({ json: { code: 'Ok', durations: [[0, 1, 2]], distances: [[0, 1, 2]] } });
    const e = await failure(osrmTravelCosts({ baseUrl: osrm.url, seed: 1 }).matrix(CITY.slice(0, 3)));
    expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(e.message).toBe(
      'request: osrm table answered a distances table of the wrong size: expected 3 × 3, received 1 rows of 3 cells, received "osrm table block 1 of 1 (origins 0–2, destinations 0–2)"',
    );
    // Issue 13: the pipeline's own check is a keyed reason, so it reads in Chinese.
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(
      'request：osrm table 应答的 distances 表大小不对：应为 3 × 3，实际为 1 行，每行 3 个单元格，实际为 "osrm table block 1 of 1 (origins 0–2, destinations 0–2)"',
    );
  });

  it('the cache answers repeated pairs (rounded coordinates) without a request', async () => {
    const costs = osrmTravelCosts({
      baseUrl: osrm.url,
      maxTableSize: 3,
      seed: 1,
      cache: { maxPairs: 1000, decimals: 5 },
    });
    const first = await costs.matrix(CITY);
    const asked = osrm.requests.length;
    const again = await costs.matrix(
      CITY.map((p) => ({ ...p, lng: p.lng + 1e-7 }))
        .slice(0, 5)
        .reverse(),
    );
    expect(osrm.requests).toHaveLength(asked);
    expect(again.distancesM[0 * 5 + 4]).toBe(first.distancesM[4 * 7 + 0]);
    await costs.matrix([...CITY.slice(0, 2), { lng: 120.2, lat: 30.3 }]);
    expect(osrm.requests.length).toBeGreaterThan(asked);
  });

  it('empty and one-point lists need no request; bad points and options are INVALID_INPUT', async () => {
    const costs = osrmTravelCosts({ baseUrl: osrm.url, seed: 1 });
    expect((await costs.matrix([])).n).toBe(0);
    expect([...(await costs.matrix([CITY[0] as never])).distancesM]).toEqual([0]);
    expect(osrm.requests).toHaveLength(0);
    expect((await failure(costs.matrix([{ lng: 120, lat: 95 }]))).message).toBe(
      'points[0].lat: latitude must be within [-90, 90], received 95',
    );
    expect(() => osrmTravelCosts({ baseUrl: 'not a url' })).toThrow('options.baseUrl');
    expect(() => osrmTravelCosts({ baseUrl: osrm.url, profile: '../x' })).toThrow('options.profile');
  });

  it('ABORTED when the caller’s signal fires', async () => {
    osrm.fault = () => ({ delayMs: 1000, json: {} });
    const ctrl = new AbortController();
    const p = failure(osrmTravelCosts({ baseUrl: osrm.url, seed: 1 }).matrix(CITY, { signal: ctrl.signal }));
    setTimeout(() => ctrl.abort(), 30);
    expect((await p).code).toBe('ABORTED');
  });
});

describe('OSRM wire-format fixtures', () => {
  it('reads the documented 3 × 3 table answer (osrm-backend docs/http.md example)', () => {
    const block = { number: 1, count: 1, rows: [0, 1, 2], cols: [0, 1, 2], label: 'b' };
    const a = readOsrmTable(fixture('osrm/table-3x3.json'), block);
    expect(a.durationsS[1]).toEqual([199, 0, 283.9]);
    expect(a.distancesM[2]).toEqual([3275.36, 2361.73, 0]);
  });

  it('refuses an answer without the table or with another code, in English and in Chinese (issue 13)', () => {
    const block = { number: 1, count: 1, rows: [0, 1], cols: [0, 1], label: 'b' };
    const cases: [unknown, string, string][] = [
      [
        { code: 'NoTable' },
        'osrm table answered code "NoTable" with HTTP 200 (expected "Ok")',
        'osrm table 以 HTTP 200 应答了 code "NoTable"（应为 "Ok"）',
      ],
      [
        { code: 'Ok' },
        'osrm table answered without durations and distances (annotations=duration,distance)',
        'osrm table 的应答缺少 durations 和 distances（annotations=duration,distance）',
      ],
    ];
    for (const [body, en, zh] of cases) {
      const e = thrown(() => readOsrmTable(body, block));
      expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
      expect(e.issues[0]?.message).toBe(en);
      expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(`request：${zh}，实际为 "b"`);
    }
  });
});
