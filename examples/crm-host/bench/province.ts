// Province planning over the queue. The same province (a synthetic city, one job per manager) planned in
// the same run: (1) one territory after another in this process's thread, no queue (before and after the
// rest); (2) all of them in this process on a pool of one solver thread per core, no queue — the machine's
// rate; through BullMQ on a real Redis (started here on a free port, stopped at the end) by (3) 1 worker
// PROCESS with 1 solver thread, (4) 1 worker process with one thread per core (how `npm run worker` runs:
// each job's manager planned whole in a pool thread, one job per thread), (5) 2 worker processes with half
// the cores' threads each. Measured: managers planned per second (wall time, enqueue to last result
// stored), and — robust on a shared machine — the CPU time each part spends per territory, read from
// /proc: the workers' (every thread: planning, storing, BullMQ's polling and lock renewal), Redis's, and
// this process's enqueue. The queue's overhead per job is the CPU a queued territory costs beyond the
// same planning in this process on its pool (2), plus Redis's and the enqueue's. Also no-op jobs through one worker at concurrency 1 (a job's round trip) and 32 (what one
// Redis and one client process move). Every figure after a warm-up run in the same processes (WebAssembly
// compiled, JIT warm), as a long-running worker is. CPU-speed probe before and after; medians of `--runs`
// runs; the N-machine estimate of the README from the medians (bench/province-estimate.ts).
//
//   npm run bench:host-province          (from the repository root; = npm --prefix examples/crm-host run bench:province)
//   npm --prefix examples/crm-host run bench:province -- --runs 3 --retailers 2400 --managers 12 --queue redis
//
// `--queue postgres` runs the same on BullMQ's PostgreSQL backend (no broker CPU figure: PostgreSQL runs
// many processes). Writes bench/out/crm-host-province-<queue>.json at the repository root.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSolverPool } from '@beatplan/tsp/pool';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../generate-city.mjs';
import { openRepository } from '../src/db/open-repository.js';
import { splitProvince } from '../src/planning/split-province.js';
import { planTerritories, planTerritory } from '../src/planning/territory-job.js';
import { openProvinceQueue } from '../src/queue/province-queue.js';
import { queueBackend } from '../src/queue/queue-connection.js';
import { waitForRun } from '../src/queue/wait-for-run.js';
import { startWorkerProcess, type WorkerProcess } from '../src/queue/worker-process.js';
import { startPostgres } from '../src/services/start-postgres.js';
import { startRedis } from '../src/services/start-redis.js';
import { median, startMachineLine, writeBenchOut } from './bench-lib.js';
import { provinceEstimate } from './province-estimate.js';

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
const cores = cpus().length;
const halfCores = Math.max(1, Math.floor(cores / 2));

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
/** CPU time (user + system, every thread) a process has used, ms, from /proc (Linux; clock ticks of 10 ms). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime: fields 14 and 15 of stat
};
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const machineLine = startMachineLine();
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
// the machine's cores in this process, no queue: the reference of the queued runs
const pool = createSolverPool({ workers: cores });

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

/** `n` worker processes of `threads` solver threads each (one job per thread at a time): a warm-up run, then the run. */
async function viaWorkers(n: number, threads: number, runId: string) {
  const workers = await Promise.all(
    Array.from({ length: n }, (_, i) => startWorkerProcess({ queueUrl: server.url, db, name: `w${i}`, threads })),
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

/** The run in this process: one territory after another in this thread, or all of them on the pool. */
async function inProcess(runId: string, onPool: boolean) {
  const jobs = await newRun(runId);
  const t0 = process.hrtime.bigint();
  const cpu0 = ownCpuMs();
  if (onPool) await planTerritories(jobs, { solver: pool });
  else for (const job of jobs) await planTerritory(job);
  return { jobs: jobs.length, wallS: seconds(t0), cpuMs: ownCpuMs() - cpu0 };
}

const rows: Record<string, number>[] = [];
await inProcess('in-process-warm-up', false);
await inProcess('pool-warm-up', true);
for (let run = 0; run < runs; run++) {
  const before = await inProcess(`in-process-${run}-a`, false);
  const onPool = await inProcess(`pool-${run}`, true);
  const single = await viaWorkers(1, 1, `one-thread-${run}`);
  const one = await viaWorkers(1, cores, `one-${run}`);
  const two = await viaWorkers(2, halfCores, `two-${run}`);
  const after = await inProcess(`in-process-${run}-b`, false);
  const jobs = one.jobs;
  const inProcessCpuMs = (before.cpuMs + after.cpuMs) / 2 / jobs;
  const row = {
    // wall time: managers planned per second
    inProcessPerS: (2 * jobs) / (before.wallS + after.wallS), // this thread, no queue (mean of before and after)
    poolPerS: jobs / onPool.wallS, // this process on a pool of one thread per core, no queue
    oneWorkerOneThreadPerS: jobs / single.wallS, // 1 worker process, 1 solver thread
    oneWorkerPerS: jobs / one.wallS, // 1 worker process, one solver thread per core
    twoWorkersPerS: jobs / two.wallS, // 2 worker processes, half the cores' threads each
    // CPU ms per territory (every thread of the process)
    inProcessCpuMs,
    poolCpuMs: onPool.cpuMs / jobs,
    workerCpuMs1: one.workerCpuMs / jobs,
    workerCpuMs2: two.workerCpuMs / jobs,
    brokerCpuMs: (one.brokerCpuMs + two.brokerCpuMs) / 2 / jobs,
    enqueueCpuMs: (one.enqueueCpuMs + two.enqueueCpuMs) / 2 / jobs,
    // the queue's cost: a worker process plans exactly as this process on its pool (each manager whole in a
    // pool thread), so what it spends beyond that, plus the broker and the enqueue, is the queue's
    queueOverheadCpuMs:
      one.workerCpuMs / jobs - onPool.cpuMs / jobs + (brokerPid ? one.brokerCpuMs / jobs : 0) + one.enqueueCpuMs / jobs,
    noopJobMsConcurrency1: (await noop(1, `${run}-c1`)) * 1000,
    noopJobsPerSConcurrency32: 1 / (await noop(32, `${run}-c32`)),
  };
  rows.push(row);
  process.stderr.write(`run ${run + 1}: ${JSON.stringify(row)}\n`);
}
await pool.close();
await queue.close();
await repo.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });

