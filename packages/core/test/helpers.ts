import { BeatplanError } from '@beatplan/core';

/** Runs `f`, expects a BeatplanError, and returns it. */
export function thrown(f: () => unknown): BeatplanError {
  try {
    f();
  } catch (e) {
    if (e instanceof BeatplanError) return e;
    throw e;
  }
  throw new Error('expected a BeatplanError, nothing was thrown');
}

/** Awaits `p`, expects it to reject with a BeatplanError, and returns it. */
export async function rejected(p: Promise<unknown>): Promise<BeatplanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BeatplanError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** A valid retailer input, with overrides. */
export function retailerInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'R1',
    name: 'Happy Mart',
    location: { lng: 116.41, lat: 39.92, crs: 'GCJ02' },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 15,
    openingHours: { mon: [{ from: '08:00', to: '21:00' }] },
    visitFrequency: 'weekly',
    orderCount: 12,
    orderVolume: 3400,
    ...over,
  };
}

/** A valid fix input, with overrides. */
export function fixInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { lng: 116.404, lat: 39.915, accuracyM: 8, source: 'gnss', at: '2025-03-03T09:00:00+08:00', ...over };
}
