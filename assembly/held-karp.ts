// Exact Held-Karp dynamic programming over int32 costs, for asymmetric matrices.
//
// The TypeScript side reduces every variant (closed tour from a start, open path to a fixed end,
// open path to any end) to one kernel over the m "inner" nodes that lie strictly between the
// start and the end of the route:
//
//   a[i]     cost(start -> i)                      (first leg)
//   w[i][j]  cost(j -> i), transposed so that the inner loop over j reads contiguous memory
//   c[i]     cost(i -> end), or 0 for an open path that may end anywhere (last leg)
//
//   g({i}, i) = a[i]
//   g(S, i)   = min over j in S\{i} of g(S\{i}, j) + cost(j -> i)      (i in S)
//   best      = min over i of g(All, i) + c[i]
//
// No parent table is kept: the route is rebuilt backwards from the table, which halves the memory
// and lets wasm32 reach m = 25 (n = 26 for a closed tour).
//
// The work is split into chunks (`step(from, to)` over masks in increasing order) because V8 runs
// one long wasm call in its baseline tier only; chunking also lets the caller report progress and
// cancel. One source gives two binaries: with `--enable simd` the min over j runs four lanes at a
// time (`i32x4`) over rows padded to a multiple of four and filled with INF outside the subset.
//
// Memory is raw linear memory from __heap_base; no managed objects are ever allocated.

/** Larger than any real path (the TS side guarantees every route costs less); INF + INF fits in i32. */
const INF: i32 = 0x3fffffff;
const MAX_M: i32 = 30;

let m: i32 = 0;
let stride: i32 = 0; // entries per dp row and per w row
let wPtr: usize = 0;
let aPtr: usize = 0;
let cPtr: usize = 0;
let tourPtr: usize = 0;
let dpPtr: usize = 0;

function align16(x: usize): usize {
  return (x + 15) & ~(<usize>15);
}

/** Entries per dp row for m inner nodes in this build. */
export function rowStride(mm: i32): i32 {
  if (ASC_FEATURE_SIMD) return (mm + 3) & ~3;
  return mm;
}

/**
 * Lays out memory for m inner nodes and grows it as needed.
 * Returns 1 on success, 0 when the memory cannot grow that far, -1 when m is out of range.
 */
export function prepare(mm: i32): i32 {
  if (mm < 1 || mm > MAX_M) return -1;
  const s = rowStride(mm);
  const rows: u64 = (<u64>1) << (<u64>mm);
  const dpBytes: u64 = rows * (<u64>s) * 4;
  const base: usize = align16(__heap_base);
  const w: usize = base;
  const a: usize = align16(w + <usize>(mm * s * 4));
  const c: usize = align16(a + <usize>(s * 4));
  const t: usize = align16(c + <usize>(s * 4));
  const dp: u64 = <u64>align16(t + <usize>(mm * 4));
  const end: u64 = dp + dpBytes;
  if (end > (<u64>65536) * 65536) return 0;
  const pagesNeeded: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pagesNeeded > have) {
    if (memory.grow(pagesNeeded - have) < 0) return 0;
  }
  m = mm;
  stride = s;
  wPtr = w;
  aPtr = a;
  cPtr = c;
  tourPtr = t;
  dpPtr = <usize>dp;
  // padding of w rows and of a/c is zero; dp rows are written in full by step()
  memory.fill(w, 0, <usize>(mm * s * 4));
  return 1;
}

export function matrixPtr(): usize {
  return wPtr;
}
export function startPtr(): usize {
  return aPtr;
}
export function closePtr(): usize {
  return cPtr;
}
export function routePtr(): usize {
  return tourPtr;
}
export function strideOf(): i32 {
  return stride;
}

@inline
function rowAt(mask: u32): usize {
  return dpPtr + (<usize>mask) * (<usize>stride) * 4;
}

/** Fills the dp rows for masks in [from, to). Masks must be processed in increasing order. */
export function step(from: u32, to: u32): void {
  const s = stride;
  for (let mask: u32 = from; mask < to; mask++) {
    const row = rowAt(mask);
    if (ASC_FEATURE_SIMD) {
      const inf = i32x4.splat(INF);
      for (let k: i32 = 0; k < s; k += 4) v128.store(row + <usize>(k << 2), inf);
    }
    let rest = mask;
    while (rest != 0) {
      const i = ctz<u32>(rest);
      rest &= rest - 1;
      const prev = mask ^ ((<u32>1) << i);
      let best: i32;
      if (prev == 0) {
        best = load<i32>(aPtr + (<usize>i << 2));
      } else {
        const pRow = rowAt(prev);
        const wRow = wPtr + (<usize>i) * (<usize>s) * 4;
        if (ASC_FEATURE_SIMD) {
          let acc = i32x4.splat(INF);
          for (let k: i32 = 0; k < s; k += 4) {
            const off = <usize>(k << 2);
            acc = i32x4.min_s(acc, i32x4.add(v128.load(pRow + off), v128.load(wRow + off)));
          }
          const lo = i32x4.min_s(acc, i32x4.shuffle(acc, acc, 2, 3, 0, 1));
          const mn = i32x4.min_s(lo, i32x4.shuffle(lo, lo, 1, 0, 3, 2));
          best = i32x4.extract_lane(mn, 0);
        } else {
          best = INF;
          let js = prev;
          while (js != 0) {
            const j = ctz<u32>(js);
            js &= js - 1;
            best = min<i32>(best, load<i32>(pRow + (<usize>j << 2)) + load<i32>(wRow + (<usize>j << 2)));
          }
        }
      }
      store<i32>(row + (<usize>i << 2), best);
    }
  }
}

/**
 * Closes the route after every mask was stepped: returns the optimal cost and writes the inner
 * nodes in visiting order to routePtr(). Returns -1 if the table is inconsistent (never expected).
 */
export function finish(): i32 {
  const full: u32 = m == 32 ? 0xffffffff : ((<u32>1) << (<u32>m)) - 1;
  let best: i32 = 0x7fffffff;
  let last: i32 = -1;
  const fullRow = rowAt(full);
  for (let i: i32 = 0; i < m; i++) {
    const v = load<i32>(fullRow + (<usize>i << 2)) + load<i32>(cPtr + (<usize>i << 2));
    if (v < best) {
      best = v;
      last = i;
    }
  }
  let mask = full;
  let cur = last;
  for (let pos: i32 = m - 1; pos >= 0; pos--) {
    store<i32>(tourPtr + (<usize>pos << 2), cur);
    const prev = mask ^ ((<u32>1) << (<u32>cur));
    if (prev == 0) break;
    const here = load<i32>(rowAt(mask) + (<usize>cur << 2));
    const wRow = wPtr + (<usize>cur) * (<usize>stride) * 4;
    const pRow = rowAt(prev);
    let found: i32 = -1;
    let js = prev;
    while (js != 0) {
      const j = <i32>ctz<u32>(js);
      js &= js - 1;
      if (load<i32>(pRow + (<usize>j << 2)) + load<i32>(wRow + (<usize>j << 2)) == here) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    mask = prev;
    cur = found;
  }
  return best;
}
