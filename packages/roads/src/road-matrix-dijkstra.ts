import { type Coordinates, parseOrThrow, type UnreachablePair } from '@beatplan/core';
import { KEY_DIST_SCALE } from './internal/build-topology.js';
import { snapAll } from './internal/compute-table.js';
import { plainDijkstra } from './internal/plain-dijkstra.js';
import { directKey, sourceSeeds, targetSeeds } from './internal/point-seeds.js';
import type { Snap } from './internal/snap-point.js';
import type { RoadGraph } from './road-graph.js';
import { type RoadMatrix, type RoadMatrixOptions, RoadMatrixOptionsSchema, roadSourceName } from './road-matrix.js';

/**
 * The same matrix as {@link roadMatrix}, computed by a plain Dijkstra per point on the uncontracted,
 * turn-aware graph (no hierarchy, no WebAssembly): the oracle that tests and `bench:roads` compare
 * the fast queries with, cell for cell. Integer keys and the same tie rule, so the cells are equal.
 * One full search per point: use it for checks, not for planning.
 *
 * @param graph - a prepared graph.
 * @param points - at most 15,000 points.
 * @param options - `maxSnapM` (default 500).
 * @returns a {@link RoadMatrix}.
 * @throws {BeatplanError} `INVALID_INPUT` as {@link roadMatrix}.
 * @example
 * // not run: `graph` stands for a built road graph
 * const fast = roadMatrix(graph, stops);
 * const slow = roadMatrixDijkstra(graph, stops);
 * fast.durationsS.every((v, i) => v === slow.durationsS[i]); // true
 */
export function roadMatrixDijkstra(
  graph: RoadGraph,
  points: readonly Coordinates[],
  options: RoadMatrixOptions = {},
): RoadMatrix {
  const { maxSnapM } = parseOrThrow(RoadMatrixOptionsSchema, options, ['options']);
  const g = graph.data;
  const { snaps, snapped } = snapAll(g, points, 'points', maxSnapM);
  const n = points.length;
  const distancesM = new Float64Array(n * n);
  const durationsS = new Float64Array(n * n);
  const unreachable: UnreachablePair[] = [];
  const tseeds = snaps.map((t) => (t ? targetSeeds(g, t) : null));
  for (let i = 0; i < n; i++) {
    const s = snaps[i];
    const dist = s ? plainDijkstra(g, sourceSeeds(g, s)).dist : null;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t = tseeds[j];
      let best = Number.POSITIVE_INFINITY;
      if (s && t && dist) {
        best = directKey(g, s, snaps[j] as Snap);
        for (let k = 0; k < t.nodes.length; k++) {
          const c = (dist[t.nodes[k] as number] as number) + (t.keys[k] as number);
          if (c < best) best = c;
        }
      }
      const cell = i * n + j;
      if (best === Number.POSITIVE_INFINITY) {
        distancesM[cell] = durationsS[cell] = -1;
        unreachable.push({ from: i, to: j });
        continue;
      }
      const ms = Math.floor(best / KEY_DIST_SCALE);
      durationsS[cell] = ms / 1000;
      distancesM[cell] = (best - ms * KEY_DIST_SCALE) / 10;
    }
  }
  return { n, distancesM, durationsS, unreachable, snapped, source: roadSourceName(graph) };
}
