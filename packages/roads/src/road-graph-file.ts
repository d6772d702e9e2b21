import { BeatplanError, issueReason, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { readGraphFile, writeGraphFile } from './internal/graph-file.js';
import { RoadGraph } from './road-graph.js';
import { ROAD_PROFILE_NAMES } from './road-profiles.js';

export { GRAPH_FILE_VERSION } from './internal/graph-file.js';

/**
 * Serialises a prepared graph into one compact binary file (header with magic, format version,
 * profile and checksum; then typed arrays, loadable without parsing). Write the bytes wherever you
 * like; {@link loadRoadGraph} reads them in Node or a browser.
 *
 * @param graph - a prepared graph.
 * @returns the file's bytes.
 * @throws never.
 * @example
 * // not run: `graph` stands for a built road graph; writes a file
 * writeFileSync('city.car.bpg', saveRoadGraph(await buildRoadGraph('city.osm.pbf')));
 */
export function saveRoadGraph(graph: RoadGraph): Uint8Array {
  return writeGraphFile(graph.data);
}

/** Options of {@link loadRoadGraph}. */
export const LoadRoadGraphOptionsSchema = z.strictObject({
  /** When given, a file of another profile is refused. */
  profile: z.enum(ROAD_PROFILE_NAMES).optional(),
});

/** Options of {@link loadRoadGraph}: `profile` to insist on. */
export type LoadRoadGraphOptions = z.input<typeof LoadRoadGraphOptionsSchema>;

/**
 * Loads a graph file written by {@link saveRoadGraph}: checks the magic, the format version, the
 * checksum and every array's bounds, then uses the bytes in place (no parsing). Works in a browser.
 *
 * @param bytes - the file's bytes.
 * @param options - `profile`: refuse a file built for another profile.
 * @returns the graph.
 * @throws {BeatplanError} `INVALID_INPUT` (path `graphFile`) for a foreign, truncated, corrupt or
 *   other-version file, or one of another profile than `options.profile`.
 * @example
 * // not run: reads a stored road graph file
 * const graph = loadRoadGraph(readFileSync('city.car.bpg'), { profile: 'car' });
 */
export function loadRoadGraph(bytes: Uint8Array, options: LoadRoadGraphOptions = {}): RoadGraph {
  const o = parseOrThrow(LoadRoadGraphOptionsSchema, options, ['options']);
  if (!(bytes instanceof Uint8Array)) {
    throw new BeatplanError('INVALID_INPUT', [{ path: ['graphFile'], ...issueReason('roads.graph_bytes') }]);
  }
  const data = readGraphFile(bytes);
  if (o.profile && o.profile !== data.profile) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['graphFile', 'profile'],
        value: data.profile,
        ...issueReason('roads.graph_profile', { built: data.profile, wanted: o.profile }),
      },
    ]);
  }
  return new RoadGraph(data);
}
