// Runs of edge costs along a route, forward and backward: with fw[k] = cost of r[0] -> .. -> r[k]
// and bw[k] = the same path with every edge reversed, a range keeps its cost fw[j] - fw[i] and costs
// bw[j] - bw[i] reversed, in O(1) on asymmetric costs too. Shared by the TSP search (tour-array.ts:
// 2-opt deltas) and the time-window search (time-window-route.ts: candidate costs).

/**
 * Fills fw[0..steps] and bw[0..steps] (f64) for the route of `count` i32 node ids at `route` over the
 * row-major `n` x `n` f64 matrix at `matrix`: steps = count - 1, or count when `cyclic` (the last
 * step returns to route[0]). Sums in route order, so fw[steps] is the path's (or tour's) cost. With
 * `from` > 0, fw[0..from] and bw[0..from] are kept (the route's first from + 1 nodes did not change) and
 * the sums go on from them: the same values as a fill from 0.
 */
export function fillCostRuns(
  route: usize, count: i32, cyclic: bool, matrix: usize, n: i32, fw: usize, bw: usize, from: i32 = 0,
): void {
  let f: f64 = 0;
  let b: f64 = 0;
  if (from == 0) {
    store<f64>(fw, 0);
    store<f64>(bw, 0);
  } else {
    f = load<f64>(fw + (<usize>from << 3));
    b = load<f64>(bw + (<usize>from << 3));
  }
  const steps = cyclic ? count : count - 1;
  for (let k = from; k < steps; k++) {
    const u = load<i32>(route + (<usize>k << 2));
    const v = load<i32>(route + (<usize>(k + 1 == count ? 0 : k + 1) << 2));
    f += load<f64>(matrix + ((<usize>u * <usize>n + <usize>v) << 3));
    b += load<f64>(matrix + ((<usize>v * <usize>n + <usize>u) << 3));
    store<f64>(fw + (<usize>(k + 1) << 3), f);
    store<f64>(bw + (<usize>(k + 1) << 3), b);
  }
}
