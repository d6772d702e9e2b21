import { failIndex } from './fail-index.js';

/**
 * The cost of a route by an edge-cost function: the sum of `at(route[k], route[k + 1])` in route
 * order, plus `at(last, first)` when `closed` and the route has two nodes or more.
 * @example
 * routeCostBy([0, 2, 1], true, (i, j) => 10 * i + j); // (0·10 + 2) + (2·10 + 1) + (1·10 + 0) = 33
 */
export function routeCostBy(route: readonly number[], closed: boolean, at: (i: number, j: number) => number): number {
  let sum = 0;
  let prev = -1;
  for (const v of route) {
    if (prev >= 0) sum += at(prev, v);
    prev = v;
  }
  const [first] = route;
  if (closed && route.length > 1 && first !== undefined) sum += at(prev, first);
  return sum;
}

/**
 * {@link routeCostBy} on a row-major n × n cost matrix the solver holds (every entry present; a read
 * outside it is a bug: `INTERNAL`).
 * @example
 * routeCost([0, 2, 9, 1, 0, 6, 15, 7, 0], 3, [0, 2, 1], true); // 9 + 7 + 1 = 17
 */
export function routeCost(cost: ArrayLike<number>, n: number, route: readonly number[], closed: boolean): number {
  return routeCostBy(route, closed, (i, j) => cost[i * n + j] ?? failIndex('cost', i * n + j));
}
