import { formatReason, isBeatplanError, straightLineCosts, TerritorySchema, type RetailerInput } from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusteredCity, hostCosts, manager, retailer } from '../test/helpers.js';
import { estimateWorkload } from './estimate-workload.js';
import { neighbourTravel } from './neighbour-travel.js';
import { partitionTerritories } from './partition-territories.js';

const hours = { mon: [{ from: '09:00', to: '17:00' }] };

describe('partitionTerritories', () => {
  it('runs the JSDoc example: two equal, side-by-side territories', () => {
    const retailers = Array.from({ length: 40 }, (_, i) => ({
      id: `R${i}`,
      name: `Shop ${i}`,
      location: { lng: 120.1 + (i % 8) * 0.01, lat: 30.2 + Math.floor(i / 8) * 0.01 },
      segment: 'retail' as const,
      class: 'B' as const,
      serviceMinutes: 15,
      visitFrequency: 'weekly' as const,
      orderCount: 1,
      orderVolume: 100,
    }));
    const managers = [
      { id: 'M1', name: 'West', base: { lng: 120.1, lat: 30.22 }, workingHours: hours },
      { id: 'M2', name: 'East', base: { lng: 120.17, lat: 30.22 }, workingHours: hours },
    ];
    const { territories, stats, balanced } = partitionTerritories(retailers, managers, { weights: { count: 1 } });
    expect(territories.map((t) => t.retailerIds.length)).toEqual([20, 20]);
    expect(balanced).toBe(true);
    // territories form around the bases: the west manager has the west half
    const lngOf = new Map(retailers.map((r) => [r.id, r.location.lng]));
    expect(Math.max(...territories[0]!.retailerIds.map((id) => lngOf.get(id)!))).toBeLessThan(
      Math.min(...territories[1]!.retailerIds.map((id) => lngOf.get(id)!)),
    );
    expect(stats.every((s) => s.pieces === 1 && s.compactness > 0.5)).toBe(true);
    territories.forEach((t) => TerritorySchema.parse(t));
  });

  it('property: every retailer is assigned exactly once or reported; locked retailers stay; same input, same partition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 160 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, k, seed) => {
          const { retailers, managers } = clusteredCity(n, k, seed);
          // lock every fifth retailer to a manager that is not the obvious one
          const withLocks: RetailerInput[] = retailers.map((r, i) =>
            i % 5 === 0 ? { ...r, managerId: managers[(i * 7) % k]!.id } : r,
          );
          const locked = withLocks.filter((_, i) => i % 5 === 0).map((r) => r.id);
          const a = partitionTerritories(withLocks, managers, { locked, keepCurrent: false });
          const seen = new Map<string, number>();
          for (const t of a.territories) for (const id of t.retailerIds) seen.set(id, (seen.get(id) ?? 0) + 1);
          for (const u of a.dropped) seen.set(u.retailerId, (seen.get(u.retailerId) ?? 0) + 1);
          expect(seen.size).toBe(n);
          expect([...seen.values()].every((c) => c === 1)).toBe(true);
          for (const [i, r] of withLocks.entries()) if (i % 5 === 0) expect(a.assignment[r.id]).toBe(r.managerId);
          const b = partitionTerritories(withLocks, managers, { locked, keepCurrent: false });
          expect(b.territories).toEqual(a.territories);
          expect(b.stats).toEqual(a.stats);
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  });

  it('property: balance within the tolerance on feasible instances (many small retailers per manager)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom('count', 'workload', 'orders'),
        (k, seed, attr) => {
          const { retailers, managers } = clusteredCity(60 * k, k, seed);
          const r = partitionTerritories(retailers, managers, { weights: { [attr]: 1 }, tolerance: 0.05 });
          expect(r.spread.maxDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(r.balanced).toBe(true);
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  });

  it('re-balances after 5 % churn moving few retailers (stability), and reports how many moved', () => {
    const { retailers, managers } = clusteredCity(600, 6, 99);
    const first = partitionTerritories(retailers, managers);
    const current = retailers.map((r) => ({ ...r, managerId: first.assignment[r.id]! }));
    const kept = current.filter((_, i) => i % 40 !== 0); // 2.5 % removed
    const added = clusteredCity(15, 1, 1234).retailers.map((r, i) => ({ ...r, id: `N${i}` })); // 2.5 % added
    const again = partitionTerritories([...kept, ...added], managers);
    expect(again.balanced).toBe(true);
    let moved = 0;
    for (const r of kept) if (again.assignment[r.id] !== r.managerId) moved++;
    expect(again.moved).toBe(moved);
    expect(moved).toBeLessThan(0.1 * kept.length);
    // a fresh design of the same retailers would move far more
    const fresh = partitionTerritories([...kept, ...added], managers, { keepCurrent: false });
    let freshMoved = 0;
    for (const r of kept) if (fresh.assignment[r.id] !== r.managerId) freshMoved++;
    expect(moved).toBeLessThanOrEqual(freshMoved);
  });

  it('reports the retailers beyond maxDiameterM / 2 of every base instead of assigning them', () => {
    const retailers = [retailer('A', 120.15, 30.27), retailer('B', 120.16, 30.27), retailer('FAR', 121.5, 31.2)];
    const r = partitionTerritories(retailers, [manager('M1', 120.155, 30.27)], { maxDiameterM: 20_000 });
    expect(r.dropped).toEqual([
      {
        retailerId: 'FAR',
        reason: "no manager's base lies within maxDiameterM / 2 = 10000 m",
        reasonData: { key: 'territory.no_base_within', m: 10000 },
      },
    ]);
    expect(formatReason(r.dropped[0]!.reasonData!, { locale: 'zh-CN' })).toBe(
      '没有客户经理的基地位于 maxDiameterM / 2 = 10000 米之内',
    );
    expect(r.territories[0]!.retailerIds).toEqual(['A', 'B']);
  });

  it('throws UNKNOWN_REFERENCE for a retailer locked to a missing manager, INVALID_INPUT for duplicates', () => {
    try {
      partitionTerritories([retailer('A', 120, 30, { managerId: 'MX' })], [manager('M1', 120, 30)], { locked: true });
      expect.unreachable();
    } catch (e) {
      expect(isBeatplanError(e, 'UNKNOWN_REFERENCE')).toBe(true);
      expect((e as { path: unknown }).path).toEqual(['retailers', 0, 'managerId']);
    }
    try {
      partitionTerritories(
        [retailer('A', 120, 30), retailer('A', 120.1, 30)],
        [manager('M1', 120, 30), manager('M1', 120, 30)],
      );
      expect.unreachable();
    } catch (e) {
      expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as { issues: unknown[] }).issues).toHaveLength(2);
    }
  });

  it('balances the workload measured on the given source (costs or precomputed travel), and says which', async () => {
    const { retailers, managers } = clusteredCity(120, 3, 7);
    const plain = partitionTerritories(retailers, managers);
    expect(plain.costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
    const host = hostCosts(straightLineCosts(), () => false, 4);
    const onHost = partitionTerritories(retailers, managers, { costs: host });
    expect(onHost.costSource).toEqual({ kind: 'host', source: 'test-host' });
    expect(onHost.workload).toEqual(estimateWorkload(retailers, { costs: host }).workload);
    const travel = await neighbourTravel(
      retailers.map((r) => r.location),
      host,
    );
    const viaTravel = partitionTerritories(retailers, managers, { travel });
    expect(viaTravel.territories).toEqual(onHost.territories);
    expect(viaTravel.costSource).toEqual(onHost.costSource);
  });
});
