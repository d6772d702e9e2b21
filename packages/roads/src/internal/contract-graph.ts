import { AdjacencyPool } from './adjacency-pool.js';
import { MinHeap } from './min-heap.js';

/**
 * Contraction hierarchies (Geisberger et al. 2008), the preparation behind the WebAssembly queries.
 *
 * Nodes are contracted one by one, least important first (priority = 4 × (shortcuts added − edges
 * removed) + contracted neighbours + level, with lazy updates: a node popped from the queue is
 * re-evaluated and pushed back when it is no longer the least). Contracting v removes it from the
 * remaining graph and, for each in-neighbour u and out-neighbour w, adds a shortcut u → w with
 * key(u,v) + key(v,w) unless a witness search (a Dijkstra from u that avoids v, bounded by that key
 * and by a number of settled nodes) finds a path u → w no longer than that. A bounded search can only
 * miss witnesses, which adds unneeded shortcuts but never loses a shortest path, so the hierarchy stays
 * exact. The evaluation of a popped node records the shortcuts it found, and contracting it commits
 * exactly those (one round of witness searches per evaluation, none repeated for the commit).
 *
 * Everything lives in typed arrays (adjacency pools, heaps, the output), so the work is the searches
 * themselves and not object churn. The edges each node had to still-uncontracted (higher) nodes when
 * it was contracted form the `up` graph; those from higher nodes into it, the `down` graph (stored at
 * the lower node): every shortest path is up then down.
 */
export interface Hierarchy {
  nodeCount: number;
  upOff: Int32Array;
  upTgt: Int32Array;
  upKey: Float64Array;
  dnOff: Int32Array;
  dnTgt: Int32Array;
  dnKey: Float64Array;
}

/**
 * Settled-node bound of each witness search. Measured on the bench:roads city (227,008 nodes): 60 left
 * the top of the hierarchy dense with shortcuts a longer search would have found unneeded (a query's
 * upward search relaxed 6,485 edges and scanned 8,968 for stalling); 500 relaxes 2,523 and scans
 * 3,718 (40 × 40 matrix 1.5× faster), with 5 % fewer hierarchy edges and no more preparation time;
 * 2,000 gains nothing more.
 */
const WITNESS_LIMIT = 500;
/**
 * Weight of the edge difference (shortcuts added − edges removed) in the priority, against 1 for the
 * contracted neighbours and the level. Measured on a generated city of 92,454 nodes: weight 4 gave
 * 2.6× less contraction CPU time (shared machine) than weight 1, 15 % fewer hierarchy edges and smaller search spaces.
 */
const EDGE_DIFFERENCE_WEIGHT = 4;

/** The remaining graph and the witness-search state. */
class Contraction {
  readonly out: AdjacencyPool;
  readonly inn: AdjacencyPool;
  readonly dist: Float64Array;
  readonly stamp: Int32Array;
  readonly mark: Int32Array;
  readonly heap = new MinHeap();
  round = 0;
  markRound = 0;
  /** Shortcuts of the last evaluation: (u, w, key) triples. */
  pendU = new Int32Array(256);
  pendW = new Int32Array(256);
  pendK = new Float64Array(256);
  pending = 0;

