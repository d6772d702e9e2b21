// `npm run bench:province`: a seeded synthetic province — CITIES cities of 15,000 retailers and 100
// managers each (examples/generate-city.mjs, seeds 100.., on a grid about 90 km apart; default 10 cities
// = 150,000 retailers, 1,000 managers) — partitioned in one call (median of PARTITION_RUNS runs), then
// every manager's beats over WEEKS weeks planned with `planManyBeats` on a worker-thread pool of each
// size in WORKERS (whole managers in the workers: visit days and routes), the pool sizes alternating over
// BEATS_RUNS rounds. Time per stage:
// - partition: wall and CPU of the call (single-threaded), the main thread's time waiting for a core
//   (run-queue wait from /proc/thread-self/schedstat: what a loaded machine adds to the wall time);
// - beats: wall, the whole process's CPU (worker threads included) and run-queue wait of all its threads;
//   inside them, per stage, the thread-seconds summed over managers (from each manager's progress reports:
//   'visit-days' start → end = choosing the visit days (neighbour travel, workload, sectors, day search);
//   → last day routed = routing).
// The beats must be identical for every pool size and run (checked, sha-256). A CPU-speed probe before and
// after. Writes bench/out/province.json (bench/out/province-partition.json with `--workers none`) and prints
// tables. Takes long: never run in CI.
//   node bench/province.mjs [--cities 10] [--weeks 4] [--partition-runs 5] [--workers 1,2|none] [--beats-runs 1]
//     [--out province.json]   (a file name in bench/out/)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const BEATS_RUNS = Number(arg('beats-runs', 1));
// --workers none: the partition only
const WORKERS = arg('workers', '1,2') === 'none' ? [] : String(arg('workers', '1,2')).split(',').map(Number);
// --day-search-ms: the day search's time limit per manager (default: none, the library's); when it binds
// the visit days may differ between runs (the rows count those managers)
const DAY_SEARCH_MS = arg('day-search-ms', undefined);
const root = fileURLToPath(new URL('../', import.meta.url));
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** Seconds on a core and seconds waiting for one (run queue), of this thread (/proc/thread-self/schedstat). */
const threadSched = () => {
  const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  return { runS: run / 1e9, waitS: wait / 1e9 };
};
/** The same for every thread of the process, by thread id. */
const processSched = () =>
  new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      return [tid, { runS: run / 1e9, waitS: wait / 1e9 }];
    }),
  );
/** Run-queue seconds of all threads between two `processSched()` readings (threads started since count from 0). */
const waitSince = (before, after) => [...after].reduce((a, [tid, x]) => a + x.waitS - (before.get(tid)?.waitS ?? 0), 0);

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

const partitionRuns = [];
let partition;
for (let r = 0; r < PARTITION_RUNS; r++) {
  const s0 = threadSched();
  const c0 = cpuS();
  const t0 = performance.now();
  partition = partitionTerritories(retailers, managers);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = cpuS() - c0;
  const s1 = threadSched();
  const run = { wallS, cpuS: cpu, runQueueWaitS: s1.waitS - s0.waitS };
  partitionRuns.push(run);
  console.error(
    `partition ${r + 1}/${PARTITION_RUNS}: ${wallS.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${run.runQueueWaitS.toFixed(1)} s waiting for a core`,
  );
}
const medianOf = (rows, key) => median(rows.map((x) => x[key]));
const partitionSummary = {
  runs: partitionRuns,
  medianWallS: medianOf(partitionRuns, 'wallS'),
  medianCpuS: medianOf(partitionRuns, 'cpuS'),
  medianRunQueueWaitS: medianOf(partitionRuns, 'runQueueWaitS'),
  balanced: partition.balanced,
  workloadMaxToMinRatio: partition.spread.workload.maxToMinRatio,
};

const byId = new Map(retailers.map((r) => [r.id, r]));
const jobs = managers.map((manager, j) => ({
  manager,
  retailers: partition.territories[j].retailerIds.map((id) => byId.get(id)),
}));

