import { BeatplanError } from './beatplan-error.js';
import type { Coordinates } from './schemas/coordinates.js';
import { CRS_VALUES, type Crs } from './schemas/crs.js';
import { issueReason } from './issue-reason.js';

// Published GCJ-02 formulas (the "Mars coordinates" offset): Krasovsky 1940 ellipsoid semi-major axis
// and first eccentricity squared, and the polynomial/sine offset of the obfuscation.
const KRASOVSKY_A = 6378245.0;
// biome-ignore lint/correctness/noPrecisionLoss: the published constant, digits kept as published
const KRASOVSKY_EE = 0.00669342162296594323;
const PI = Math.PI;
// BD-09 is GCJ-02 with a further rotation/scaling: x_pi = π·3000/180.
const X_PI = (PI * 3000.0) / 180.0;
/** Iterative inverses stop when the forward image is within this many degrees of the target. */
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * Tells whether a point lies outside the rough rectangle in which GCJ-02 applies (lng 72.004–137.8347,
 * lat 0.8293–55.8271, the bound used by the published formulas). Outside it, GCJ-02 equals WGS84.
 *
 * @param lng - longitude, degrees.
 * @param lat - latitude, degrees.
 * @returns true when GCJ-02 leaves the point unchanged.
 * @throws never.
 * @example
 * isOutsideChina(2.3522, 48.8566); // true (Paris)
 * isOutsideChina(116.404, 39.915); // false (Beijing)
 */
export function isOutsideChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * PI) + 320 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return r;
}

/**
 * WGS84 → GCJ-02 (published formula on the Krasovsky ellipsoid). Points outside China pass through.
 *
 * @param lng - WGS84 longitude, degrees.
 * @param lat - WGS84 latitude, degrees.
 * @returns `[lng, lat]` in GCJ-02, degrees.
 * @throws never.
 * @example
 * wgs84ToGcj02(116.404, 39.915); // [116.41024449916938, 39.91640428150164]
 */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (isOutsideChina(lng, lat)) return [lng, lat];
  let dLat = offsetLat(lng - 105.0, lat - 35.0);
  let dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * PI);
  dLng = (dLng * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * PI);
  return [lng + dLng, lat + dLat];
}

/** Solves forward(x) = target by fixed-point iteration x ← x − (forward(x) − target). */
function invert(forward: (lng: number, lat: number) => [number, number], lng: number, lat: number): [number, number] {
  let x = lng;
  let y = lat;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [fx, fy] = forward(x, y);
    const ex = fx - lng;
    const ey = fy - lat;
    if (Math.abs(ex) < INVERSE_TOLERANCE_DEG && Math.abs(ey) < INVERSE_TOLERANCE_DEG) break;
    x -= ex;
    y -= ey;
  }
  return [x, y];
}

/**
 * GCJ-02 → WGS84, by iterating the forward formula until it reproduces the input within 1e-9°
 * (not the one-step approximation, which is off by centimetres to metres). Points outside China pass through.
 *
 * @param lng - GCJ-02 longitude, degrees.
 * @param lat - GCJ-02 latitude, degrees.
 * @returns `[lng, lat]` in WGS84, degrees.
 * @throws never.
 * @example
 * gcj02ToWgs84(116.41024449916938, 39.91640428150164); // ≈ [116.404, 39.915]
 */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (isOutsideChina(lng, lat)) return [lng, lat];
  return invert(wgs84ToGcj02, lng, lat);
}

/**
 * GCJ-02 → BD-09 (Baidu), the published formula with the 0.00002 and 0.000003 terms. Applied
 * everywhere (Baidu offsets points outside China too).
 *
 * @param lng - GCJ-02 longitude, degrees.
 * @param lat - GCJ-02 latitude, degrees.
 * @returns `[lng, lat]` in BD-09, degrees.
 * @throws never.
 * @example
 * gcj02ToBd09(116.404, 39.915); // [116.41036949371029, 39.92133699351021]
 */
export function gcj02ToBd09(lng: number, lat: number): [number, number] {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * BD-09 → GCJ-02: the published one-step inverse, refined by iteration to within 1e-9°.
 *
 * @param lng - BD-09 longitude, degrees.
 * @param lat - BD-09 latitude, degrees.
 * @returns `[lng, lat]` in GCJ-02, degrees.
 * @throws never.
 * @example
 * bd09ToGcj02(116.41036949371029, 39.92133699351021); // ≈ [116.404, 39.915]
 */
export function bd09ToGcj02(lng: number, lat: number): [number, number] {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  const [gx, gy] = [z * Math.cos(theta), z * Math.sin(theta)];
  // Refine: start from the one-step answer and correct with the forward formula.
  let cx = gx;
  let cy = gy;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [fx, fy] = gcj02ToBd09(cx, cy);
    const ex = fx - lng;
    const ey = fy - lat;
    if (Math.abs(ex) < INVERSE_TOLERANCE_DEG && Math.abs(ey) < INVERSE_TOLERANCE_DEG) break;
    cx -= ex;
    cy -= ey;
  }
  return [cx, cy];
}

