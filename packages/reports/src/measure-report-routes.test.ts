import { readFileSync } from 'node:fs';
import {
  BeatplanError,
  haversineM,
  straightLineCosts,
  type Coordinates,
  type TravelCostMatrix,
  type TravelCosts,
} from '@beatplan/core';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, measureReportRoutes, reportToCsv, type ReportRoutes } from '@beatplan/reports';
import { thrown } from '../../core/test/helpers.js';

const load = () =>
  JSON.parse(readFileSync(new URL('../test/in/small-city.json', import.meta.url), 'utf8')) as Record<string, any>;

async function rejected(p: Promise<unknown>): Promise<BeatplanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BeatplanError) return e;
    throw e;
  }
  throw new Error('expected a BeatplanError');
}

/** A host source: straight lines × `factor`, with no route into or out of the points of `cut` (by longitude). */
function hostCosts(factor: number, cut: (p: Coordinates) => boolean = () => false): TravelCosts {
  const lines = straightLineCosts({ detourFactor: 1 });
  return {
    source: 'test-host',
    async matrix(points) {
      const m = lines.matrixSync(points);
      const n = m.n;
      const out: TravelCostMatrix = {
        n,
        distancesM: m.distancesM.map((x) => x * factor),
        durationsS: m.durationsS.map((x) => x * factor),
        unreachable: [],
        source: 'test-host',
      };
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (i !== j && (cut(points[i] as Coordinates) || cut(points[j] as Coordinates))) {
            out.distancesM[i * n + j] = out.durationsS[i * n + j] = -1;
            out.unreachable.push({ from: i, to: j });
          }
      return out;
    },
  };
}

