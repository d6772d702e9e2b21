import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { city, retailer, thrown } from '../test/helpers.js';
import { drawSample } from './draw-sample.js';
import { allocateProportional } from './internal/allocate.js';

const retailers = city(120);

describe('drawSample', () => {
  it('gives the same sample for the same seed, whatever the order of the retailers', () => {
    const a = drawSample(retailers, { size: 15 }, { seed: 42 });
    const b = drawSample([...retailers].reverse(), { size: 15 }, { seed: 42 });
    expect(b).toEqual(a);
    expect(a.retailerIds).toHaveLength(15);
    expect(new Set(a.retailerIds).size).toBe(15);
    expect(a).toMatchObject({
      type: 'beatplan.inspection-plan',
      seed: 42,
      spec: { size: 15 },
      algorithm: { version: 2 },
    });
    expect(a.fingerprint).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(drawSample(retailers, { size: 15 }, { seed: 43 }).retailerIds).not.toEqual(a.retailerIds);
  });

  it('allocates an overall size in proportion to the strata (largest remainder)', () => {
    // strata of 5, 3, 2 retailers, size 5: quotas 2.5, 1.5, 1.0 → 2 + 1 + 1 = 4, the 5th unit to the
    // largest remainder (0.5, tie) → the larger stratum → 3, 1, 1
    const rs = [...Array(5)]
      .map((_, i) => retailer(`a${i}`, { region: 'a' }))
      .concat(
        [...Array(3)].map((_, i) => retailer(`b${i}`, { region: 'b' })),
        [...Array(2)].map((_, i) => retailer(`c${i}`, { region: 'c' })),
      );
    const plan = drawSample(rs, { stratifyBy: 'region', size: 5 }, { seed: 1 });
    expect(plan.strata.map((s) => [s.key, s.eligible, s.drawn])).toEqual([
      ['a', 5, 3],
      ['b', 3, 1],
      ['c', 2, 1],
    ]);
    expect(plan.drawn.map((d) => d.retailerId[0])).toEqual(['a', 'a', 'a', 'b', 'c']);
  });

  it('holds the stratum sizes for any strata and size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(1e6),
        (sizes, share, seed) => {
          const rs = sizes.flatMap((n, h) => [...Array(n)].map((_, i) => retailer(`s${h}-${i}`, { region: `g${h}` })));
          const total = rs.length;
          const size = Math.floor(share * total);
          const plan = drawSample(rs, { stratifyBy: 'region', size }, { seed });
          expect(plan.retailerIds).toHaveLength(size);
          for (const s of plan.strata) {
            const quota = total ? (size * s.eligible) / total : 0;
            expect(s.drawn).toBeGreaterThanOrEqual(Math.floor(quota));
            expect(s.drawn).toBeLessThanOrEqual(Math.ceil(quota));
            expect(plan.drawn.filter((d) => d.stratum === s.key)).toHaveLength(s.drawn);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('allocateProportional sums to the size and never exceeds a stratum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sizes, share) => {
          const size = Math.floor(share * sizes.reduce((a, b) => a + b, 0));
          const out = allocateProportional(
            sizes.map((cap) => ({ cap })),
            size,
          ).map((s) => s.count);
          expect(out.reduce((a, b) => a + b, 0)).toBe(size);
          out.forEach((n, h) => expect(n).toBeLessThanOrEqual(sizes[h]!));
        },
      ),
    );
  });

  it('draws a size per stratum, a whole stratum when it is smaller, and named strata only', () => {
    const plan = drawSample(retailers, { stratifyBy: ['manager', 'segment'], sizePerStratum: 3 }, { seed: 5 });
    for (const s of plan.strata) expect(s.drawn).toBe(Math.min(3, s.eligible));
    expect(plan.strata[0]!.key).toMatch(/^M1\|/);
    const named = drawSample(retailers, { stratifyBy: 'manager', sizePerStratum: { M2: 4, M3: 1 } }, { seed: 5 });
    expect(named.strata.map((s) => [s.key, s.requested, s.drawn])).toEqual([
      ['M1', 0, 0],
      ['M2', 4, 4],
      ['M3', 1, 1],
      ['M4', 0, 0],
    ]);
  });

  it('excludes retailers inspected since a date or an instant', () => {
    const history = retailers
      .slice(0, 100)
      .map((r, i) => ({ retailerId: r.id, at: i % 2 ? '2025-02-20T10:00:00+08:00' : '2025-01-10T10:00:00+08:00' }));
    const recent = new Set(history.filter((h) => h.at.startsWith('2025-02')).map((h) => h.retailerId));
    for (const since of ['2025-02-01', '2025-02-01T00:00:00+08:00']) {
      const plan = drawSample(retailers, { size: 70, excludeInspectedSince: since }, { seed: 9, history });
      expect(plan.population).toEqual({ total: 120, excluded: 50, eligible: 70 });
      expect(plan.retailerIds.filter((id) => recent.has(id))).toEqual([]);
    }
    // the local date counts: 2025-01-31T23:30+08:00 is before 2025-02-01 in UTC+8 even though it is not in UTC-5
    const edge = drawSample(
      retailers,
      { size: 5, excludeInspectedSince: '2025-02-01', utcOffsetMinutes: -300 },
      { seed: 9, history: [{ retailerId: 'R001', at: '2025-01-31T23:30:00+08:00' }] },
    );
    expect(edge.population.excluded).toBe(0);
    expect(
      thrown(() => drawSample(retailers, { size: 71, excludeInspectedSince: '2025-02-01' }, { seed: 9, history }))
        .message,
    ).toBe('spec.size: size exceeds the 70 eligible retailers (50 of 120 excluded as inspected recently), received 71');
  });

  it('weights the sample towards managers with a low verification rate (Efraimidis–Spirakis)', () => {
    // 2 managers, 100 retailers each; M1 verifies 20 % of visits, M2 100 %. alpha 4: weights 4.2 vs 1.
    const rs = city(200, 2, 3);
    const spec = { size: 20, weighting: { verificationRates: { M1: 0.2, M2: 1 }, alpha: 4 } };
    let m1 = 0;
    let m1Unweighted = 0;
    for (let seed = 0; seed < 40; seed++) {
      const byId = new Map(rs.map((r) => [r.id, r.managerId]));
      m1 += drawSample(rs, spec, { seed }).retailerIds.filter((id) => byId.get(id) === 'M1').length;
      m1Unweighted += drawSample(rs, { size: 20 }, { seed }).retailerIds.filter((id) => byId.get(id) === 'M1').length;
    }
    // expected share of M1 ≈ 0.77 with weights (a little below 4.2 / 5.2 = 0.81, no replacement); 0.5 without
    expect(m1 / 800).toBeGreaterThan(0.68);
    expect(Math.abs(m1Unweighted / 800 - 0.5)).toBeLessThan(0.08);
    const plan = drawSample(rs, spec, { seed: 1 });
    expect(new Set(plan.drawn.map((d) => d.weight))).toEqual(new Set([4.2, 1]));
  });

  it('stratifies by territory and by a key function', () => {
    const territories = [
      { id: 'T1', managerId: 'M1', retailerIds: retailers.slice(0, 60).map((r) => r.id) },
      { id: 'T2', managerId: 'M2', retailerIds: retailers.slice(60, 100).map((r) => r.id) },
    ];
    const plan = drawSample(retailers, { stratifyBy: 'territory', size: 12 }, { seed: 2, territories });
    expect(plan.strata.map((s) => [s.key, s.eligible, s.drawn])).toEqual([
      ['(none)', 20, 2],
      ['T1', 60, 6],
      ['T2', 40, 4],
    ]);
    const big = (r: { orderVolume: number }) => (r.orderVolume > 500 ? 'big' : 'small');
    const byKey = drawSample(
      retailers.map((r, i) => ({ ...r, orderVolume: i < 30 ? 900 : 100 })),
      { stratifyBy: 'custom', sizePerStratum: 2 },
      { seed: 2, key: big },
    );
    expect(byKey.strata.map((s) => s.key)).toEqual(['big', 'small']);
  });

  it('lists every problem of a bad input', () => {
    const e = thrown(() =>
      drawSample(
        [retailer('R1'), retailer('R1'), { ...retailer('R2'), segment: 'shop' } as never],
        { size: -1, stratifyBy: 'colour' } as never,
        { seed: 1 },
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['spec.stratifyBy', 'spec.size']);
    const r = thrown(() =>
      drawSample(
        [retailer('R1'), retailer('R1'), { ...retailer('R2'), segment: 'shop' } as never],
        { size: 1 },
        { seed: 1 },
      ),
    );
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(['retailers.2.segment']);
    const d = thrown(() => drawSample([retailer('R1'), retailer('R1')], { size: 1 }, { seed: 1 }));
    expect(d.message).toBe('retailers[1].id: retailer id appears twice, received "R1"');
    expect(
      thrown(() => drawSample(retailers, { size: 1, excludeInspectedSince: '2025-01-01' }, { seed: 1 })).message,
    ).toBe('options.history: excludeInspectedSince needs the inspection history');
    expect(
      thrown(() => drawSample(retailers, { stratifyBy: 'manager', sizePerStratum: { M9: 1 } }, { seed: 1 })).path,
    ).toEqual(['spec', 'sizePerStratum', 'M9']);
    expect(thrown(() => drawSample(retailers, { size: 1 }, { seed: 1.5 })).path).toEqual(['options', 'seed']);
    expect(
      thrown(() => drawSample(retailers, { size: 1, sizePerStratum: 1, stratifyBy: 'class' }, { seed: 1 })).message,
    ).toBe('spec.size: give exactly one of size and sizePerStratum, received 1');
  });
});

describe('weighting with strata by manager', () => {
  it('regression: moves sample size towards the low-rate manager (it was a no-op with stratifyBy manager)', () => {
    const retailers = Array.from({ length: 200 }, (_, k) =>
      retailer(`R${String(k).padStart(3, '0')}`, { managerId: k < 100 ? 'M1' : 'M2' }),
    );
    const spec = { size: 40, stratifyBy: 'manager' as const };
    const plain = drawSample(retailers, spec, { seed: 9 });
    const weighted = drawSample(
      retailers,
      { ...spec, weighting: { verificationRates: { M1: 0.2, M2: 1 }, alpha: 4 } },
      { seed: 9 },
    );
    expect(plain.strata.map((s) => s.drawn)).toEqual([20, 20]);
    // W_M1 = 100 * (1 + 4 * 0.8) = 420, W_M2 = 100: 40 * 420 / 520 = 32.3 -> 32 and 8
    expect(weighted.strata.map((s) => [s.key, s.drawn])).toEqual([
      ['M1', 32],
      ['M2', 8],
    ]);
  });
});
