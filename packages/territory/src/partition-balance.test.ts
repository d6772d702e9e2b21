import { formatErrorMessage, formatReason, isBeatplanError, type RetailerInput } from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../core/test/helpers.js';
import { clusteredCity, manager, retailer } from '../test/helpers.js';
import { partitionTerritories, type PartitionResult } from './partition-territories.js';

/** Each manager's deviation of every limit, recomputed from the assignment alone (independent of the search). */
function recompute(
  result: PartitionResult,
  retailers: readonly RetailerInput[],
  managerIds: readonly string[],
): Map<string, number> {
  const byId = new Map(retailers.map((r) => [r.id, r]));
  const assigned = retailers.filter((r) => result.assignment[r.id] !== undefined);
  const worst = new Map<string, number>();
  for (const l of result.limits) {
    const value = (r: RetailerInput): number => {
      switch (l.attribute) {
        case 'count':
          return 1;
        case 'orders':
          return r.orderCount;
        case 'volume':
          return r.orderVolume;
        case 'orderingRetailers':
          return r.orderCount > 0 ? 1 : 0;
        case 'grade':
          return String(r.grade) === l.key ? 1 : 0;
        case 'segment':
          return r.segment === l.key ? 1 : 0;
        default:
          throw new Error(`not recomputed here: ${l.attribute}`);
      }
    };
    const total = assigned.reduce((a, r) => a + value(r), 0);
    let dev = 0;
    for (const id of managerIds) {
      const mine = result.territories.find((t) => t.managerId === id)?.retailerIds ?? [];
      const sum = mine.reduce((a, rid) => a + value(byId.get(rid) as RetailerInput), 0);
      const d =
        l.attribute === 'grade' || l.attribute === 'segment'
          ? (mine.length ? sum / mine.length : 0) - total / assigned.length
          : total > 0
            ? (sum - total / managerIds.length) / (total / managerIds.length)
            : 0;
      dev = Math.max(dev, Math.abs(d));
    }
    worst.set(`${l.attribute}:${l.key ?? ''}`, dev);
  }
  return worst;
}

