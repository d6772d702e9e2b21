// "Avoid this edge": a finite cost at or above AVOID_COST (10^12) stands for an edge the caller does
// not want (1e15, Number.MAX_SAFE_INTEGER, 1e300 ...). Summed as they are, such costs overflow int32 and
// float64 sums and drown every other cost in rounding, so the solvers never see them: each becomes
// one penalty P, larger than any route over the other edges (their bound + 1). A route with fewer
// avoided edges then always wins, and among routes with as many the other costs decide, exactly.
import { failIndex } from './fail-index.js';
import type { CostMatrix } from './normalize-input.js';
import { rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';

/**
 * Costs at or above this (10^12: a billion kilometres in metres, 31,700 years in seconds) mean
 * "avoid this edge": the route uses as few of them as it can, and the other costs are optimised as
 * usual. `length` still sums the given costs (it may then be huge, or Infinity when the float64 sum
 * overflows).
 * @example
 * // not run: `matrix` stands for the caller's costs
 * matrix[3][7] = AVOID_COST; // never drive 3 -> 7 unless no route exists without it
 */
export const AVOID_COST = 1e12;

/** The costs the solvers search on: the input's own, or a copy with every avoided cost replaced by `penalty`. */
export interface SearchCosts {
  cost: Float64Array;
  /** Off-diagonal costs at or above {@link AVOID_COST}. */
  avoided: number;
  /** What each avoided cost became (0 when none). */
  penalty: number;
}

/**
 * Finds the avoided costs and replaces them by one penalty, in chunks of rows.
 * @param costs The validated costs (finite, non-negative, diagonal 0).
 */
export function* toSearchCosts(costs: CostMatrix, clock: SolveClock): Generator<Pause, SearchCosts> {
  const { n, cost } = costs;
  const rows = rowsPerChunk(n);
  let avoided = 0;
  let bound = 0; // sum over rows of the largest cost below AVOID_COST
  for (let from = 0; from < n; from += rows) {
    for (let i = from; i < Math.min(n, from + rows); i++) {
      let rowMax = 0;
      for (let j = 0; j < n; j++) {
        const c = cost[i * n + j] ?? failIndex('cost', i * n + j);
        if (c >= AVOID_COST) avoided++;
        else if (c > rowMax) rowMax = c;
      }
      bound += rowMax;
    }
    yield 'yield';
    clock.check('read_costs');
  }
  if (avoided === 0) return { cost, avoided, penalty: 0 };
  const penalty = Math.floor(bound) + 1;
  const out = new Float64Array(n * n);
  for (let from = 0; from < n; from += rows) {
    const to = Math.min(n, from + rows);
    cost.subarray(from * n, to * n).forEach((c, k) => (out[from * n + k] = c >= AVOID_COST ? penalty : c));
    yield 'yield';
    clock.check('read_costs');
  }
  return { cost: out, avoided, penalty };
}
