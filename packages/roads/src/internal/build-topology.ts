import { BeatplanError, haversineM, issueReason } from '@beatplan/core';
import type { OsmCollector, Restriction } from './osm-collector.js';

/**
 * The routable network before contraction.
 *
 * Chains are the pieces of ways between junctions (a node shared by two ways or used twice, a way's
 * end, a turn restriction's via node): the plain way points inside a chain are collapsed into its
 * geometry. Each chain c gives two directed edges, 2c (along the way's node order) and 2c + 1
 * (against it), each allowed or not (`edgeHead` −1).
 *
 * Graph nodes are the junctions, except that a junction with turn restrictions is split into one
 * node per directed edge entering it ("arrival copies"): an edge e leaving such a junction starts at
 * every copy whose entering edge may turn into e, and at no other. So the queries honour the
 * restrictions on a plain node graph, and a junction without restrictions costs nothing extra.
 */
export interface Topology {
  /** Chain geometry in 1e-7 degrees, concatenated: points of chain c are [chainStart[c], chainStart[c + 1]). */
  lngE7: Int32Array;
  latE7: Int32Array;
  chainStart: Uint32Array;
  /** Metres from the chain's first point, per coordinate (Float32: sub-millimetre on any real chain). */
  chainCumM: Float32Array;
  /** Per directed edge: travel ms and length dm (integers), head graph node (−1: not allowed). */
  edgeTimeMs: Uint32Array;
  edgeDistDm: Uint32Array;
  edgeHead: Int32Array;
  /** Graph nodes an edge may start from: tails[tailStart[e] .. tailStart[e + 1]). */
  tailStart: Uint32Array;
  tails: Int32Array;
  /** Junction at the start and at the end of each chain: chainEnds[2c], chainEnds[2c + 1]. */
  chainEnds: Int32Array;
  /** Graph nodes of each junction (one, or one per entering edge when split): [junctionNodeStart[j], junctionNodeStart[j + 1]). */
  junctionNodeStart: Uint32Array;
  junctionNodes: Int32Array;
  /** Graph nodes. */
  nodeCount: number;
  /** Junctions (graph nodes before restriction copies). */
  junctionCount: number;
  restrictionsApplied: number;
  restrictionsIgnored: number;
}

/** Key scale: key = time ms × 2^27 + distance dm — time first, then distance; exact in f64 below 2^53. */
export const KEY_DIST_SCALE = 2 ** 27;

