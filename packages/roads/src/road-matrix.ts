import { type Coordinates, parseOrThrow, type TravelCostMatrix } from '@beatplan/core';
import * as z from 'zod';
import { computeTable, runToEnd, type SnappedPoint, snapAll } from './internal/compute-table.js';
import type { RoadGraph } from './road-graph.js';

export type { SnappedPoint } from './internal/compute-table.js';

/** Options of {@link roadMatrix} and {@link roadTable}; the schema is the only source of the defaults. */
export const RoadMatrixOptionsSchema = z.strictObject({
  /** A point farther than this from every road, metres, is reported off the network and not routed. Default 500. */
  maxSnapM: z.number().min(0).default(500),
});

/** Options of {@link roadMatrix}: `maxSnapM` (default 500 m). */
export type RoadMatrixOptions = z.input<typeof RoadMatrixOptionsSchema>;

/** A square road matrix: core's {@link TravelCostMatrix} plus where each point met the network. */
export interface RoadMatrix extends TravelCostMatrix {
  snapped: SnappedPoint[];
}

/** A rectangular table from `sources` (rows) to `targets` (columns). */
export interface RoadTable {
  sources: number;
  targets: number;
  /** Row-major, `sources × targets`; −1 for unreachable pairs. */
  distancesM: Float64Array;
  durationsS: Float64Array;
  unreachable: { from: number; to: number }[];
  snappedSources: SnappedPoint[];
  snappedTargets: SnappedPoint[];
  source: string;
}

/** The `source` name of a road graph's matrices, e.g. `road-graph:car`. */
export function roadSourceName(graph: RoadGraph): string {
  return `road-graph:${graph.profile}`;
}

/**
 * Road metres and seconds between every ordered pair of points, on a prepared graph: each point
 * snaps to the nearest road the profile may use, and each cell is the least-time route (ties: the
 * shorter), honouring one-way streets and turn restrictions — so the matrix is asymmetric. Many-to-
 * many with the WebAssembly bucket kernels on the contraction hierarchy, synchronous.
 *
 * @param graph - a prepared graph.
 * @param points - `{ lng, lat, crs? }` (WGS84, GCJ02 or BD09), at most 15,000.
 * @param options - `maxSnapM` (default 500).
 * @returns `{ n, distancesM, durationsS, unreachable, snapped, source }`: row-major; the diagonal is 0;
 *   a pair with no route (or with a point off the network) is in `unreachable` with −1 in its cells.
 * @throws {BeatplanError} `INVALID_INPUT` for a bad point (naming `points[i]`) or more than 15,000 points,
 *   before anything is computed.
 * @example
 * // not run: `graph` stands for a built road graph
 * const m = roadMatrix(graph, [{ lng: 116.40, lat: 39.91 }, { lng: 116.42, lat: 39.92 }]);
 * m.durationsS[1]; // seconds from point 0 to point 1
 * m.snapped[0].distanceM; // how far point 0 is from its road
 */
export function roadMatrix(
  graph: RoadGraph,
  points: readonly Coordinates[],
  options: RoadMatrixOptions = {},
): RoadMatrix {
  const { maxSnapM } = parseOrThrow(RoadMatrixOptionsSchema, options, ['options']);
  const { snaps, snapped } = snapAll(graph.data, points, 'points', maxSnapM);
  const t = runToEnd(computeTable(graph.data, snaps, snaps, true));
  return { n: points.length, ...t, snapped, source: roadSourceName(graph) };
}

/**
 * One-to-many or many-to-many: road metres and seconds from each of `sources` to each of `targets`
 * (same rules as {@link roadMatrix}; a point in both lists is not on a diagonal here).
 *
 * @param graph - a prepared graph.
 * @param sources - origins (rows), at most 15,000.
 * @param targets - destinations (columns), at most 15,000.
 * @param options - `maxSnapM` (default 500).
 * @returns a {@link RoadTable}.
 * @throws {BeatplanError} `INVALID_INPUT` naming `sources[i]` / `targets[j]`.
 * @example
 * // not run: `graph` stands for a built road graph
 * const t = roadTable(graph, [depot], shops); // one row: from the depot to every shop
 * t.durationsS[3]; // seconds to shop 3
 */
export function roadTable(
  graph: RoadGraph,
  sources: readonly Coordinates[],
  targets: readonly Coordinates[],
  options: RoadMatrixOptions = {},
): RoadTable {
  const { maxSnapM } = parseOrThrow(RoadMatrixOptionsSchema, options, ['options']);
  const s = snapAll(graph.data, sources, 'sources', maxSnapM);
  const t = snapAll(graph.data, targets, 'targets', maxSnapM);
  const table = runToEnd(computeTable(graph.data, s.snaps, t.snaps, false));
  return {
    sources: sources.length,
    targets: targets.length,
    ...table,
    snappedSources: s.snapped,
    snappedTargets: t.snapped,
    source: roadSourceName(graph),
  };
}