describe('measureReportRoutes', () => {
  it('runs its JSDoc example', async () => {
    const input = {
      retailers: [
        {
          id: 'R1',
          name: 'Shop',
          location: { lng: 120.16, lat: 30.27 },
          segment: 'retail',
          class: 'A',
          serviceMinutes: 10,
          visitFrequency: 'weekly',
          orderCount: 4,
          orderVolume: 900,
        },
      ],
      managers: [{ id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: {} }],
      plans: [
        {
          managerId: 'M1',
          date: '2026-03-02',
          stops: [{ retailerId: 'R1', arrival: '2026-03-02T09:10:00+08:00', departure: '2026-03-02T09:20:00+08:00' }],
          distanceM: 2000,
          durationS: 1800,
        },
      ],
    };
    const routes = await measureReportRoutes(input, straightLineCosts());
    expect(routes.days).toHaveLength(1);
    expect(routes.days[0]?.planned?.distanceM).toEqual(2496.9);
    expect(routes.days[0]?.planned?.durationS).toBe(449.4);
    expect(routes.days[0]?.travelled).toBeNull();
    expect(buildReport({ ...input, routes }).managers[0]?.plannedRouteDistanceM).toBe(2496.9);
  });

  it('measures every manager-day through retailer locations; on straight lines the plans equal the straight-line figure', async () => {
    const input = load();
    const routes = await measureReportRoutes(input, straightLineCosts({ detourFactor: 1 }));
    expect(routes.costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
    const plain = buildReport(input);
    const report = buildReport({ ...input, routes });
    expect(plain.routeCostSource).toBeNull();
    expect(plain.managers[0]?.plannedRouteDistanceM).toBeNull();
    expect(report.routeCostSource).toEqual(routes.costSource);
    for (const [i, m] of report.managers.entries()) {
      const days = routes.days.filter((d) => d.managerId === m.managerId);
      // one entry per date with a plan or a visit
      expect(days.length).toBe(m.days);
      // the same closed routes as the report's own straight-line figure (rounded per day)
      expect(
        Math.abs((m.plannedRouteDistanceM ?? 0) - (plain.managers[i]?.plannedStraightDistanceM ?? 0)),
      ).toBeLessThan(0.05 * days.length + 0.05);
      expect(m.unroutedDays).toBe(0);
      expect(m.plannedStraightDistanceM).toBe(plain.managers[i]?.plannedStraightDistanceM);
      expect(m.travelledDistanceM).toBe(plain.managers[i]?.travelledDistanceM);
    }
    // travelled: base → each visited retailer in start order → base
    const day = routes.days.find((d) => d.travelled !== null) as ReportRoutes['days'][number];
    const base = input.managers.find((m: any) => m.id === day.managerId).base;
    const at = new Map(input.retailers.map((r: any) => [r.id, r.location]));
    const stops = input.visits
      .filter((v: any) => v.managerId === day.managerId && v.start.at.startsWith(day.date))
      .sort((a: any, b: any) => Date.parse(a.start.at) - Date.parse(b.start.at))
      .map((v: any) => at.get(v.retailerId));
    const path: { lng: number; lat: number }[] = [base, ...stops, base];
    let m = 0;
    let previous: { lng: number; lat: number } | null = null;
    for (const p of path) {
      if (previous) m += haversineM(previous.lng, previous.lat, p.lng, p.lat);
      previous = p;
    }
    expect(day.travelled?.distanceM).toBeCloseTo(m, 1);
    expect(reportToCsv(report).managers?.split('\r\n')[0]).toContain('plannedRouteDistanceM');
  });

  it('compares route with route: distanceRatio and the route KPI do not change when every cost is scaled', async () => {
    const input = load();
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 1, max: 4, noNaN: true }), async (factor) => {
        const one = buildReport({ ...input, routes: await measureReportRoutes(input, hostCosts(1)) });
        const scaled = buildReport({ ...input, routes: await measureReportRoutes(input, hostCosts(factor)) });
        for (const [i, m] of scaled.managers.entries()) {
          expect(m.distanceRatio).toBe(one.managers[i]?.distanceRatio);
          expect(m.kpis.route).toBe(one.managers[i]?.kpis.route);
        }
        expect(scaled.routeCostSource).toEqual({ kind: 'host', source: 'test-host' });
      }),
      { numRuns: 15 },
    );
  });

  it('a leg with no route: that day has no figure, names the leg, and is counted in unroutedDays', async () => {
    const input = load();
    const island = input.retailers[0].id as string;
    const where = input.retailers[0].location as Coordinates;
    const routes = await measureReportRoutes(
      input,
      hostCosts(1, (p) => p.lng === where.lng && p.lat === where.lat),
    );
    const cut = routes.days.filter((d) => d.unreachable.length > 0);
    expect(cut.length).toBeGreaterThan(0);
    for (const d of cut) {
      expect(d.unreachable.some((u) => u.from === island || u.to === island)).toBe(true);
      expect(d.planned === null || d.travelled === null).toBe(true);
    }
    const report = buildReport({ ...input, routes });
    const total = report.managers.reduce((s, m) => s + (m.unroutedDays ?? 0), 0);
    expect(total).toBe(cut.length);
    expect(report.totals.unroutedDays).toBe(cut.length);
  });

  it('buildReport refuses routes that do not cover exactly the manager-days of the period', async () => {
    const input = load();
    const routes = await measureReportRoutes(input, straightLineCosts());
    const missing = thrown(() => buildReport({ ...input, routes: { ...routes, days: routes.days.slice(1) } }));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain(`no route figures for manager ${routes.days[0]?.managerId}`);
    const extra = { ...routes.days[0], date: '2025-03-08' };
    const outside = thrown(() => buildReport({ ...input, routes: { ...routes, days: [...routes.days, extra] } }));
    expect(outside.issues[0]?.path).toEqual(['routes', 'days', routes.days.length]);
    const twice = thrown(() =>
      buildReport({ ...input, routes: { ...routes, days: [...routes.days, routes.days[0]] } }),
    );
    expect(twice.message).toContain('again');
    const bad = thrown(() => buildReport({ ...input, routes: { ...routes, costSource: { kind: 'x', source: '' } } }));
    expect(bad.issues.map((i) => i.path.join('.'))).toContain('routes.costSource.kind');
  });

  it('validates its input and cost source, and honours an AbortSignal', async () => {
    const input = load();
    expect((await rejected(measureReportRoutes({ ...input, managers: 3 }, straightLineCosts()))).code).toBe(
      'INVALID_INPUT',
    );
    const notCosts = await rejected(measureReportRoutes(input, { source: 'x' } as unknown as TravelCosts));
    expect(notCosts.issues[0]?.path).toEqual(['costs']);
    const controller = new AbortController();
    controller.abort();
    expect((await rejected(measureReportRoutes(input, straightLineCosts(), { signal: controller.signal }))).code).toBe(
      'ABORTED',
    );
  });
});
