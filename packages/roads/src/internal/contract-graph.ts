/**
 * Contraction hierarchies (Geisberger et al. 2008), the preparation behind the WebAssembly queries.
 *
 * Nodes are contracted one by one, least important first (priority = edge difference + contracted
 * neighbours + level, updated lazily). Contracting v removes it from the remaining graph and, for
 * each in-neighbour u and out-neighbour w, adds a shortcut u → w with key(u,v) + key(v,w) unless a
 * witness search (a Dijkstra from u that avoids v, limited in settled nodes) finds a path u → w no
 * longer than that. A limited search can only miss witnesses, which adds unneeded shortcuts but never
 * loses a shortest path, so the hierarchy stays exact. The edges each node had to still-uncontracted
 * (higher) nodes when it was contracted form the `up` graph; those from higher nodes into it, the
 * `down` graph (stored at the lower node): every shortest path is up then down.
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

/** Settled-node limits of witness searches: when estimating a priority, and when contracting. */
const SIMULATE_LIMIT = 10;
const CONTRACT_LIMIT = 100;

/** A binary min-heap of (key, item) pairs in typed arrays, with lazy deletion by the caller. */
class MinHeap {
  keys = new Float64Array(1024);
  items = new Int32Array(1024);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const it = new Int32Array(this.size * 2);
      it.set(this.items);
      this.items = it;
    }
    const ks = this.keys;
    const is = this.items;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = ks[p] as number;
      if (pk <= key) break;
      ks[i] = pk;
      is[i] = is[p] as number;
      i = p;
    }
    ks[i] = key;
    is[i] = item;
  }
  topKey(): number {
    return this.keys[0] as number;
  }
  pop(): number {
    const ks = this.keys;
    const is = this.items;
    const top = is[0] as number;
    const size = --this.size;
    if (size === 0) return top;
    const key = ks[size] as number;
    const item = is[size] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (ks[c + 1] as number) < (ks[c] as number)) c++;
      if (key <= (ks[c] as number)) break;
      ks[i] = ks[c] as number;
      is[i] = is[c] as number;
      i = c;
    }
    ks[i] = key;
    is[i] = item;
    return top;
  }
}

