import { tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';
import { failIndex } from './fail-index.js';

/**
 * Routes below this (2^25) run the fast, packed path of the WebAssembly core: it stores
 * `cost << 5 | parent` in an int32 whose INF is 2^30 (assembly/held-karp.ts).
 */
export const PACKED_ROUTE_COST_LIMIT = 2 ** 25;
/** Every route the int32 WebAssembly core handles must cost less than this (its wide path). */
export const ROUTE_COST_LIMIT = 0x3fffffff;

/** Integer costs for the WebAssembly core and the factor they were scaled by. */
export interface IntegerCosts {
  icost: Int32Array;
  /** Costs were multiplied by this and rounded; 1 when every cost was already an integer. */
  scale: number;
}

/**
 * An upper bound on the cost of any route over the matrix: the sum over rows of the largest
 * off-diagonal cost (every node is left at most once).
 * @param cost Row-major n·n costs (`cost[i*n+j]` = cost i -> j), non-negative; the diagonal is ignored.
 * @param n Number of nodes.
 * @returns The bound, in the matrix's units.
 * @example
 * routeCostBound(Int32Array.from([0, 2, 9, 1, 0, 6, 15, 7, 0]), 3); // 9 + 6 + 15 = 30
 */
export function routeCostBound(cost: ArrayLike<number>, n: number): number {
  let bound = 0;
  for (let i = 0; i < n; i++) {
    let rowMax = 0;
    for (let j = 0; j < n; j++) {
      const c = cost[i * n + j] ?? failIndex('cost', i * n + j);
      if (i !== j && c > rowMax) rowMax = c;
    }
    bound += rowMax;
  }
  return bound;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Converts costs to int32 for the exact solver, rescaled only where the rescaling is faithful (the
 * DP's optimum is then the optimum of the given costs, up to the documented rounding):
 * - integer costs are kept as they are (the core takes its fast path when every route costs below
 *   {@link PACKED_ROUTE_COST_LIMIT}, its wide path up to {@link ROUTE_COST_LIMIT}); when their routes
 *   could cost more, they are divided by their greatest common divisor (scale 1/g) if that fits;
 * - other costs are scaled by the largest of 1000, 100, 10 or 1 that keeps every route below
 *   {@link PACKED_ROUTE_COST_LIMIT} (or, when even 1 does not, below {@link ROUTE_COST_LIMIT}) and
 *   rounded: `exact` is then exact for costs rounded to 1/scale of their unit.
 * @param cost Row-major n·n costs, finite and non-negative; the diagonal is ignored (set to 0).
 * @param n Number of nodes.
 * @returns The int32 costs and their scale, or null when no faithful rescaling fits int32.
 * @example
 * tryIntegerCosts(Float64Array.from([0, 1.5, 2.25, 0]), 2); // { icost: [0, 1500, 2250, 0], scale: 1000 }
 * tryIntegerCosts(Float64Array.from([0, 3e9, 6e9, 0]), 2); // { icost: [0, 1, 2, 0], scale: 1 / 3e9 }
 */
export function tryIntegerCosts(cost: Float64Array, n: number): IntegerCosts | null {
  let integral = true;
  for (let i = 0; i < n && integral; i++)
    for (let j = 0; j < n; j++) if (i !== j && !Number.isInteger(cost[i * n + j])) integral = false;
  const bound = routeCostBound(cost, n);
  const scales = integral ? [1] : [1000, 100, 10, 1];
  const fits = (limit: number) => scales.find((s) => bound * s + n < limit);
  let scale = fits(PACKED_ROUTE_COST_LIMIT) ?? fits(ROUTE_COST_LIMIT);
  if (scale === undefined && integral) {
    let g = 0;
    cost.subarray(0, n * n).forEach((c, k) => {
      if (k % (n + 1) !== 0) g = gcd(g, c); // off the diagonal
    });
    if (g > 1 && bound / g + n < ROUTE_COST_LIMIT) scale = 1 / g;
  }
  if (scale === undefined) return null;
  const icost = Int32Array.from(cost.subarray(0, n * n), (c) => Math.round(c * scale));
  for (let i = 0; i < n; i++) icost[i * n + i] = 0;
  return { icost, scale };
}

/** The `TOO_LARGE` error for costs that {@link tryIntegerCosts} cannot fit. */
export function integerCostsTooLarge(cost: Float64Array, n: number): TspError {
  const bound = routeCostBound(cost, n);
  return new TspError('TOO_LARGE', [
    {
      path: ['matrix'],
      ...tspReason('tsp.costs_too_large', { bound, limit: ROUTE_COST_LIMIT }),
      value: bound,
    },
  ]);
}

/**
 * {@link tryIntegerCosts}, throwing where it returns null.
 * @throws {TspError} `TOO_LARGE` when no faithful rescaling fits int32.
 * @example
 * toIntegerCosts(Float64Array.from([0, 1.5, 2.25, 0]), 2); // { icost: [0, 1500, 2250, 0], scale: 1000 }
 */
export function toIntegerCosts(cost: Float64Array, n: number): IntegerCosts {
  const out = tryIntegerCosts(cost, n);
  if (!out) throw integerCostsTooLarge(cost, n);
  return out;
}
