import type { TravelCostMatrix } from '@beatplan/core';

/** A point left out of a route for want of a road, with the reason naming the other end. */
export interface UnreachableDrop {
  /** Index in the matrix's point list (never 0, the depot). */
  index: number;
  reason: string;
}

/**
 * Leaves out points until every pair of the rest has a route both ways. Point 0 is the depot and is
 * always kept; a point with no route to or from the depot goes first, then, while pairs remain, the
 * point in the most unreachable pairs (ties: the later point). The reason names the other end:
 * `no route between it and the base` (`nameOf(0)`) or `… and retailer R7`.
 *
 * @returns `keep`: the kept indexes in order (0 first); `dropped`: the others with their reasons.
 */
export function dropUnreachable(
  m: TravelCostMatrix,
  nameOf: (index: number) => string,
): { keep: number[]; dropped: UnreachableDrop[] } {
  const gone = new Set<number>();
  const dropped: UnreachableDrop[] = [];
  const drop = (index: number, other: number) => {
    gone.add(index);
    dropped.push({ index, reason: `no route between it and ${nameOf(other)} on ${m.source}` });
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
