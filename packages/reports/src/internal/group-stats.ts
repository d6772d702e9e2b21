import { getKnown, VISITS_PER_FOUR_WEEKS, type Retailer } from '@beatplan/core';
import type { GroupStats } from '../report.js';
import { inspectionScore } from './accumulate-kpis.js';
import type { PreparedData } from './prepare-data.js';
import { ratio, round1, round4 } from './round.js';

interface GroupSums {
  retailers: number;
  frequency: number;
  service: number;
  plannedStops: number;
  visits: number;
  verified: number;
  verifiedDwellS: number;
  orderCount: number;
  orderVolume: number;
  inspections: number;
  /** Inspections with a score (they asked at least one scored item). */
  scored: number;
  inspectionScore: number;
  contradictions: number;
}

const empty = (): GroupSums => ({
  retailers: 0,
  frequency: 0,
  service: 0,
  plannedStops: 0,
  visits: 0,
  verified: 0,
  verifiedDwellS: 0,
  orderCount: 0,
  orderVolume: 0,
  inspections: 0,
  scored: 0,
  inspectionScore: 0,
  contradictions: 0,
});

/**
 * Figures per group of retailers (see `GroupStats`). `keys` fixes the groups and their order (a group
 * with no retailer is kept, its means null); retailers whose key is not listed are ignored.
 */
export function computeGroupStats(
  data: PreparedData,
  keys: readonly string[],
  keyOf: (r: Retailer) => string,
): GroupStats[] {
  const groups = new Map(keys.map((k) => [k, empty()]));
  const groupOf = (retailerId: string) => groups.get(keyOf(getKnown(data.retailerById, retailerId, 'retailer')));
  for (const r of data.retailerById.values()) {
    const g = groups.get(keyOf(r));
    if (!g) continue;
    g.retailers++;
    g.frequency += VISITS_PER_FOUR_WEEKS[r.visitFrequency];
    g.service += r.serviceMinutes;
    g.orderCount += r.orderCount;
    g.orderVolume += r.orderVolume;
  }
  for (const p of data.plans)
    for (const s of p.stops) {
      const g = groupOf(s.retailerId);
      if (g) g.plannedStops++;
    }
  for (const { visit, verdict } of data.visits) {
    const g = groupOf(visit.retailerId);
    if (!g) continue;
    g.visits++;
    if (verdict?.status === 'verified') {
      g.verified++;
      g.verifiedDwellS += Math.max(0, verdict.dwellS ?? 0);
    }
  }
  for (const r of data.inspections) {
    const g = groupOf(r.retailerId);
    if (!g) continue;
    g.inspections++;
    const score = inspectionScore(r);
    if (score !== null) {
      g.scored++;
      g.inspectionScore += score;
    }
  }
  for (const { c } of data.contradictions) {
    const g = groupOf(c.retailerId);
    if (g) g.contradictions++;
  }
  const weeks = data.period ? data.period.days / 7 : 0;
  return keys.map((key) => {
    const g = getKnown(groups, key, 'group');
    return {
      key,
      retailers: g.retailers,
      requiredVisitsPer4Weeks: ratio(g.frequency, g.retailers),
      plannedStops: g.plannedStops,
      visits: g.visits,
      verified: g.verified,
      verificationRate: ratio(g.verified, g.visits),
      visitsPerRetailerPerWeek: g.retailers > 0 && weeks > 0 ? round4(g.visits / g.retailers / weeks) : null,
      meanServiceMinutes: g.retailers > 0 ? round1(g.service / g.retailers) : null,
      meanVerifiedDwellMinutes: g.verified > 0 ? round1(g.verifiedDwellS / 60 / g.verified) : null,
      orderCount: g.orderCount,
      orderCountPerRetailer: ratio(g.orderCount, g.retailers),
      orderVolume: round4(g.orderVolume),
      orderVolumePerRetailer: ratio(g.orderVolume, g.retailers),
      volumePerOrder: ratio(g.orderVolume, g.orderCount),
      inspections: g.inspections,
      inspectionScore: ratio(g.inspectionScore, g.scored),
      contradictions: g.contradictions,
    };
  });
}
