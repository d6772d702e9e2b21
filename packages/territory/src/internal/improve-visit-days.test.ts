import { isBeatplanError, straightLineCosts, VISITS_PER_FOUR_WEEKS, type VisitFrequency } from '@beatplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from '../../test/helpers.js';
import { dayBounds } from './day-bounds.js';
import {
  DaySearchOptionsSchema,
  type DaySearchRetailer,
  improveVisitDays,
  MAX_DAY_SEARCH_RETAILERS,
} from './improve-visit-days.js';
import { assignVisitPatterns, type VisitPattern } from './visit-patterns.js';

const BASE = { lng: 120.15, lat: 30.27 };
const FREQUENCIES: VisitFrequency[] = ['weekly', 'twice_weekly', 'fortnightly', 'monthly'];
const WORK: [number, number][] = [
  [30_600, 43_200],
  [46_800, 63_000],
];
const WORK_DAYS = [0, 1, 2, 3, 4];
const AFTERNOON: [number, number][] = [[50_400, 62_400]];

/** n retailers around the base: some closed on Mondays or Fridays, some open in the afternoon only. */
function city(n: number, seed: number): DaySearchRetailer[] {
  const rnd = random(seed);
  return Array.from({ length: n }, () => {
    const closed = rnd() < 0.15 ? (rnd() < 0.5 ? 0 : 4) : -1;
    const afternoon = rnd() < 0.15;
    const windows = Array.from({ length: 7 }, (_, d) =>
      d === closed || d > 4 ? [] : afternoon ? AFTERNOON : WORK.map(([a, b]) => [a, b - 600] as [number, number]),
    );
    return {
      lng: BASE.lng + (rnd() - 0.5) * 0.1,
      lat: BASE.lat + (rnd() - 0.5) * 0.1,
      frequency: FREQUENCIES[Math.floor(rnd() * 4)] as VisitFrequency,
      allowedDays: windows.reduce((m, w, d) => (w.length ? m | (1 << d) : m), 0),
      serviceS: 300 + Math.floor(rnd() * 900),
      windows,
    };
  });
}

function sectors(rs: readonly DaySearchRetailer[]): VisitPattern[] {
  const xy = rs.map((r) => ({ x: (r.lng - BASE.lng) * 96_000, y: (r.lat - BASE.lat) * 111_000 }));
  return assignVisitPatterns(
    rs.map((r, i) => ({
      ...xy[i]!,
      frequency: r.frequency,
      visitMinutes: r.serviceS / 60,
      allowedDays: r.allowedDays,
    })),
    WORK_DAYS,
  );
}

const ctx = (seed: number, signal?: AbortSignal) => ({
  base: BASE,
  workDays: WORK_DAYS,
  bounds: WORK_DAYS.map(() => dayBounds(WORK, undefined)),
  costs: straightLineCosts(),
  seed,
  signal,
});

function visitsOf(p: VisitPattern): number {
  return 'weekdays' in p ? p.weekdays.length * p.weeks.length : 0;
}

