import {
  COST_SOURCE_KINDS,
  SyncTravelCostsSchema,
  TravelCostsSchema,
  costSourceOf,
  straightLineCosts,
  throwIfAborted,
} from '@beatplan/core';
import { describe, expect, it } from 'vitest';

describe('costSourceOf', () => {
  it('names the kind of every source beatplan ships, and any other as the host’s', () => {
    expect(costSourceOf(straightLineCosts())).toEqual({ kind: 'straight-line', source: 'straight-line' });
    expect(costSourceOf({ source: 'road-graph:motorcycle' })).toEqual({
      kind: 'roads',
      source: 'road-graph:motorcycle',
    });
    for (const s of ['osrm:driving', 'valhalla:auto', 'graphhopper:car', 'amap:driving'])
      expect(costSourceOf({ source: s })).toEqual({ kind: 'service', source: s });
    expect(costSourceOf({ source: 'my-crm-matrix' })).toEqual({ kind: 'host', source: 'my-crm-matrix' });
    expect(COST_SOURCE_KINDS).toEqual(['straight-line', 'roads', 'service', 'host']);
  });

  it('the option schemas accept a TravelCosts and refuse an async-only one where a sync one is needed', () => {
    const asyncOnly = { source: 'osrm:driving', matrix: straightLineCosts().matrix };
    expect(TravelCostsSchema.safeParse(straightLineCosts()).success).toBe(true);
    expect(TravelCostsSchema.safeParse(asyncOnly).success).toBe(true);
    expect(TravelCostsSchema.safeParse({ source: 'x' }).success).toBe(false);
    expect(SyncTravelCostsSchema.safeParse(straightLineCosts()).success).toBe(true);
    const r = SyncTravelCostsSchema.safeParse(asyncOnly);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/must answer synchronously/);
  });
});

describe('throwIfAborted', () => {
  it('throws the one ABORTED error with the signal’s reason as cause', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    const ac = new AbortController();
    expect(() => throwIfAborted(ac.signal)).not.toThrow();
    const reason = new Error('user left');
    ac.abort(reason);
    try {
      throwIfAborted(ac.signal);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        name: 'BeatplanError',
        code: 'ABORTED',
        message: 'the operation was aborted',
        cause: reason,
      });
    }
  });
});
