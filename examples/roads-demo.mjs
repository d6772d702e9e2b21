// Plans one manager's week on a synthetic city twice — on straight lines (the default) and on the
// city's road graph — and measures both plans on the road network: road km and travel hours.
import { seededRandom } from '@beatplan/core';
import { buildRoadGraph, generateOsmExtract, osmExtractToXml, roadCosts } from '@beatplan/roads';
import { planWeeklyBeats } from '@beatplan/territory';

/**
 * @param {{ citySeed?: number, retailerSeed?: number, retailers?: number }} [o]
 * @returns {Promise<{ straight: object, road: object, costSources: object[], ms: number }>}
 */
export async function compareOnRoads({ citySeed = 1, retailerSeed = 7, retailers = 60 } = {}) {
  const t0 = performance.now();
  const city = generateOsmExtract({ seed: citySeed, lines: 40, villages: 6 });
  const costs = roadCosts(await buildRoadGraph(new TextEncoder().encode(osmExtractToXml(city).join(''))));
  const rnd = seededRandom(retailerSeed);
  const picks = new Set();
  while (picks.size < retailers) picks.add(Math.floor(rnd() * city.nodes.length));
  const rs = [...picks].map((k, i) => ({
    id: `R${i}`,
    name: `Shop ${i}`,
    location: { lng: city.nodes[k].lng, lat: city.nodes[k].lat },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 10,
    visitFrequency: 'weekly',
    orderCount: 1,
    orderVolume: 1,
  }));
  const day = [{ from: '08:30', to: '17:30' }];
  const hub = city.nodes[Math.floor(city.nodes.length / 2)];
  const manager = {
    id: 'M1',
    name: 'Li',
    base: { lng: hub.lng, lat: hub.lat },
    workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  };
  const options = { startDate: '2025-03-03', weeks: 1, seed: 1 };
  const straight = await planWeeklyBeats(manager, rs, options);
  const road = await planWeeklyBeats(manager, rs, { ...options, costs });
  const at = new Map(rs.map((r) => [r.id, r.location]));
  // Both plans measured the same way: each day's legs, base → stops in order → base, on the road graph.
  const measure = (plan) => {
    let m = 0;
    let s = 0;
    let unreachableLegs = 0;
    for (const p of plan.plans) {
      const pts = [manager.base, ...p.stops.map((x) => at.get(x.retailerId)), manager.base];
      const mx = costs.matrixSync(pts);
      for (let i = 0; i + 1 < pts.length; i++) {
        const d = mx.distancesM[i * mx.n + i + 1];
        if (d < 0) unreachableLegs++;
        else {
          m += d;
          s += mx.durationsS[i * mx.n + i + 1];
        }
      }
    }
    const r2 = (x) => Math.round(x * 100) / 100;
    return {
      roadKm: r2(m / 1000),
      travelHours: r2(s / 3600),
      visits: plan.totals.visits,
      dropped: plan.dropped.length,
      unreachableLegs,
    };
  };
  return {
    straight: measure(straight),
    road: measure(road),
    costSources: [straight.costSource, road.costSource],
    ms: Math.round(performance.now() - t0),
  };
}
