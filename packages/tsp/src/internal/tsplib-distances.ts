import { tsplibError } from './tsplib-scanner.js';
import { failIndex } from './fail-index.js';

/** The coordinate-based EDGE_WEIGHT_TYPEs. */
export type TsplibCoordinateType = 'EUC_2D' | 'CEIL_2D' | 'ATT' | 'GEO';

const INT32_MAX = 2_147_483_647;
/** TSPLIB's value of pi for GEO (not Math.PI: the published optima depend on it). */
// biome-ignore lint/suspicious/noApproximativeNumericConstant: TSPLIB defines PI as 3.141592
const GEO_PI = 3.141592;
/** TSPLIB's earth radius for GEO, in km. */
const GEO_RRR = 6378.388;

/** TSPLIB GEO: DDD.MM (degrees, minutes) to radians, degrees truncated toward zero as in the reference code. */
function geoRadians(x: number): number {
  const deg = Math.trunc(x);
  const min = x - deg;
  return (GEO_PI * (deg + (5.0 * min) / 3.0)) / 180.0;
}

function euc2d(dx: number, dy: number): number {
  return Math.trunc(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

function ceil2d(dx: number, dy: number): number {
  return Math.ceil(Math.sqrt(dx * dx + dy * dy));
}

function att(dx: number, dy: number): number {
  const r = Math.sqrt((dx * dx + dy * dy) / 10.0);
  const t = Math.trunc(r + 0.5);
  return t < r ? t + 1 : t;
}

/**
 * Fills the n*n row-major `matrix` with TSPLIB's integer distances between the points in `coords`
 * (x, y pairs). Each pair is computed once and written to both triangles; the diagonal is left as is.
 * @throws {TspError} `TSPLIB_PARSE` (path `NODE_COORD_SECTION`) when a distance exceeds the int32 range.
 */
export function fillCoordinateMatrix(
  kind: TsplibCoordinateType,
  coords: Float64Array,
  n: number,
  matrix: Int32Array,
): void {
  if (kind === 'GEO') {
    fillGeo(coords, n, matrix);
    return;
  }
  const dist = kind === 'EUC_2D' ? euc2d : kind === 'CEIL_2D' ? ceil2d : att;
  const at = (k: number) => coords[k] ?? failIndex('coords', k);
  for (let i = 0; i < n; i++) {
    const xi = at(2 * i);
    const yi = at(2 * i + 1);
    for (let j = i + 1; j < n; j++) {
      const d = dist(xi - at(2 * j), yi - at(2 * j + 1));
      if (d > INT32_MAX) throw tooFar(i, j, d);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  }
}

function fillGeo(coords: Float64Array, n: number, matrix: Int32Array): void {
  // coords holds (latitude, longitude) pairs: both converted to radians once
  const radians = coords.slice(0, 2 * n).map(geoRadians);
  const at = (k: number) => radians[k] ?? failIndex('coords', k);
  for (let i = 0; i < n; i++) {
    const latI = at(2 * i);
    const lonI = at(2 * i + 1);
    for (let j = i + 1; j < n; j++) {
      const latJ = at(2 * j);
      const q1 = Math.cos(lonI - at(2 * j + 1));
      const q2 = Math.cos(latI - latJ);
      const q3 = Math.cos(latI + latJ);
      // Clamped so rounding cannot push acos out of its domain (NaN); values inside [-1, 1] are unchanged.
      const c = Math.min(1, Math.max(-1, 0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)));
      const d = Math.trunc(GEO_RRR * Math.acos(c) + 1.0);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  }
}

function tooFar(i: number, j: number, d: number): Error {
  return tsplibError(
    'NODE_COORD_SECTION',
    `the distance between nodes ${i + 1} and ${j + 1} exceeds the int32 range`,
    d,
  );
}
