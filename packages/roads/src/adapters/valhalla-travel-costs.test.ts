import { BeatplanError } from '@beatplan/core';
import { valhallaTravelCosts } from '@beatplan/roads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CITY, expectTruth, ISLAND, sent } from '../../test/adapter-points.js';
import { fixture, type StandIn } from '../../test/stand-in-server.js';
import { startValhallaStandIn } from '../../test/stand-ins.js';
import { readValhallaMatrix } from './valhalla-travel-costs.js';
import { rejected as failure } from '../../../core/test/helpers.js';

let valhalla: StandIn;
beforeAll(async () => {
  valhalla = await startValhallaStandIn(9);
});
afterAll(() => valhalla.close());
afterEach(() => {
  valhalla.fault = undefined;
  valhalla.requests.length = 0;
});

describe('valhallaTravelCosts (against a local stand-in speaking Valhalla’s sources_to_targets)', () => {
  it('assembles the matrix from blocks within max_matrix_location_pairs (km → m), unreachable pairs listed', async () => {
    const pts = [...CITY, ISLAND];
    const m = await valhallaTravelCosts({ baseUrl: valhalla.url, maxLocationPairs: 9, seed: 1 }).matrix(pts);
    expect(m.source).toBe('valhalla:auto');
    expectTruth(m, sent(pts, 'WGS84'), 0);
    expect(valhalla.requests).toHaveLength(9); // 3 × 3 blocks of 3 × 3
    const q = JSON.parse(valhalla.requests[0]?.body ?? '{}');
    expect(q).toMatchObject({ costing: 'auto', units: 'kilometers' });
    expect(q.sources[0]).toEqual({ lat: sent(pts, 'WGS84')[0]?.[1], lon: sent(pts, 'WGS84')[0]?.[0] });
    expect(m.unreachable.filter((p) => p.to === 7 || p.from === 7)).toHaveLength(14);
  });

  it('a Valhalla error body refuses the block, naming it with error_code and error', async () => {
    valhalla.fault = () => ({ status: 400, json: fixture('valhalla/error-171.json') });
    const e = await failure(valhallaTravelCosts({ baseUrl: valhalla.url, seed: 1 }).matrix(CITY.slice(0, 2)));
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toBe(
      'valhalla sources_to_targets block 1 of 1 (origins 0–1, destinations 0–1) was refused: HTTP 400 error_code 171: No suitable edges near location',
    );
  });

  it('retries a 503 and a 429 with Retry-After: 0, then answers', async () => {
    valhalla.fault = (r) =>
      r.n === 1
        ? { status: 503, text: 'busy' }
        : r.n === 2
          ? { status: 429, headers: { 'retry-after': '0' }, text: '' }
          : undefined;
    const m = await valhallaTravelCosts({ baseUrl: valhalla.url, seed: 1, baseDelayMs: 1 }).matrix(CITY.slice(0, 3));
    expectTruth(m, sent(CITY.slice(0, 3), 'WGS84'), 0);
    expect(valhalla.requests).toHaveLength(3);
  });

  it('slow answers time out; a wrong-size answer is PROVIDER_RESPONSE_INVALID', async () => {
    valhalla.fault = () => ({ delayMs: 1500, json: {} });
    const slow = await failure(
      valhallaTravelCosts({ baseUrl: valhalla.url, timeoutMs: 100, retries: 0, seed: 1 }).matrix(CITY.slice(0, 2)),
    );
    expect(slow.code).toBe('PROVIDER_TIMEOUT');
    valhalla.fault = () => ({ json: { sources_to_targets: [[{ distance: 0, time: 0 }]], units: 'kilometers' } });
    const wrong = await failure(valhallaTravelCosts({ baseUrl: valhalla.url, seed: 1 }).matrix(CITY.slice(0, 2)));
    expect(wrong.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(wrong.issues[0]?.message).toMatch(/wrong size: expected 2 × 2, received 1 rows/);
  });
});

describe('Valhalla wire-format fixtures', () => {
  it('reads a documented-shape answer: km → m, null → no route', () => {
    const a = readValhallaMatrix(fixture('valhalla/matrix-2x2.json'), {
      number: 1,
      count: 1,
      rows: [0, 1],
      cols: [0, 1],
      label: 'b',
    });
    expect(a.distancesM).toEqual([
      [0, null],
      [1274, 0],
    ]);
    expect(a.durationsS).toEqual([
      [0, null],
      [183, 0],
    ]);
  });
});
