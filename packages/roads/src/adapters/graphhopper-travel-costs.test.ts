import { BeatplanError } from '@beatplan/core';
import { graphHopperTravelCosts } from '@beatplan/roads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CITY, expectTruth, ISLAND, sent } from '../../test/adapter-points.js';
import { fixture, type StandIn } from '../../test/stand-in-server.js';
import { startGraphHopperStandIn } from '../../test/stand-ins.js';
import { readGraphHopperMatrix } from './graphhopper-travel-costs.js';
import { rejected as failure } from '../../../core/test/helpers.js';

const KEY = 'gh-K3y/with+chars';
let gh: StandIn;
beforeAll(async () => {
  gh = await startGraphHopperStandIn(KEY, 4);
});
afterAll(() => gh.close());
afterEach(() => {
  gh.fault = undefined;
  gh.requests.length = 0;
});

describe('graphHopperTravelCosts (against a local stand-in speaking the GraphHopper Matrix API)', () => {
  it('assembles the matrix from blocks of maxPointsPerRequest a side, fail_fast false: null → unreachable', async () => {
    const pts = [...CITY, ISLAND];
    const m = await graphHopperTravelCosts({ baseUrl: gh.url, key: KEY, maxPointsPerRequest: 4, seed: 1 }).matrix(pts);
    expect(m.source).toBe('graphhopper:car');
    expectTruth(m, sent(pts, 'WGS84'), 6);
    expect(gh.requests).toHaveLength(4);
    expect(JSON.parse(gh.requests[0]?.body ?? '{}')).toMatchObject({
      out_arrays: ['distances', 'times'],
      profile: 'car',
      fail_fast: false,
    });
  });

  it('a wrong key is refused at once; the key never appears in the error', async () => {
    const e = await failure(
      graphHopperTravelCosts({ baseUrl: gh.url, key: 'wrong-K3y', seed: 1 }).matrix(CITY.slice(0, 2)),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.message).toContain('was refused: HTTP 401: Wrong credentials.');
    expect(e.value).toBe(`POST ${gh.url}/matrix?key=***`);
    expect(JSON.stringify([e.message, e.issues])).not.toContain('wrong-K3y');
  });

  it('a 429 without Retry-After waits X-RateLimit-Reset seconds, then answers', async () => {
    gh.fault = (r) =>
      r.n === 1
        ? { status: 429, headers: { 'x-ratelimit-reset': '1' }, json: { message: 'API limit reached.' } }
        : undefined;
    const waits: string[] = [];
    const costs = graphHopperTravelCosts({
      baseUrl: gh.url,
      key: KEY,
      seed: 1,
      baseDelayMs: 1,
      onRetry: (e) => waits.push(`${e.delayMs} ${e.reason} ${e.request}`),
    });
    expectTruth(await costs.matrix(CITY.slice(0, 2)), sent(CITY.slice(0, 2), 'WGS84'), 6);
    expect(waits).toEqual([`1000 HTTP 429: API limit reached. POST ${gh.url}/matrix?key=***`]);
  });

  it('one failed block of many fails the matrix, naming it; wrong size is PROVIDER_RESPONSE_INVALID', async () => {
    gh.fault = (r) =>
      JSON.parse(r.body).from_points.length === 3 && JSON.parse(r.body).to_points.length === 3
        ? { status: 500, text: 'boom' }
        : undefined;
    const e = await failure(
      graphHopperTravelCosts({ baseUrl: gh.url, key: KEY, maxPointsPerRequest: 4, retries: 0, seed: 1 }).matrix(CITY),
    );
    expect(e.issues[0]?.message).toBe(
      'graphhopper matrix block 4 of 4 (origins 4–6, destinations 4–6) is unavailable after 1 attempt',
    );
    gh.fault = () => ({ json: { distances: [[0]], times: [[0]] } });
    const wrong = await failure(
      graphHopperTravelCosts({ baseUrl: gh.url, key: KEY, seed: 1 }).matrix(CITY.slice(0, 2)),
    );
    expect(wrong.code).toBe('PROVIDER_RESPONSE_INVALID');
  });
});

describe('GraphHopper wire-format fixtures', () => {
  it('reads distances and times, nulls kept for the pipeline', () => {
    const a = readGraphHopperMatrix(fixture('graphhopper/matrix-2x2.json'), {
      number: 1,
      count: 1,
      rows: [0, 1],
      cols: [0, 1],
      label: 'b',
    });
    expect(a.distancesM).toEqual([
      [0, null],
      [97715, 0],
    ]);
    expect(a.durationsS[1]).toEqual([4481, 0]);
  });
});
