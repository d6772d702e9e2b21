// Reference Held-Karp in plain TypeScript, for the benchmark only (never shipped).
//
// The same algorithm as the WebAssembly core (assembly/held-karp.ts) and bench/reference/held-karp.c
// (sparse variant), specialised to a closed tour: start node 0 is fixed, the m = n - 1 other nodes
// are the inner nodes 0..m-1 (node k + 1), the pull recurrence runs over their subsets in increasing
// mask order on a transposed matrix, no parent table is kept, and the tour is rebuilt backwards by
// re-checking dp equalities.

/** Larger than any real tour; INF + any real cost stays a small integer. */
const INF = 0x3fffffff;

/** The optimal closed tour found by {@link solveHeldKarp}. */
export interface HeldKarpResult {
  /** Total cost of the tour, closing edge included. */
  cost: number;
  /** Nodes in visiting order, starting at 0; the closing edge back to 0 is implied. */
  tour: number[];
}

/**
 * Solves the asymmetric TSP exactly by Held-Karp dynamic programming (sparse variant).
 *
 * @param matrix - n*n costs, row-major: `matrix[r * n + c]` is the cost of going from r to c
 *   (non-negative integers; every tour must cost less than 2^30).
 * @param n - number of nodes, 2..31 (memory grows as 2^(n-1)·(n-1)·4 bytes).
 * @returns the optimal cost and a tour starting at node 0.
 * @throws RangeError when n is out of range or the matrix has the wrong length; Error when the
 *   table is inconsistent during reconstruction (never expected).
 * @example
 * const r = solveHeldKarp(new Int32Array([0, 1, 9, 9, 0, 1, 1, 9, 0]), 3);
 * // r.cost === 3, r.tour = [0, 1, 2]
 */
export function solveHeldKarp(matrix: Int32Array, n: number): HeldKarpResult {
  if (!Number.isInteger(n) || n < 2 || n > 31) throw new RangeError(`n must be within [2, 31], received ${n}`);
  if (matrix.length !== n * n) throw new RangeError(`matrix must hold n*n = ${n * n} costs, received ${matrix.length}`);
  const m = n - 1;
  const a = new Int32Array(m);
  const c = new Int32Array(m);
  const w = new Int32Array(m * m);
  for (let i = 0; i < m; i++) {
    a[i] = matrix[i + 1]!;
    c[i] = matrix[(i + 1) * n]!;
    for (let j = 0; j < m; j++) w[i * m + j] = matrix[(j + 1) * n + (i + 1)]!;
  }
  const rows = 2 ** m;
  const dp = new Int32Array(rows * m);

  for (let mask = 1; mask < rows; mask++) {
    const row = mask * m;
    let rest = mask;
    while (rest !== 0) {
      const low = rest & -rest;
      const i = 31 - Math.clz32(low);
      rest ^= low;
      const prev = mask ^ low;
      let best: number;
      if (prev === 0) {
        best = a[i]!;
      } else {
        const p = prev * m;
        const wr = i * m;
        best = INF;
        let js = prev;
        while (js !== 0) {
          const lj = js & -js;
          const j = 31 - Math.clz32(lj);
          js ^= lj;
          const v = dp[p + j]! + w[wr + j]!;
          if (v < best) best = v;
        }
      }
      dp[row + i] = best;
    }
  }

  const full = rows - 1;
  let cost = Number.MAX_SAFE_INTEGER;
  let last = -1;
  for (let i = 0; i < m; i++) {
    const v = dp[full * m + i]! + c[i]!;
    if (v < cost) {
      cost = v;
      last = i;
    }
  }
  const inner = new Array<number>(m);
  let mask = full;
  let cur = last;
  for (let pos = m - 1; pos >= 0; pos--) {
    inner[pos] = cur;
    const prev = mask ^ (1 << cur);
    if (prev === 0) break;
    const here = dp[mask * m + cur]!;
    let found = -1;
    let js = prev;
    while (js !== 0) {
      const lj = js & -js;
      const j = 31 - Math.clz32(lj);
      js ^= lj;
      if (dp[prev * m + j]! + w[cur * m + j]! === here) {
        found = j;
        break;
      }
    }
    if (found < 0) throw new Error('held-karp: inconsistent table during reconstruction');
    mask = prev;
    cur = found;
  }
  return { cost, tour: [0, ...inner.map((k) => k + 1)] };
}
