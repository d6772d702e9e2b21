import {
  formatIssue,
  formatReason,
  haversineM,
  straightLineCosts,
  type Coordinates,
  type RetailerInput,
} from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { city, rejected, retailer } from '../test/helpers.js';
import { drawSample } from './draw-sample.js';
import { routeInspection, type InspectionRoute } from './route-inspection.js';

const base = { lng: 116.4, lat: 39.9 };
const secondsOf = (iso: string) =>
  Number(iso.slice(11, 13)) * 3600 + Number(iso.slice(14, 16)) * 60 + Number(iso.slice(17, 19));
const hm = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

/** Re-simulates every day: travel at 20 km/h, service, opening hours of the weekday, back by 18:00. */
function resimulate(route: InspectionRoute, retailers: RetailerInput[]): void {
  const byId = new Map(retailers.map((r) => [r.id, r]));
  for (const day of route.days) {
    let t = secondsOf(day.leave);
    expect(t).toBe(hm('09:00'));
    let at = base;
    for (const s of day.stops) {
      const r = byId.get(s.retailerId)!;
      const travel = Math.ceil(Math.round(haversineM(at.lng, at.lat, r.location.lng, r.location.lat)) / (20000 / 3600));
      expect(secondsOf(s.arrival)).toBe(t + travel);
      const start = secondsOf(s.start);
      expect(start).toBeGreaterThanOrEqual(secondsOf(s.arrival));
      expect(secondsOf(s.departure)).toBe(start + r.serviceMinutes * 60);
      const hours = r.openingHours?.[day.weekday];
      if (r.openingHours) {
        const inside = (hours ?? []).some((i) => start >= hm(i.from) && secondsOf(s.departure) <= hm(i.to));
        expect(inside, `${s.retailerId} served ${s.start}–${s.departure}, open ${JSON.stringify(hours)}`).toBe(true);
      }
      t = secondsOf(s.departure);
      at = r.location;
    }
    expect(secondsOf(day.back)).toBeLessThanOrEqual(hm('18:00'));
    expect(day.stops.map((s) => s.arrival.slice(0, 10))).toEqual(day.stops.map(() => day.date));
  }
}

