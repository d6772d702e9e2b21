import { BeatplanError, customReason, issueReason, parseOrThrow, throwIfAborted } from '@beatplan/core';
import * as z from 'zod';
import { buildTopology, KEY_DIST_SCALE } from './internal/build-topology.js';
import { contractGraph } from './internal/contract-graph.js';
import { OsmCollector } from './internal/osm-collector.js';
import { readOsmPbf } from './internal/read-osm-pbf.js';
import { readOsmXml } from './internal/read-osm-xml.js';
import { buildSegmentIndex } from './internal/segment-index.js';
import { RoadGraph } from './road-graph.js';
import { ROAD_PROFILES, ROAD_PROFILE_NAMES, type RoadProfile } from './road-profiles.js';

/** Progress of {@link buildRoadGraph}: bytes read, then the fraction of nodes contracted. */
export type BuildProgress = { phase: 'read'; bytes: number } | { phase: 'prepare'; fraction: number };

/**
 * Options of {@link buildRoadGraph}; the schema is the only source of the defaults.
 */
export const BuildRoadGraphOptionsSchema = z.strictObject({
  /** Travel mode (README "Profiles"). Default `car`. */
  profile: z.enum(ROAD_PROFILE_NAMES).default('car'),
  /** km/h by `highway=*` class, replacing the profile's defaults (classes the profile knows only). */
  speedsKmh: z.record(z.string(), z.number().gt(0).max(300)).optional(),
  /** `xml` (.osm) or `pbf` (.osm.pbf). Default: from the file name, else from the first byte. */
  format: z.enum(['xml', 'pbf']).optional(),
  /** Stop reading past this many bytes. Default 4 GiB. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 2 ** 30),
  /** Stop reading past this many nodes (each costs ~60 bytes while building). Default 20,000,000. */
  maxNodes: z.number().int().positive().default(20_000_000),
  /** Stop reading past this many ways. Default 4,000,000. */
  maxWays: z.number().int().positive().default(4_000_000),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, customReason('core.signal_type')).optional(),
  onProgress: z
    .custom<(p: BuildProgress) => void>((v) => typeof v === 'function', customReason('core.on_progress_type'))
    .optional(),
});

/** Options of {@link buildRoadGraph}, see {@link BuildRoadGraphOptionsSchema}. */
export type BuildRoadGraphOptions = z.input<typeof BuildRoadGraphOptionsSchema>;

/** An extract: a file path (Node), its bytes, or a stream of byte chunks. */
export type ExtractSource = string | Uint8Array | AsyncIterable<Uint8Array>;

async function* chunksOf(source: ExtractSource): AsyncIterable<Uint8Array> {
  if (typeof source === 'string') {
    const { createReadStream } = await import('node:fs');
    yield* createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
  } else if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += 1 << 20) yield source.subarray(i, i + (1 << 20));
  } else yield* source;
}

/** Peeks the first chunk to tell XML (first non-blank byte `<`) from PBF. */
async function sniff(source: ExtractSource): Promise<{ format: 'xml' | 'pbf'; chunks: AsyncIterable<Uint8Array> }> {
  if (typeof source === 'string' && /\.pbf$/i.test(source)) return { format: 'pbf', chunks: chunksOf(source) };
  if (typeof source === 'string' && /\.osm$/i.test(source)) return { format: 'xml', chunks: chunksOf(source) };
  const it = chunksOf(source)[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  let i = 0;
  while (
    i < head.length &&
    (head[i] === 0x20 ||
      head[i] === 0x0a ||
      head[i] === 0x0d ||
      head[i] === 0x09 ||
      head[i] === 0xef ||
      head[i] === 0xbb ||
      head[i] === 0xbf)
  )
    i++;
  const format = head[i] === 0x3c ? 'xml' : 'pbf';
  async function* all() {
    if (!first.done) yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { format, chunks: all() };
}

function speedOverrides(profile: RoadProfile, speeds: Record<string, number> | undefined): Map<string, number> {
  const map = new Map<string, number>();
  for (const [k, v] of Object.entries(speeds ?? {})) {
    if (!profile.speedsKmh.has(k) && !profile.permittedOnlySpeedsKmh.has(k)) {
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['options', 'speedsKmh', k],
          ...issueReason('roads.profile_highway', { profile: profile.name, highway: k }),
        },
      ]);
    }
    map.set(k, Math.min(v, profile.topSpeedKmh));
  }
  return map;
}

