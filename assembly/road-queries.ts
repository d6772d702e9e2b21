// Many-to-many shortest-path queries on a contraction hierarchy (CH), for @beatplan/roads.
//
// The TypeScript side (packages/roads/src/internal/contract-graph.ts) orders the nodes by rank and
// adds shortcuts so that, for every pair s, t, some shortest s -> t path goes first up in rank and
// then down. It hands over two CSR graphs on node ids 0..n-1:
//
//   up   u -> v   every edge (original or shortcut) u -> v with rank(v) > rank(u)
//   down v -> u   every edge u -> v with rank(u) > rank(v), stored at v reversed (the backward search
//                 from a target walks it "up" as well)
//
// Weights are f64 keys: travel milliseconds * 2^27 + decimetres, integers below 2^53, so f64 sums
// are exact and comparing keys is "time first, then distance" (the tie rule of beatplan's roads).
//
// A query point is a list of seeds (node, initial key): a point snapped on a road enters the graph
// at the road's end nodes with the key of the part of the road it still has to travel.
//
// Bucket algorithm (Knopp et al. 2007): for each target t, a backward upward Dijkstra from t's seeds
// leaves an entry (t, key) in the bucket of every node it settles; the entries are then sorted by node
// (a counting sort) so that each node's bucket is one contiguous run; then for each source s, a forward
// upward Dijkstra scans the bucket of every node it settles: out[s][t] = min(d_s(x) + d_t(x)). Both
// searches use stall-on-demand: a node reached more cheaply through a higher neighbour (strictly
// less) is not expanded; such a node is never the top node of a shortest path, so answers stay exact.
// The queue is a binary heap with decrease-key (a node's slot is kept in `heapPos`), so each node is
// queued at most once (on the bench:roads city a search pushed ~580 entries for ~330 settled nodes
// when a lowered node was pushed again and its stale entry popped later).
//
// Memory is raw linear memory from __heap_base: the caller lays out the graph and the query arrays
// (see packages/roads/src/internal/query-kernel.ts) and passes pointers; the buckets are appended
// at `bucketPtr` (after everything else) and memory grows as they need. No managed objects are ever allocated.

let n: i32 = 0;
let upOff: usize = 0; // i32[n + 1]
let upTgt: usize = 0; // i32[]
let upKey: usize = 0; // f64[]
let dnOff: usize = 0;
let dnTgt: usize = 0;
let dnKey: usize = 0;
let dist: usize = 0; // f64[n]
let seen: usize = 0; // i32[n]: stamp of the search that set dist
let head: usize = 0; // i32[n]: entries of the node while counting, then the first of its bucket run
let headStamp: usize = 0; // i32[n]: matrixStamp while counting, -matrixStamp once the run is placed
let cursor: usize = 0; // i32[n]: end of the node's bucket run
let heapPos: usize = 0; // i32[n]: the node's heap slot while it is queued (reached in this search and not yet settled)
let heapKey: usize = 0; // f64[heapCap]
let heapNode: usize = 0; // i32[heapCap]
let heapCap: i32 = 0;
let bucketBase: usize = 0; // entries of 16 bytes while the targets are searched: node i32, target i32, key f64
let sortedKey: usize = 0; // f64[entries]: the keys sorted by node
let sortedTarget: usize = 0; // i32[entries]: the targets sorted by node
let stamp: i32 = 0;
let matrixStamp: i32 = 0;
let heapSize: i32 = 0;

/** First free byte of linear memory (the caller lays its arrays out from here). */
export function heapBase(): usize {
  return __heap_base;
}

/** Sets the graph and the work areas (all pointers into this memory, laid out by the caller). */
export function setGraph(
  nodes: i32,
  upOffPtr: usize,
  upTgtPtr: usize,
  upKeyPtr: usize,
  dnOffPtr: usize,
  dnTgtPtr: usize,
  dnKeyPtr: usize,
  workPtr: usize,
  capacity: i32,
): void {
  n = nodes;
  upOff = upOffPtr;
  upTgt = upTgtPtr;
  upKey = upKeyPtr;
  dnOff = dnOffPtr;
  dnTgt = dnTgtPtr;
  dnKey = dnKeyPtr;
  dist = workPtr;
  seen = dist + (<usize>n << 3);
  head = seen + (<usize>n << 2);
  headStamp = head + (<usize>n << 2);
  cursor = headStamp + (<usize>n << 2);
  heapPos = cursor + (<usize>n << 2);
  heapKey = (heapPos + (<usize>n << 2) + 7) & ~(<usize>7);
  heapNode = heapKey + (<usize>capacity << 3);
  heapCap = capacity;
  memory.fill(seen, 0, <usize>n * 20);
  stamp = 0;
  matrixStamp = 0;
}

