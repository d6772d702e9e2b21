import type Flatbush from 'flatbush';
import type { RoadProfileName } from '../road-profiles.js';
import type { Hierarchy } from './contract-graph.js';

/**
 * Everything a prepared road graph holds (what the graph file stores): the chain geometry and
 * directed edges of the topology (see build-topology.ts), the contraction hierarchy, and the
 * spatial index of road segments for snapping.
 */
export interface RoadGraphData extends Hierarchy {
  profile: RoadProfileName;
  junctionCount: number;
  /** Chain points in 1e-7 degrees (OpenStreetMap's own precision). */
  lngE7: Int32Array;
  latE7: Int32Array;
  chainStart: Uint32Array;
  chainCumM: Float32Array;
  edgeTimeMs: Uint32Array;
  edgeDistDm: Uint32Array;
  edgeHead: Int32Array;
  tailStart: Uint32Array;
  tails: Int32Array;
  chainEnds: Int32Array;
  junctionNodeStart: Uint32Array;
  junctionNodes: Int32Array;
  /** Per indexed run of at most {@link SEGMENT_RUN} segments of one chain: the index of its first point. */
  runPoint: Uint32Array;
  /** Flatbush (Float32) over the runs' boxes in local degrees ((lng − lng0) × cosLat0, lat − lat0). */
  index: Flatbush;
  lng0: number;
  lat0: number;
  cosLat0: number;
}

/** Segments per indexed run (consecutive segments of one chain share one box). */
export const SEGMENT_RUN = 8;