/**
 * Builds a prepared road graph for one profile from an OpenStreetMap extract (`.osm` XML or
 * `.osm.pbf`), streamed: reads nodes, the ways the profile may use and its turn restrictions,
 * collapses plain way points into the geometry of the road between junctions, splits junctions with
 * turn restrictions so that queries honour them, contracts the graph (contraction hierarchies) and
 * indexes the road segments for snapping. Node only for a path source (it reads the file).
 *
 * @param source - a file path, the extract's bytes, or an async iterable of byte chunks.
 * @param options - `profile` (default `car`), `speedsKmh`, `format`, limits `maxBytes`/`maxNodes`/
 *   `maxWays`, `signal`, `onProgress`.
 * @returns the graph, with `buildStats` (counts, `parseMs`, `prepareMs`).
 * @throws {BeatplanError} `INVALID_INPUT` naming the element for malformed XML/PBF, truncated files,
 *   duplicate ids, ways that reference missing nodes, self-loop segments, absurd `maxspeed`, a limit
 *   passed, or an extract without any road for the profile; `ABORTED` when the signal fires.
 * @example
 * // not run: needs an OpenStreetMap extract (city.osm.pbf)
 * const graph = await buildRoadGraph('city.osm.pbf', { profile: 'motorcycle' });
 * writeFileSync('city.motorcycle.bpg', saveRoadGraph(graph));
 */
export async function buildRoadGraph(source: ExtractSource, options: BuildRoadGraphOptions = {}): Promise<RoadGraph> {
  const o = parseOrThrow(BuildRoadGraphOptionsSchema, options, ['options']);
  const profile = ROAD_PROFILES.get(o.profile) as RoadProfile;
  const t0 = performance.now();
  const sink = new OsmCollector(profile, speedOverrides(profile, o.speedsKmh), o);
  const sniffed = await sniff(source);
  const format = o.format ?? sniffed.format;
  const progress = o.onProgress;
  async function* counted() {
    for await (const chunk of sniffed.chunks) {
      yield chunk;
      progress?.({ phase: 'read', bytes: sink.stats.bytes });
    }
  }
  if (format === 'xml') await readOsmXml(counted(), sink, o.signal);
  else await readOsmPbf(counted(), sink, o.signal);
  const topo = buildTopology(sink);
  if (topo.edgeHead.every((h) => h < 0)) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['extract'], ...issueReason('roads.no_road', { profile: profile.name }) },
    ]);
  }
  const parseMs = performance.now() - t0;
  const from: number[] = [];
  const to: number[] = [];
  const key: number[] = [];
  for (let e = 0; e < topo.edgeHead.length; e++) {
    const h = topo.edgeHead[e] as number;
    if (h < 0) continue;
    const k = (topo.edgeTimeMs[e] as number) * KEY_DIST_SCALE + (topo.edgeDistDm[e] as number);
    for (let i = topo.tailStart[e] as number; i < (topo.tailStart[e + 1] as number); i++) {
      from.push(topo.tails[i] as number);
      to.push(h);
      key.push(k);
    }
  }
  const t1 = performance.now();
  const ch = await contractGraph(
    topo.nodeCount,
    Int32Array.from(from),
    Int32Array.from(to),
    Float64Array.from(key),
    async (f) => {
      throwIfAborted(o.signal);
      progress?.({ phase: 'prepare', fraction: f });
      await new Promise((r) => setTimeout(r, 0));
    },
  );
  const { rank, ...hierarchy } = ch;
  // The hierarchy numbers nodes by rank: rename the topology's references to nodes likewise.
  for (const refs of [topo.edgeHead, topo.tails, topo.junctionNodes]) {
    for (let i = 0; i < refs.length; i++) if ((refs[i] as number) >= 0) refs[i] = rank[refs[i] as number] as number;
  }
  const seg = buildSegmentIndex(topo.lngE7, topo.latE7, topo.chainStart);
  const prepareMs = performance.now() - t1;
  return new RoadGraph(
    {
      ...hierarchy,
      profile: profile.name,
      junctionCount: topo.junctionCount,
      lngE7: topo.lngE7,
      latE7: topo.latE7,
      chainStart: topo.chainStart,
      chainCumM: topo.chainCumM,
      edgeTimeMs: topo.edgeTimeMs,
      edgeDistDm: topo.edgeDistDm,
      edgeHead: topo.edgeHead,
      tailStart: topo.tailStart,
      tails: topo.tails,
      chainEnds: topo.chainEnds,
      junctionNodeStart: topo.junctionNodeStart,
      junctionNodes: topo.junctionNodes,
      ...seg,
    },
    {
      bytes: sink.stats.bytes,
      osmNodes: sink.stats.nodes,
      osmWays: sink.stats.ways,
      routableWays: sink.stats.routableWays,
      restrictionsApplied: topo.restrictionsApplied,
      restrictionsIgnored: topo.restrictionsIgnored,
      parseMs,
      prepareMs,
    },
  );
}
