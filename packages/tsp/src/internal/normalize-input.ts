import { tspReason } from '../generated/shared/tsp-reasons.js';
import { distance } from '@turf/distance';
import * as z from 'zod';
import { MAX_ISSUES, TspError, type TspIssue } from '../errors.js';
import { zodIssues } from '../generated/shared/zod-issues.js';
import { failIndex } from './fail-index.js';
import { CHUNK_CELLS, rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';

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

function isCost(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function costProblem(v: unknown): string {
  if (typeof v !== 'number') return 'cost must be a number';
  if (Number.isNaN(v)) return 'cost must be a number, not NaN';
  if (!Number.isFinite(v)) return 'cost must be finite';
  return 'cost must not be negative';
}

const NestedShapeSchema = z.object({
  matrix: z.array(z.unknown()).min(1, 'matrix must have at least one row'),
  name: z.string().optional(),
});

const FlatShapeSchema = z.object({
  matrix: z.union([z.instanceof(Int32Array), z.instanceof(Float64Array)]),
  n: z.number('n must be a positive integer (the number of nodes of the flat matrix)').int().positive(),
  name: z.string().optional(),
});

/**
 * Checks every off-diagonal cost in chunks of rows (yielding between them, so that a large matrix
 * never blocks and the clock is asked), keeping at most MAX_ISSUES issues and counting the rest.
 */
function* checkCosts(
  n: number,
  at: (i: number, j: number) => unknown,
  path: (i: number, j: number) => (string | number)[],
  clock: SolveClock,
): Generator<Pause, TspError | null> {
  const issues: TspIssue[] = [];
  let omittedIssues = 0;
  const rows = rowsPerChunk(n);
  for (let from = 0; from < n; from += rows) {
    for (let i = from; i < Math.min(n, from + rows); i++) {
      for (let j = 0; j < n; j++) {
        const v = at(i, j);
        if (i === j || isCost(v)) continue;
        if (issues.length < MAX_ISSUES) issues.push({ path: path(i, j), message: costProblem(v), value: v });
        else omittedIssues++;
      }
    }
    yield 'yield';
    clock.check('validate');
  }
  return issues.length ? new TspError('INVALID_INPUT', issues, { omittedIssues }) : null;
}

function* nestedCosts(matrix: unknown[], clock: SolveClock): Generator<Pause, CostMatrix> {
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (!Array.isArray(row))
      throw new TspError('INVALID_INPUT', [{ path: ['matrix', i], value: row, ...tspReason('tsp.row_array') }]);
    if (row.length !== n)
      throw new TspError('INVALID_INPUT', [
        {
          path: ['matrix', i],
          ...tspReason('tsp.not_square_row', { i, length: row.length, n }),
          value: row,
        },
      ]);
  }
  const rowsOf = matrix as unknown[][];
  const bad = yield* checkCosts(
    n,
    (i, j) => rowsOf[i]?.[j],
    (i, j) => ['matrix', i, j],
    clock,
  );
  if (bad) throw bad;
  const cost = new Float64Array(n * n);
  const rows = rowsPerChunk(n);
  for (let from = 0; from < n; from += rows) {
    for (let i = from; i < Math.min(n, from + rows); i++) {
      const row = rowsOf[i] as number[];
      for (let j = 0; j < n; j++) if (i !== j) cost[i * n + j] = row[j] ?? failIndex('matrix row', j);
    }
    yield 'yield';
    clock.check('read');
  }
  return { n, cost };
}

function* flatCosts(matrix: Int32Array | Float64Array, n: number, clock: SolveClock): Generator<Pause, CostMatrix> {
  if (matrix.length !== n * n)
    throw new TspError('INVALID_INPUT', [
      {
        path: ['matrix'],
        ...tspReason('tsp.not_square_flat', { n, need: n * n, has: matrix.length }),
        value: matrix.length,
      },
    ]);
  const bad = yield* checkCosts(
    n,
    (i, j) => matrix[i * n + j],
    (i, j) => ['matrix', i * n + j],
    clock,
  );
  if (bad) throw bad;
  const cost = new Float64Array(n * n);
  const rows = rowsPerChunk(n);
  for (let from = 0; from < n; from += rows) {
    const to = Math.min(n, from + rows);
    cost.set(matrix.subarray(from * n, to * n), from * n);
    for (let i = from; i < to; i++) cost[i * n + i] = 0;
    yield 'yield';
    clock.check('read');
  }
  return { n, cost };
}

const PointsInputSchema = z.object({
  points: z
    .array(
      z.object({
        lng: z
          .number('longitude must be a finite number within [-180, 180]')
          .min(-180, 'longitude must be within [-180, 180]')
          .max(180, 'longitude must be within [-180, 180]'),
        lat: z
          .number('latitude must be a finite number within [-90, 90]')
          .min(-90, 'latitude must be within [-90, 90]')
          .max(90, 'latitude must be within [-90, 90]'),
      }),
      'points must be an array of {lng, lat}',
    )
    .min(1, 'points must hold at least one point'),
  name: z.string().optional(),
});

/** Runs a zod schema and turns its issues into a TspError with core's one zod-to-issue mapping. */
function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new TspError('INVALID_INPUT', zodIssues(parsed.error, [], input), { cause: parsed.error });
}

