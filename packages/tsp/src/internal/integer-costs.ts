import { TspError } from '../errors.js';

/** Every route the int32 WebAssembly core handles must cost less than this (its INF is 2^30 - 1). */
export const ROUTE_COST_LIMIT = 0x3fffffff;

/** Integer costs for the WebAssembly core and the factor they were scaled by. */
export interface IntegerCosts {
  icost: Int32Array;
  /** Costs were multiplied by this and rounded; 1 when every cost was already an integer. */
  scale: number;
}

/**
 * Converts costs to int32 for the exact solver. Integer costs are kept as they are; other costs are
 * scaled by the largest of 1000, 100, 10 or 1 that keeps every route below {@link ROUTE_COST_LIMIT},
 * then rounded (so `exact` is exact for costs rounded to 1/scale of their unit).
 * @throws {TspError} `TOO_LARGE` when even unscaled costs could add up past the limit.
 */
export function toIntegerCosts(cost: Float64Array, n: number): IntegerCosts {
  let integral = true;
  let bound = 0; // sum over rows of the largest outgoing cost: no route can cost more
  for (let i = 0; i < n; i++) {
    let rowMax = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = cost[i * n + j]!;
      if (v > rowMax) rowMax = v;
      if (integral && !Number.isInteger(v)) integral = false;
    }
    bound += rowMax;
  }
  let scale = 0;
  for (const s of integral ? [1] : [1000, 100, 10, 1]) {
    if (bound * s + n < ROUTE_COST_LIMIT) {
      scale = s;
      break;
    }
  }
  if (scale === 0) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['matrix'],
        message: `costs too large for the exact solver: a route may cost up to ${bound}, the int32 core handles routes below ${ROUTE_COST_LIMIT}; use smaller units or method 'heuristic'`,
        value: bound,
      },
    ]);
  }
  const icost = new Int32Array(n * n);
  for (let k = 0; k < n * n; k++) icost[k] = Math.round(cost[k]! * scale);
  for (let i = 0; i < n; i++) icost[i * n + i] = 0;
  return { icost, scale };
}
