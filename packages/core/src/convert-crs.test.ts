import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeatplanError } from './beatplan-error.js';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  convertCoordinates,
  convertLngLat,
  gcj02ToBd09,
  gcj02ToWgs84,
  isOutsideChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './convert-crs.js';
import { haversineM } from './distance-m.js';
import { CrsSchema, type Crs } from './schemas/crs.js';
import { PositionFixSchema } from './schemas/position-fix.js';

// Published reference values (wandergis/coordtransform test/app.js, also used by Hutool's tests).
const BEIJING: [number, number] = [116.404, 39.915];

const mainland = fc.record({
  lng: fc.double({ min: 73.5, max: 134.7, noNaN: true }),
  lat: fc.double({ min: 18.2, max: 53.5, noNaN: true }),
});

function close(a: [number, number], b: [number, number], tol: number): void {
  expect(Math.abs(a[0] - b[0])).toBeLessThan(tol);
  expect(Math.abs(a[1] - b[1])).toBeLessThan(tol);
}

describe('reference points', () => {
  it('WGS84 → GCJ-02 in Beijing matches the published value', () => {
    close(wgs84ToGcj02(...BEIJING), [116.41024449916938, 39.91640428150164], 1e-12);
  });
  it('GCJ-02 → BD-09 and BD-09 → GCJ-02 (one step) match the published values', () => {
    close(gcj02ToBd09(...BEIJING), [116.41036949371029, 39.92133699351021], 1e-12);
    // the published bd09togcj02 is the one-step inverse; ours refines it by < 1e-5°
    close(bd09ToGcj02(...BEIJING), [116.39762729119315, 39.90865673957631], 1e-5);
  });
  it('GCJ-02 → WGS84 is exact where the published one-step approximation is not', () => {
    const oneStep: [number, number] = [116.39775550083061, 39.91359571849836];
    const ours = gcj02ToWgs84(...BEIJING);
    close(ours, oneStep, 1e-4);
    close(wgs84ToGcj02(...ours), BEIJING, 1e-9);
    // the one-step answer misses by more than the iterated one
    const back = wgs84ToGcj02(...oneStep);
    expect(haversineM(back[0], back[1], ...BEIJING)).toBeGreaterThan(0.01);
    const exact = wgs84ToGcj02(...ours);
    expect(haversineM(exact[0], exact[1], ...BEIJING)).toBeLessThan(1e-3);
  });
  it('a Shanghai point shifts by the published offset (Lujiazui, WGS84 121.4990, 31.2397)', () => {
    const [lng, lat] = wgs84ToGcj02(121.499, 31.2397);
    // GCJ-02 in Shanghai is ≈ +0.0045° lng, −0.0020° lat from WGS84
    expect(lng - 121.499).toBeGreaterThan(0.0035);
    expect(lng - 121.499).toBeLessThan(0.0055);
    expect(lat - 31.2397).toBeLessThan(-0.0015);
    expect(lat - 31.2397).toBeGreaterThan(-0.0025);
  });
  it('a GCJ-02 point lies 100–700 m from its WGS84 origin in major cities', () => {
    const cities: [string, number, number][] = [
      ['Beijing', 116.404, 39.915],
      ['Shanghai', 121.4737, 31.2304],
      ['Guangzhou', 113.2644, 23.1291],
      ['Shenzhen', 114.0579, 22.5431],
      ['Chengdu', 104.0665, 30.5723],
      ['Wuhan', 114.3054, 30.5931],
      ["Xi'an", 108.9398, 34.3416],
      ['Harbin', 126.535, 45.8038],
      ['Kunming', 102.8329, 24.8801],
      ['Urumqi', 87.6168, 43.8256],
    ];
    for (const [, lng, lat] of cities) {
      const [gl, ga] = wgs84ToGcj02(lng, lat);
      const d = haversineM(lng, lat, gl, ga);
      expect(d).toBeGreaterThan(100);
      expect(d).toBeLessThan(700);
    }
  });
  it('over the whole mainland box the shift stays within 10–750 m (a scan found 17–713 m)', () => {
    fc.assert(
      fc.property(mainland, ({ lng, lat }) => {
        const [gl, ga] = wgs84ToGcj02(lng, lat);
        const d = haversineM(lng, lat, gl, ga);
        return d > 10 && d < 750;
      }),
    );
  });
});

