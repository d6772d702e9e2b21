import { seededRandom } from '@beatplan/core';
import type { CustomerManager, RetailerInput, VisitFrequency } from '@beatplan/core';

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
