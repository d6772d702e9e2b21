import { type CustomerManager, type Retailer, toWgs84, VISITS_PER_FOUR_WEEKS } from '@beatplan/core';
import type { DecisionOptions, DecisionReport, EffortGroup, HexCell } from '../decision.js';
import type { ManagerReport } from '../report.js';
import { hexGrid } from './hex-grid.js';
import type { PreparedData } from './prepare-data.js';
import { round1, round4 } from './round.js';

const SEGMENTS = ['retail', 'chain_supermarket', 'hotel_entertainment'] as const;
const CLASSES = ['A', 'B', 'C'] as const;
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
const required = (r: Retailer) => r.serviceMinutes * VISITS_PER_FOUR_WEEKS[r.visitFrequency];

/** Ranks rows (1 = first in `order`); rows the order cannot tell apart share a rank (1, 1, 3). */
function rankBy<T>(rows: readonly T[], order: (a: T, b: T) => number): number[] {
  const sorted = rows.map((row, i) => ({ row, i })).sort((a, b) => order(a.row, b.row));
  const ranks = new Array<number>(rows.length).fill(0);
  sorted.forEach(({ row, i }, k) => {
    const prev = sorted[k - 1];
    ranks[i] = prev && order(prev.row, row) === 0 ? (ranks[prev.i] ?? k + 1) : k + 1;
  });
  return ranks;
}
const round2 = (v: number) => Math.round(v * 100) / 100;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? null) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Effort against orders per segment × class (groups with retailers only). */
function effortGroups(
  retailers: readonly Retailer[],
  verifiedMinutes: ReadonlyMap<string, number>,
  ratio: number,
): EffortGroup[] {
  const totalMinutes = retailers.reduce((a, r) => a + required(r), 0);
  const totalVol = retailers.reduce((a, r) => a + r.orderVolume, 0);
  return SEGMENTS.flatMap((segment) =>
    CLASSES.flatMap((cls) => {
      const mine = retailers.filter((r) => r.segment === segment && r.class === cls);
      if (!mine.length) return [];
      const minutes = mine.reduce((a, r) => a + required(r), 0);
      const volume = mine.reduce((a, r) => a + r.orderVolume, 0);
      const effortShare = totalMinutes > 0 ? minutes / totalMinutes : null;
      const volumeShare = totalVol > 0 ? volume / totalVol : null;
      const e = effortShare !== null && volumeShare !== null && volumeShare > 0 ? effortShare / volumeShare : null;
      return [
        {
          segment,
          class: cls,
          retailers: mine.length,
          requiredMinutesPer4Weeks: round1(minutes),
          effortShare: effortShare === null ? null : round4(effortShare),
          verifiedMinutes: round1(mine.reduce((a, r) => a + (verifiedMinutes.get(r.id) ?? 0), 0)),
          orderCount: mine.reduce((a, r) => a + r.orderCount, 0),
          orderVolume: round1(volume),
          volumeShare: volumeShare === null ? null : round4(volumeShare),
          effortToVolume: e === null ? null : round4(e),
          verdict:
            e === null || minutes === 0 ? null : e >= ratio ? 'more_time' : e <= 1 / ratio ? 'less_time' : 'balanced',
        },
      ];
    }),
  );
}

/**
 * The decision analysis: effort against orders by segment and class, coverage gaps and the hex siting
 * view, on straight lines from the managers' bases (see `DecisionReport`). Pure.
 */