/** Bytes of work area that `setGraph` needs at `workPtr` (8-byte aligned). */
export function workBytes(nodes: i32, capacity: i32): usize {
  return (<usize>nodes << 3) + <usize>nodes * 20 + 8 + (<usize>capacity << 3) + (<usize>capacity << 2);
}

/** Puts `node` at heap slot i (and records the slot). */
@inline function place(i: i32, node: i32, key: f64): void {
  store<f64>(heapKey + (<usize>i << 3), key);
  store<i32>(heapNode + (<usize>i << 2), node);
  store<i32>(heapPos + (<usize>node << 2), i);
}

/** Moves the entry at slot i, now holding `key` for `node`, up to its place. */
function siftUp(i: i32, node: i32, key: f64): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pk = load<f64>(heapKey + (<usize>p << 3));
    if (pk <= key) break;
    place(i, load<i32>(heapNode + (<usize>p << 2)), pk);
    i = p;
  }
  place(i, node, key);
}

/** Queues `node` at `key`, or lowers its key when it is queued already (`queued`): each node is in the heap at most once. */
function push(node: i32, key: f64, queued: bool): void {
  if (queued) {
    siftUp(load<i32>(heapPos + (<usize>node << 2)), node, key);
    return;
  }
  const i = heapSize++;
  if (heapSize > heapCap) unreachable();
  siftUp(i, node, key);
}

/** Removes the top; the caller has read it. */
function pop(): void {
  const size = --heapSize;
  if (size == 0) return;
  const key = load<f64>(heapKey + (<usize>size << 3));
  const node = load<i32>(heapNode + (<usize>size << 2));
  let i = 0;
  while (true) {
    let c = 2 * i + 1;
    if (c >= size) break;
    let ck = load<f64>(heapKey + (<usize>c << 3));
    if (c + 1 < size) {
      const rk = load<f64>(heapKey + (<usize>(c + 1) << 3));
      if (rk < ck) {
        c++;
        ck = rk;
      }
    }
    if (key <= ck) break;
    place(i, load<i32>(heapNode + (<usize>c << 2)), ck);
    i = c;
  }
  place(i, node, key);
}

/** Grows memory so that bytes below `needed` exist. */
function grow(needed: usize): void {
  const have = <usize>memory.size() << 16;
  if (needed > have) {
    if (memory.grow(<i32>((needed - have + 0xffff) >> 16) + 64) < 0) unreachable();
  }
}

@inline function getDist(v: i32): f64 {
  return load<i32>(seen + (<usize>v << 2)) == stamp ? load<f64>(dist + (<usize>v << 3)) : Infinity;
}

/** Reaches v at `key` if that is better than what it has (every node reached is queued until settled). */
@inline function relax(v: i32, key: f64): void {
  const sp = seen + (<usize>v << 2);
  const queued = load<i32>(sp) == stamp;
  if (!queued || key < load<f64>(dist + (<usize>v << 3))) {
    store<i32>(sp, stamp);
    store<f64>(dist + (<usize>v << 3), key);
    push(v, key, queued);
  }
}

/** Whether v (settled at d) is reached more cheaply through a higher node (stall-on-demand). */
function stalled(v: i32, d: f64, off: usize, tgt: usize, key: usize): bool {
  const end = load<i32>(off + (<usize>(v + 1) << 2));
  for (let e = load<i32>(off + (<usize>v << 2)); e < end; e++) {
    const u = load<i32>(tgt + (<usize>e << 2));
    if (getDist(u) + load<f64>(key + (<usize>e << 3)) < d) return true;
  }
  return false;
}

/**
 * Runs one upward search from the seeds [seedFrom, seedTo) (nodes at nodePtr, keys at keyPtr) over
 * (off, tgt, key), stalling through (soff, stgt, skey). mode 0: fill buckets for target `index`;
 * mode 1: scan buckets into out row `index` of width `width`. Returns the bucket count.
 */
