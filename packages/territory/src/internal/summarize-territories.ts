import { dataRecord, getKnown, measureSpread, type CustomerManager, type Retailer, type Spread } from '@beatplan/core';
import type { Polygon } from 'geojson';
import type { RetailerWorkload } from './workload-model.js';
import { measureCompactness } from '../measure-compactness.js';
import type { RepairState } from './repair-territories.js';
import { neighboursOfNode } from './neighbour-graph.js';

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
  // each manager's territory: its retailers (indices) and its pieces
  const territories = managers.map((m, j) => ({ m, j, list: new Array<number>(), pieces: 0 }));
  state.assignment.forEach((j, i) => {
    if (j >= 0) getKnown(territories, j, 'territory').list.push(i);
  });
  // pieces: connected components of each territory in the neighbour graph
  const seen = new Uint8Array(retailers.length);
  for (const t of territories) {
    for (const i of t.list) {
      if (seen[i]) continue;
      t.pieces++;
      const stack = [i];
      seen[i] = 1;
      for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
        for (const u of neighboursOfNode(state.graph, v)) {
          if (!seen[u] && state.assignment[u] === t.j) {
            seen[u] = 1;
            stack.push(u);
          }
        }
      }
    }
  }
  const hulls = dataRecord<Polygon | null>();
  const meanLoad = state.load.reduce((a, b) => a + b, 0) / Math.max(k, 1);
  const stats = territories.map(({ m, j, list, pieces }): TerritoryStats => {
    const c = measureCompactness(
      list.map((i): readonly [number, number] => {
        const p = getKnown(wgs, i, 'retailer');
        return [p.lng, p.lat];
      }),
    );
    hulls[m.id] = c.hull;
    let workloadMinutes = 0,
      orders = 0,
      volume = 0,
      cx = 0,
      cy = 0;
    for (const i of list) {
      const r = getKnown(retailers, i, 'retailer');
      workloadMinutes += getKnown(workload, i, 'retailer').weeklyMinutes;
      orders += r.orderCount;
      volume += r.orderVolume;
      cx += getKnown(state.x, i, 'retailer') / list.length;
      cy += getKnown(state.y, i, 'retailer') / list.length;
    }
    const load = getKnown(state.load, j, 'territory');
    return {
      managerId: m.id,
      retailers: list.length,
      workloadMinutes,
      orders,
      volume,
      load,
      deviation: meanLoad > 0 ? (load - meanLoad) / meanLoad : 0,
      compactness: c.polsbyPopper,
      diameterM: c.diameterM,
      meanDistanceM: c.meanDistanceM,
      baseToCentroidM: list.length
        ? Math.hypot(cx - getKnown(state.baseX, j, 'territory'), cy - getKnown(state.baseY, j, 'territory'))
        : 0,
      pieces,
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
