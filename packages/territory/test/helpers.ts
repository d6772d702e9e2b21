import { seededRandom } from '@beatplan/core';
import type {
  Coordinates,
  CustomerManager,
  RetailerInput,
  SyncTravelCosts,
  TravelCostMatrix,
  VisitFrequency,
} from '@beatplan/core';

/** mulberry32, uniform in [0, 1). */
export const random = seededRandom;

export const WEEKDAY_HOURS = {
  mon: [{ from: '08:30', to: '17:30' }],
  tue: [{ from: '08:30', to: '17:30' }],
  wed: [{ from: '08:30', to: '17:30' }],
  thu: [{ from: '08:30', to: '17:30' }],
  fri: [{ from: '08:30', to: '17:30' }],
};

/** A valid retailer at (lng, lat). */
export function retailer(id: string, lng: number, lat: number, over: Partial<RetailerInput> = {}): RetailerInput {
  return {
    id,
    name: `Shop ${id}`,
    location: { lng, lat },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 10,
    visitFrequency: 'weekly',
    orderCount: 5,
    orderVolume: 500,
    ...over,
  };
}

/** A manager with a base at (lng, lat), Mon–Fri 08:30–17:30. */
export function manager(id: string, lng: number, lat: number, over: Partial<CustomerManager> = {}): CustomerManager {
  return { id, name: `Manager ${id}`, base: { lng, lat }, workingHours: WEEKDAY_HOURS, ...over };
}

const FREQUENCIES: VisitFrequency[] = ['weekly', 'twice_weekly', 'fortnightly', 'monthly'];

/** n retailers in a few seeded clusters around 120.15E 30.27N, and k managers with bases among them. */
export function clusteredCity(
  n: number,
  k: number,
  seed: number,
): { retailers: RetailerInput[]; managers: CustomerManager[] } {
  const rnd = random(seed);
  const clusters = Array.from(
    { length: 1 + Math.floor(rnd() * 4) },
    () => [120.15 + (rnd() - 0.5) * 0.2, 30.27 + (rnd() - 0.5) * 0.2] as const,
  );
  const retailers = Array.from({ length: n }, (_, i) => {
    const c = clusters[Math.floor(rnd() * clusters.length)]!;
    return retailer(`R${i}`, c[0] + (rnd() - 0.5) * 0.06, c[1] + (rnd() - 0.5) * 0.06, {
      visitFrequency: FREQUENCIES[Math.floor(rnd() * 4)]!,
      serviceMinutes: 5 + Math.floor(rnd() * 20),
      orderCount: Math.floor(rnd() * 30),
      orderVolume: Math.floor(rnd() * 5000),
    });
  });
  const managers = Array.from({ length: k }, (_, j) => {
    const r = retailers[Math.floor((j * n) / k)]!;
    return manager(`M${j}`, r.location.lng + 0.001, r.location.lat);
  });
  return { retailers, managers };
}

/**
 * A host's own TravelCosts for tests: `inner`'s matrix, with every pair touching a point for which
 * `cut(point)` holds made unreachable (−1, listed), and times scaled by `slow` for pairs going east
 * (an asymmetric source). Async and sync, like a prepared road graph.
 */
export function hostCosts(
  inner: SyncTravelCosts,
  cut: (p: Coordinates) => boolean = () => false,
  slow = 1,
  source = 'test-host',
): SyncTravelCosts {
  const matrixSync = (points: readonly Coordinates[]): TravelCostMatrix => {
    const m = inner.matrixSync(points);
    const n = m.n;
    const unreachable: { from: number; to: number }[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const a = points[i] as Coordinates,
          b = points[j] as Coordinates;
        if (cut(a) || cut(b)) {
          m.distancesM[i * n + j] = m.durationsS[i * n + j] = -1;
          unreachable.push({ from: i, to: j });
        } else if (b.lng > a.lng) m.durationsS[i * n + j] = (m.durationsS[i * n + j] ?? 0) * slow;
      }
    return { ...m, unreachable, source };
  };
  return { source, matrixSync, matrix: async (points) => matrixSync(points) };
}
