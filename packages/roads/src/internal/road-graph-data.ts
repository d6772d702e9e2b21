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
  lngs: Float64Array;
  lats: Float64Array;
  chainStart: Uint32Array;
  chainCumM: Float64Array;
  edgeTimeMs: Float64Array;
  edgeDistDm: Float64Array;
  edgeHead: Int32Array;
  tailStart: Uint32Array;
  tails: Int32Array;
  chainEnds: Int32Array;
  junctionNodeStart: Uint32Array;
  junctionNodes: Int32Array;
  /** Per road segment (consecutive chain points): the chain and the index of its first point. */
  segChain: Uint32Array;
  segPoint: Uint32Array;
  /** Flatbush over the segments' boxes in (lng × cosLat0, lat) degrees. */
  index: Flatbush;
  cosLat0: number;
}