describe('round trips', () => {
  it('WGS84 → GCJ-02 → WGS84 within 1e-6° over mainland China', () => {
    fc.assert(
      fc.property(mainland, ({ lng, lat }) => {
        const [x, y] = gcj02ToWgs84(...wgs84ToGcj02(lng, lat));
        return Math.abs(x - lng) < 1e-6 && Math.abs(y - lat) < 1e-6;
      }),
    );
  });
  it('GCJ-02 → BD-09 → GCJ-02 and WGS84 → BD-09 → WGS84 within 1e-6°', () => {
    fc.assert(
      fc.property(mainland, ({ lng, lat }) => {
        const [a, b] = bd09ToGcj02(...gcj02ToBd09(lng, lat));
        const [c, d] = bd09ToWgs84(...wgs84ToBd09(lng, lat));
        return (
          Math.abs(a - lng) < 1e-6 && Math.abs(b - lat) < 1e-6 && Math.abs(c - lng) < 1e-6 && Math.abs(d - lat) < 1e-6
        );
      }),
    );
  });
  it('convertLngLat between any two systems and back', () => {
    const crs = fc.constantFrom<Crs>('WGS84', 'GCJ02', 'BD09');
    fc.assert(
      fc.property(mainland, crs, crs, ({ lng, lat }, from, to) => {
        const [x, y] = convertLngLat(...convertLngLat(lng, lat, from, to), to, from);
        return Math.abs(x - lng) < 1e-6 && Math.abs(y - lat) < 1e-6;
      }),
    );
  });
});

describe('outside China', () => {
  it('WGS84 ⇄ GCJ-02 leave the point unchanged', () => {
    for (const p of [
      [2.3522, 48.8566],
      [-74.006, 40.7128],
      [151.2093, -33.8688],
      [103.8198, 0.5],
    ] as [number, number][]) {
      expect(isOutsideChina(...p)).toBe(true);
      expect(wgs84ToGcj02(...p)).toEqual(p);
      expect(gcj02ToWgs84(...p)).toEqual(p);
    }
    expect(isOutsideChina(...BEIJING)).toBe(false);
  });
});

describe('Coordinates helpers', () => {
  it('toWgs84 reads a missing crs as WGS84 and converts the others', () => {
    expect(toWgs84({ lng: 1, lat: 2 })).toEqual({ lng: 1, lat: 2, crs: 'WGS84' });
    const w = toWgs84({ lng: 116.41024449916938, lat: 39.91640428150164, crs: 'GCJ02' });
    close([w.lng, w.lat], BEIJING, 1e-8);
    const b = toWgs84({ ...convertCoordinates({ lng: BEIJING[0], lat: BEIJING[1] }, 'BD09') });
    close([b.lng, b.lat], BEIJING, 1e-8);
  });
  it('convertCoordinates sets crs', () => {
    const g = convertCoordinates({ lng: 116.404, lat: 39.915 }, 'GCJ02');
    expect(g.crs).toBe('GCJ02');
    close([g.lng, g.lat], [116.41024449916938, 39.91640428150164], 1e-12);
  });
  it('an unknown crs is an UNSUPPORTED_CRS error', () => {
    const bad = { lng: 1, lat: 2, crs: 'EPSG:3857' } as unknown as { lng: number; lat: number };
    expect(() => toWgs84(bad)).toThrowError(BeatplanError);
    try {
      toWgs84(bad);
    } catch (e) {
      expect((e as BeatplanError).code).toBe('UNSUPPORTED_CRS');
      expect((e as BeatplanError).message).toBe(
        'crs: crs must be one of "WGS84", "GCJ02", "BD09", received "EPSG:3857"',
      );
    }
  });
});

describe('CGCS2000 (China’s datum) is read as WGS84', () => {
  it('in CrsSchema, a position fix and the converters', () => {
    expect(CrsSchema.parse('CGCS2000')).toBe('WGS84');
    const fix = PositionFixSchema.parse({
      lng: 120.7,
      lat: 28,
      crs: 'CGCS2000',
      accuracyM: 10,
      source: 'gnss',
      at: '2026-03-02T09:15:00+08:00',
    });
    expect(fix.crs).toBe('WGS84');
    expect(convertLngLat(120.7, 28, 'CGCS2000' as Crs, 'WGS84')).toEqual([120.7, 28]);
    expect(CrsSchema.safeParse('ITRF2014').success).toBe(false);
  });
});
