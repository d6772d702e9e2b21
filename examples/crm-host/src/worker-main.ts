// `npm run worker`: one province-planning worker process. Pulls territory jobs from the queue (Redis or
// PostgreSQL), plans them — each territory whole in one thread of a pool of worker threads (`--threads`,
// default one per core), one job per thread at a time (`--concurrency`) — and stores the day plans in the
// host's database. Start as many as you like, on as many machines as you like (with a PostgreSQL database
// they can all reach). Prints one JSON line per event: {"event":"ready"}, {"event":"active","jobId":…},
// {"event":"completed",…}, {"event":"failed",…}.
//
//   npm --prefix examples/crm-host run worker -- --queue redis://127.0.0.1:6379 --db .data/host.db
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { createSolverPool } from '@beatplan/tsp/pool';
import { openRepository } from './db/open-repository.js';
import { startPlanWorker } from './queue/plan-worker.js';

const { values } = parseArgs({
  options: {
    queue: { type: 'string' },
    db: { type: 'string' },
    name: { type: 'string', default: `${hostname()}:${process.pid}` },
    concurrency: { type: 'string' },
    threads: { type: 'string' },
    'lock-ms': { type: 'string' },
    'stalled-ms': { type: 'string' },
  },
});
if (!values.queue || !values.db) {
  process.stderr.write('usage: worker --queue <redis://…|postgres://…> --db <sqlite file|postgres://…> [--name]\n');
  process.exit(2);
}
const repo = await openRepository(values.db);
// the machine's cores: each territory is planned in one of these threads, one job per thread
const pool = createSolverPool(values.threads ? { workers: Number(values.threads) } : {});
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const worker = startPlanWorker({
  queueUrl: values.queue,
  repo,
  name: values.name,
  pool,
  timings: {
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    ...(values['lock-ms'] ? { lockDurationMs: Number(values['lock-ms']) } : {}),
    ...(values['stalled-ms'] ? { stalledIntervalMs: Number(values['stalled-ms']) } : {}),
  },
  onEvent: (e) => say({ event: e.type, jobId: e.jobId, ...(e.detail === undefined ? {} : { detail: e.detail }) }),
});
await worker.waitUntilReady();
say({ event: 'ready', name: values.name, threads: pool.workers, concurrency: worker.opts.concurrency });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await worker.close();
    await pool.close();
    await repo.close();
    process.exit(0);
  });
