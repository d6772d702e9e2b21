import { isBeatplanError, straightLineCosts } from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostCosts, random, retailer } from '../test/helpers.js';
import { estimateWorkload } from './estimate-workload.js';
import { neighbourTravel, neighbourTravelSync } from './neighbour-travel.js';

describe('estimateWorkload', () => {
  it('runs the JSDoc example: visits per week × (service + travel from the nearest neighbours)', () => {
    const {
      workload: [w, m],
      costSource,
    } = estimateWorkload([
      {
        id: 'R1',
        name: 'A',
        location: { lng: 120.15, lat: 30.27 },
        segment: 'retail',
        class: 'B',
        serviceMinutes: 15,
        visitFrequency: 'weekly',
        orderCount: 1,
        orderVolume: 10,
      },
      {
        id: 'R2',
        name: 'B',
        location: { lng: 120.16, lat: 30.27 },
        segment: 'retail',
        class: 'C',
        serviceMinutes: 10,
        visitFrequency: 'monthly',
        orderCount: 1,
        orderVolume: 10,
      },
    ]);
    expect(costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
    expect(w!.visitsPerWeek).toBe(1);
    expect(w!.travelMinutes).toBeCloseTo((962 * 1.3) / (20000 / 60), 1);
    expect(w!.weeklyMinutes).toBeCloseTo(15 + w!.travelMinutes, 9);
    expect(m!.visitsPerWeek).toBe(0.25);
    expect(m!.weeklyMinutes).toBeCloseTo(0.25 * (10 + m!.travelMinutes), 9);
  });

  it('charges an isolated retailer more travel than one in a dense street', () => {
    const street = [0, 1, 2, 3, 4].map((i) => retailer(`S${i}`, 120.15 + i * 0.0005, 30.27));
    const lonely = retailer('L', 120.3, 30.27);
    const w = estimateWorkload([...street, lonely], { neighbours: 2 }).workload;
    expect(w[5]!.travelMinutes).toBeGreaterThan(10 * w[2]!.travelMinutes);
  });

  it('follows the speed and detour options', () => {
    const rs = [retailer('A', 120.15, 30.27), retailer('B', 120.16, 30.27)];
    const slow = estimateWorkload(rs, { speedKmh: 10, detourFactor: 1 }).workload;
    const fast = estimateWorkload(rs, { speedKmh: 20, detourFactor: 1 }).workload;
    expect(slow[0]!.travelMinutes).toBeCloseTo(2 * fast[0]!.travelMinutes, 9);
  });

  it('names the bad record and option', () => {
    try {
      estimateWorkload([retailer('A', 120, 30), { ...retailer('B', 120, 30), serviceMinutes: -1 }], { speedKmh: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as { path: unknown }).path).toEqual(['retailers', 1, 'serviceMinutes']);
    }
  });

  it('on straight-line costs it matches the default model within the projection error (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer(), (n, seed) => {
        const rnd = random(seed);
        const rs = Array.from({ length: n }, (_, i) => retailer(`R${i}`, 120.1 + rnd() * 0.1, 30.2 + rnd() * 0.1));
        const plain = estimateWorkload(rs);
        const lined = estimateWorkload(rs, { costs: straightLineCosts() });
        expect(lined.costSource).toEqual(plain.costSource);
        lined.workload.forEach((w, i) => {
          const want = plain.workload[i]?.travelMinutes ?? 0;
          expect(Math.abs(w.travelMinutes - want)).toBeLessThanOrEqual(want * 0.005 + 1e-9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('takes another source’s times: a slower source costs more, an unreachable neighbour does not count', () => {
    const rs = [0, 1, 2, 3, 4].map((i) => retailer(`S${i}`, 120.15 + i * 0.002, 30.27 + (i % 2) * 0.001));
    const plain = estimateWorkload(rs).workload;
    const host = hostCosts(straightLineCosts(), (p) => p.lng > 120.1575, 3);
    const { workload, costSource } = estimateWorkload(rs, { costs: host, neighbours: 2 });
    expect(costSource).toEqual({ kind: 'host', source: 'test-host' });
    expect(workload[4]?.travelMinutes).toBe(0); // S4 has no route to anyone
    for (let i = 0; i < 4; i++) expect(workload[i]?.travelMinutes).toBeGreaterThan(plain[i]?.travelMinutes ?? 0);
  });

  it('takes precomputed travel from any source (async) as the sync one computes it', async () => {
    const rs = Array.from({ length: 30 }, (_, i) => retailer(`R${i}`, 120.1 + (i % 6) * 0.01, 30.2 + (i % 5) * 0.013));
    const host = hostCosts(straightLineCosts(), () => false, 2);
    const asyncOnly = { source: 'osrm:driving', matrix: host.matrix };
    const travel = await neighbourTravel(
      rs.map((r) => r.location),
      asyncOnly,
    );
    const sync = neighbourTravelSync(
      rs.map((r) => r.location),
      host,
    );
    expect(travel.index).toEqual(sync.index);
    expect(travel.travelS).toEqual(sync.travelS);
    const viaTravel = estimateWorkload(rs, { travel });
    expect(viaTravel.costSource).toEqual({ kind: 'service', source: 'osrm:driving' });
    expect(viaTravel.workload).toEqual(estimateWorkload(rs, { costs: host }).workload);
    expect(() => estimateWorkload(rs, { costs: asyncOnly as never })).toThrow(
      /options.costs: must answer synchronously/,
    );
    expect(() => estimateWorkload(rs.slice(1), { travel })).toThrow(
      /options.travel.n: must equal the number of retailers \(29\)/,
    );
    expect(() => estimateWorkload(rs, { travel, costs: host })).toThrow(/give costs or travel, not both/);
    const ac = new AbortController();
    ac.abort();
    await expect(neighbourTravel([rs[0]!.location], host, { signal: ac.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