function search(
  nodePtr: usize,
  keyPtr: usize,
  seedFrom: i32,
  seedTo: i32,
  off: usize,
  tgt: usize,
  key: usize,
  soff: usize,
  stgt: usize,
  skey: usize,
  mode: i32,
  index: i32,
  out: usize,
  width: i32,
  buckets: i32,
): i32 {
  stamp++;
  heapSize = 0;
  for (let s = seedFrom; s < seedTo; s++) {
    relax(load<i32>(nodePtr + (<usize>s << 2)), load<f64>(keyPtr + (<usize>s << 3)));
  }
  while (heapSize > 0) {
    const d = load<f64>(heapKey);
    const v = load<i32>(heapNode);
    pop();
    if (stalled(v, d, soff, stgt, skey)) continue;
    if (mode == 0) {
      const entry = bucketBase + (<usize>buckets << 4);
      grow(entry + 16);
      const hs = headStamp + (<usize>v << 2);
      const hp = head + (<usize>v << 2);
      if (load<i32>(hs) == matrixStamp) store<i32>(hp, load<i32>(hp) + 1);
      else {
        store<i32>(hs, matrixStamp);
        store<i32>(hp, 1);
      }
      store<i32>(entry, v);
      store<i32>(entry + 4, index);
      store<f64>(entry + 8, d);
      buckets++;
    } else if (load<i32>(headStamp + (<usize>v << 2)) == -matrixStamp) {
      const row = out + (<usize>index * <usize>width << 3);
      const end = load<i32>(cursor + (<usize>v << 2));
      for (let b = load<i32>(head + (<usize>v << 2)); b < end; b++) {
        const cell = row + (<usize>load<i32>(sortedTarget + (<usize>b << 2)) << 3);
        const c = d + load<f64>(sortedKey + (<usize>b << 3));
        if (c < load<f64>(cell)) store<f64>(cell, c);
      }
    }
    const end = load<i32>(off + (<usize>(v + 1) << 2));
    for (let e = load<i32>(off + (<usize>v << 2)); e < end; e++) {
      const w = load<i32>(tgt + (<usize>e << 2));
      // A settled node is never lowered (keys are ≥ 0), so it is never queued again.
      relax(w, d + load<f64>(key + (<usize>e << 3)));
    }
  }
  return buckets;
}

/**
 * Phase 1 of a matrix: the backward searches of every target. Targets: seeds tgtOff[t]..tgtOff[t + 1]
 * (i32 offsets) into tgtNode (i32) / tgtKey (f64). Bucket entries go from bucketPtr (16-byte
 * aligned, the last thing in memory; memory grows as needed). Returns the number of entries.
 */
export function buildBuckets(targets: i32, tgtOff: usize, tgtNode: usize, tgtKey: usize, bucketPtr: usize): i32 {
  bucketBase = bucketPtr;
  matrixStamp++;
  let buckets = 0;
  for (let t = 0; t < targets; t++) {
    const from = load<i32>(tgtOff + (<usize>t << 2));
    const to = load<i32>(tgtOff + (<usize>(t + 1) << 2));
    buckets = search(tgtNode, tgtKey, from, to, dnOff, dnTgt, dnKey, upOff, upTgt, upKey, 0, t, 0, 0, buckets);
  }
  // Counting sort by node: each node's run starts where its first entry's node is first met.
  sortedKey = bucketBase + (<usize>buckets << 4);
  sortedTarget = sortedKey + (<usize>buckets << 3);
  grow(sortedTarget + (<usize>buckets << 2));
  let pos: i32 = 0;
  for (let b = 0; b < buckets; b++) {
    const v = load<i32>(bucketBase + (<usize>b << 4));
    const hs = headStamp + (<usize>v << 2);
    if (load<i32>(hs) == matrixStamp) {
      store<i32>(hs, -matrixStamp);
      const count = load<i32>(head + (<usize>v << 2));
      store<i32>(head + (<usize>v << 2), pos);
      store<i32>(cursor + (<usize>v << 2), pos);
      pos += count;
    }
    const at = load<i32>(cursor + (<usize>v << 2));
    store<i32>(cursor + (<usize>v << 2), at + 1);
    store<i32>(sortedTarget + (<usize>at << 2), load<i32>(bucketBase + (<usize>b << 4) + 4));
    store<f64>(sortedKey + (<usize>at << 3), load<f64>(bucketBase + (<usize>b << 4) + 8));
  }
  return buckets;
}

/**
 * Phase 2: the forward searches of sources [sFrom, sTo) against the buckets of the last
 * `buildBuckets`; row s - sFrom of `out` (f64, `targets` wide) gets the least key from s to each
 * target, Infinity when there is none. Sources: seeds srcOff[s]..srcOff[s + 1] into srcNode / srcKey.
 */
export function scanSources(
  sFrom: i32,
  sTo: i32,
  srcOff: usize,
  srcNode: usize,
  srcKey: usize,
  targets: i32,
  out: usize,
): void {
  const cells = <usize>(sTo - sFrom) * <usize>targets;
  for (let i: usize = 0; i < cells; i++) store<f64>(out + (i << 3), Infinity);
  for (let s = sFrom; s < sTo; s++) {
    const from = load<i32>(srcOff + (<usize>s << 2));
    const to = load<i32>(srcOff + (<usize>(s + 1) << 2));
    search(srcNode, srcKey, from, to, upOff, upTgt, upKey, dnOff, dnTgt, dnKey, 1, s - sFrom, out, targets, 0);
  }
}