/** The remaining graph during contraction: adjacency lists (neighbour, key), out and in. */
class Work {
  outN: number[][] = [];
  outK: number[][] = [];
  inN: number[][] = [];
  inK: number[][] = [];
  contracted: Uint8Array;
  dist: Float64Array;
  stamp: Int32Array;
  round = 0;
  heap = new MinHeap();
  /** Marks the out-neighbours of the node being contracted (value `targetMark`). */
  mark: Int32Array;
  targetMark = 0;
  constructor(readonly n: number) {
    for (let v = 0; v < n; v++) {
      this.outN.push([]);
      this.outK.push([]);
      this.inN.push([]);
      this.inK.push([]);
    }
    this.contracted = new Uint8Array(n);
    this.dist = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  /** Adds u → w or lowers its key if a longer parallel edge exists. */
  addEdge(u: number, w: number, key: number): void {
    const on = this.outN[u] as number[];
    const ok = this.outK[u] as number[];
    const k = on.indexOf(w);
    if (k >= 0) {
      if (key < (ok[k] as number)) {
        ok[k] = key;
        const inn = this.inN[w] as number[];
        (this.inK[w] as number[])[inn.indexOf(u)] = key;
      }
      return;
    }
    on.push(w);
    ok.push(key);
    (this.inN[w] as number[]).push(u);
    (this.inK[w] as number[]).push(key);
  }

  /**
   * Dijkstra from u avoiding `skip`, until `maxKey`, `limit` settled nodes, or every node marked with
   * the current target mark (`targetsLeft` of them) is settled; fills dist/stamp.
   */
  witness(u: number, skip: number, maxKey: number, limit: number, targetsLeft: number): void {
    const round = ++this.round;
    const { dist, stamp, heap, contracted, mark, outN, outK } = this;
    const targetMark = this.targetMark;
    heap.clear();
    dist[u] = 0;
    stamp[u] = round;
    heap.push(u, 0);
    let settled = 0;
    let left = targetsLeft;
    while (heap.size) {
      const d = heap.topKey();
      const x = heap.pop();
      if (d > (dist[x] as number)) continue;
      if (d > maxKey || ++settled > limit) break;
      if (mark[x] === targetMark && --left <= 0) break;
      const on = outN[x] as number[];
      const ok = outK[x] as number[];
      for (let i = 0; i < on.length; i++) {
        const y = on[i] as number;
        if (y === skip || contracted[y]) continue;
        const c = d + (ok[i] as number);
        if (stamp[y] !== round || c < (dist[y] as number)) {
          stamp[y] = round;
          dist[y] = c;
          heap.push(y, c);
        }
      }
    }
  }

  /** Shortcuts contracting v would need (added when `commit`), and v's live degree. */
  contract(v: number, limit: number, commit: boolean): { shortcuts: number; degree: number } {
    const { contracted } = this;
    const inn = this.inN[v] as number[];
    const ink = this.inK[v] as number[];
    const on = this.outN[v] as number[];
    const ok = this.outK[v] as number[];
    let maxOut = 0;
    let outs = 0;
    const targetMark = ++this.targetMark;
    for (let j = 0; j < on.length; j++) {
      if (contracted[on[j] as number]) continue;
      outs++;
      this.mark[on[j] as number] = targetMark;
      maxOut = Math.max(maxOut, ok[j] as number);
    }
    let shortcuts = 0;
    let ins = 0;
    const pending: number[] = [];
    for (let i = 0; i < inn.length; i++) {
      const u = inn[i] as number;
      if (contracted[u]) continue;
      ins++;
      const ku = ink[i] as number;
      this.witness(u, v, ku + maxOut, limit, this.mark[u] === targetMark ? outs - 1 : outs);
      for (let j = 0; j < on.length; j++) {
        const w = on[j] as number;
        if (w === u || contracted[w]) continue;
        const need = ku + (ok[j] as number);
        if (this.stamp[w] === this.round && (this.dist[w] as number) <= need) continue;
        shortcuts++;
        if (commit) pending.push(u, w, need);
      }
    }
    for (let p = 0; p < pending.length; p += 3) {
      this.addEdge(pending[p] as number, pending[p + 1] as number, pending[p + 2] as number);
    }
    return { shortcuts, degree: ins + outs };
  }
}

/** Removes `v` from a neighbour list (swap with the last entry). */
function removeFrom(ns: number[], ks: number[], v: number): void {
  const k = ns.indexOf(v);
  if (k < 0) return;
  ns[k] = ns[ns.length - 1] as number;
  ks[k] = ks[ks.length - 1] as number;
  ns.pop();
  ks.pop();
}

/**
 * Contracts a graph given as edges `from → to` with integer keys (parallel edges keep the least).
 *
 * @param n - node count.
 * @param from - tail of each edge.
 * @param to - head of each edge.
 * @param key - key of each edge (time ms × 2^27 + dm).
 * @param onProgress - called with the fraction of nodes contracted, every 4096 nodes.
 */
export async function contractGraph(
  n: number,
  from: Int32Array,
  to: Int32Array,
  key: Float64Array,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<Hierarchy> {
  const g = new Work(n);
  for (let e = 0; e < from.length; e++) {
    const u = from[e] as number;
    const w = to[e] as number;
    if (u !== w) g.addEdge(u, w, key[e] as number);
  }
  const deleted = new Int32Array(n);
  const level = new Int32Array(n);
  const priority = (v: number) => {
    const { shortcuts, degree } = g.contract(v, SIMULATE_LIMIT, false);
    return shortcuts - degree + (deleted[v] as number) + (level[v] as number);
  };
  const queue = new MinHeap();
  for (let v = 0; v < n; v++) queue.push(v, priority(v));
  const upLists: number[][] = [];
  const dnLists: number[][] = [];
  let done = 0;
  while (queue.size) {
    const v = queue.pop();
    if (g.contracted[v]) continue;
    const p = priority(v);
    if (queue.size && p > queue.topKey()) {
      queue.push(v, p);
      continue;
    }
    g.contract(v, CONTRACT_LIMIT, true);
    g.contracted[v] = 1;
    const up: number[] = [];
    const dn: number[] = [];
    const on = g.outN[v] as number[];
    const ok = g.outK[v] as number[];
    for (let j = 0; j < on.length; j++) {
      const w = on[j] as number;
      if (g.contracted[w]) continue;
      up.push(w, ok[j] as number);
      deleted[w] = (deleted[w] as number) + 1;
      level[w] = Math.max(level[w] as number, (level[v] as number) + 1);
    }
    const inn = g.inN[v] as number[];
    const ink = g.inK[v] as number[];
    for (let i = 0; i < inn.length; i++) {
      const u = inn[i] as number;
      if (g.contracted[u]) continue;
      dn.push(u, ink[i] as number);
      deleted[u] = (deleted[u] as number) + 1;
      level[u] = Math.max(level[u] as number, (level[v] as number) + 1);
    }
    upLists[v] = up;
    dnLists[v] = dn;
    for (let j = 0; j < up.length; j += 2)
      removeFrom(g.inN[up[j] as number] as number[], g.inK[up[j] as number] as number[], v);
    for (let i = 0; i < dn.length; i += 2)
      removeFrom(g.outN[dn[i] as number] as number[], g.outK[dn[i] as number] as number[], v);
    // free memory of the contracted node's lists
    g.outN[v] = [];
    g.outK[v] = [];
    g.inN[v] = [];
    g.inK[v] = [];
    if (++done % 1024 === 0 && onProgress) await onProgress(done / n);
  }
  const pack = (lists: number[][]) => {
    const off = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) off[v + 1] = (off[v] as number) + (lists[v]?.length ?? 0) / 2;
    const tgt = new Int32Array(off[n] as number);
    const k = new Float64Array(off[n] as number);
    for (let v = 0; v < n; v++) {
      const l = lists[v] ?? [];
      const o = off[v] as number;
      for (let i = 0; i < l.length; i += 2) {
        tgt[o + i / 2] = l[i] as number;
        k[o + i / 2] = l[i + 1] as number;
      }
    }
    return { off, tgt, k };
  };
  const up = pack(upLists);
  const dn = pack(dnLists);
  return { nodeCount: n, upOff: up.off, upTgt: up.tgt, upKey: up.k, dnOff: dn.off, dnTgt: dn.tgt, dnKey: dn.k };
}