describe('improveVisitDays', () => {
  it('property: keeps every visit once, on open days, in its frequency weeks and spacing; never worse than the start', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1e6 }), async (n, seed) => {
        const rs = city(n, seed);
        const start = sectors(rs);
        const options = DaySearchOptionsSchema.parse({ maxRounds: 20 });
        const { patterns, summary } = await improveVisitDays(rs, start, options, ctx(seed));
        expect(summary.stoppedBy).toBe('rounds');
        expect(summary.travelS!).toBeLessThanOrEqual(summary.startTravelS! + 1e-6);
        patterns.forEach((p, i) => {
          const r = rs[i]!;
          const s = start[i]!;
          if ('reason' in s) return expect(p).toBe(s);
          if (!('weekdays' in p)) throw new Error(`retailer ${i} lost its days`);
          expect(visitsOf(p)).toBe(VISITS_PER_FOUR_WEEKS[r.frequency]);
          expect(new Set(p.weekdays).size).toBe(p.weekdays.length);
          for (const d of p.weekdays) expect(r.allowedDays & (1 << d)).not.toBe(0);
          if (r.frequency === 'fortnightly')
            expect([
              [0, 2],
              [1, 3],
            ]).toContainEqual(p.weeks);
          if (r.frequency === 'monthly') expect(p.weeks).toHaveLength(1);
          if (r.frequency === 'twice_weekly') {
            const [a, b] = p.weekdays as [number, number];
            const gap = Math.min(Math.abs(a - b), 7 - Math.abs(a - b));
            const [c, d] = s.weekdays as [number, number];
            expect(gap).toBeGreaterThanOrEqual(Math.min(2, Math.min(Math.abs(c - d), 7 - Math.abs(c - d))));
          } else expect(p.weekdays).toHaveLength(1);
        });
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('moves visits to shorter days on a seeded city, the same for the same seed', async () => {
    const rs = city(120, 4);
    const options = DaySearchOptionsSchema.parse({ maxRounds: 50 });
    const a = await improveVisitDays(rs, sectors(rs), options, ctx(3));
    const b = await improveVisitDays(rs, sectors(rs), options, ctx(3));
    expect(b.patterns).toEqual(a.patterns);
    expect({ ...b.summary, ms: 0 }).toEqual({ ...a.summary, ms: 0 });
    expect(a.summary.moves + a.summary.swaps).toBeGreaterThan(0);
    expect(a.summary.travelS!).toBeLessThan(a.summary.startTravelS!);
  });

  it('stops when its time is up with a valid assignment no worse than the start; skips above its size limit', async () => {
    const rs = city(80, 2);
    const start = sectors(rs);
    const options = DaySearchOptionsSchema.parse({ timeLimitMs: 0 });
    const { patterns, summary } = await improveVisitDays(rs, start, options, ctx(1));
    expect(summary.stoppedBy).toBe('time');
    expect(summary.travelS!).toBeLessThanOrEqual(summary.startTravelS!);
    patterns.forEach((p, i) => expect(visitsOf(p)).toBe(visitsOf(start[i]!)));
    const many = Array.from({ length: MAX_DAY_SEARCH_RETAILERS + 1 }, (_, i) => rs[i % rs.length]!);
    const big = await improveVisitDays(many, sectors(many), DaySearchOptionsSchema.parse({}), ctx(1));
    expect(big.summary).toMatchObject({ stoppedBy: 'too-many-retailers', travelS: null });
    expect(big.patterns).toEqual(sectors(many));
  });

  it('keeps the sector start when off, and rejects ABORTED when the signal fires during the search', async () => {
    const rs = city(300, 9);
    const start = sectors(rs);
    const off = await improveVisitDays(rs, start, false, ctx(1));
    expect(off.patterns).toEqual(start);
    expect(off.summary).toMatchObject({ stoppedBy: 'off', startTravelS: null, moves: 0 });
    const ac = new AbortController();
    setImmediate(() => ac.abort());
    const options = DaySearchOptionsSchema.parse({ maxRounds: 100_000, timeLimitMs: 600_000 });
    const e = await improveVisitDays(rs, start, options, ctx(1, ac.signal)).catch((x: unknown) => x);
    expect(isBeatplanError(e, 'ABORTED')).toBe(true);
  });

  it('property: with an ordering tolerance the sector start balances ordering retailers per weekday and no day of the cycle ends outside its ordering bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 80 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(0.1, 0.25, 0.5),
        async (n, seed, tolerance) => {
          const rnd = random(seed + 1);
          const rs = city(n, seed).map((r) => ({ ...r, ordering: rnd() < 0.6 }));
          const xy = rs.map((r) => ({ x: (r.lng - BASE.lng) * 96_000, y: (r.lat - BASE.lat) * 111_000 }));
          const items = rs.map((r, i) => ({
            ...xy[i]!,
            frequency: r.frequency,
            visitMinutes: r.serviceS / 60,
            allowedDays: r.allowedDays,
            ordering: r.ordering,
          }));
          const start = assignVisitPatterns(items, WORK_DAYS, tolerance);
          const plain = assignVisitPatterns(items, WORK_DAYS);
          // the start keeps every retailer's visits and open days
          start.forEach((p, i) => {
            expect(visitsOf(p)).toBe(visitsOf(plain[i]!));
            if ('weekdays' in p) for (const d of p.weekdays) expect(rs[i]!.allowedDays & (1 << d)).not.toBe(0);
          });
          const slotCounts = (ps: readonly VisitPattern[]) => {
            const on = new Array<number>(4 * WORK_DAYS.length).fill(0);
            ps.forEach((p, i) => {
              if (!rs[i]!.ordering || !('weekdays' in p)) return;
              for (const w of p.weeks) for (const d of p.weekdays) on[w * WORK_DAYS.length + WORK_DAYS.indexOf(d)]!++;
            });
            return on;
          };
          const before = slotCounts(start);
          const mean = before.reduce((a, b) => a + b, 0) / before.length;
          const hi = before.map((x) => Math.max(x, Math.ceil((1 + tolerance) * mean - 1e-9)));
          const lo = before.map((x) => Math.min(x, Math.floor((1 - tolerance) * mean + 1e-9)));
          const options = DaySearchOptionsSchema.parse({ maxRounds: 15 });
          const { patterns } = await improveVisitDays(rs, start, options, {
            ...ctx(seed),
            orderingTolerance: tolerance,
          });
          const after = slotCounts(patterns);
          after.forEach((x, k) => {
            expect(x).toBeLessThanOrEqual(hi[k]!);
            expect(x).toBeGreaterThanOrEqual(lo[k]!);
          });
        },
      ),
      { numRuns: 20, seed: 5 },
    );
  });

  it('balances ordering retailers per weekday in the sector start where the plain start does not', () => {
    // ordering retailers all in the east, non-ordering in the west: the sweep puts them on few days
    const rs = city(200, 21).map((r) => ({ ...r, ordering: r.lng > BASE.lng }));
    const items = rs.map((r) => ({
      x: (r.lng - BASE.lng) * 96_000,
      y: (r.lat - BASE.lat) * 111_000,
      frequency: r.frequency,
      visitMinutes: r.serviceS / 60,
      allowedDays: r.allowedDays,
      ordering: r.ordering,
    }));
    const perWeekday = (ps: readonly VisitPattern[]) => {
      const c = WORK_DAYS.map(() => 0);
      const weekly: Record<VisitFrequency, number> = { weekly: 1, twice_weekly: 1, fortnightly: 0.5, monthly: 0.25 };
      ps.forEach((p, i) => {
        if (rs[i]!.ordering && 'weekdays' in p)
          for (const d of p.weekdays) c[WORK_DAYS.indexOf(d)]! += weekly[rs[i]!.frequency];
      });
      const mean = c.reduce((a, b) => a + b, 0) / c.length;
      return Math.max(...c.map((x) => Math.abs(x - mean) / mean));
    };
    expect(perWeekday(assignVisitPatterns(items, WORK_DAYS))).toBeGreaterThan(0.2);
    expect(perWeekday(assignVisitPatterns(items, WORK_DAYS, 0.1))).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
