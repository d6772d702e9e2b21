import * as z from 'zod';
import { toWgs84 } from './convert-crs.js';
import { haversineM } from './distance-m.js';
import { parseOrThrow } from './parse-or-throw.js';
import { CoordinatesSchema, type Coordinates } from './schemas/coordinates.js';
import {
  assertTravelMatrixSize,
  type TravelCostMatrix,
  type TravelCosts,
  type TravelMatrixOptions,
} from './travel-costs.js';
import { throwIfAborted } from './with-retries.js';

/**
 * Options of {@link straightLineCosts}; the schema is the only source of the defaults:
 * `detourFactor` 1.3 (road metres per straight-line metre in a city) and `speedKmh` 20 (city traffic,
 * parking and walking in), the values the planners have always used.
 */
export const StraightLineOptionsSchema = z.strictObject({
  detourFactor: z.number().min(1).max(5).default(1.3),
  speedKmh: z.number().gt(0).max(200).default(20),
});

/** Options of {@link straightLineCosts}: `detourFactor` (default 1.3), `speedKmh` (default 20). */
export type StraightLineOptions = z.input<typeof StraightLineOptionsSchema>;

const PointsSchema = z.array(CoordinatesSchema);

/** The source name of {@link straightLineCosts}, as it appears in matrices and planners' results. */
export const STRAIGHT_LINE_SOURCE = 'straight-line';

/**
 * The default {@link TravelCosts} of every planner: great-circle metres (haversine, WGS84) × a detour
 * factor, and those metres at a constant speed. Symmetric, every pair reachable, no I/O (it answers
 * synchronously too). Points in GCJ-02 or BD-09 are converted to WGS84 first.
 *
 * @param options - `detourFactor` (≥ 1, default 1.3), `speedKmh` (default 20).
 * @returns a `TravelCosts` whose `source` is `'straight-line'`.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (at once) or bad points / more than 15,000
 *   points (when a matrix is asked for).
 * @example
 * const costs = straightLineCosts({ detourFactor: 1.4 });
 * const m = costs.matrixSync([{ lng: 120.155, lat: 30.274 }, { lng: 120.166, lat: 30.272 }]);
 * m.distancesM[1]; // ≈ 1,511 m (1,080 m great-circle × 1.4); m.durationsS[1] ≈ 272 s at 20 km/h
 */
export function straightLineCosts(options: StraightLineOptions = {}): TravelCosts & {
  matrixSync(points: readonly Coordinates[]): TravelCostMatrix;
} {
  const { detourFactor, speedKmh } = parseOrThrow(StraightLineOptionsSchema, options, ['options']);
  const metresPerS = speedKmh / 3.6;
  const matrixSync = (points: readonly Coordinates[]): TravelCostMatrix => {
    assertTravelMatrixSize(points.length);
    const pts = parseOrThrow(PointsSchema, points, ['points']).map(toWgs84);
    const n = pts.length;
    const distancesM = new Float64Array(n * n);
    const durationsS = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const a = pts[i] as { lng: number; lat: number };
      for (let j = i + 1; j < n; j++) {
        const b = pts[j] as { lng: number; lat: number };
        const m = haversineM(a.lng, a.lat, b.lng, b.lat) * detourFactor;
        distancesM[i * n + j] = distancesM[j * n + i] = m;
        durationsS[i * n + j] = durationsS[j * n + i] = m / metresPerS;
      }
    }
    return { n, distancesM, durationsS, unreachable: [], source: STRAIGHT_LINE_SOURCE };
  };
  return {
    source: STRAIGHT_LINE_SOURCE,
    matrixSync,
    matrix: async (points: readonly Coordinates[], opts: TravelMatrixOptions = {}) => {
      throwIfAborted(opts.signal);
      return matrixSync(points);
    },
  };
}