export function buildDecision(
  data: PreparedData,
  retailers: readonly Retailer[],
  managers: readonly CustomerManager[],
  reports: readonly ManagerReport[],
  options: DecisionOptions,
): DecisionReport {
  const verifiedMinutes = new Map<string, number>();
  for (const { visit, verdict } of data.visits)
    if (verdict?.status === 'verified')
      verifiedMinutes.set(
        visit.retailerId,
        (verifiedMinutes.get(visit.retailerId) ?? 0) + Math.max(0, verdict.dwellS ?? 0) / 60,
      );
  const base = {
    hexKm: options.hexKm,
    speedKmh: options.speedKmh,
    moreTimeRatio: options.moreTimeRatio,
    effort: effortGroups(retailers, verifiedMinutes, options.moreTimeRatio),
  };
  if (!retailers.length || !managers.length)
    return { ...base, farKm: options.farKm ?? null, medianBaseKm: null, farRetailers: [], origin: null, cells: [] };

  const points = retailers.map((r) => toWgs84(r.location));
  const lat0 = round7(points.reduce((a, p) => a + p.lat, 0) / points.length);
  const lng0 = round7(points.reduce((a, p) => a + p.lng, 0) / points.length);
  const grid = hexGrid(lng0, lat0, options.hexKm * 1000);
  const bases = managers.map((m) => {
    const b = toWgs84(m.base);
    return { id: m.id, xy: grid.toXY(b.lng, b.lat) };
  });
  const km = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]) / 1000;
  const nearest = (xy: [number, number]) => {
    let best = { id: bases[0]?.id ?? '', km: Infinity };
    for (const b of bases) {
      const d = km(xy, b.xy);
      if (d < best.km) best = { id: b.id, km: d };
    }
    return best;
  };
  const xys = points.map((p) => grid.toXY(p.lng, p.lat));
  const near = xys.map(nearest);
  const medianBaseKm = median(near.map((n) => n.km));
  const farKm = options.farKm ?? (medianBaseKm === null ? null : 2 * medianBaseKm);
  const isFar = (d: number) => farKm !== null && d > farKm;

  const meanLoad = reports.reduce((a, m) => a + m.assignedServiceMinutesPer4Weeks, 0) / Math.max(1, reports.length);
  const loadOf = new Map(
    reports.map((m) => [m.managerId, meanLoad > 0 ? m.assignedServiceMinutesPer4Weeks / meanLoad : null]),
  );

  const byCell = new Map<string, { q: number; r: number; members: number[] }>();
  points.forEach((p, i) => {
    const [q, r] = grid.cellOf(p.lng, p.lat);
    const id = `${q},${r}`;
    const cell = byCell.get(id);
    if (cell) cell.members.push(i);
    else byCell.set(id, { q, r, members: [i] });
  });
  // the new-base figure takes each retailer at its cell's centre (off by at most the cell's radius), so
  // a source cell none of whose retailers is farther from its base than from the candidate is skipped whole
  const sources = [...byCell.values()].map(({ q, r, members }) => {
    const centre = grid.toXY(...grid.centre(q, r));
    return { centre, members, reach: Math.max(...members.map((i) => near[i]?.km ?? 0)) };
  });
  const cells = [...byCell.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { q, r, members }]) => {
      const [lng, lat] = grid.centre(q, r);
      const centre = grid.toXY(lng, lat);
      const n = nearest(centre);
      let saved = 0;
      let relieved = 0;
      for (const source of sources) {
        const d = km(source.centre, centre);
        if (d >= source.reach) continue;
        for (const i of source.members) {
          const gain = (near[i]?.km ?? 0) - d;
          const rt = retailers[i];
          if (gain > 0 && rt) {
            saved += VISITS_PER_FOUR_WEEKS[rt.visitFrequency] * 2 * gain;
            relieved += required(rt);
          }
        }
      }
      const detourKm = Math.sqrt(grid.areaKm2 / (members.length + 1));
      return {
        id,
        lng: round7(lng),
        lat: round7(lat),
        retailers: members.length,
        requiredMinutesPer4Weeks: round1(members.reduce((a, i) => a + required(retailers[i] as Retailer), 0)),
        nearestManagerId: n.id || null,
        baseKm: Number.isFinite(n.km) ? round2(n.km) : null,
        nearestManagerLoad: loadOf.get(n.id) === undefined ? null : round4(loadOf.get(n.id) ?? 0),
        farRetailers: members.filter((i) => isFar(near[i]?.km ?? 0)).length,
        newRetailerMinutesPer4Weeks: round1(((4 * detourKm) / options.speedKmh) * 60),
        newRetailerRank: 0,
        newBaseKmSavedPer4Weeks: round1(saved),
        newBaseMinutesPer4Weeks: round1(relieved),
        newBaseRank: 0,
      } satisfies HexCell;
    });
  // least added travel first; then the nearest manager with the most spare capacity, then the nearer base
  const retailerRanks = rankBy(
    cells,
    (a, b) =>
      a.newRetailerMinutesPer4Weeks - b.newRetailerMinutesPer4Weeks ||
      (a.nearestManagerLoad ?? 1) - (b.nearestManagerLoad ?? 1) ||
      (a.baseKm ?? 0) - (b.baseKm ?? 0),
  );
  // most kilometres saved first; then the most work brought nearer
  const baseRanks = rankBy(
    cells,
    (a, b) =>
      b.newBaseKmSavedPer4Weeks - a.newBaseKmSavedPer4Weeks || b.newBaseMinutesPer4Weeks - a.newBaseMinutesPer4Weeks,
  );
  cells.forEach((c, i) => {
    c.newRetailerRank = retailerRanks[i] ?? 0;
    c.newBaseRank = baseRanks[i] ?? 0;
  });
  const farRetailers = retailers
    .flatMap((r, i) => {
      const n = near[i];
      return n && isFar(n.km)
        ? [
            {
              retailerId: r.id,
              name: r.name,
              managerId: data.managerOfRetailer.get(r.id) ?? null,
              nearestManagerId: n.id,
              km: round2(n.km),
            },
          ]
        : [];
    })
    .sort((a, b) => b.km - a.km || (a.retailerId < b.retailerId ? -1 : 1));
  return {
    ...base,
    farKm: farKm === null ? null : round4(farKm),
    medianBaseKm: medianBaseKm === null ? null : round4(medianBaseKm),
    farRetailers,
    origin: { lng: lng0, lat: lat0 },
    cells,
  };
}
