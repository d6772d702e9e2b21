import { tspReason } from './generated/shared/tsp-reasons.js';
import { TspError } from './errors.js';
import { routeCostBy } from './internal/route-cost.js';

/**
 * The cost of a route: the sum of `matrix[tour[k]][tour[k+1]]`, plus the closing edge back to
 * `tour[0]` when `closed`. Units are the matrix's own; an entry the matrix lacks (a short row) makes
 * the length NaN.
 *
 * @param input `{ matrix: number[][] }` or `{ matrix: ArrayLike<number>, n }` (row-major).
 * @param tour 0-based node indices in visiting order.
 * @param closed Add the edge from the last node back to the first (default true).
 * @throws {TspError} `INVALID_INPUT` when a tour entry is not a node of the matrix.
 * @example
 * routeLength({ matrix: [[0, 2, 9], [1, 0, 6], [15, 7, 0]] }, [0, 2, 1]); // 9 + 7 + 1 = 17
 * routeLength({ matrix: [[0, 2, 9], [1, 0, 6], [15, 7, 0]] }, [0, 2, 1], false); // 16
 */
export function routeLength(
  input: { matrix: number[][] } | { matrix: ArrayLike<number>; n: number },
  tour: readonly number[],
  closed = true,
): number {
  let n: number;
  let at: (i: number, j: number) => number;
  if ('n' in input) {
    const { matrix } = input;
    n = input.n;
    at = (i, j) => matrix[i * n + j] ?? NaN;
  } else {
    const { matrix } = input;
    n = matrix.length;
    at = (i, j) => matrix[i]?.[j] ?? NaN;
  }
  tour.forEach((v, k) => {
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new TspError('INVALID_INPUT', [
        { path: ['tour', k], value: v, ...tspReason('tsp.node_index', { max: n - 1 }) },
      ]);
    }
  });
  return routeCostBy(tour, closed, at);
}