async function beatsOnce(workers) {
  const pool = createSolverPool({ workers });
  // per manager: when his visit days started and ended, and when his last day was routed (ms)
  const marks = jobs.map(() => ({ daysStart: 0, daysEnd: 0, routed: 0 }));
  const sched0 = processSched();
  const cpu0 = cpuS();
  const t0 = performance.now();
  let plans;
  let sched1;
  try {
    plans = await planManyBeats(jobs, {
      startDate: '2026-03-02',
      weeks: WEEKS,
      seed: 1,
      solver: pool,
      ...(DAY_SEARCH_MS === undefined ? {} : { daySearch: { timeLimitMs: Number(DAY_SEARCH_MS) } }),
      onProgress: (p) => {
        const m = marks[p.job];
        const now = performance.now();
        if (p.stage === 'visit-days') m[p.done === 0 ? 'daysStart' : 'daysEnd'] = now;
        else if (p.done === p.total) m.routed = now;
      },
    });
    sched1 = processSched();
  } finally {
    await pool.close();
  }
  const wallS = (performance.now() - t0) / 1000;
  const sum = (f) => marks.reduce((a, m) => a + f(m), 0) / 1000;
  return {
    workers,
    wallS,
    cpuS: cpuS() - cpu0,
    runQueueWaitS: waitSince(sched0, sched1),
    // thread-seconds summed over managers (each manager is planned by one worker thread)
    visitDaysThreadS: sum((m) => m.daysEnd - m.daysStart),
    routingThreadS: sum((m) => m.routed - m.daysEnd),
    days: plans.reduce((a, b) => a + b.totals.workingDays, 0),
    visits: plans.reduce((a, b) => a + b.totals.visits, 0),
    hours: plans.reduce((a, b) => a + b.totals.durationS, 0) / 3600,
    unplanned: plans.reduce((a, b) => a + b.dropped.length, 0),
    daySearchStoppedByTime: plans.filter((b) => b.daySearch?.stoppedBy === 'time').length,
    sha256: createHash('sha256').update(JSON.stringify(plans)).digest('hex'),
  };
}

const beatsRuns = [];
for (let r = 0; r < BEATS_RUNS; r++)
  for (const workers of r % 2 ? [...WORKERS].reverse() : WORKERS) {
    const row = await beatsOnce(workers);
    beatsRuns.push(row);
    console.error(
      `beats with ${workers} worker(s): ${row.wallS.toFixed(1)} s wall, ${row.cpuS.toFixed(1)} s CPU, ${row.runQueueWaitS.toFixed(1)} s waiting for a core`,
    );
  }
const probeAfter = speedProbeMs();
const beats = WORKERS.map((workers) => {
  const rows = beatsRuns.filter((x) => x.workers === workers);
  const keys = ['wallS', 'cpuS', 'runQueueWaitS', 'visitDaysThreadS', 'routingThreadS'];
  return {
    workers,
    runs: rows.length,
    ...Object.fromEntries(keys.map((k) => [k, medianOf(rows, k)])),
    wallRunsS: rows.map((x) => Number(x.wallS.toFixed(2))),
    days: rows[0].days,
    visits: rows[0].visits,
    hours: rows[0].hours,
    unplanned: rows[0].unplanned,
    daySearchStoppedByTime: Math.max(...rows.map((x) => x.daySearchStoppedByTime)),
    sameBeatsAsFirst: rows.every((x) => x.sha256 === beatsRuns[0].sha256),
  };
});

const p = partitionSummary;
console.log(
  `province: ${retailers.length} retailers, ${managers.length} managers, ${WEEKS} weeks; partition (median of ${PARTITION_RUNS}): ${p.medianWallS.toFixed(1)} s wall, ${p.medianCpuS.toFixed(1)} s CPU, ${p.medianRunQueueWaitS.toFixed(1)} s waiting for a core; balanced ${p.balanced}, workload max/min ${p.workloadMaxToMinRatio.toFixed(3)}`,
);
if (beats.length) {
  console.log(
    '| workers | runs | beats wall s | beats CPU s | waiting for a core s | visit days, thread-s | routing, thread-s | days | visits | planned hours | unplanned | day searches stopped by their clock | same beats |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|');
  for (const b of beats)
    console.log(
      `| ${b.workers} | ${b.runs} | ${b.wallS.toFixed(1)} | ${b.cpuS.toFixed(1)} | ${b.runQueueWaitS.toFixed(1)} | ${b.visitDaysThreadS.toFixed(1)} | ${b.routingThreadS.toFixed(1)} | ${b.days} | ${b.visits} | ${b.hours.toFixed(1)} | ${b.unplanned} | ${b.daySearchStoppedByTime} | ${b.sameBeatsAsFirst} |`,
    );
}
if (beats.length > 1)
  console.log(
    `speed-up of the beats, ${beats[1].workers} workers over ${beats[0].workers}: ${(beats[0].wallS / beats[1].wallS).toFixed(2)} (wall, medians)`,
  );
const line = `${machine}; load ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after`;
console.log(line);
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', arg('out', beats.length ? 'province.json' : 'province-partition.json')),
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
        daySearchMs: DAY_SEARCH_MS ?? 'none',
      },
      partition: partitionSummary,
      beats,
      beatsRuns,
    },
    null,
    2,
  )}\n`,
);
