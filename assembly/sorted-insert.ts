// Bounded sorted lists of (key, id) pairs in linear memory: the nearest-neighbour lists of the
// WebAssembly searches (local-search.ts, time-windows.ts) are built by inserting every candidate.

/**
 * Inserts id j with key c into the list at `ids` / `keys` (i32 / f64 arrays) holding `len` entries in
 * ascending key order, at most `cap`: when the list is full the last entry falls out. The caller
 * inserts only when `len < cap` or c is below the last key. Ties keep the earlier entry first.
 */
@inline export function insertSorted(ids: usize, keys: usize, len: i32, cap: i32, j: i32, c: f64): void {
  let k = len < cap ? len : cap - 1;
  while (k > 0 && load<f64>(keys + (<usize>(k - 1) << 3)) > c) {
    store<i32>(ids + (<usize>k << 2), load<i32>(ids + (<usize>(k - 1) << 2)));
    store<f64>(keys + (<usize>k << 3), load<f64>(keys + (<usize>(k - 1) << 3)));
    k--;
  }
  store<i32>(ids + (<usize>k << 2), j);
  store<f64>(keys + (<usize>k << 3), c);
}
