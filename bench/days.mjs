// bench:days — which day each visit goes to (issue 11 item 4): `planWeeklyBeats` with the sector start
// alone (`daySearch: false`) beside the default (the sector start, then the local search on the visit
// days), same retailers, same seed, same route budget, in one run.
//
//   node bench/days.mjs [--runs 3] [--managers 6]
//
// Cases (4 weeks = the whole visiting cycle; every figure is of the routed plans):
// - city: the demo's synthetic city (examples/generate-city.mjs, seed 7, 4,000 retailers, 20 managers,
//   mixed frequencies and opening hours), `partitionTerritories`, then the first --managers managers'
//   territories on straight lines (the demo's costs);
// - city-no-hours: the same with `openingHours: false` (what the opening hours cost the search);
// - roads: a synthetic road graph (`generateOsmExtract` seed 1, as bench:plan-on-roads), 150 retailers on
//   its junctions with seeded mixed frequencies, on road seconds and metres (`roadCosts`).
// Quality is deterministic (same seeds, same plans: the search's time cap does not bind here; the
// output says how it stopped). Timing: median of --runs runs of each plan, wall and CPU time
// (process.cpuUsage), a CPU-speed probe before and after (bench/lib.mjs). Output: bench/out/days.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { seededRandom } from '@beatplan/core';
import { buildRoadGraph, generateOsmExtract, osmExtractToXml, roadCosts } from '@beatplan/roads';
import { partitionTerritories, planWeeklyBeats } from '@beatplan/territory';
import { generateCity } from '../examples/generate-city.mjs';
import { median, speedProbeMs } from './lib.mjs';

const arg = (flag, fallback) => {
  const k = process.argv.indexOf(flag);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
};
const runs = arg('--runs', 3);
const managerCount = arg('--managers', 6);
const OPTIONS = { startDate: '2025-03-03', weeks: 4, seed: 1 };

async function timed(manager, retailers, options) {
  const wall = [];
  const cpu = [];
  let plan;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    plan = await planWeeklyBeats(manager, retailers, options);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const t = plan.totals;
  return {
    travelS: t.travelS,
    distanceM: t.distanceM,
    durationS: t.durationS,
    waitS: t.waitS,
    visits: t.visits,
    dropped: plan.dropped.length,
    daySearch: plan.daySearch,
    wallMs: Math.round(median(wall)),
    cpuMs: Math.round(median(cpu)),
  };
}

async function compare(name, manager, retailers, extra = {}) {
  const start = await timed(manager, retailers, { ...OPTIONS, ...extra, daySearch: false });
  const searched = await timed(manager, retailers, { ...OPTIONS, ...extra });
  const pct = (a, b) => Math.round(1000 * (1 - b / a)) / 10;
  const row = {
    case: name,
    manager: manager.id,
    retailers: retailers.length,
    start,
    searched,
    travelSavedPct: pct(start.travelS, searched.travelS),
    distanceSavedPct: pct(start.distanceM, searched.distanceM),
    durationSavedPct: pct(start.durationS, searched.durationS),
    estimatedTravelSavedPct: pct(searched.daySearch.startTravelS, searched.daySearch.travelS),
  };
  console.log(
    `${name.padEnd(14)} ${manager.id.padEnd(4)} ${String(retailers.length).padStart(4)} retailers  travel ${(start.travelS / 3600).toFixed(1)} h -> ${(searched.travelS / 3600).toFixed(1)} h (${row.travelSavedPct} %, estimate ${row.estimatedTravelSavedPct} %)  duration ${row.durationSavedPct} %  dropped ${start.dropped} -> ${searched.dropped}  plan ${start.wallMs} -> ${searched.wallMs} ms (CPU ${start.cpuMs} -> ${searched.cpuMs} ms)  ${searched.daySearch.stoppedBy}`,
  );
  return row;
}

function roadCase() {
  const city = generateOsmExtract({ seed: 1, lines: 40, villages: 6 });
  const rnd = seededRandom(17);
  const picks = new Set();
  while (picks.size < 150) picks.add(Math.floor(rnd() * city.nodes.length));
  const freqs = [
    'weekly',
    'weekly',
    'weekly',
    'weekly',
    'twice_weekly',
    'fortnightly',
    'fortnightly',
    'fortnightly',
    'monthly',
    'monthly',
  ];
  const retailers = [...picks].map((k, i) => ({
    id: `R${i}`,
    name: `Shop ${i}`,
    location: { lng: city.nodes[k].lng, lat: city.nodes[k].lat },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 5 + Math.floor(rnd() * 16),
    visitFrequency: freqs[Math.floor(rnd() * freqs.length)],
    orderCount: 1,
    orderVolume: 1,
  }));
  const hub = city.nodes[Math.floor(city.nodes.length / 2)];
  const day = [{ from: '08:30', to: '17:30' }];
  const manager = {
    id: 'R1',
    name: 'Li',
    base: { lng: hub.lng, lat: hub.lat },
    workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  };
  return { city, retailers, manager };
}

const probeBefore = speedProbeMs();
const loadBefore = loadavg()[0];
const t0 = performance.now();
const rows = [];
const { retailers, managers } = generateCity({ seed: 7, retailers: 4000, managers: 20 });
const part = partitionTerritories(retailers, managers);
const byId = new Map(retailers.map((r) => [r.id, r]));
for (const [j, manager] of managers.slice(0, managerCount).entries()) {
  const own = part.territories[j].retailerIds.map((id) => byId.get(id));
  rows.push(await compare('city', manager, own));
}
for (const [j, manager] of managers.slice(0, managerCount).entries()) {
  const own = part.territories[j].retailerIds.map((id) => byId.get(id));
  rows.push(await compare('city-no-hours', manager, own, { openingHours: false }));
}
const road = roadCase();
const costs = roadCosts(await buildRoadGraph(new TextEncoder().encode(osmExtractToXml(road.city).join(''))));
rows.push(await compare('roads', road.manager, road.retailers, { costs }));

const summary = {};
for (const name of new Set(rows.map((r) => r.case))) {
  const of = rows.filter((r) => r.case === name);
  const sum = (f) => of.reduce((a, r) => a + f(r), 0);
  summary[name] = {
    managers: of.length,
    travelSavedPct: Math.round(1000 * (1 - sum((r) => r.searched.travelS) / sum((r) => r.start.travelS))) / 10,
    travelSavedPctPerManager: of.map((r) => r.travelSavedPct),
    durationSavedPct: Math.round(1000 * (1 - sum((r) => r.searched.durationS) / sum((r) => r.start.durationS))) / 10,
    dropped: { start: sum((r) => r.start.dropped), searched: sum((r) => r.searched.dropped) },
    planWallMs: { start: sum((r) => r.start.wallMs), searched: sum((r) => r.searched.wallMs) },
    planCpuMs: { start: sum((r) => r.start.cpuMs), searched: sum((r) => r.searched.cpuMs) },
  };
}
const probeAfter = speedProbeMs();
const out = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    node: process.version,
    loadBefore,
    loadAfter: loadavg()[0],
    speedProbeMs: { before: Math.round(probeBefore), after: Math.round(probeAfter) },
  },
  runs,
  options: OPTIONS,
  summary,
  rows,
  totalS: Math.round((performance.now() - t0) / 100) / 10,
};
console.log(JSON.stringify(summary, null, 1));
console.log(
  `load ${loadBefore.toFixed(2)} -> ${out.machine.loadAfter.toFixed(2)}; speed probe ${out.machine.speedProbeMs.before} -> ${out.machine.speedProbeMs.after} ms; total ${out.totalS} s`,
);
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/days.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
