import type { RoadProfileName } from './road-profiles.js';
import type { RoadGraphData } from './internal/road-graph-data.js';

/** What the build read and did, reported with the graph (not stored in the file). */
export interface RoadGraphBuildStats {
  /** Bytes, nodes, ways, relations read; ways the profile routes; restrictions applied and ignored. */
  bytes: number;
  osmNodes: number;
  osmWays: number;
  routableWays: number;
  restrictionsApplied: number;
  restrictionsIgnored: number;
  /** Milliseconds spent reading the extract and building the topology, and contracting. */
  parseMs: number;
  prepareMs: number;
}

/**
 * A prepared road graph for one profile: built from an extract by {@link buildRoadGraph}, or loaded
 * from a graph file by {@link loadRoadGraph}. Immutable; query it with {@link roadMatrix},
 * {@link roadPath} or {@link roadCosts}. Its arrays are internal.
 *
 * @example
 * // not run: reads a stored road graph file
 * const graph = loadRoadGraph(readFileSync('city.car.bpg'));
 * graph.profile; // 'car'
 */
export class RoadGraph {
  /** The travel mode the graph was built for. */
  readonly profile: RoadProfileName;
  /** Junctions after collapsing plain way points (the graph's vertices before restriction copies). */
  readonly junctions: number;
  /** Query nodes: junctions, a junction with turn restrictions counting once per entering road. */
  readonly nodes: number;
  /** Directed road edges the profile may use (one per direction of each piece of road between junctions). */
  readonly edges: number;
  /** Present on a graph just built, absent on a loaded one. */
  readonly buildStats?: RoadGraphBuildStats;
  /** @internal */
  readonly data: RoadGraphData;

  /** @internal Use {@link buildRoadGraph} or {@link loadRoadGraph}. */
  constructor(data: RoadGraphData, buildStats?: RoadGraphBuildStats) {
    this.data = data;
    this.profile = data.profile;
    this.junctions = data.junctionCount;
    this.nodes = data.nodeCount;
    let edges = 0;
    for (let e = 0; e < data.edgeHead.length; e++) if ((data.edgeHead[e] as number) >= 0) edges++;
    this.edges = edges;
    if (buildStats) this.buildStats = buildStats;
  }
}