describe('routeInspection', () => {
  const windows: RetailerInput[] = [
    retailer('early', {
      location: { lng: 116.41, lat: 39.91 },
      openingHours: { wed: [{ from: '09:00', to: '10:00' }] },
    }),
    retailer('late', {
      location: { lng: 116.405, lat: 39.905 },
      openingHours: { wed: [{ from: '16:00', to: '17:00' }] },
    }),
    retailer('lunch', {
      location: { lng: 116.42, lat: 39.9 },
      openingHours: {
        wed: [
          { from: '08:00', to: '11:30' },
          { from: '14:00', to: '20:00' },
        ],
      },
    }),
    retailer('any', { location: { lng: 116.39, lat: 39.89 } }),
    retailer('night', {
      location: { lng: 116.38, lat: 39.92 },
      segment: 'hotel_entertainment',
      openingHours: { tue: [{ from: '18:00', to: '02:00' }], wed: [{ from: '12:00', to: '14:00' }] },
    }),
  ];

  it('honours opening hours, service times and the day (re-simulated)', async () => {
    const route = await routeInspection(
      windows.map((r) => r.id),
      windows,
      { base, date: '2025-03-05' },
    );
    expect(route.dropped).toEqual([]);
    expect(route.days).toHaveLength(1);
    expect(route.days[0]).toMatchObject({ date: '2025-03-05', weekday: 'wed' });
    expect(route.days[0]!.stops.map((s) => s.retailerId).sort()).toEqual(['any', 'early', 'late', 'lunch', 'night']);
    resimulate(route, windows);
    expect(route.days[0]!.stops.find((s) => s.retailerId === 'late')!.start).toBe('2025-03-05T16:00:00+08:00');
  });

  it('splits a plan over several days by a day capacity, carrying retailers closed that day', async () => {
    const rs = city(30, 3, 11).map((r, i) =>
      i < 4 ? { ...r, openingHours: { thu: [{ from: '08:00', to: '20:00' }] } } : r,
    );
    const plan = drawSample(rs, { size: 24 }, { seed: 3 });
    const route = await routeInspection(plan, rs, { base, date: '2025-03-05', maxStopsPerDay: 8, maxDays: 5 });
    resimulate(route, rs);
    const served = route.days.flatMap((d) => d.stops.map((s) => s.retailerId));
    expect([...served].sort()).toEqual([...plan.retailerIds].sort());
    for (const d of route.days) expect(d.stops.length).toBeLessThanOrEqual(8);
    expect(route.days.map((d) => d.date)).toEqual(['2025-03-05', '2025-03-06', '2025-03-07']);
    const thursdayOnly = plan.retailerIds.filter((id) => Number(id.slice(1)) <= 4);
    for (const id of thursdayOnly) expect(route.days[1]!.stops.map((s) => s.retailerId)).toContain(id);
    expect(route.distanceM).toBe(route.days.reduce((a, d) => a + d.distanceM, 0));
  });

  it('skips non-working days and reports what does not fit', async () => {
    const closed = [retailer('sun', { openingHours: { sun: [{ from: '09:00', to: '18:00' }] } }), retailer('ok')];
    const route = await routeInspection(['sun', 'ok'], closed, { base, date: '2025-03-08', maxDays: 2 });
    expect(route.days.map((d) => [d.date, d.stops.map((s) => s.retailerId)])).toEqual([['2025-03-10', ['ok']]]);
    expect(route.dropped.map((u) => u.retailerId)).toEqual(['sun']);
    const why = route.dropped[0]?.reasonData;
    expect(why && formatReason(why)).toBe(route.dropped[0]?.reason);
    expect(why && formatReason(why, { locale: 'zh-CN' })).toBe(
      '自 2025-03-08 起的 2 个工作日内排不下（受营业时间、工作日 09:00–18:00 和每日站点数限制）',
    );
  });

  it('names every unknown id and bad option', async () => {
    const e = await rejected(routeInspection(['x', 'early', 'y'], windows, { base, date: '2025-03-05' }));
    expect(e.code).toBe('UNKNOWN_REFERENCE');
    expect(e.message).toBe(
      'sample[0]: no retailer has this id, received "x"; sample[2]: no retailer has this id, received "y"',
    );
    const o = await rejected(
      routeInspection(['early'], windows, {
        base: { lng: 200, lat: 0 },
        date: '2025-02-30',
        dayStart: '18:00',
        dayEnd: '09:00',
      }),
    );
    expect(o.issues.map((i) => i.path.join('.'))).toEqual(['options.base.lng', 'options.date', 'options.dayEnd']);
    // Issue 13: the refinements' reasons are keyed, so they read in Chinese too.
    expect(o.issues.map((i) => formatIssue(i, { locale: 'zh-CN' })).slice(1)).toEqual([
      'options.date：日期必须是真实存在的日历日期 "YYYY-MM-DD"，实际为 "2025-02-30"',
      'options.dayEnd：dayEnd 必须晚于 dayStart，实际为 "09:00"',
    ]);
  });

  it('routes on any TravelCosts and says which; a retailer with no route is dropped naming the other end, the rest routed', async () => {
    const rs = city(12, 2, 5);
    const ids = rs.map((r) => r.id);
    const lines = straightLineCosts();
    const host = { source: 'crm-matrix', matrix: async (pts: readonly Coordinates[]) => lines.matrixSync(pts) };
    const plain = await routeInspection(ids, rs, { base, date: '2025-03-05' });
    expect(plain.costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
    const route = await routeInspection(ids, rs, { base, date: '2025-03-05', costs: host });
    expect(route.costSource).toEqual({ kind: 'host', source: 'crm-matrix' });
    const first = route.days[0]!.stops[0]!;
    const at = rs.find((r) => r.id === first.retailerId)!.location;
    expect(first.travelM).toBe(Math.round(1.3 * haversineM(base.lng, base.lat, at.lng, at.lat)));
    const cut = rs[3]!.location;
    const broken = {
      source: 'road-graph:car',
      matrix: async (pts: readonly Coordinates[]) => {
        const m = lines.matrixSync(pts);
        const k = pts.findIndex((p) => p.lng === cut.lng && p.lat === cut.lat);
        return { ...m, source: 'road-graph:car', unreachable: k < 0 ? [] : [{ from: 0, to: k }] };
      },
    };
    const cutOff = await routeInspection(ids, rs, { base, date: '2025-03-05', costs: broken });
    expect(cutOff.dropped[0]).toEqual({
      retailerId: rs[3]!.id,
      reason: 'no route between it and the base on road-graph:car',
      reasonData: { key: 'core.no_route_base', source: 'road-graph:car' },
    });
    const routed = [
      ...cutOff.days.flatMap((d) => d.stops.map((x) => x.retailerId)),
      ...cutOff.dropped.slice(1).map((d) => d.retailerId),
    ];
    expect(routed.sort()).toEqual(ids.filter((id) => id !== rs[3]!.id).sort());
  });
});