/** Growable Float64 column. */
class Column {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

function missingNode(wayId: number, k: number, ref: number): BeatplanError {
  return new BeatplanError('INVALID_INPUT', [
    { path: ['way', wayId, 'nd', k], value: ref, ...issueReason('roads.missing_node') },
  ]);
}

/** Builds the chains, directed edges and turn-aware graph nodes from the collected extract. */
export function buildTopology(osm: OsmCollector): Topology {
  const wayCount = osm.wayIds.length;
  const nodeIdx = new Int32Array(osm.refCount);
  const use = new Uint8Array(osm.stats.nodes);
  for (let w = 0; w < wayCount; w++) {
    const from = osm.wayStart[w] as number;
    const to = osm.wayStart[w + 1] as number;
    for (let k = from; k < to; k++) {
      const i = osm.nodeIndex.get(osm.refs[k] as number);
      if (i === undefined) throw missingNode(osm.wayIds[w] as number, k - from, osm.refs[k] as number);
      nodeIdx[k] = i;
      use[i] = Math.min(255, (use[i] as number) + (k === from || k === to - 1 ? 2 : 1));
    }
  }
  for (const r of osm.restrictions) {
    const i = osm.nodeIndex.get(r.viaNode);
    if (i !== undefined) use[i] = 2;
  }
  const vertexOf = new Int32Array(osm.stats.nodes).fill(-1);
  let vertices = 0;
  const vertex = (i: number) => {
    let v = vertexOf[i] as number;
    if (v < 0) v = vertexOf[i] = vertices++;
    return v;
  };
  const lngs = new Column();
  const lats = new Column();
  const cum = new Column();
  const chainStart: number[] = [0];
  const chainWay: number[] = [];
  const chainEnds: number[] = [];
  const tailV: number[] = [];
  const headV: number[] = [];
  const time: number[] = [];
  const dist: number[] = [];
  const addChain = (w: number, a: number, b: number) => {
    let m = 0;
    for (let k = a; k <= b; k++) {
      const i = nodeIdx[k] as number;
      const lng = Math.round((osm.lngs[i] as number) * 1e7);
      const lat = Math.round((osm.lats[i] as number) * 1e7);
      if (k > a) {
        const pLng = (lngs.data[lngs.length - 1] as number) / 1e7;
        const pLat = (lats.data[lats.length - 1] as number) / 1e7;
        m += haversineM(pLng, pLat, lng / 1e7, lat / 1e7);
      }
      lngs.push(lng);
      lats.push(lat);
      cum.push(m);
    }
    chainStart.push(lngs.length);
    chainWay.push(osm.wayIds[w] as number);
    const dirs = osm.wayDirs[w] as number;
    const speedMps = (osm.waySpeedKmh[w] as number) / 3.6;
    const u = vertex(nodeIdx[a] as number);
    const v = vertex(nodeIdx[b] as number);
    chainEnds.push(u, v);
    const ms = Math.round((m / speedMps) * 1000);
    const dm = Math.round(m * 10);
    if (ms > 0xffffffff) {
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['way', osm.wayIds[w] as number],
          value: ms,
          ...issueReason('roads.too_long_to_time'),
        },
      ]);
    }
    tailV.push(dirs & 1 ? u : -1, dirs & 2 ? v : -1);
    headV.push(dirs & 1 ? v : -1, dirs & 2 ? u : -1);
    time.push(ms, ms);
    dist.push(dm, dm);
  };
  for (let w = 0; w < wayCount; w++) {
    const from = osm.wayStart[w] as number;
    const last = (osm.wayStart[w + 1] as number) - 1;
    let start = from;
    for (let k = from + 1; k <= last; k++) {
      if ((use[nodeIdx[k] as number] as number) < 2 && k !== last) continue;
      if (nodeIdx[k] === nodeIdx[start]) {
        const mid = (start + k) >> 1; // a closed loop: split it in the middle so no edge is a self-loop
        addChain(w, start, mid);
        addChain(w, mid, k);
      } else addChain(w, start, k);
      start = k;
    }
  }
  const edges = tailV.length;
  // Turn restrictions: forbidden (in, out) edge pairs per via vertex.
  const inEdges = new Map<number, number[]>();
  const outEdges = new Map<number, number[]>();
  for (let e = 0; e < edges; e++) {
    const h = headV[e] as number;
    if (h >= 0) (inEdges.get(h) ?? inEdges.set(h, []).get(h))?.push(e);
    const t = tailV[e] as number;
    if (t >= 0) (outEdges.get(t) ?? outEdges.set(t, []).get(t))?.push(e);
  }
  const forbidden = new Map<number, Set<number>>(); // via vertex → in * edges + out
  let applied = 0;
  let ignored = osm.stats.restrictionsIgnored;
  const wayOf = (e: number) => chainWay[e >> 1] as number;
  const apply = (r: Restriction) => {
    const i = osm.nodeIndex.get(r.viaNode);
    const v = i === undefined ? -1 : (vertexOf[i] as number);
    if (v < 0) return false;
    const ins = (inEdges.get(v) ?? []).filter((e) => wayOf(e) === r.fromWay);
    const outs = outEdges.get(v) ?? [];
    const tos = outs.filter((e) => wayOf(e) === r.toWay);
    if (!ins.length || !tos.length) return false;
    const set = forbidden.get(v) ?? forbidden.set(v, new Set()).get(v) ?? new Set<number>();
    for (const a of ins) {
      for (const b of r.kind === 'no' ? tos : outs.filter((e) => wayOf(e) !== r.toWay)) set.add(a * edges + b);
    }
    return true;
  };
  for (const r of osm.restrictions) {
    if (apply(r)) applied++;
    else ignored++;
  }
  // Graph nodes: one per junction, or one per entering edge at a restricted junction.
  const gid = new Int32Array(vertices).fill(-1);
  let nodeCount = 0;
  for (let v = 0; v < vertices; v++) if (!forbidden.has(v)) gid[v] = nodeCount++;
  const edgeHead = new Int32Array(edges).fill(-1);
  for (let e = 0; e < edges; e++) {
    const h = headV[e] as number;
    if (h >= 0) edgeHead[e] = forbidden.has(h) ? nodeCount++ : (gid[h] as number);
  }
  const junctionNodeStart = new Uint32Array(vertices + 1);
  const junctionNodes: number[] = [];
  for (let v = 0; v < vertices; v++) {
    if (forbidden.has(v)) for (const e of inEdges.get(v) ?? []) junctionNodes.push(edgeHead[e] as number);
    else junctionNodes.push(gid[v] as number);
    junctionNodeStart[v + 1] = junctionNodes.length;
  }
  const tailStart = new Uint32Array(edges + 1);
  const tails: number[] = [];
  for (let e = 0; e < edges; e++) {
    const t = tailV[e] as number;
    const set = t >= 0 ? forbidden.get(t) : undefined;
    if (t >= 0 && !set) tails.push(gid[t] as number);
    else if (set) for (const a of inEdges.get(t) ?? []) if (!set.has(a * edges + e)) tails.push(edgeHead[a] as number);
    tailStart[e + 1] = tails.length;
  }
  return {
    lngE7: Int32Array.from(lngs.get()),
    latE7: Int32Array.from(lats.get()),
    chainStart: Uint32Array.from(chainStart),
    chainCumM: Float32Array.from(cum.get()),
    edgeTimeMs: Uint32Array.from(time),
    edgeDistDm: Uint32Array.from(dist),
    edgeHead,
    tailStart,
    tails: Int32Array.from(tails),
    chainEnds: Int32Array.from(chainEnds),
    junctionNodeStart,
    junctionNodes: Int32Array.from(junctionNodes),
    nodeCount,
    junctionCount: vertices,
    restrictionsApplied: applied,
    restrictionsIgnored: ignored,
  };
}
