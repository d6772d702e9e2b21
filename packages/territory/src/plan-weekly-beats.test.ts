import {
  formatReason,
  isBeatplanError,
  straightLineCosts,
  VISITS_PER_FOUR_WEEKS,
  VisitPlanSchema,
  type RetailerInput,
  type VisitFrequency,
} from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostCosts, manager, random, retailer } from '../test/helpers.js';
import { type BeatPlan, planWeeklyBeats } from './plan-weekly-beats.js';

const BASE = [120.15, 30.27] as const;

function around(n: number, seed: number, freq?: VisitFrequency): RetailerInput[] {
  const rnd = random(seed);
  const freqs: VisitFrequency[] = ['weekly', 'twice_weekly', 'fortnightly', 'monthly'];
  return Array.from({ length: n }, (_, i) =>
    retailer(`R${i}`, BASE[0] + (rnd() - 0.5) * 0.08, BASE[1] + (rnd() - 0.5) * 0.08, {
      visitFrequency: freq ?? freqs[Math.floor(rnd() * 4)]!,
      serviceMinutes: 5 + Math.floor(rnd() * 15),
    }),
  );
}

describe('planWeeklyBeats', () => {
  it('runs the JSDoc example', async () => {
    const day = [{ from: '09:00', to: '17:00' }];
    const m = {
      id: 'M1',
      name: 'Li',
      base: { lng: 120.15, lat: 30.27 },
      workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    };
    const retailers = [0, 1, 2, 3].map((i) => ({
      id: `R${i}`,
      name: `Shop ${i}`,
      location: { lng: 120.15 + 0.01 * Math.cos(i), lat: 30.27 + 0.01 * Math.sin(i) },
      segment: 'retail' as const,
      class: 'B' as const,
      serviceMinutes: 15,
      visitFrequency: 'weekly' as const,
      orderCount: 1,
      orderVolume: 10,
    }));
    const beat = await planWeeklyBeats(m, retailers, { startDate: '2025-03-03', weeks: 2 });
    expect(beat.totals.visits).toBe(8);
    expect(beat.dropped).toEqual([]);
    expect(beat.plans).toHaveLength(10);
    for (const p of beat.plans) VisitPlanSchema.parse(p);
    // a weekly retailer: the same weekday both weeks
    for (const s of beat.schedule) expect(s.weekdays).toHaveLength(1);
  });

  it('property: frequencies are honoured over a 4-week cycle, on well-spaced days, every visit inside the working day', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1e6 }), async (n, seed) => {
        const rs = around(n, seed);
        const beat = await planWeeklyBeats(manager('M1', ...BASE), rs, {
          startDate: '2025-03-03',
          weeks: 4,
          method: 'heuristic',
          maxKicks: 20,
        });
        expect(beat.dropped).toEqual([]);
        const counts = new Map<string, number>();
        for (const p of beat.plans) {
          VisitPlanSchema.parse(p);
          for (const s of p.stops) {
            counts.set(s.retailerId, (counts.get(s.retailerId) ?? 0) + 1);
            const local = new Date(s.arrival + 8 * 3600_000).toISOString().slice(11, 16);
            expect(local >= '08:30' && local <= '17:30').toBe(true);
          }
        }
        for (const r of rs) expect(counts.get(r.id) ?? 0).toBe(VISITS_PER_FOUR_WEEKS[r.visitFrequency!]);
        for (const s of beat.schedule) {
          const r = rs.find((x) => x.id === s.retailerId)!;
          if (r.visitFrequency === 'twice_weekly') {
            const [a, b] = s.weekdays.map((d) => ['mon', 'tue', 'wed', 'thu', 'fri'].indexOf(d)).sort();
            expect(Math.min(b! - a!, 7 - (b! - a!))).toBeGreaterThanOrEqual(2);
          } else expect(s.weekdays).toHaveLength(1);
        }
      }),
      { numRuns: 8, seed: 3 },
    );
  });

  it('orderingTolerance balances the ordering retailers visited per day (orderingStops) that the plain plan leaves uneven', async () => {
    // the ordering retailers (orderCount > 0) all lie east of the base: the sweep gives them few days
    const rs = around(60, 8, 'weekly').map((r) => ({ ...r, orderCount: r.location.lng > BASE[0] ? 3 : 0 }));
    const options = { startDate: '2025-03-03', weeks: 1, seed: 2, maxKicks: 10, daySearch: { maxRounds: 20 } };
    const spread = (plan: BeatPlan) => {
      const c = plan.days.map((d) => d.orderingStops);
      const mean = c.reduce((a, b) => a + b, 0) / c.length;
      return Math.max(...c.map((x) => Math.abs(x - mean) / mean));
    };
    const plain = await planWeeklyBeats(manager('M1', ...BASE), rs, options);
    const balanced = await planWeeklyBeats(manager('M1', ...BASE), rs, { ...options, orderingTolerance: 0.1 });
    const ordering = rs.filter((r) => r.orderCount > 0).length;
    expect(plain.days.reduce((a, d) => a + d.orderingStops, 0)).toBe(ordering);
    expect(balanced.days.reduce((a, d) => a + d.orderingStops, 0)).toBe(ordering);
    expect(spread(plain)).toBeGreaterThan(0.5);
    // 5 days: within ceil((1 + 0.1) × mean) of every day
    const mean = ordering / 5;
    for (const d of balanced.days) {
      expect(d.orderingStops).toBeLessThanOrEqual(Math.ceil(1.1 * mean));
      expect(d.orderingStops).toBeGreaterThanOrEqual(Math.floor(0.9 * mean));
    }
    expect(balanced.dropped).toEqual([]);
  });

  it('the same seed gives the same plan', async () => {
    const rs = around(25, 5);
    const a = await planWeeklyBeats(manager('M1', ...BASE), rs, {
      startDate: '2025-03-03',
      weeks: 1,
      seed: 9,
      maxKicks: 20,
    });
    const b = await planWeeklyBeats(manager('M1', ...BASE), rs, {
      startDate: '2025-03-03',
      weeks: 1,
      seed: 9,
      maxKicks: 20,
    });
    expect(b).toEqual(a);
  });

  it('never visits a retailer on a day it is closed, and starts visits inside its opening hours', async () => {
    const rs = [
      retailer('CLOSED-MON-TUE', 120.16, 30.27, {
        openingHours: { wed: [{ from: '08:00', to: '20:00' }], thu: [{ from: '08:00', to: '20:00' }] },
      }),
      retailer('AFTERNOON', 120.14, 30.28, {
        openingHours: {
          mon: [{ from: '14:00', to: '18:00' }],
          tue: [{ from: '14:00', to: '18:00' }],
          wed: [{ from: '14:00', to: '18:00' }],
          thu: [{ from: '14:00', to: '18:00' }],
          fri: [{ from: '14:00', to: '18:00' }],
        },
      }),
    ];
    const beat = await planWeeklyBeats(manager('M1', ...BASE), rs, { startDate: '2025-03-03', weeks: 1 });
    expect(beat.dropped).toEqual([]);
    const byId = new Map(beat.schedule.map((s) => [s.retailerId, s]));
    expect(['wed', 'thu']).toContain(byId.get('CLOSED-MON-TUE')!.weekdays[0]);
    expect(beat.timeWindows).toBe(true); // @beatplan/tsp time windows
    const stop = beat.plans.flatMap((p) => p.stops).find((s) => s.retailerId === 'AFTERNOON')!;
    expect(new Date(stop.arrival + 8 * 3600_000).toISOString().slice(11, 16) >= '14:00').toBe(true);
  });

  it('reports what cannot fit instead of dropping it silently', async () => {
    const shortDay = manager('M1', ...BASE, { workingHours: { mon: [{ from: '09:00', to: '10:00' }] } });
    const rs = around(12, 8, 'weekly').map((r) => ({ ...r, serviceMinutes: 20 }));
    const closed = retailer('WEEKEND', 120.15, 30.28, { openingHours: { sat: [{ from: '09:00', to: '18:00' }] } });
    const beat = await planWeeklyBeats(shortDay, [...rs, closed], { startDate: '2025-03-03', weeks: 1 });
    const planned = beat.plans.flatMap((p) => p.stops).length;
    expect(planned).toBeLessThanOrEqual(3);
    expect(planned + beat.dropped.length).toBe(13);
    expect(beat.dropped.find((u) => u.retailerId === 'WEEKEND')).toEqual({
      retailerId: 'WEEKEND',
      reason: 'not open on any working day of the manager during his working hours',
      reasonData: { key: 'territory.not_open' },
    });
    expect(beat.dropped.filter((u) => u.date === '2025-03-03')).toHaveLength(12 - planned);
    // Issue 13: every reason is data too, and reads in Chinese.
    for (const u of beat.dropped) expect(u.reasonData && formatReason(u.reasonData)).toBe(u.reason);
    expect(new Set(beat.dropped.map((u) => u.reasonData && formatReason(u.reasonData, { locale: 'zh-CN' })))).toEqual(
      new Set(['在客户经理的任何工作日的工作时间内都不营业', '在其营业时间和工作日之内没有时间拜访它']),
    );
  });

  it('names the bad option', async () => {
    await expect(planWeeklyBeats(manager('M1', ...BASE), [], { startDate: '2025-02-30' })).rejects.toSatisfy(
      (e: unknown) => isBeatplanError(e, 'INVALID_INPUT') && (e as { path: unknown[] }).path[1] === 'startDate',
    );
  });

  it('property: on a host source equal to straight lines the plan is the default plan (only costSource differs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 14 }), fc.integer(), async (n, seed) => {
        const rs = around(n, seed);
        const m = manager('M1', BASE[0], BASE[1]);
        const options = { startDate: '2025-03-03', weeks: 1, seed, maxKicks: 10 };
        const plain = await planWeeklyBeats(m, rs, options);
        const host = hostCosts(straightLineCosts({ detourFactor: 1.3, speedKmh: 20 }), () => false, 1, 'crm-matrix');
        const onHost = await planWeeklyBeats(m, rs, { ...options, costs: host });
        expect(plain.costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
        expect(onHost.costSource).toEqual({ kind: 'host', source: 'crm-matrix' });
        expect({ ...onHost, costSource: null }).toEqual({ ...plain, costSource: null });
      }),
      { numRuns: 6 },
    );
  });

  it('drops a visit with no route, naming the other end; routes the rest; aborts on the signal', async () => {
    const rs = around(8, 3, 'weekly');
    const cut = rs[2]!.location;
    const host = hostCosts(straightLineCosts(), (p) => p.lng === cut.lng && p.lat === cut.lat, 2, 'road-graph:car');
    const m = manager('M1', BASE[0], BASE[1]);
    const beat = await planWeeklyBeats(m, rs, { startDate: '2025-03-03', weeks: 1, costs: host });
    expect(beat.costSource).toEqual({ kind: 'roads', source: 'road-graph:car' });
    expect(beat.dropped).toEqual([
      {
        retailerId: 'R2',
        date: expect.any(String),
        reason: 'no route between it and the base on road-graph:car',
        reasonData: { key: 'core.no_route_base', source: 'road-graph:car' },
      },
    ]);
    expect(beat.totals.visits).toBe(7);
    const ac = new AbortController();
    ac.abort();
    await expect(
      planWeeklyBeats(m, rs, { startDate: '2025-03-03', costs: host, signal: ac.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

// Regression (issue 15, defect 5): `plan --start 9999-01-04` wrote plans core's own schema rejects.
describe('planWeeklyBeats period', () => {
  it('refuses a period outside the times a visit plan can hold', async () => {
    const m = manager('M1', 120.15, 30.27);
    const rs = around(3, 1);
    for (const startDate of ['9999-01-04', '2099-12-28', '1999-12-27', '2000-01-01']) {
      const e = await planWeeklyBeats(m, rs, { startDate, weeks: 1 }).catch((x: unknown) => x);
      expect(isBeatplanError(e), startDate).toBe(true);
      if (isBeatplanError(e)) expect(e.issues[0]?.path).toEqual(['options', 'startDate']);
    }
    const last = await planWeeklyBeats(m, rs, { startDate: '2099-12-14', weeks: 2 });
    for (const plan of last.plans) expect(VisitPlanSchema.safeParse(plan).success).toBe(true);
  });
});
