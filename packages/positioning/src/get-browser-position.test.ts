import { getBrowserPosition, type GeolocationLike, type GeolocationPositionLike } from '@beatplan/positioning';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rejected } from '../test/helpers.js';

const POSITION: GeolocationPositionLike = {
  coords: { latitude: 39.9087, longitude: 116.3975, accuracy: 14, altitude: null, speed: 0.5, heading: Number.NaN },
  timestamp: 1740963600000,
};

/** A fake `navigator.geolocation` that answers with a position, an error code, or never. */
function fakeGeolocation(answer: GeolocationPositionLike | { code: number; message?: string } | 'never' | 'throw') {
  const calls: unknown[] = [];
  const geolocation: GeolocationLike = {
    getCurrentPosition(success, error, options) {
      calls.push(options);
      if (answer === 'throw') throw new Error('insecure context');
      if (answer === 'never') return;
      queueMicrotask(() => ('coords' in answer ? success(answer) : error?.(answer)));
    },
  };
  return { geolocation, calls };
}

describe('getBrowserPosition', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('maps a GeolocationPosition to a 95 % fix and passes the options on', async () => {
    const { geolocation, calls } = fakeGeolocation(POSITION);
    const fix = await getBrowserPosition({ geolocation, timeoutMs: 8000 });
    expect(fix).toEqual({
      lng: 116.3975,
      lat: 39.9087,
      crs: 'WGS84',
      accuracyM: 14,
      accuracyConfidence: 0.95,
      source: 'gnss',
      at: 1740963600000,
      speedKmh: 1.8, // the browser reports m/s: 0.5 × 3.6
    });
    expect(calls).toEqual([{ enableHighAccuracy: true, timeout: 8000, maximumAge: 0 }]);
  });

  it('uses the host’s source and crs, and navigator.geolocation by default', async () => {
    vi.stubGlobal('navigator', { geolocation: fakeGeolocation(POSITION).geolocation });
    expect(await getBrowserPosition({ source: 'wifi', crs: 'GCJ02' })).toMatchObject({ source: 'wifi', crs: 'GCJ02' });
  });

  it('maps the W3C error codes: 1 → PERMISSION_DENIED, 2 → NO_POSITION, 3 → PROVIDER_TIMEOUT, else PROVIDER_UNAVAILABLE', async () => {
    const code = async (c: number) =>
      (await rejected(getBrowserPosition({ geolocation: fakeGeolocation({ code: c, message: 'm' }).geolocation })))
        .code;
    expect([await code(1), await code(2), await code(3), await code(9)]).toEqual([
      'PERMISSION_DENIED',
      'NO_POSITION',
      'PROVIDER_TIMEOUT',
      'PROVIDER_UNAVAILABLE',
    ]);
  });

  it('PROVIDER_RESPONSE_INVALID for a position that is not a valid fix', async () => {
    const bad = { ...POSITION, coords: { ...POSITION.coords, latitude: 123 } };
    const e = await rejected(getBrowserPosition({ geolocation: fakeGeolocation(bad).geolocation }));
    expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(e.issues[1]).toMatchObject({ path: ['position', 'lat'], value: 123 });
  });

  it('PROVIDER_UNAVAILABLE without a Geolocation API or when it throws', async () => {
    vi.stubGlobal('navigator', undefined);
    expect((await rejected(getBrowserPosition())).code).toBe('PROVIDER_UNAVAILABLE');
    expect((await rejected(getBrowserPosition({ geolocation: fakeGeolocation('throw').geolocation }))).code).toBe(
      'PROVIDER_UNAVAILABLE',
    );
  });

  it('PROVIDER_TIMEOUT after deadlineMs when the browser never calls back (fake timers)', async () => {
    vi.useFakeTimers();
    const p = rejected(getBrowserPosition({ geolocation: fakeGeolocation('never').geolocation, timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(61_000);
    const e = await p;
    expect(e.code).toBe('PROVIDER_TIMEOUT');
    expect(e.message).toMatch(/61000 ms/);
  });

  it('ABORTED when the signal fires first; INVALID_INPUT for bad options', async () => {
    const ctrl = new AbortController();
    const p = rejected(getBrowserPosition({ geolocation: fakeGeolocation('never').geolocation, signal: ctrl.signal }));
    ctrl.abort();
    expect((await p).code).toBe('ABORTED');
    expect((await rejected(getBrowserPosition({ timeoutMs: -5 }))).path).toEqual(['options', 'timeoutMs']);
  });
});
