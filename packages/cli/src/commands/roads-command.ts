import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildRoadGraph,
  loadRoadGraph,
  ROAD_PROFILE_NAMES,
  type RoadGraph,
  roadCosts,
  roadMatrix,
  saveRoadGraph,
} from '@beatplan/roads';
import { CliFailure, type CommandIo, printJson } from '../cli-io.js';
import { numberFlag } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import { failWithIssues } from '../report-issues.js';

export const ROADS_USAGE =
  'beatplan roads build <extract.osm|.osm.pbf> [--profile car|motorcycle|bicycle|foot] --out <graph-file>\n' +
  '  beatplan roads matrix <graph-file> <points.json> [--max-snap <m>]';

/** Every issue of a library error on its own line, `file: path: reason`. */
function failure(file: string, e: unknown): never {
  return failWithIssues(e, file);
}

function parse(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options'], files: number) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new CliFailure((t) => t.t('usageError', { detail: (e as Error).message, usage: ROADS_USAGE }), 2);
  }
  if (parsed.positionals.length !== files)
    throw new CliFailure((t) => t.t('expectedFiles', { count: files, usage: ROADS_USAGE }), 2);
  return { values: parsed.values as Record<string, string | undefined>, files: parsed.positionals };
}

/**
 * Loads a graph file named on the command line.
 * @throws {CliFailure} naming the file when it is missing or not a valid graph file.
 */
export function readRoadGraph(file: string): RoadGraph {
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile()) throw new CliFailure((t) => t.t('notRegular', { file, pipe: false }));
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    throw new CliFailure((t) => t.t('fileNotFound', { file }));
  }
  try {
    return loadRoadGraph(bytes);
  } catch (e) {
    return failure(file, e);
  }
}

/**
 * The travel costs of a graph file named by `--roads` (plan, inspect route): the one place the CLI
 * turns a graph file into a core `TravelCosts` (points farther than 500 m from a road are not routed).
 * @throws {CliFailure} naming the file when it is missing or not a valid graph file.
 */
export function readRoadCosts(file: string): ReturnType<typeof roadCosts> {
  return roadCosts(readRoadGraph(file));
}

async function build(args: string[], io: CommandIo): Promise<void> {
  const { values, files } = parse(args, { profile: { type: 'string' }, out: { type: 'string' } }, 1);
  const profile = values.profile ?? 'car';
  if (!(ROAD_PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new CliFailure((t) => t.t('oneOfFlag', { flag: 'profile', values: ROAD_PROFILE_NAMES, text: profile }), 2);
  }
  if (!values.out) throw new CliFailure((t) => t.t('required', { flag: '--out <graph-file>', usage: ROADS_USAGE }), 2);
  const extract = files[0] as string;
  const t0 = performance.now();
  let graph: RoadGraph;
  try {
    if (!statSync(extract).isFile()) throw new CliFailure((t) => t.t('notRegular', { file: extract, pipe: false }));
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    throw new CliFailure((t) => t.t('fileNotFound', { file: extract }));
  }
  try {
    graph = await buildRoadGraph(extract, { profile: profile as (typeof ROAD_PROFILE_NAMES)[number] });
  } catch (e) {
    return failure(extract, e);
  }
  writeFileSync(values.out, saveRoadGraph(graph));
  const s = graph.buildStats;
  printJson(io, {
    nodes: graph.junctions,
    edges: graph.edges,
    ms: Math.round(performance.now() - t0),
    queryNodes: graph.nodes,
    parseMs: Math.round(s?.parseMs ?? 0),
    prepareMs: Math.round(s?.prepareMs ?? 0),
    restrictionsApplied: s?.restrictionsApplied ?? 0,
    profile,
    out: values.out,
  });
}

async function matrix(args: string[], io: CommandIo): Promise<void> {
  const { values, files } = parse(args, { 'max-snap': { type: 'string' } }, 2);
  const [graphFile, pointsFile] = files as [string, string];
  const maxSnapM = numberFlag('max-snap', values['max-snap'], 'number', 0, 1_000_000);
  const graph = readRoadGraph(graphFile);
  const json = (await readJsonFile(pointsFile, io)) as unknown;
  const points = Array.isArray(json) ? json : (json as { points?: unknown } | null)?.points;
  if (!Array.isArray(points)) throw new CliFailure((t) => t.t('pointsShape', { file: pointsFile }));
  try {
    const m = roadMatrix(graph, points, maxSnapM === undefined ? {} : { maxSnapM });
    printJson(io, {
      n: m.n,
      distancesM: Array.from(m.distancesM),
      durationsS: Array.from(m.durationsS),
      snapped: m.snapped,
      unreachable: m.unreachable,
      source: m.source,
    });
  } catch (e) {
    failure(pointsFile, e);
  }
}

/**
 * `beatplan roads build|matrix`: builds a graph file from an OSM extract and prints
 * `{"nodes", "edges", "ms", ...}`; or prints the road matrix of a points file on a graph file.
 * @throws {CliFailure} on a usage error, a missing or invalid file.
 */
export async function roadsCommand(args: string[], io: CommandIo): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'build') return build(rest, io);
  if (sub === 'matrix') return matrix(rest, io);
  throw new CliFailure((t) => t.t('expectedSub', { subs: ['build', 'matrix'], usage: ROADS_USAGE }), 2);
}
