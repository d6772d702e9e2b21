import { distance } from '@turf/distance';
import { TspError, type TspIssue } from '../errors.js';

/** A point on the earth, WGS84 degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

/** What `solve` accepts: a square matrix, a flat row-major matrix with its size, or points. */
export type SolveInput =
  | { matrix: number[][]; name?: string }
  | { matrix: Int32Array | Float64Array; n: number; name?: string }
  | { points: LngLat[]; name?: string };

/** The input after validation: n and the row-major costs (cost[i*n+j] = i -> j; diagonal ignored). */
export interface CostMatrix {
  n: number;
  cost: Float64Array;
}

/** Matrices larger than this are refused (n*n doubles = 1.8 GB) instead of crashing Node. */
export const MAX_MATRIX_N = 15_000;
const MAX_ISSUES = 20;

function isCost(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function costProblem(v: unknown): string {
  if (typeof v !== 'number') return 'cost must be a number';
  if (Number.isNaN(v)) return 'cost must be a number, not NaN';
  if (!Number.isFinite(v)) return 'cost must be finite';
  return 'cost must not be negative';
}

function tooLarge(n: number): TspError {
  return new TspError('TOO_LARGE', [
    { path: ['matrix'], message: `at most ${MAX_MATRIX_N} nodes are supported (n*n costs are held in memory)`, value: n },
  ]);
}

function fromNested(rows: unknown[]): CostMatrix {
  const n = rows.length;
  const issues: TspIssue[] = [];
  if (n === 0) throw new TspError('INVALID_INPUT', [{ path: ['matrix'], message: 'matrix must have at least one row', value: rows }]);
  if (n > MAX_MATRIX_N) throw tooLarge(n);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n && issues.length < MAX_ISSUES; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) {
      issues.push({ path: ['matrix', i], message: 'row must be an array', value: row });
      continue;
    }
    if (row.length !== n) {
      issues.push({ path: ['matrix', i], message: `matrix is not square: row ${i} has ${row.length} entries, expected ${n}`, value: row });
      continue;
    }
    for (let j = 0; j < n; j++) {
      const v: unknown = row[j];
      if (i === j) continue; // the diagonal is ignored (TSPLIB ATSP files put a large number there)
      if (!isCost(v)) {
        issues.push({ path: ['matrix', i, j], message: costProblem(v), value: v });
        if (issues.length >= MAX_ISSUES) break;
      } else cost[i * n + j] = v;
    }
  }
  if (issues.length) throw new TspError('INVALID_INPUT', issues);
  return { n, cost };
}

function fromFlat(matrix: Int32Array | Float64Array, n: unknown): CostMatrix {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new TspError('INVALID_INPUT', [{ path: ['n'], message: 'n must be a positive integer (the number of nodes of the flat matrix)', value: n }]);
  }
  if (n > MAX_MATRIX_N) throw tooLarge(n);
  if (matrix.length !== n * n) {
    throw new TspError('INVALID_INPUT', [
      { path: ['matrix'], message: `matrix is not square: a flat matrix for n = ${n} needs ${n * n} entries, it has ${matrix.length}`, value: matrix.length },
    ]);
  }
  const cost = new Float64Array(n * n);
  const issues: TspIssue[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = matrix[i * n + j]!;
      if (!isCost(v)) {
        issues.push({ path: ['matrix', i * n + j], message: `${costProblem(v)} (row ${i}, column ${j})`, value: v });
        if (issues.length >= MAX_ISSUES) throw new TspError('INVALID_INPUT', issues);
      } else cost[i * n + j] = v;
    }
  }
  if (issues.length) throw new TspError('INVALID_INPUT', issues);
  return { n, cost };
}

function fromPoints(points: unknown[]): CostMatrix {
  const n = points.length;
  if (n === 0) throw new TspError('INVALID_INPUT', [{ path: ['points'], message: 'points must hold at least one point', value: points }]);
  if (n > MAX_MATRIX_N) throw tooLarge(n);
  const issues: TspIssue[] = [];
  const coords: [number, number][] = [];
  points.forEach((p, i) => {
    const q = p as Partial<LngLat> | null;
    const lng = q?.lng;
    const lat = q?.lat;
    if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
      issues.push({ path: ['points', i, 'lng'], message: 'longitude must be a finite number within [-180, 180]', value: lng });
    } else if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
      issues.push({ path: ['points', i, 'lat'], message: 'latitude must be a finite number within [-90, 90]', value: lat });
    } else coords.push([lng, lat]);
  });
  if (issues.length) throw new TspError('INVALID_INPUT', issues.slice(0, MAX_ISSUES));
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distance(coords[i]!, coords[j]!, { units: 'meters' });
      cost[i * n + j] = d;
      cost[j * n + i] = d;
    }
  }
  return { n, cost };
}

/**
 * Validates a solver input and returns its costs as a row-major Float64Array.
 * Points become great-circle (haversine, turf's earth radius 6,371,008.8 m) distances in metres.
 * @throws {TspError} `INVALID_INPUT` naming the field (`matrix[2][3]`, `points[4].lat`, `n`), or `TOO_LARGE`.
 */
export function normalizeInput(input: unknown): CostMatrix {
  if (typeof input !== 'object' || input === null) {
    throw new TspError('INVALID_INPUT', [{ path: [], message: 'input must be an object with `matrix` or `points`', value: input }]);
  }
  const record = input as Record<string, unknown>;
  if ('points' in record) {
    if (!Array.isArray(record.points)) throw new TspError('INVALID_INPUT', [{ path: ['points'], message: 'points must be an array of {lng, lat}', value: record.points }]);
    return fromPoints(record.points);
  }
  const matrix = record.matrix;
  if (Array.isArray(matrix)) return fromNested(matrix);
  if (matrix instanceof Int32Array || matrix instanceof Float64Array) return fromFlat(matrix, record.n);
  throw new TspError('INVALID_INPUT', [
    { path: ['matrix'], message: 'matrix must be a number[][] or a flat Int32Array/Float64Array with n (or give points)', value: matrix },
  ]);
}
