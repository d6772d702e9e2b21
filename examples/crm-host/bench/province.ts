// Province planning over the queue. The same province (a synthetic city, one job per manager) planned:
// (1) one territory after another in this process, no queue — the reference; (2) by 1 and (3) by 2 worker
// PROCESSES pulling the jobs from BullMQ on a real Redis (started here on a free port, stopped at the end).
// Measured: managers planned per second (wall time, enqueue to last result stored), and — robust on a
// shared machine — the CPU time each part spends per territory, read from /proc: the workers' (planning,
// storing, BullMQ's polling and lock renewal), Redis's, and this process's enqueue. The queue's overhead
// per job is the CPU a queued territory costs beyond the in-process one. Also no-op jobs through one
// worker at concurrency 1 (a job's round trip) and 32 (what one Redis and one client process move).
// Every figure after a warm-up run in the same processes (WebAssembly compiled, JIT warm), as a
// long-running worker is. CPU-speed probe before and after; medians of `--runs` runs.
//
//   npm --prefix examples/crm-host run bench:province [-- --runs 3 --retailers 2400 --managers 12 --queue redis]
//
// `--queue postgres` runs the same on BullMQ's PostgreSQL backend (no broker CPU figure: PostgreSQL runs
// many processes). Writes bench/out/crm-host-province-<queue>.json at the repository root.
import { readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../generate-city.mjs';
import { openRepository } from '../src/db/open-repository.js';
import { splitProvince } from '../src/planning/split-province.js';
import { planTerritory } from '../src/planning/territory-job.js';
import { openProvinceQueue } from '../src/queue/province-queue.js';
import { queueBackend } from '../src/queue/queue-connection.js';
import { waitForRun } from '../src/queue/wait-for-run.js';
import { startWorkerProcess, type WorkerProcess } from '../src/queue/worker-process.js';
import { startPostgres } from '../src/services/start-postgres.js';
import { startRedis } from '../src/services/start-redis.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    retailers: { type: 'string', default: '2400' },
    managers: { type: 'string', default: '12' },
    weeks: { type: 'string', default: '1' },
    noop: { type: 'string', default: '500' },
    queue: { type: 'string', default: 'redis' },
  },
});
const runs = Number(values.runs);
const noopJobs = Number(values.noop);
const beat = { startDate: '2025-03-03', weeks: Number(values.weeks), seed: 1, utcOffsetMinutes: 480 };

function speedProbeMs(): number {
  const xs = new Float64Array(1e6);
  for (let i = 0; i < xs.length; i++) xs[i] = i / xs.length;
  const t0 = process.hrtime.bigint();
  let sum = 0;
  for (let k = 0; k < 30; k++) for (let i = 0; i < xs.length; i++) sum += Math.sin(xs[i] as number);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return sum === 0 ? Number.NaN : ms;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
/** CPU time (user + system) a process has used, ms, from /proc (Linux; clock ticks of 10 ms). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime: fields 14 and 15 of stat
};
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const probeBefore = speedProbeMs();
const loadBefore = loadavg()[0] ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'crm-host-bench-province-'));
const server = values.queue === 'postgres' ? await startPostgres() : await startRedis();
const brokerPid: number | null = 'pid' in server && typeof server.pid === 'number' ? server.pid : null;
// the host's database: SQLite beside the Redis queue; the same PostgreSQL when the queue is on it
const db = values.queue === 'postgres' ? server.url : join(dir, 'host.db');
const repo = await openRepository(db);
const queue = openProvinceQueue(server.url);
const city = generateCity({ seed: 7, retailers: Number(values.retailers), managers: Number(values.managers) });
await repo.upsertManagers(city.managers);
await repo.upsertRetailers(city.retailers);

/** A new run of the same province (same partition, same seed): its jobs, recorded in the database. */
async function newRun(runId: string) {
  const split = splitProvince(await repo.listRetailers(), await repo.listManagers(), { runId, beat });
  await repo.startPlanningRun(
    { id: runId, createdAt: Date.now(), spec: beat, jobs: split.jobs.length },
    { territories: split.territories, assignment: split.assignment },
  );
  return split.jobs;
}

/** Queues a run and waits for it: wall seconds, and CPU ms of the workers, the broker and the enqueue. */
async function queuedRun(workers: WorkerProcess[], runId: string) {
  const jobs = await newRun(runId);
  const workerCpu0 = workers.reduce((a, w) => a + cpuMsOf(w.child.pid ?? -1), 0);
  const brokerCpu0 = brokerPid ? cpuMsOf(brokerPid) : 0;
  const t0 = process.hrtime.bigint();
  const own0 = ownCpuMs();
  await queue.enqueue(jobs);
  const enqueueCpuMs = ownCpuMs() - own0;
  await waitForRun(repo, queue, runId, jobs.length, { pollMs: 20 });
  const wallS = seconds(t0);
  return {
    jobs: jobs.length,
    wallS,
    workerCpuMs: workers.reduce((a, w) => a + cpuMsOf(w.child.pid ?? -1), 0) - workerCpu0,
    brokerCpuMs: brokerPid ? cpuMsOf(brokerPid) - brokerCpu0 : Number.NaN,
    enqueueCpuMs,
  };
}

async function viaWorkers(n: number, runId: string) {
  const workers = await Promise.all(
    Array.from({ length: n }, (_, i) => startWorkerProcess({ queueUrl: server.url, db, name: `w${i}` })),
  );
  try {
    await queuedRun(workers, `${runId}-warm-up`);
    return await queuedRun(workers, runId);
  } finally {
    for (const w of workers) await w.stop();
  }
}

/** No-op jobs through one in-process worker: seconds per job at concurrency c. */
async function noop(concurrency: number, tag: string): Promise<number> {
  const backend = queueBackend(server.url);
  const name = `noop-${tag}`;
  const q = new backend.classes.Queue(name, { connection: backend.connection });
  let done = 0;
  let finish: () => void = () => undefined;
  const all = new Promise<void>((r) => {
    finish = r;
  });
  const worker = new backend.classes.Worker(
    name,
    async () => {
      if (++done === noopJobs) finish();
      return null;
    },
    { connection: backend.connection, concurrency, autorun: false },
  );
  await q.addBulk(Array.from({ length: noopJobs }, (_, i) => ({ name: 'noop', data: { i } })));
  const t0 = process.hrtime.bigint();
  void worker.run();
  await all;
  const s = seconds(t0) / noopJobs;
  await worker.close();
  await q.obliterate({ force: true });
  await q.close();
  return s;
}

async function inProcess(runId: string) {
  const jobs = await newRun(runId);
  const t0 = process.hrtime.bigint();
  const cpu0 = ownCpuMs();
  for (const job of jobs) await planTerritory(job);
  return { jobs: jobs.length, wallS: seconds(t0), cpuMs: ownCpuMs() - cpu0 };
}

const rows: Record<string, number>[] = [];
await inProcess('in-process-warm-up');
for (let run = 0; run < runs; run++) {
  const before = await inProcess(`in-process-${run}-a`);
  const one = await viaWorkers(1, `one-${run}`);
  const two = await viaWorkers(2, `two-${run}`);
  const after = await inProcess(`in-process-${run}-b`);
  const jobs = one.jobs;
  const inProcessCpuMs = (before.cpuMs + after.cpuMs) / 2 / jobs;
  const row = {
    // wall time: managers planned per second (the in-process reference: mean of before and after)
    inProcessPerS: (2 * jobs) / (before.wallS + after.wallS),
    oneWorkerPerS: jobs / one.wallS,
    twoWorkersPerS: jobs / two.wallS,
    // CPU ms per territory
    inProcessCpuMs,
    workerCpuMs1: one.workerCpuMs / jobs,
    workerCpuMs2: two.workerCpuMs / jobs,
    brokerCpuMs: (one.brokerCpuMs + two.brokerCpuMs) / 2 / jobs,
    enqueueCpuMs: (one.enqueueCpuMs + two.enqueueCpuMs) / 2 / jobs,
    queueOverheadCpuMs:
      one.workerCpuMs / jobs - inProcessCpuMs + (brokerPid ? one.brokerCpuMs / jobs : 0) + one.enqueueCpuMs / jobs,
    noopJobMsConcurrency1: (await noop(1, `${run}-c1`)) * 1000,
    noopJobsPerSConcurrency32: 1 / (await noop(32, `${run}-c32`)),
  };
  rows.push(row);
  process.stderr.write(`run ${run + 1}: ${JSON.stringify(row)}\n`);
}
await queue.close();
await repo.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });

