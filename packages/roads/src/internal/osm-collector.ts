import { BeatplanError, issueReason } from '@beatplan/core';
import type { RoadProfile } from '../road-profiles.js';
import { evaluateWay } from './way-rules.js';

/** Limits checked while an extract streams in; passing one stops the read with a typed error. */
export interface ExtractLimits {
  maxBytes: number;
  maxNodes: number;
  maxWays: number;
}

/** A turn restriction at a via node, for the profile: `no` forbids from → to, `only` forbids every other exit. */
export interface Restriction {
  id: number;
  kind: 'no' | 'only';
  fromWay: number;
  viaNode: number;
  toWay: number;
}

/** A member of a relation as read from the extract. */
export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

/** Counts of what the build read and left out, reported by `buildRoadGraph`. */
export interface ExtractStats {
  bytes: number;
  nodes: number;
  ways: number;
  routableWays: number;
  relations: number;
  restrictions: number;
  /** Restrictions left out: via a way, incomplete, or about ways the profile does not use. */
  restrictionsIgnored: number;
}

function tooLarge(what: string, limit: number, option: string): BeatplanError {
  return new BeatplanError('INVALID_INPUT', [
    { path: ['extract'], value: limit + 1, ...issueReason('roads.too_large', { limit, what, option }) },
  ]);
}

/**
 * Receives the elements of an OSM extract in any order (XML and PBF readers call it), keeps the
 * coordinates of every node, the ways the profile may use (node ids, directions, speed) and the turn
 * restrictions it honours, and checks ids and limits as they arrive.
 */
export class OsmCollector {
  readonly stats: ExtractStats = {
    bytes: 0,
    nodes: 0,
    ways: 0,
    routableWays: 0,
    relations: 0,
    restrictions: 0,
    restrictionsIgnored: 0,
  };
  /** Node id → index into lngs/lats. */
  readonly nodeIndex = new Map<number, number>();
  lngs: Float64Array = new Float64Array(1024);
  lats: Float64Array = new Float64Array(1024);
  readonly wayIds: number[] = [];
  /** Node ids of each kept way, as offsets into refs. */
  readonly wayStart: number[] = [0];
  refs: Float64Array = new Float64Array(4096);
  refCount = 0;
  /** Per kept way: 1 forward, 2 backward (bit set when allowed). */
  readonly wayDirs: number[] = [];
  readonly waySpeedKmh: number[] = [];
  readonly restrictions: Restriction[] = [];
  private readonly seenWays = new Set<number>();
  private readonly seenRelations = new Set<number>();

  constructor(
    readonly profile: RoadProfile,
    private readonly speedOverrides: ReadonlyMap<string, number>,
    private readonly limits: ExtractLimits,
  ) {}

  /** Counts bytes read from the source; throws past `maxBytes`. */
  addBytes(count: number): void {
    this.stats.bytes += count;
    if (this.stats.bytes > this.limits.maxBytes) throw tooLarge('bytes', this.limits.maxBytes, 'maxBytes');
  }

  addNode(id: number, lng: number, lat: number): void {
    if (!Number.isSafeInteger(id)) this.bad(['node'], 'node id must be an integer', id);
    if (!(lat >= -90 && lat <= 90)) this.bad(['node', id, 'lat'], 'latitude must be within [-90, 90]', lat);
    if (!(lng >= -180 && lng <= 180)) this.bad(['node', id, 'lon'], 'longitude must be within [-180, 180]', lng);
    const index = this.stats.nodes;
    if (this.nodeIndex.has(id)) this.bad(['node', id], 'the node id appears twice in the extract', id);
    if (index >= this.limits.maxNodes) throw tooLarge('nodes', this.limits.maxNodes, 'maxNodes');
    this.nodeIndex.set(id, index);
    if (index >= this.lngs.length) {
      this.lngs = grow(this.lngs, index * 2);
      this.lats = grow(this.lats, index * 2);
    }
    this.lngs[index] = lng;
    this.lats[index] = lat;
    this.stats.nodes++;
  }

  addWay(id: number, refs: ArrayLike<number>, tags: ReadonlyMap<string, string>): void {
    if (!Number.isSafeInteger(id)) this.bad(['way'], 'way id must be an integer', id);
    if (this.seenWays.has(id)) this.bad(['way', id], 'the way id appears twice in the extract', id);
    if (this.stats.ways >= this.limits.maxWays) throw tooLarge('ways', this.limits.maxWays, 'maxWays');
    this.seenWays.add(id);
    this.stats.ways++;
    const use = evaluateWay(tags, this.profile, this.speedOverrides, id);
    if (!use || refs.length < 2) return;
    for (let k = 1; k < refs.length; k++) {
      if (refs[k] === refs[k - 1]) {
        this.bad(['way', id, 'nd', k], 'the way repeats the same node (a self-loop segment)', refs[k]);
      }
    }
    if (this.refCount + refs.length > this.refs.length) {
      this.refs = grow(this.refs, (this.refCount + refs.length) * 2);
    }
    for (let k = 0; k < refs.length; k++) this.refs[this.refCount++] = refs[k] as number;
    this.wayIds.push(id);
    this.wayStart.push(this.refCount);
    this.wayDirs.push((use.forward ? 1 : 0) | (use.backward ? 2 : 0));
    this.waySpeedKmh.push(use.speedKmh);
    this.stats.routableWays++;
  }

  addRelation(id: number, members: readonly OsmMember[], tags: ReadonlyMap<string, string>): void {
    if (!Number.isSafeInteger(id)) this.bad(['relation'], 'relation id must be an integer', id);
    if (this.seenRelations.has(id)) this.bad(['relation', id], 'the relation id appears twice in the extract', id);
    this.seenRelations.add(id);
    this.stats.relations++;
    const keys = this.profile.restrictionKeys;
    if (tags.get('type') !== 'restriction' || keys.length === 0) return;
    let value: string | undefined;
    for (let i = keys.length - 1; i >= 0 && value === undefined; i--) value = tags.get(keys[i] as string);
    if (value === undefined) return;
    const except = tags
      .get('except')
      ?.split(';')
      .map((s) => s.trim());
    if (except?.includes(this.profile.exceptName)) return;
    const kind = value.startsWith('no_') ? 'no' : value.startsWith('only_') ? 'only' : undefined;
    const from = members.filter((m) => m.role === 'from');
    const via = members.filter((m) => m.role === 'via');
    const to = members.filter((m) => m.role === 'to');
    const [f, v, t] = [from[0], via[0], to[0]];
    if (!kind || from.length !== 1 || via.length !== 1 || to.length !== 1 || !f || !v || !t) {
      this.stats.restrictionsIgnored++;
      return;
    }
    if (f.type !== 'way' || t.type !== 'way' || v.type !== 'node') {
      this.stats.restrictionsIgnored++; // via a way: not supported (README)
      return;
    }
    this.restrictions.push({ id, kind, fromWay: f.ref, viaNode: v.ref, toWay: t.ref });
  }

  private bad(path: (string | number)[], message: string, value: unknown): never {
    throw new BeatplanError('INVALID_INPUT', [{ path, message, value }]);
  }
}

function grow(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(Math.max(size, 1024));
  b.set(a);
  return b;
}
