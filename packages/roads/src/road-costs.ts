import { type Coordinates, parseOrThrow, type TravelCosts, type TravelMatrixOptions } from '@beatplan/core';
import { computeTable, runAsync, snapAll } from './internal/compute-table.js';
import type { RoadGraph } from './road-graph.js';
import {
  type RoadMatrix,
  type RoadMatrixOptions,
  RoadMatrixOptionsSchema,
  roadMatrix,
  roadSourceName,
} from './road-matrix.js';

/**
 * Core's {@link TravelCosts} on a prepared road graph, for every planner: `matrix` runs in chunks of
 * rows, yielding to the event loop between them and honouring `signal`; `matrixSync` is
 * {@link roadMatrix}. The `source` is `road-graph:<profile>`.
 *
 * @param graph - a prepared graph.
 * @param options - `maxSnapM` (default 500).
 * @returns the travel-cost source.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (at once); see {@link roadMatrix} for matrices.
 * @example
 * // not run: `bytes` stands for a stored road graph
 * const costs = roadCosts(loadRoadGraph(bytes));
 * const m = await costs.matrix(stops, { signal });
 */
export function roadCosts(
  graph: RoadGraph,
  options: RoadMatrixOptions = {},
): TravelCosts & {
  matrix(points: readonly Coordinates[], o?: TravelMatrixOptions): Promise<RoadMatrix>;
  matrixSync(points: readonly Coordinates[]): RoadMatrix;
} {
  const { maxSnapM } = parseOrThrow(RoadMatrixOptionsSchema, options, ['options']);
  const source = roadSourceName(graph);
  return {
    source,
    matrixSync: (points) => roadMatrix(graph, points, { maxSnapM }),
    matrix: async (points, o = {}) => {
      const { snaps, snapped } = snapAll(graph.data, points, 'points', maxSnapM);
      const t = await runAsync(computeTable(graph.data, snaps, snaps, true), o.signal);
      return { n: points.length, ...t, snapped, source };
    },
  };
}
