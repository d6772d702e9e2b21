import { dataRecord, measureSpread, type CustomerManager, type Retailer, type Spread } from '@beatplan/core';
import type { Polygon } from 'geojson';
import type { RetailerWorkload } from './workload-model.js';
import { measureCompactness } from '../measure-compactness.js';
import type { RepairState } from './repair-territories.js';

/** Figures of one manager's territory. */
export interface TerritoryStats {
  managerId: string;
  retailers: number;
  /** Weekly workload, minutes (sum of the retailers' `weeklyMinutes`). */
  workloadMinutes: number;
  orders: number;
  volume: number;
  /** Weighted balancing load (1 = one average retailer). */
  load: number;
  /** (load − mean load) / mean load. */
  deviation: number;
  /** Polsby–Popper score of the convex hull (1 = disc), see `measureCompactness`. */
  compactness: number;
  diameterM: number;
  meanDistanceM: number;
  /** Distance from the manager's base to the territory's centroid, m. */
  baseToCentroidM: number;
  /** Connected pieces in the neighbour graph (1 = contiguous; separate towns count as pieces). */
  pieces: number;
}

/** Spread of the weighted loads (`load`) and of the weekly workload minutes (`workload`). */
export interface PartitionSpread {
  load: Spread;
  workload: Spread;
  /** Largest |deviation| of a manager's load from the mean. */
  maxDeviation: number;
}

export function summarizeTerritories(input: {
  retailers: Retailer[];
  wgs: { lng: number; lat: number }[];
  managers: CustomerManager[];
  state: RepairState;
  workload: RetailerWorkload[];
}): { stats: TerritoryStats[]; spread: PartitionSpread; hulls: Record<string, Polygon | null> } {
  const { retailers, wgs, managers, state, workload } = input;
  const k = managers.length;
  const members: number[][] = managers.map(() => []);
  state.assignment.forEach((j, i) => {
    if (j >= 0) members[j]!.push(i);
  });
  // pieces: connected components of each territory in the neighbour graph
  const seen = new Uint8Array(retailers.length);
  const pieces = new Int32Array(k);
  for (let j = 0; j < k; j++) {
    for (const i of members[j]!) {
      if (seen[i]) continue;
      pieces[j]!++;
      const stack = [i];
      seen[i] = 1;
      while (stack.length) {
        const v = stack.pop()!;
        for (let e = state.graph.start[v]!; e < state.graph.start[v + 1]!; e++) {
          const u = state.graph.adj[e]!;
          if (!seen[u] && state.assignment[u] === j) {
            seen[u] = 1;
            stack.push(u);
          }
        }
      }
    }
  }
  const hulls = dataRecord<Polygon | null>();
  const meanLoad = state.load.reduce((a, b) => a + b, 0) / Math.max(k, 1);
  const stats = managers.map((m, j): TerritoryStats => {
    const list = members[j]!;
    const c = measureCompactness(list.map((i) => [wgs[i]!.lng, wgs[i]!.lat] as const));
    hulls[m.id] = c.hull;
    let workloadMinutes = 0,
      orders = 0,
      volume = 0,
      cx = 0,
      cy = 0;
    for (const i of list) {
      workloadMinutes += workload[i]!.weeklyMinutes;
      orders += retailers[i]!.orderCount;
      volume += retailers[i]!.orderVolume;
      cx += state.x[i]! / list.length;
      cy += state.y[i]! / list.length;
    }
    return {
      managerId: m.id,
      retailers: list.length,
      workloadMinutes,
      orders,
      volume,
      load: state.load[j]!,
      deviation: meanLoad > 0 ? (state.load[j]! - meanLoad) / meanLoad : 0,
      compactness: c.polsbyPopper,
      diameterM: c.diameterM,
      meanDistanceM: c.meanDistanceM,
      baseToCentroidM: list.length ? Math.hypot(cx - state.baseX[j]!, cy - state.baseY[j]!) : 0,
      pieces: pieces[j]!,
    };
  });
  const load = measureSpread(stats.map((s) => s.load));
  return {
    stats,
    hulls,
    spread: {
      load,
      workload: measureSpread(stats.map((s) => s.workloadMinutes)),
      maxDeviation: Math.max(0, ...stats.map((s) => Math.abs(s.deviation))),
    },
  };
}
