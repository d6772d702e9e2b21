import type { KeyedReason } from './beatplan-error.js';
import { issueReason } from './issue-reason.js';
import type { TravelCostMatrix } from './travel-costs.js';

/** A point left out of a route for want of a road, with the reason naming the other end. */
export interface UnreachableDrop {
  /** Index in the matrix's point list (never 0, the depot). */
  index: number;
  /** Why, in English: `no route between it and the base on road-graph:car`. */
  reason: string;
  /** The same reason as data (`core.no_route_base`, `core.no_route_retailer`), for `formatReason`. */
  reasonData: KeyedReason;
}

/**
 * Leaves out points until every pair of the rest has a route both ways: the one rule by which the
 * planners (`planWeeklyBeats`' days, `routeInspection`) route what a road graph or service can reach
 * and report the rest instead of failing. Point 0 is the depot (the base) and is always kept; a point
 * with no route to or from the depot goes first, then, while pairs remain, the point in the most
 * unreachable pairs (ties: the later point). The reason names the other end: `no route between it and
 * the base on road-graph:car` (`m.source`) or `… and retailer R7 …`, in English and as data (`reasonData`,
 * which core's `formatReason` writes in another language).
 *
 * @param m - a matrix from any `TravelCosts` (its `unreachable` pairs are read; point 0 the depot).
 * @param retailerIds - the retailer id of each point after the depot (`retailerIds[i - 1]` is point i's).
 * @returns `keep`: the kept indexes in order (0 first); `dropped`: the others, in the order they were
 *   left out, with their reasons.
 * @throws never.
 * @example
 * const m = { n: 3, distancesM: new Float64Array(9), durationsS: new Float64Array(9), source: 'road-graph:car',
 *   unreachable: [{ from: 0, to: 2 }] };
 * dropUnreachable(m, ['R1', 'R2']);
 * // { keep: [0, 1], dropped: [{ index: 2, reason: 'no route between it and the base on road-graph:car',
 * //   reasonData: { key: 'core.no_route_base', source: 'road-graph:car' } }] }
 */
export function dropUnreachable(
  m: TravelCostMatrix,
  retailerIds: readonly string[],
): { keep: number[]; dropped: UnreachableDrop[] } {
  const gone = new Set<number>();
  const dropped: UnreachableDrop[] = [];
  const drop = (index: number, other: number) => {
    gone.add(index);
    const { message, reason } =
      other === 0
        ? issueReason('core.no_route_base', { source: m.source })
        : issueReason('core.no_route_retailer', { retailer: String(retailerIds[other - 1]), source: m.source });
    dropped.push({ index, reason: message, reasonData: reason });
  };
  for (const { from, to } of m.unreachable) {
    if (from === 0 && !gone.has(to)) drop(to, 0);
    else if (to === 0 && !gone.has(from)) drop(from, 0);
  }
  for (;;) {
    const count = new Map<number, { pairs: number; other: number }>();
    for (const { from, to } of m.unreachable) {
      if (gone.has(from) || gone.has(to)) continue;
      for (const [p, q] of [
        [from, to],
        [to, from],
      ] as const) {
        const c = count.get(p);
        count.set(p, { pairs: (c?.pairs ?? 0) + 1, other: c?.other ?? q });
      }
    }
    if (count.size === 0) break;
    let worst = -1,
      most = 0,
      other = 0;
    for (const [p, c] of count)
      if (c.pairs > most || (c.pairs === most && p > worst)) [worst, most, other] = [p, c.pairs, c.other];
    drop(worst, other);
  }
  const keep = Array.from({ length: m.n }, (_, i) => i).filter((i) => !gone.has(i));
  return { keep, dropped };
}