  constructor(n: number, from: Int32Array, to: Int32Array, key: Float64Array) {
    this.out = new AdjacencyPool(n, from.length);
    this.inn = new AdjacencyPool(n, from.length);
    for (let e = 0; e < from.length; e++) {
      const u = from[e] as number;
      const w = to[e] as number;
      if (u !== w) this.addEdge(u, w, key[e] as number);
    }
    this.dist = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  /** Adds u → w, or lowers the key of an existing u → w. */
  addEdge(u: number, w: number, key: number): void {
    const at = this.out.find(u, w);
    if (at >= 0) {
      if (key < (this.out.key[at] as number)) {
        this.out.key[at] = key;
        this.inn.key[this.inn.find(w, u)] = key;
      }
      return;
    }
    this.out.push(u, w, key);
    this.inn.push(w, u, key);
  }

  /** Bounded Dijkstra from u avoiding `skip`; stops past `maxKey`, the limit, or when `targets` marked nodes are settled. */
  witness(u: number, skip: number, maxKey: number, targets: number): void {
    const round = ++this.round;
    const { dist, stamp, heap, mark } = this;
    const { start, len, tgt, key } = this.out;
    const markRound = this.markRound;
    heap.clear();
    dist[u] = 0;
    stamp[u] = round;
    heap.push(u, 0);
    let settled = 0;
    let left = targets;
    while (heap.size > 0) {
      const d = heap.topKey();
      const x = heap.pop();
      if (d > (dist[x] as number)) continue;
      if (d > maxKey || ++settled > WITNESS_LIMIT) break;
      if (mark[x] === markRound && --left <= 0) break;
      const s = start[x] as number;
      const end = s + (len[x] as number);
      for (let i = s; i < end; i++) {
        const y = tgt[i] as number;
        if (y === skip) continue;
        const c = d + (key[i] as number);
        if (c > maxKey) continue;
        if (stamp[y] !== round || c < (dist[y] as number)) {
          stamp[y] = round;
          dist[y] = c;
          heap.push(y, c);
        }
      }
    }
  }

  private pend(u: number, w: number, k: number): void {
    if (this.pending === this.pendU.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T) => {
        b.set(a);
        return b;
      };
      this.pendU = grow(this.pendU, new Int32Array(this.pending * 2));
      this.pendW = grow(this.pendW, new Int32Array(this.pending * 2));
      this.pendK = grow(this.pendK, new Float64Array(this.pending * 2));
    }
    this.pendU[this.pending] = u;
    this.pendW[this.pending] = w;
    this.pendK[this.pending++] = k;
  }

  /** Finds the shortcuts contracting v needs (left in `pending`); returns their count. */
  evaluate(v: number): number {
    const { out, inn, mark, stamp, dist } = this;
    const os = out.start[v] as number;
    const oe = os + (out.len[v] as number);
    const markRound = ++this.markRound;
    let maxOut = 0;
    for (let j = os; j < oe; j++) {
      mark[out.tgt[j] as number] = markRound;
      maxOut = Math.max(maxOut, out.key[j] as number);
    }
    const outs = oe - os;
    this.pending = 0;
    const is = inn.start[v] as number;
    const ie = is + (inn.len[v] as number);
    for (let i = is; i < ie; i++) {
      const u = inn.tgt[i] as number;
      const ku = inn.key[i] as number;
      const selfOut = mark[u] === markRound ? 1 : 0;
      if (outs - selfOut === 0) continue;
      this.witness(u, v, ku + maxOut, outs - selfOut);
      const round = this.round;
      for (let j = os; j < oe; j++) {
        const w = out.tgt[j] as number;
        if (w === u) continue;
        const need = ku + (out.key[j] as number);
        if (stamp[w] === round && (dist[w] as number) <= need) continue;
        this.pend(u, w, need);
      }
    }
    return this.pending;
  }
}

/**
 * Packs per-node lists into CSR under the new node ids (the ranks): node of rank r holds the list of
 * `order[r]`, its targets renamed by `rank`.
 */
function pack(
  order: Int32Array,
  rank: Int32Array,
  first: Int32Array,
  count: Int32Array,
  tgt: Int32Array,
  key: Float64Array,
) {
  const n = order.length;
  const off = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) off[r + 1] = (off[r] as number) + (count[order[r] as number] as number);
  const t = new Int32Array(off[n] as number);
  const k = new Float64Array(off[n] as number);
  for (let r = 0; r < n; r++) {
    const v = order[r] as number;
    const f = first[v] as number;
    const c = count[v] as number;
    const o = off[r] as number;
    for (let i = 0; i < c; i++) t[o + i] = rank[tgt[f + i] as number] as number;
    k.set(key.subarray(f, f + c), o);
  }
  return { off, t, k };
}