const keys = Object.keys(rows[0] ?? {});
const med = Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k] as number))]));
const ratio = (a: string, b: string) => median(rows.map((r) => (r[a] as number) / (r[b] as number)));
const ratios = {
  poolOverInProcess: ratio('poolPerS', 'inProcessPerS'),
  oneWorkerOverOneThread: ratio('oneWorkerPerS', 'oneWorkerOneThreadPerS'),
  oneWorkerOverPool: ratio('oneWorkerPerS', 'poolPerS'),
  twoWorkersOverOne: ratio('twoWorkersPerS', 'oneWorkerPerS'),
  poolCpuOverInProcessCpu: ratio('poolCpuMs', 'inProcessCpuMs'),
  workerCpuOverPoolCpu: ratio('workerCpuMs1', 'poolCpuMs'),
};
const estimate = provinceEstimate({
  cores,
  ratePerMachine: med.poolPerS as number,
  overheadCpuMs: Math.max(0, med.queueOverheadCpuMs as number),
  brokerCpuMs: med.brokerCpuMs as number,
});
const machine = machineLine.end();
const retailersPerManager = Number(values.retailers) / Number(values.managers);
const written = writeBenchOut(`crm-host-province-${values.queue}.json`, {
  bench: 'crm-host province planning',
  queue: values.queue,
  city: { retailers: Number(values.retailers), managers: Number(values.managers), retailersPerManager, ...beat },
  workers: { cores, oneWorkerThreads: cores, twoWorkersThreadsEach: halfCores },
  runs: rows,
  median: med,
  ratios,
  estimate: { ...estimate, measuredOneWorkerPerS: med.oneWorkerPerS },
  machine,
});
const f = (x: number | undefined, d = 2) => (x ?? Number.NaN).toFixed(d);
process.stdout.write(
  `${values.queue}, ${values.managers} managers x ${retailersPerManager} retailers, ${beat.weeks} week(s), ` +
    `${cores} cores, medians of ${runs}:\n` +
    `  managers/s: in-process ${f(med.inProcessPerS)} (1 thread), ${f(med.poolPerS)} (pool of ${cores});` +
    ` 1 worker process ${f(med.oneWorkerOneThreadPerS)} (1 thread), ${f(med.oneWorkerPerS)} (${cores} threads);` +
    ` 2 worker processes ${f(med.twoWorkersPerS)} (${halfCores} thread(s) each)\n` +
    `  ratios: pool / 1 thread ${f(ratios.poolOverInProcess, 3)}; worker ${cores} threads / 1 thread` +
    ` ${f(ratios.oneWorkerOverOneThread, 3)}; 1 worker / pool ${f(ratios.oneWorkerOverPool, 3)};` +
    ` 2 workers / 1 ${f(ratios.twoWorkersOverOne, 3)}\n` +
    `  CPU ms per territory: in-process ${f(med.inProcessCpuMs, 1)} (1 thread), ${f(med.poolCpuMs, 1)} (pool),` +
    ` worker ${f(med.workerCpuMs1, 1)},` +
    ` broker ${f(med.brokerCpuMs, 2)}, enqueue ${f(med.enqueueCpuMs, 2)}; queue overhead` +
    ` ${f(med.queueOverheadCpuMs, 1)} ms CPU per job\n` +
    `  no-op job ${f(med.noopJobMsConcurrency1, 2)} ms at concurrency 1; ${f(med.noopJobsPerSConcurrency32, 0)}` +
    ` no-op jobs/s at 32\n` +
    `  estimate: ${estimate.formula}; predicted 1 worker ${f(estimate.predictedOneMachinePerS)} managers/s` +
    ` (measured ${f(med.oneWorkerPerS)}); ${estimate.example.managers} managers on 1 / 2 / 8 machines:` +
    ` ${estimate.example.seconds.map((x) => f(x, 0)).join(' / ')} s + the partition\n` +
    `${JSON.stringify(machine)}\nwrote ${written}\n`,
);