const keys = Object.keys(rows[0] ?? {});
const med = Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k] as number))]));
const ratio = (a: string, b: string) => median(rows.map((r) => (r[a] as number) / (r[b] as number)));
const ratios = {
  oneWorkerOverInProcess: ratio('oneWorkerPerS', 'inProcessPerS'),
  twoWorkersOverOne: ratio('twoWorkersPerS', 'oneWorkerPerS'),
  workerCpuOverInProcessCpu: ratio('workerCpuMs1', 'inProcessCpuMs'),
};
const machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadBefore,
  loadAfter: loadavg()[0],
  speedProbeMs: { before: probeBefore, after: speedProbeMs() },
};
const retailersPerManager = Number(values.retailers) / Number(values.managers);
const out = {
  bench: 'crm-host province planning',
  queue: values.queue,
  city: { retailers: Number(values.retailers), managers: Number(values.managers), retailersPerManager, ...beat },
  runs: rows,
  median: med,
  ratios,
  machine,
};
const outDir = new URL('../../../bench/out/', import.meta.url);
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL(`crm-host-province-${values.queue}.json`, outDir), `${JSON.stringify(out, null, 1)}\n`);
const f = (x: number | undefined, d = 2) => (x ?? Number.NaN).toFixed(d);
process.stdout.write(
  `${values.queue}, ${values.managers} managers x ${retailersPerManager} retailers, ${beat.weeks} week(s), medians of ${runs}:\n` +
    `  managers/s: in-process ${f(med.inProcessPerS)}, 1 worker ${f(med.oneWorkerPerS)}, 2 workers ${f(med.twoWorkersPerS)}` +
    ` (1 worker / in-process ${f(ratios.oneWorkerOverInProcess, 3)}; 2 workers / 1 ${f(ratios.twoWorkersOverOne, 3)})\n` +
    `  CPU ms per territory: in-process ${f(med.inProcessCpuMs, 1)}, worker ${f(med.workerCpuMs1, 1)} (x${f(ratios.workerCpuOverInProcessCpu, 3)}),` +
    ` broker ${f(med.brokerCpuMs, 2)}, enqueue ${f(med.enqueueCpuMs, 2)}; queue overhead ${f(med.queueOverheadCpuMs, 1)} ms CPU per job\n` +
    `  no-op job ${f(med.noopJobMsConcurrency1, 2)} ms at concurrency 1; ${f(med.noopJobsPerSConcurrency32, 0)} no-op jobs/s at 32\n` +
    `${JSON.stringify(machine)}\n`,
);
