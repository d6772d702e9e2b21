import {
  assertTravelMatrixSize,
  CoordinatesSchema,
  type Coordinates,
  parseOrThrow,
  throwIfAborted,
  toWgs84,
  type UnreachablePair,
} from '@beatplan/core';
import * as z from 'zod';
import { KEY_DIST_SCALE } from './build-topology.js';
import { directKey, type Seeds, sourceSeeds, targetSeeds } from './point-seeds.js';
import { startMatrix } from './query-kernel.js';
import type { RoadGraphData } from './road-graph-data.js';
import { type Snap, snapPoint } from './snap-point.js';

/** Where one query point met the road network. */
export interface SnappedPoint {
  /** The point on the road (WGS84). Absent when the graph has no road at all. */
  lng?: number;
  lat?: number;
  /** Metres from the given point to the road. */
  distanceM: number;
  /** False when the road is farther than `maxSnapM`: the point is not routed and its pairs are unreachable. */
  onNetwork: boolean;
}

const PointsSchema = z.array(CoordinatesSchema);

/** Parses points (any CRS) and snaps each; a point beyond `maxSnapM` is kept but marked off the network. */
export function snapAll(
  g: RoadGraphData,
  points: readonly Coordinates[],
  path: string,
  maxSnapM: number,
): { snaps: (Snap | null)[]; snapped: SnappedPoint[] } {
  assertTravelMatrixSize(points.length, [path]);
  const parsed = parseOrThrow(PointsSchema, points, [path]);
  const snaps: (Snap | null)[] = [];
  const snapped: SnappedPoint[] = [];
  for (const p of parsed) {
    const w = toWgs84(p);
    const s = snapPoint(g, w.lng, w.lat);
    if (!s) {
      snaps.push(null);
      snapped.push({ distanceM: Number.POSITIVE_INFINITY, onNetwork: false });
      continue;
    }
    const on = s.distanceM <= maxSnapM;
    snaps.push(on ? s : null);
    snapped.push({ lng: s.lng, lat: s.lat, distanceM: s.distanceM, onNetwork: on });
  }
  return { snaps, snapped };
}

/** The result of a table: row-major keys decoded into metres and seconds, and the unreachable pairs. */
export interface Table {
  distancesM: Float64Array;
  durationsS: Float64Array;
  unreachable: UnreachablePair[];
}

/** Rows per kernel call: about a million cells (8 MiB of keys) at a time. */
const CELLS_PER_CHUNK = 1 << 20;

/**
 * Computes the S × T table between snapped sources and targets with the WebAssembly kernel, a chunk
 * of rows per step; a generator so that the async API can yield and check its signal between steps.
 * `square` marks the diagonal of a square matrix (always 0, never unreachable).
 */
export function* computeTable(
  g: RoadGraphData,
  sources: (Snap | null)[],
  targets: (Snap | null)[],
  square: boolean,
): Generator<void, Table> {
  const S = sources.length;
  const T = targets.length;
  const empty: Seeds = { nodes: [], keys: [] };
  const srcSeeds = sources.map((s) => (s ? sourceSeeds(g, s) : empty));
  const tgtSeeds = targets.map((t) => (t ? targetSeeds(g, t) : empty));
  const rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, T)));
  const run = startMatrix(g, srcSeeds, tgtSeeds, Math.min(S, rowsPerChunk));
  const distancesM = new Float64Array(S * T);
  const durationsS = new Float64Array(S * T);
  const unreachable: UnreachablePair[] = [];
  // Targets on each chain, for the direct drive along a shared chain.
  const onChain = new Map<number, number[]>();
  targets.forEach((t, j) => {
    if (t) (onChain.get(t.chain) ?? onChain.set(t.chain, []).get(t.chain))?.push(j);
  });
  for (let from = 0; from < S; from += rowsPerChunk) {
    const to = Math.min(S, from + rowsPerChunk);
    const keys = run.rows(from, to);
    for (let i = from; i < to; i++) {
      const s = sources[i];
      const row = (i - from) * T;
      if (s) {
        for (const j of onChain.get(s.chain) ?? []) {
          const d = directKey(g, s, targets[j] as Snap);
          if (d < (keys[row + j] as number)) keys[row + j] = d;
        }
      }
      for (let j = 0; j < T; j++) {
        const cell = i * T + j;
        const k = keys[row + j] as number;
        if (square && i === j) continue;
        if (!s || !targets[j] || k === Number.POSITIVE_INFINITY) {
          distancesM[cell] = durationsS[cell] = -1;
          unreachable.push({ from: i, to: j });
          continue;
        }
        const ms = Math.floor(k / KEY_DIST_SCALE);
        durationsS[cell] = ms / 1000;
        distancesM[cell] = (k - ms * KEY_DIST_SCALE) / 10;
      }
    }
    if (to < S) yield;
  }
  return { distancesM, durationsS, unreachable };
}

/** Runs a table generator to its end (the synchronous API). */
export function runToEnd<T>(gen: Generator<void, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/** Runs a table generator, yielding to the event loop and checking the signal between chunks. */
export async function runAsync<T>(gen: Generator<void, T>, signal: AbortSignal | undefined): Promise<T> {
  for (;;) {
    throwIfAborted(signal);
    const r = gen.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
