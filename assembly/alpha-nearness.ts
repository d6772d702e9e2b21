// Candidate lists by alpha-nearness (Helsgaun, "An effective implementation of the Lin-Kernighan
// traveling salesman heuristic", 2000) for symmetric costs: alpha(i, j) is how much the minimum
// spanning tree grows when it must contain edge (i, j), i.e. c(i, j) minus the longest edge on the
// tree path from i to j. The K alpha-nearest of a node include the edges that join clusters (the
// tree's own edges have alpha 0), which the K cheapest edges miss: on a clustered instance every
// cheap edge stays inside its cluster and the local search could never reorder the clusters.
//
// mstBegin / mstStep(count) build the tree by Prim's algorithm in chunks (O(N) per node added); then
// alphaRow(i, ...) gives one node's alpha values in O(N) (the tree path maxima from i, walking the
// nodes in the order Prim added them, whose parents always come first).

import { D, N } from './tour-array';

let dadPtr: usize = 0; // i32[N]: tree parent (-1 at the root)
let orderPtr: usize = 0; // i32[N]: nodes in the order Prim added them
let keyPtr: usize = 0; // f64[N]: Prim's cheapest connection of each node not in the tree yet
let markPtr: usize = 0; // i32[N]: for alphaRow, the last row whose tree path went through the node
let betaPtr: usize = 0; // f64[N]: for alphaRow, the longest tree edge on the path from the row's node
let added: i32 = 0;

/** Bytes of scratch memory the tree needs for n nodes. */
export function alphaBytes(n: i32): usize {
  return <usize>n * 28 + 16;
}

/** Places the scratch memory at `base` (8-aligned, alphaBytes(N) long). */
export function alphaLayout(base: usize): void {
  const nn = <usize>N;
  betaPtr = base;
  keyPtr = base + nn * 8;
  dadPtr = keyPtr + nn * 8;
  orderPtr = dadPtr + nn * 4;
  markPtr = orderPtr + nn * 4;
}

@inline function dad(v: i32): i32 {
  return load<i32>(dadPtr + (<usize>v << 2));
}
@inline function beta(v: i32): f64 {
  return load<f64>(betaPtr + (<usize>v << 3));
}

/** Starts Prim's algorithm at node 0. */
export function mstBegin(): void {
  for (let v = 0; v < N; v++) {
    store<f64>(keyPtr + (<usize>v << 3), v == 0 ? 0 : Infinity);
    store<i32>(dadPtr + (<usize>v << 2), -1);
    store<i32>(markPtr + (<usize>v << 2), -1);
  }
  added = 0;
}

/** Adds up to `count` more nodes to the tree; returns how many are still outside. */
export function mstStep(count: i32): i32 {
  for (let c = 0; c < count && added < N; c++) {
    // the node outside the tree with the cheapest connection (keys of tree nodes are NaN: skipped)
    let best = -1;
    let bestKey: f64 = Infinity;
    for (let v = 0; v < N; v++) {
      const k = load<f64>(keyPtr + (<usize>v << 3));
      if (k != k) continue;
      if (best < 0 || k < bestKey) {
        best = v;
        bestKey = k;
      }
    }
    store<i32>(orderPtr + (<usize>added << 2), best);
    store<f64>(keyPtr + (<usize>best << 3), NaN);
    added++;
    for (let v = 0; v < N; v++) {
      const k = load<f64>(keyPtr + (<usize>v << 3));
      if (k != k) continue;
      const c2 = D(best, v);
      if (c2 < k) {
        store<f64>(keyPtr + (<usize>v << 3), c2);
        store<i32>(dadPtr + (<usize>v << 2), best);
      }
    }
  }
  return N - added;
}

/**
 * Writes alpha(i, j) for every j into `out` (f64[N]; out[i] is +Infinity). The tree path from i to the
 * root is marked first; every other node takes the maximum over its parent's value and its own tree
 * edge, in Prim's order (a parent always before its children).
 */
export function alphaRow(i: i32, out: usize): void {
  store<f64>(betaPtr + (<usize>i << 3), -Infinity);
  // from i up to the root: the longest edge on the path from i to each node of the path
  for (let u = i; dad(u) >= 0; u = dad(u)) {
    const p = dad(u);
    store<f64>(betaPtr + (<usize>p << 3), max(beta(u), D(u, p)));
    store<i32>(markPtr + (<usize>p << 2), i);
  }
  store<i32>(markPtr + (<usize>i << 2), i);
  for (let k = 0; k < N; k++) {
    const j = load<i32>(orderPtr + (<usize>k << 2));
    if (load<i32>(markPtr + (<usize>j << 2)) != i) {
      // j is not on i's path to the root: its path from i goes through its parent
      const p = dad(j);
      store<f64>(betaPtr + (<usize>j << 3), max(beta(p), D(j, p)));
    }
    store<f64>(out + (<usize>j << 3), j == i ? Infinity : D(i, j) - beta(j));
  }
}
