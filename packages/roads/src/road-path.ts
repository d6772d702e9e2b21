import { type Coordinates, parseOrThrow } from '@beatplan/core';
import { KEY_DIST_SCALE } from './internal/build-topology.js';
import { type SnappedPoint, snapAll } from './internal/compute-table.js';
import { plainDijkstra } from './internal/plain-dijkstra.js';
import { directKey, isAtJunctionNode, partKey, sourceSeeds, targetSeeds } from './internal/point-seeds.js';
import type { RoadGraphData } from './internal/road-graph-data.js';
import type { RoadGraph } from './road-graph.js';
import { type RoadMatrixOptions, RoadMatrixOptionsSchema } from './road-matrix.js';

/** A route's geometry for drawing, with its length and time. */
export interface RoadPath {
  /** False when there is no route (or a point is off the network); then `coordinates` is empty and the figures −1. */
  reachable: boolean;
  /** `[lng, lat]` WGS84 from the snapped origin to the snapped destination, along the roads. */
  coordinates: [number, number][];
  distanceM: number;
  durationS: number;
  /** Where the origin and the destination met the network. */
  snapped: [SnappedPoint, SnappedPoint];
}

const lngOf = (g: RoadGraphData, i: number) => (g.lngE7[i] as number) / 1e7;
const latOf = (g: RoadGraphData, i: number) => (g.latE7[i] as number) / 1e7;

/** Coordinates of chain c from offset a to offset b metres (either direction), ends interpolated. */
function chainSlice(g: RoadGraphData, c: number, a: number, b: number, out: [number, number][]): void {
  const start = g.chainStart[c] as number;
  const end = (g.chainStart[c + 1] as number) - 1;
  const at = (m: number): [number, number] => {
    let i = start;
    while (i < end - 1 && (g.chainCumM[i + 1] as number) < m) i++;
    const c0 = g.chainCumM[i] as number;
    const c1 = g.chainCumM[i + 1] as number;
    const f = c1 > c0 ? Math.min(1, Math.max(0, (m - c0) / (c1 - c0))) : 0;
    return [lngOf(g, i) + f * (lngOf(g, i + 1) - lngOf(g, i)), latOf(g, i) + f * (latOf(g, i + 1) - latOf(g, i))];
  };
  out.push(at(a));
  if (a <= b) {
    for (let i = start; i <= end; i++)
      if ((g.chainCumM[i] as number) > a && (g.chainCumM[i] as number) < b) out.push([lngOf(g, i), latOf(g, i)]);
  } else {
    for (let i = end; i >= start; i--)
      if ((g.chainCumM[i] as number) < a && (g.chainCumM[i] as number) > b) out.push([lngOf(g, i), latOf(g, i)]);
  }
  out.push(at(b));
}

const chainLength = (g: RoadGraphData, c: number) => g.chainCumM[(g.chainStart[c + 1] as number) - 1] as number;

/**
 * The least-time road route between two points (ties: the shorter), as a line to draw: the same
 * route and figures as the matching cell of {@link roadMatrix}. One plain Dijkstra search on the
 * turn-aware graph (milliseconds on a city).
 *
 * @param graph - a prepared graph.
 * @param from - origin `{ lng, lat, crs? }`.
 * @param to - destination.
 * @param options - `maxSnapM` (default 500).
 * @returns a {@link RoadPath}; `reachable: false` when there is no route or a point is off the network.
 * @throws {BeatplanError} `INVALID_INPUT` for a bad point (`points[0]`, `points[1]`).
 * @example
 * // not run: `graph` stands for a built road graph
 * const p = roadPath(graph, { lng: 116.40, lat: 39.91 }, { lng: 116.42, lat: 39.92 });
 * p.coordinates; // [[116.4001, 39.9102], ...] for a GeoJSON LineString
 */
export function roadPath(
  graph: RoadGraph,
  from: Coordinates,
  to: Coordinates,
  options: RoadMatrixOptions = {},
): RoadPath {
  const { maxSnapM } = parseOrThrow(RoadMatrixOptionsSchema, options, ['options']);
  const g = graph.data;
  const { snaps, snapped } = snapAll(g, [from, to], 'points', maxSnapM);
  const [s, t] = snaps;
  const pair: [SnappedPoint, SnappedPoint] = [snapped[0] as SnappedPoint, snapped[1] as SnappedPoint];
  const none: RoadPath = { reachable: false, coordinates: [], distanceM: -1, durationS: -1, snapped: pair };
  if (!s || !t) return none;
  const { dist, via, prev } = plainDijkstra(g, sourceSeeds(g, s));
  let best = directKey(g, s, t);
  let bestEdge = -1; // target chain direction entered, −1: the direct drive
  let bestNode = -1;
  for (const e of [2 * t.chain, 2 * t.chain + 1]) {
    if ((g.edgeHead[e] as number) < 0) continue;
    const f = chainLength(g, t.chain) > 0 ? t.offsetM / chainLength(g, t.chain) : 0;
    const k = partKey(g, e, e % 2 === 0 ? f : 1 - f);
    for (let i = g.tailStart[e] as number; i < (g.tailStart[e + 1] as number); i++) {
      const v = g.tails[i] as number;
      const c = (dist[v] as number) + k;
      if (c < best) {
        best = c;
        bestEdge = e;
        bestNode = v;
      }
    }
  }
  const ts = targetSeeds(g, t);
  for (let i = 0; i < ts.nodes.length; i++) {
    const v = ts.nodes[i] as number;
    if (ts.keys[i] !== 0 || !isAtJunctionNode(g, t, v)) continue;
    if ((dist[v] as number) < best) {
      best = dist[v] as number;
      bestEdge = -2; // the destination lies on the junction itself
      bestNode = v;
    }
  }
  if (best === Number.POSITIVE_INFINITY) return none;
  const coordinates: [number, number][] = [];
  if (bestEdge === -1) chainSlice(g, s.chain, s.offsetM, t.offsetM, coordinates);
  else {
    const edges: number[] = [];
    let v = bestNode;
    while ((via[v] as number) >= 0) {
      edges.push(via[v] as number);
      v = prev[v] as number;
    }
    edges.reverse();
    const L = chainLength(g, s.chain);
    const leaveAt = isAtJunctionNode(g, s, v) ? s.offsetM : v === g.edgeHead[2 * s.chain] ? L : 0;
    chainSlice(g, s.chain, s.offsetM, leaveAt, coordinates);
    for (const e of edges) {
      const c = e >> 1;
      chainSlice(g, c, e % 2 === 0 ? 0 : chainLength(g, c), e % 2 === 0 ? chainLength(g, c) : 0, coordinates);
    }
    const tc = t.chain;
    if (bestEdge >= 0) chainSlice(g, tc, bestEdge % 2 === 0 ? 0 : chainLength(g, tc), t.offsetM, coordinates);
  }
  const dedup = coordinates.filter(
    (p, i) => i === 0 || p[0] !== coordinates[i - 1]?.[0] || p[1] !== coordinates[i - 1]?.[1],
  );
  const ms = Math.floor(best / KEY_DIST_SCALE);
  return {
    reachable: true,
    coordinates: dedup,
    distanceM: (best - ms * KEY_DIST_SCALE) / 10,
    durationS: ms / 1000,
    snapped: pair,
  };
}
