import { getKnown, toWgs84 } from '@beatplan/core';
import type { ReportMap, RetailerStatus } from '../report.js';
import type { ReportInput } from '../report-input.js';
import type { PreparedData } from './prepare-data.js';

type Point = [number, number];

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * Convex hull of points (Andrew's monotone chain), as a closed ring counter-clockwise in lng/lat;
 * 0, 1 or 2 distinct points are returned as they are (a degenerate "hull").
 */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  // whether the chain so far turns left (counter-clockwise) onto p, or is too short to turn
  const turnsLeft = (out: readonly Point[], p: Point) => {
    const a = out.at(-2);
    const b = out.at(-1);
    return a === undefined || b === undefined || cross(a, b, p) > 0;
  };
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (!turnsLeft(out, p)) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(pts), ...half([...pts].reverse())];
  const [first] = hull;
  return first === undefined || hull.length < 3 ? hull : [...hull, first];
}

/** The map's geometry in WGS84: territories, retailers with their period status, planned routes, bases. */
export function buildMap(input: ReportInput, data: PreparedData): ReportMap {
  const wgs = new Map<string, Point>(
    input.retailers.map((r) => {
      const c = toWgs84(r.location);
      return [r.id, [round7(c.lng), round7(c.lat)] as Point];
    }),
  );
  const planned = new Set(data.plans.flatMap((p) => p.stops.map((s) => s.retailerId)));
  const visited = new Set(data.visits.map((v) => v.visit.retailerId));
  const verified = new Set(data.visits.filter((v) => v.verdict?.status === 'verified').map((v) => v.visit.retailerId));
  const contradicted = new Set(data.contradictions.map(({ c }) => c.retailerId));
  const statusOf = (id: string): RetailerStatus =>
    verified.has(id) ? 'verified' : visited.has(id) ? 'unverified' : planned.has(id) ? 'missed' : 'idle';
  const bases = new Map<string, Point>(
    input.managers.map((m) => {
      const c = toWgs84(m.base);
      return [m.id, [round7(c.lng), round7(c.lat)] as Point];
    }),
  );
  return {
    territories: input.territories.map((t) => ({
      id: t.id,
      managerId: t.managerId,
      name: t.name ?? null,
      source: t.polygon ? 'polygon' : 'hull',
      rings: t.polygon
        ? t.polygon.coordinates.map((ring) => ring.map((p) => [p[0], p[1]] as Point))
        : [convexHull(t.retailerIds.map((id) => getKnown(wgs, id, 'retailer')))],
    })),
    retailers: input.retailers.map((r) => {
      const [lng, lat] = getKnown(wgs, r.id, 'retailer');
      return {
        id: r.id,
        name: r.name,
        managerId: data.managerOfRetailer.get(r.id) ?? null,
        segment: r.segment,
        class: r.class,
        lng,
        lat,
        status: statusOf(r.id),
        contradicted: contradicted.has(r.id),
      };
    }),
    routes: data.plans.map((p) => {
      const base = getKnown(bases, p.managerId, 'manager');
      return {
        managerId: p.managerId,
        date: p.date,
        planId: p.id ?? null,
        coordinates: [base, ...p.stops.map((s) => getKnown(wgs, s.retailerId, 'retailer')), base],
        retailerIds: p.stops.map((s) => s.retailerId),
      };
    }),
    bases: input.managers.map((m) => {
      const [lng, lat] = getKnown(bases, m.id, 'manager');
      return { managerId: m.id, lng, lat };
    }),
  };
}