/**
 * Contracts a graph given as edges `from → to` with integer keys (parallel edges keep the least).
 * The hierarchy comes back with the nodes renumbered by rank (contraction order: node v becomes
 * `rank[v]`), so that the top of the hierarchy, which every query visits, is contiguous in memory;
 * the caller renames its own references to nodes with `rank`.
 *
 * @param n - node count.
 * @param from - tail of each edge.
 * @param to - head of each edge.
 * @param key - key of each edge (time ms × 2^27 + dm).
 * @param onProgress - called with the fraction of nodes contracted, every 1024 nodes.
 */
export async function contractGraph(
  n: number,
  from: Int32Array,
  to: Int32Array,
  key: Float64Array,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<Hierarchy & { rank: Int32Array }> {
  const g = new Contraction(n, from, to, key);
  const deleted = new Int32Array(n);
  const level = new Int32Array(n);
  const priority = (v: number) => {
    const removed = (g.out.len[v] as number) + (g.inn.len[v] as number);
    return EDGE_DIFFERENCE_WEIGHT * (g.evaluate(v) - removed) + (deleted[v] as number) + (level[v] as number);
  };

  const queue = new MinHeap();
  for (let v = 0; v < n; v++) queue.push(v, priority(v));
  const contracted = new Uint8Array(n);
  const upFirst = new Int32Array(n);
  const upCount = new Int32Array(n);
  const dnFirst = new Int32Array(n);
  const dnCount = new Int32Array(n);
  const up = new AdjacencyPool(1, from.length);
  const dn = new AdjacencyPool(1, from.length);
  const rank = new Int32Array(n);
  const order = new Int32Array(n);
  let done = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    if (contracted[v]) continue;
    const p = priority(v);
    if (queue.size > 0 && p > queue.topKey()) {
      queue.push(v, p);
      continue;
    }
    for (let s = 0; s < g.pending; s++) g.addEdge(g.pendU[s] as number, g.pendW[s] as number, g.pendK[s] as number);
    contracted[v] = 1;
    rank[v] = done;
    order[done] = v;
    const lv = (level[v] as number) + 1;
    const os = g.out.start[v] as number;
    const oe = os + (g.out.len[v] as number);
    upFirst[v] = up.len[0] as number;
    upCount[v] = oe - os;
    for (let j = os; j < oe; j++) {
      const w = g.out.tgt[j] as number;
      up.push(0, w, g.out.key[j] as number);
      g.inn.remove(w, v);
      deleted[w] = (deleted[w] as number) + 1;
      if ((level[w] as number) < lv) level[w] = lv;
    }
    const is = g.inn.start[v] as number;
    const ie = is + (g.inn.len[v] as number);
    dnFirst[v] = dn.len[0] as number;
    dnCount[v] = ie - is;
    for (let i = is; i < ie; i++) {
      const u = g.inn.tgt[i] as number;
      dn.push(0, u, g.inn.key[i] as number);
      g.out.remove(u, v);
      deleted[u] = (deleted[u] as number) + 1;
      if ((level[u] as number) < lv) level[u] = lv;
    }
    g.out.clear(v);
    g.inn.clear(v);
    if (++done % 1024 === 0 && onProgress) await onProgress(done / n);
  }
  const list = (pool: AdjacencyPool) => {
    const s = pool.start[0] as number;
    const e = s + (pool.len[0] as number);
    return [pool.tgt.subarray(s, e), pool.key.subarray(s, e)] as const;
  };
  const u = pack(order, rank, upFirst, upCount, ...list(up));
  const d = pack(order, rank, dnFirst, dnCount, ...list(dn));
  return { nodeCount: n, upOff: u.off, upTgt: u.t, upKey: u.k, dnOff: d.off, dnTgt: d.t, dnKey: d.k, rank };
}
