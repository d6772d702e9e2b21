import { seededRandom } from '@beatplan/core';
import { type RetailerInput } from '@beatplan/core';

/** Runs `f`, expects a BeatplanError, and returns it (core's test helper). */
export { thrown } from '../../core/test/helpers.js';

/** Awaits `p`, expects a BeatplanError, and returns it (core's test helper). */
export { rejected } from '../../core/test/helpers.js';

/** mulberry32: a small seeded PRNG for test data. */
export const prng = seededRandom;

const SEGMENTS = ['retail', 'chain_supermarket', 'hotel_entertainment'] as const;
const CLASSES = ['A', 'B', 'C'] as const;

/** One retailer input with overrides. */
export function retailer(id: string, over: Partial<RetailerInput> = {}): RetailerInput {
  return {
    id,
    name: `Shop ${id}`,
    location: { lng: 116.4, lat: 39.9 },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 20,
    visitFrequency: 'weekly',
    orderCount: 10,
    orderVolume: 1000,
    ...over,
  };
}

/**
 * A synthetic city: `n` retailers within ~5 km of (116.40, 39.90), managers M1..M{managers} in turn,
 * segments and classes from a seeded PRNG.
 */
export function city(n: number, managers = 4, seed = 7): RetailerInput[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) =>
    retailer(`R${String(i + 1).padStart(3, '0')}`, {
      location: { lng: 116.4 + (rnd() - 0.5) * 0.1, lat: 39.9 + (rnd() - 0.5) * 0.08 },
      segment: SEGMENTS[Math.floor(rnd() * 3)]!,
      class: CLASSES[Math.floor(rnd() * 3)]!,
      managerId: `M${(i % managers) + 1}`,
      region: i % 2 ? 'east' : 'west',
    }),
  );
}