/**
 * WGS84 → BD-09 (through GCJ-02).
 *
 * @param lng - WGS84 longitude, degrees.
 * @param lat - WGS84 latitude, degrees.
 * @returns `[lng, lat]` in BD-09, degrees.
 * @throws never.
 * @example
 * wgs84ToBd09(116.404, 39.915); // ≈ [116.41663, 39.92270]
 */
export function wgs84ToBd09(lng: number, lat: number): [number, number] {
  const [x, y] = wgs84ToGcj02(lng, lat);
  return gcj02ToBd09(x, y);
}

/**
 * BD-09 → WGS84 (through GCJ-02, both inverses iterated).
 *
 * @param lng - BD-09 longitude, degrees.
 * @param lat - BD-09 latitude, degrees.
 * @returns `[lng, lat]` in WGS84, degrees.
 * @throws never.
 * @example
 * bd09ToWgs84(...wgs84ToBd09(116.404, 39.915)); // ≈ [116.404, 39.915]
 */
export function bd09ToWgs84(lng: number, lat: number): [number, number] {
  const [x, y] = bd09ToGcj02(lng, lat);
  return gcj02ToWgs84(x, y);
}

function checkCrs(crs: unknown, path: (string | number)[]): Crs {
  if (crs === undefined) return 'WGS84';
  if (typeof crs === 'string' && (CRS_VALUES as readonly string[]).includes(crs)) return crs as Crs;
  if (crs === 'CGCS2000') return 'WGS84';
  throw new BeatplanError('UNSUPPORTED_CRS', [{ path, value: crs, ...issueReason('core.crs_one_of') }]);
}

/**
 * Converts a `[lng, lat]` pair between any two supported systems (no allocation beyond the result).
 *
 * @param lng - longitude in `from`, degrees.
 * @param lat - latitude in `from`, degrees.
 * @param from - source system; `undefined` means WGS84.
 * @param to - target system; `undefined` means WGS84.
 * @returns `[lng, lat]` in `to`.
 * @throws {BeatplanError} `UNSUPPORTED_CRS` when `from` or `to` is not WGS84, GCJ02 or BD09.
 * @example
 * convertLngLat(116.404, 39.915, 'WGS84', 'GCJ02'); // [116.41024449916938, 39.91640428150164]
 */
export function convertLngLat(lng: number, lat: number, from: Crs | undefined, to: Crs | undefined): [number, number] {
  const f = checkCrs(from, ['from']);
  const t = checkCrs(to, ['to']);
  if (f === t) return [lng, lat];
  let w: [number, number];
  if (f === 'WGS84') w = [lng, lat];
  else if (f === 'GCJ02') w = gcj02ToWgs84(lng, lat);
  else w = bd09ToWgs84(lng, lat);
  if (t === 'WGS84') return w;
  return t === 'GCJ02' ? wgs84ToGcj02(w[0], w[1]) : wgs84ToBd09(w[0], w[1]);
}

/**
 * Converts Coordinates to another system. A missing `crs` is read as WGS84; the result always
 * carries `crs`.
 *
 * @param coords - the point.
 * @param to - target system.
 * @returns a new `{ lng, lat, crs: to }`.
 * @throws {BeatplanError} `UNSUPPORTED_CRS` when `coords.crs` or `to` is unknown (unvalidated input).
 * @example
 * convertCoordinates({ lng: 116.404, lat: 39.915 }, 'GCJ02'); // { lng: 116.41024…, lat: 39.91640…, crs: 'GCJ02' }
 */
export function convertCoordinates(coords: Coordinates, to: Crs): Coordinates & { crs: Crs } {
  const from = checkCrs(coords.crs, ['crs']);
  const target = checkCrs(to, ['to']);
  const [lng, lat] = convertLngLat(coords.lng, coords.lat, from, target);
  return { lng, lat, crs: target };
}

/**
 * Converts any Coordinates (or anything with `lng`, `lat`, `crs?`, such as a PositionFix) to WGS84.
 *
 * @param coords - the point; missing `crs` = already WGS84 (returned as a copy).
 * @returns a new `{ lng, lat, crs: 'WGS84' }`.
 * @throws {BeatplanError} `UNSUPPORTED_CRS` when `coords.crs` is unknown.
 * @example
 * toWgs84({ lng: 116.41024449916938, lat: 39.91640428150164, crs: 'GCJ02' }); // ≈ { lng: 116.404, lat: 39.915, crs: 'WGS84' }
 */
export function toWgs84(coords: Coordinates): { lng: number; lat: number; crs: 'WGS84' } {
  const [lng, lat] = convertLngLat(coords.lng, coords.lat, checkCrs(coords.crs, ['crs']), 'WGS84');
  return { lng, lat, crs: 'WGS84' };
}