describe('partitionTerritories balance (per-attribute limits)', () => {
  it('meets orders, volume, ordering retailers and grade-share limits the single weighted sum misses', () => {
    const { retailers, managers } = clusteredCity(600, 5, 11);
    const graded = retailers.map((r, i) => ({ ...r, grade: 1 + ((i * 7) % 5) }));
    const balance = { count: 0.05, orders: 0.05, volume: 0.05, orderingRetailers: 0.05, grade: 0.05 };
    const sum = partitionTerritories(graded, managers, { weights: { workload: 1 } });
    const res = partitionTerritories(graded, managers, { balance });
    expect(sum.limits).toEqual([]);
    expect(res.limits.map((l) => `${l.attribute}${l.key ?? ''}`)).toEqual([
      'count',
      'orders',
      'volume',
      'orderingRetailers',
      'grade1',
      'grade2',
      'grade3',
      'grade4',
      'grade5',
    ]);
    expect(res.limits.every((l) => l.status === 'met')).toBe(true);
    expect(res.balanced).toBe(true);
    const check = recompute(
      res,
      graded,
      managers.map((m) => m.id),
    );
    for (const l of res.limits) {
      expect(check.get(`${l.attribute}:${l.key ?? ''}`)).toBeCloseTo(l.maxDeviation, 9);
      expect(l.maxDeviation).toBeLessThanOrEqual(l.tolerance);
    }
    // the workload sum alone leaves at least one of these attributes outside 5 %
    const before = recompute(
      { ...sum, limits: res.limits },
      graded,
      managers.map((m) => m.id),
    );
    expect([...before.values()].some((d) => d > 0.05)).toBe(true);
  });

  it('property: a met limit holds on the returned assignment, a missed or infeasible one does not, same input same answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.record(
          {
            count: fc.constantFrom(0.02, 0.05, 0.2),
            orders: fc.constantFrom(0.02, 0.05, 0.2),
            volume: fc.constantFrom(0.02, 0.1),
            orderingRetailers: fc.constantFrom(0.05, 0.3),
            grade: fc.constantFrom(0.02, 0.1),
            segment: fc.constantFrom(0.05, 0.2),
          },
          { requiredKeys: ['count'] },
        ),
        (n, k, seed, balance) => {
          const { retailers, managers } = clusteredCity(n, k, seed);
          const graded = retailers.map((r, i) => ({
            ...r,
            grade: 1 + ((i * 13 + seed) % 4),
            segment: i % 3 === 0 ? ('chain_supermarket' as const) : ('retail' as const),
          }));
          const a = partitionTerritories(graded, managers, { balance });
          const check = recompute(
            a,
            graded,
            managers.map((m) => m.id),
          );
          for (const l of a.limits) {
            const d = check.get(`${l.attribute}:${l.key ?? ''}`) as number;
            expect(d).toBeCloseTo(l.maxDeviation, 9);
            if (l.status === 'met') expect(d).toBeLessThanOrEqual(l.tolerance + 1e-9);
            else {
              expect(d).toBeGreaterThan(l.tolerance);
              expect(l.reason).toBeTruthy();
            }
          }
          expect(a.balanced).toBe(a.limits.every((l) => l.status === 'met'));
          expect(partitionTerritories(graded, managers, { balance }).assignment).toEqual(a.assignment);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reports an infeasible limit with its proof instead of ignoring it', () => {
    // one retailer holds most of the volume; grade 9 has two retailers for three managers
    const retailers = Array.from({ length: 60 }, (_, i) =>
      retailer(`R${i}`, 120.1 + (i % 10) * 0.01, 30.2 + Math.floor(i / 10) * 0.01, {
        orderVolume: i === 0 ? 100_000 : 100,
        grade: i < 2 ? 9 : 1,
      }),
    );
    const managers = [manager('A', 120.1, 30.22), manager('B', 120.15, 30.22), manager('C', 120.19, 30.22)];
    const res = partitionTerritories(retailers, managers, { balance: { count: 0.05, volume: 0.05, grade: 0.02 } });
    const byName = new Map(res.limits.map((l) => [`${l.attribute}${l.key ?? ''}`, l]));
    expect(byName.get('count')?.status).toBe('met');
    expect(byName.get('volume')?.status).toBe('infeasible');
    expect(byName.get('volume')?.reason).toMatch(/one retailer alone has 100000/);
    expect(byName.get('grade9')?.status).toBe('infeasible');
    expect(byName.get('grade9')?.reason).toMatch(/only 2 retailers have it, fewer than the 3 managers/);
    const volume = byName.get('volume')?.reasonData;
    expect(volume && formatReason(volume)).toBe(byName.get('volume')?.reason);
    expect(volume && formatReason(volume, { locale: 'zh-CN' })).toMatch(
      /^单个零售户就有 100000，超过 \(1 \+ 0\.05\) × 平均值 /,
    );
    expect(res.balanced).toBe(false);
  });

  it('rejects an empty balance, a tolerance out of (0, 1] and an unknown attribute', () => {
    const { retailers, managers } = clusteredCity(20, 2, 1);
    for (const balance of [{}, { orders: 0 }, { orders: 1.5 }, { colour: 0.1 }]) {
      try {
        partitionTerritories(retailers, managers, { balance } as never);
        expect.unreachable();
      } catch (e) {
        expect(isBeatplanError(e) && e.code).toBe('INVALID_INPUT');
      }
    }
  });

  it('writes the refinements’ reasons (empty balance, no positive weight) in Chinese (issue 13)', () => {
    const { retailers, managers } = clusteredCity(20, 2, 1);
    const cases: [object, string, string][] = [
      [
        { balance: {} },
        'options.balance: name at least one attribute to balance',
        'options.balance：请至少指定一个要平衡的属性',
      ],
      [
        { weights: { count: 0 } },
        'options.weights: at least one weight must be positive',
        'options.weights：至少一个权重必须为正数',
      ],
    ];
    for (const [options, en, zh] of cases) {
      const e = thrown(() => partitionTerritories(retailers, managers, options as never));
      expect(formatErrorMessage(e).startsWith(en), formatErrorMessage(e)).toBe(true);
      expect(formatErrorMessage(e, { locale: 'zh-CN' }).startsWith(zh)).toBe(true);
    }
  });
});