function sizeOf(record: Record<string, unknown>): number {
  const m = record.points ?? record.matrix;
  if (Array.isArray(m)) return m.length;
  return typeof record.n === 'number' ? record.n : 0;
}

function* haversineCosts(points: LngLat[], clock: SolveClock): Generator<Pause, CostMatrix> {
  const n = points.length;
  const coords = points.map((p) => [p.lng, p.lat] as [number, number]);
  const cost = new Float64Array(n * n);
  // row i computes its n - i - 1 pairs: chunks of rows with about CHUNK_CELLS / 4 pairs (turf is slower per cell)
  let done = 0;
  for (const [i, from] of coords.entries()) {
    for (let j = i + 1; j < n; j++) {
      const d = distance(from, coords[j] ?? failIndex('points', j), { units: 'meters' });
      cost[i * n + j] = d;
      cost[j * n + i] = d;
    }
    done += n - i;
    if (done >= CHUNK_CELLS / 4) {
      done = 0;
      yield 'yield';
      clock.check('distances');
    }
  }
  return { n, cost };
}

/**
 * Validates a solver input and returns its costs as a row-major Float64Array, in chunks (it yields
 * between them and asks the clock, so that a large matrix or many points never block).
 * Points become great-circle (haversine, turf's earth radius 6,371,008.8 m) distances in metres.
 * @throws {TspError} `INVALID_INPUT` naming the field (`matrix[2][3]`, `points[4].lat`, `n`), `TOO_LARGE`,
 *   `ABORTED`, `TIME_LIMIT` (the time ran out before the costs were ready).
 */
export function* normalizeInput(input: unknown, clock: SolveClock): Generator<Pause, CostMatrix> {
  if (typeof input !== 'object' || input === null) {
    throw new TspError('INVALID_INPUT', [{ path: [], value: input, ...tspReason('tsp.input_object') }]);
  }
  const record = input as Record<string, unknown>;
  const size = sizeOf(record);
  if (size > MAX_MATRIX_N) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['points' in record ? 'points' : 'matrix'],
        ...tspReason('tsp.max_nodes', { max: MAX_MATRIX_N }),
        value: size,
      },
    ]);
  }
  if ('points' in record) return yield* haversineCosts(parseWith(PointsInputSchema, input).points, clock);
  if (Array.isArray(record.matrix)) return yield* nestedCosts(parseWith(NestedShapeSchema, input).matrix, clock);
  if (ArrayBuffer.isView(record.matrix)) {
    const { matrix, n } = parseWith(FlatShapeSchema, input);
    return yield* flatCosts(matrix, n, clock);
  }
  throw new TspError('INVALID_INPUT', [
    {
      path: ['matrix'],
      ...tspReason('tsp.matrix_type'),
      value: record.matrix,
    },
  ]);
}
