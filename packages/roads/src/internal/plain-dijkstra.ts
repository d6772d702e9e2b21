import type { Seeds } from './point-seeds.js';
import type { RoadGraphData } from './road-graph-data.js';

/** The uncontracted, turn-aware graph in CSR form: out-edges of each node, with the directed edge id. */
export interface PlainGraph {
  off: Int32Array;
  head: Int32Array;
  key: Float64Array;
  edge: Int32Array;
}

const plainGraphs = new WeakMap<RoadGraphData, PlainGraph>();

/** Builds (once per graph) the plain graph: every allowed directed edge from each of its tails. */
export function plainGraphOf(g: RoadGraphData): PlainGraph {
  const cached = plainGraphs.get(g);
  if (cached) return cached;
  const n = g.nodeCount;
  const deg = new Int32Array(n + 1);
  const edges = g.edgeHead.length;
  for (let e = 0; e < edges; e++) {
    if ((g.edgeHead[e] as number) < 0) continue;
    for (let i = g.tailStart[e] as number; i < (g.tailStart[e + 1] as number); i++) {
      const t = (g.tails[i] as number) + 1;
      deg[t] = (deg[t] as number) + 1;
    }
  }
  for (let v = 0; v < n; v++) deg[v + 1] = (deg[v + 1] as number) + (deg[v] as number);
  const fill = deg.slice(0, n);
  const m = deg[n] as number;
  const head = new Int32Array(m);
  const key = new Float64Array(m);
  const edge = new Int32Array(m);
  for (let e = 0; e < edges; e++) {
    const h = g.edgeHead[e] as number;
    if (h < 0) continue;
    const k = (g.edgeTimeMs[e] as number) * 2 ** 27 + (g.edgeDistDm[e] as number);
    for (let i = g.tailStart[e] as number; i < (g.tailStart[e + 1] as number); i++) {
      const t = g.tails[i] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      head[at] = h;
      key[at] = k;
      edge[at] = e;
    }
  }
  const plain = { off: deg, head, key, edge };
  plainGraphs.set(g, plain);
  return plain;
}

/**
 * Plain Dijkstra (binary heap, no preparation) from a point's seeds over the whole graph: the
 * reference the contraction hierarchy is tested and benchmarked against, and the path search of
 * `roadPath`. Returns the least key to every node (Infinity when unreached) and the edge that
 * reached it and the node it came from (−1 for seeds and unreached nodes). Ties keep the first key found.
 */
export function plainDijkstra(
  g: RoadGraphData,
  seeds: Seeds,
): { dist: Float64Array; via: Int32Array; prev: Int32Array } {
  const p = plainGraphOf(g);
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const hk: number[] = [];
  const hv: number[] = [];
  const push = (v: number, k: number) => {
    let i = hk.length;
    hk.push(k);
    hv.push(v);
    while (i > 0) {
      const q = (i - 1) >> 1;
      if ((hk[q] as number) <= k) break;
      hk[i] = hk[q] as number;
      hv[i] = hv[q] as number;
      i = q;
    }
    hk[i] = k;
    hv[i] = v;
  };
  const pop = () => {
    const k = hk.pop() as number;
    const v = hv.pop() as number;
    const size = hk.length;
    if (!size) return;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (hk[c + 1] as number) < (hk[c] as number)) c++;
      if (k <= (hk[c] as number)) break;
      hk[i] = hk[c] as number;
      hv[i] = hv[c] as number;
      i = c;
    }
    hk[i] = k;
    hv[i] = v;
  };
  for (let s = 0; s < seeds.nodes.length; s++) {
    const v = seeds.nodes[s] as number;
    const k = seeds.keys[s] as number;
    if (k < (dist[v] as number)) {
      dist[v] = k;
      push(v, k);
    }
  }
  while (hk.length) {
    const d = hk[0] as number;
    const v = hv[0] as number;
    pop();
    if (done[v] || d > (dist[v] as number)) continue;
    done[v] = 1;
    for (let i = p.off[v] as number; i < (p.off[v + 1] as number); i++) {
      const w = p.head[i] as number;
      const c = d + (p.key[i] as number);
      if (c < (dist[w] as number)) {
        dist[w] = c;
        via[w] = p.edge[i] as number;
        prev[w] = v;
        push(w, c);
      }
    }
  }
  return { dist, via, prev };
}
