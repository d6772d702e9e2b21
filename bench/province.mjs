// `npm run bench:province`: a seeded synthetic province — CITIES cities of 15,000 retailers and 100
// managers each (examples/generate-city.mjs, seeds 100.., on a grid about 90 km apart; default 10 cities
// = 150,000 retailers, 1,000 managers) — partitioned in one call (median of PARTITION_RUNS runs), then
// every manager's beats over WEEKS weeks planned with `planManyBeats` on a worker-thread pool of each
// size in WORKERS (2·workers managers at once), the stages timed: partition; the beats (wall and the
// whole process's CPU, worker threads included); inside them the visit days chosen in the main thread
// (sum over managers) and the routing (wall from the first day routed to the last). The beats must be
// identical for every pool size (checked). A CPU-speed probe before and after.
// Writes bench/out/province.json and prints a table. Takes long: never run in CI.
//   node bench/province.mjs [--cities 10] [--weeks 4] [--partition-runs 5] [--workers 1,2]
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partitionTerritories, planManyBeats } from '@beatplan/territory';
import { createSolverPool } from '@beatplan/tsp/pool';
import { generateCity } from '../examples/generate-city.mjs';
import { median, speedProbeMs } from './lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const CITIES = Number(arg('cities', 10));
const WEEKS = Number(arg('weeks', 4));
const PARTITION_RUNS = Number(arg('partition-runs', 5));
// --workers none: the partition only
const WORKERS = arg('workers', '1,2') === 'none' ? [] : String(arg('workers', '1,2')).split(',').map(Number);
// --day-search-ms: the day search's time limit per manager (default: the library's); under load it may
// bind, and a day search stopped by its clock may differ between runs (the rows count those managers)
const DAY_SEARCH_MS = arg('day-search-ms', undefined);
const root = fileURLToPath(new URL('../', import.meta.url));
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const retailers = [];
const managers = [];
for (let c = 0; c < CITIES; c++) {
  const center = [118.5 + (c % 5) * 0.9, 28.6 + Math.floor(c / 5) * 0.8];
  const city = generateCity({ seed: 100 + c, retailers: 15_000, managers: 100, center });
  for (const r of city.retailers) retailers.push({ ...r, id: `C${c}-${r.id}` });
  for (const m of city.managers) managers.push({ ...m, id: `C${c}-${m.id}` });
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} vCPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();

const partitionS = [];
const partitionCpuS = [];
let partition;
for (let r = 0; r < PARTITION_RUNS; r++) {
  const c0 = cpuS();
  const t0 = performance.now();
  partition = partitionTerritories(retailers, managers);
  partitionS.push((performance.now() - t0) / 1000);
  partitionCpuS.push(cpuS() - c0);
  console.error(
    `partition ${r + 1}/${PARTITION_RUNS}: ${partitionS[r].toFixed(1)} s wall, ${partitionCpuS[r].toFixed(1)} s CPU`,
  );
}
const byId = new Map(retailers.map((r) => [r.id, r]));
const jobs = managers.map((manager, j) => ({
  manager,
  retailers: partition.territories[j].retailerIds.map((id) => byId.get(id)),
}));

const beats = [];
for (const workers of WORKERS) {
  const pool = createSolverPool({ workers });
  let lastRoutingStart = 0;
  const cpu0 = cpuS();
  const t0 = performance.now();
  let plans;
  try {
    plans = await planManyBeats(jobs, {
      startDate: '2026-03-02',
      weeks: WEEKS,
      seed: 1,
      solver: pool,
      managersAtOnce: 2 * workers,
      ...(DAY_SEARCH_MS === undefined ? {} : { daySearch: { timeLimitMs: Number(DAY_SEARCH_MS) } }),
      // a manager's first report (done 0) comes when his visit days are chosen and his routing starts;
      // managers choose their visit days one at a time in the main thread, in order
      onProgress: (p) => {
        if (p.done === 0) lastRoutingStart = performance.now();
      },
    });
  } finally {
    await pool.close();
  }
  const wallS = (performance.now() - t0) / 1000;
  const row = {
    workers,
    beatsWallS: wallS,
    beatsCpuS: cpuS() - cpu0,
    // until the last manager's visit days were chosen (workload, sectors, day search: the main thread's
    // serial stage, while the earlier managers' days are routed in the pool), then the routing still left
    allVisitDaysChosenS: (lastRoutingStart - t0) / 1000,
    routingTailS: (performance.now() - lastRoutingStart) / 1000,
    days: plans.reduce((a, b) => a + b.totals.workingDays, 0),
    visits: plans.reduce((a, b) => a + b.totals.visits, 0),
    hours: plans.reduce((a, b) => a + b.totals.durationS, 0) / 3600,
    unplanned: plans.reduce((a, b) => a + b.dropped.length, 0),
    daySearchStoppedByTime: plans.filter((b) => b.daySearch?.stoppedBy === 'time').length,
    sha256: createHash('sha256').update(JSON.stringify(plans)).digest('hex'),
  };
  beats.push(row);
  console.error(`beats with ${workers} worker(s): ${wallS.toFixed(1)} s wall, ${row.beatsCpuS.toFixed(1)} s CPU`);
}
const probeAfter = speedProbeMs();

console.log(
  `province: ${retailers.length} retailers, ${managers.length} managers, ${WEEKS} weeks; partition median ${median(partitionS).toFixed(1)} s wall (${partitionS.map((s) => s.toFixed(1)).join(', ')}), ${median(partitionCpuS).toFixed(1)} s CPU, balanced ${partition.balanced}, workload max/min ${partition.spread.workload.maxToMinRatio.toFixed(3)}`,
);
console.log(
  '| workers | beats wall s | beats CPU s | all visit days chosen at s | routing after that s | days | visits | planned hours | unplanned | day searches stopped by their clock | same beats |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|');
for (const b of beats)
  console.log(
    `| ${b.workers} | ${b.beatsWallS.toFixed(1)} | ${b.beatsCpuS.toFixed(1)} | ${b.allVisitDaysChosenS.toFixed(1)} | ${b.routingTailS.toFixed(1)} | ${b.days} | ${b.visits} | ${b.hours.toFixed(1)} | ${b.unplanned} | ${b.daySearchStoppedByTime} | ${b.sha256 === beats[0].sha256} |`,
  );
if (beats.length > 1)
  console.log(
    `speed-up of the beats, ${beats[1].workers} workers over ${beats[0].workers}: ${(beats[0].beatsWallS / beats[1].beatsWallS).toFixed(2)}`,
  );
const line = `${machine}; load ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after`;
console.log(line);
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', 'province.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      load: { before: loadBefore, after: loadavg()[0] },
      speedProbeMs: { before: probeBefore, after: probeAfter },
      instance: {
        cities: CITIES,
        retailers: retailers.length,
        managers: managers.length,
        weeks: WEEKS,
        daySearchMs: DAY_SEARCH_MS ?? 'default',
      },
      partition: {
        runsS: partitionS,
        medianS: median(partitionS),
        cpuRunsS: partitionCpuS,
        medianCpuS: median(partitionCpuS),
        balanced: partition.balanced,
        workloadMaxToMinRatio: partition.spread.workload.maxToMinRatio,
      },
      beats,
    },
    null,
    2,
  )}\n`,
);
