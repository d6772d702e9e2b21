export {
  type BuildProgress,
  type BuildRoadGraphOptions,
  BuildRoadGraphOptionsSchema,
  buildRoadGraph,
  type ExtractSource,
} from './build-road-graph.js';
export { roadCosts } from './road-costs.js';
export { RoadGraph, type RoadGraphBuildStats } from './road-graph.js';
export {
  GRAPH_FILE_VERSION,
  type LoadRoadGraphOptions,
  LoadRoadGraphOptionsSchema,
  loadRoadGraph,
  saveRoadGraph,
} from './road-graph-file.js';
export {
  type RoadMatrix,
  type RoadMatrixOptions,
  RoadMatrixOptionsSchema,
  type RoadTable,
  roadMatrix,
  roadSourceName,
  roadTable,
  type SnappedPoint,
} from './road-matrix.js';
export { roadMatrixDijkstra } from './road-matrix-dijkstra.js';
export { type RoadPath, roadPath } from './road-path.js';
export {
  DENYING_ACCESS_VALUES,
  ROAD_PROFILES,
  ROAD_PROFILE_NAMES,
  type RoadProfile,
  type RoadProfileName,
} from './road-profiles.js';
export {
  GenerateOsmExtractOptionsSchema,
  generateOsmExtract,
  type GenerateOsmExtractOptions,
  type OsmExtract,
} from './generate-osm-extract.js';
export { osmExtractToPbf, osmExtractToXml } from './write-osm-extract.js';
export { OsrmOptionsSchema, osrmTravelCosts, type OsrmOptions } from './adapters/osrm-travel-costs.js';
export { ValhallaOptionsSchema, valhallaTravelCosts, type ValhallaOptions } from './adapters/valhalla-travel-costs.js';
export {
  GraphHopperOptionsSchema,
  graphHopperTravelCosts,
  type GraphHopperOptions,
} from './adapters/graphhopper-travel-costs.js';
export {
  AMAP_RETRY_INFOCODES,
  AmapOptionsSchema,
  amapTravelCosts,
  type AmapOptions,
} from './adapters/amap-travel-costs.js';
export { PairCacheOptionsSchema } from './internal/adapter-options.js';
