// Load test of POST /visits/:id/end (the fix in, geofence verification, the verdict stored and out) on
// SQLite and on PostgreSQL, with autocannon on 127.0.0.1, bounded in time. Beside it in the same run,
// the reference GET /health (no database, no verification), so the ratio end-visit / health holds on a
// noisy shared machine. A CPU-speed probe before and after. Medians of `--runs` runs.
//
//   npm --prefix examples/crm-host run bench:end-visit [-- --runs 3 --seconds 8 --connections 10]
//
// Writes bench/out/crm-host-end-visit.json at the repository root and prints a table.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadEndVisit } from '../src/check/load-end-visit.js';
import { type Backend, postgresBackend, sqliteBackend } from '../test/backends.js';
import { loadHost, MONDAY } from '../test/fixture.js';
import { median, startMachineLine, writeBenchOut } from './bench-lib.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    visits: { type: 'string', default: '30000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const perRun = Number(values.visits);

async function measure(backend: Backend) {
  const repo = await backend.fresh();
  const host = await loadHost(repo, { now: Date.now, rateLimitPerMinute: 0 });
  await host.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(host.app.server.address() as AddressInfo).port}`;
  const managerId = host.managers[0]?.id as string;
  const rows: {
    health: number;
    endVisit: number;
    p99Ms: number;
    healthP99Ms: number;
    errors: number;
    ended: number;
  }[] = [];
  for (let run = 0; run < runs; run++) {
    const health = await autocannon({ url: `${url}/health`, connections, duration: seconds });
    // visits started 10 minutes ago at the manager's retailers, ended by the load at the same place
    const end = await loadEndVisit({
      baseUrl: url,
      token: host.tokens.m1,
      managerId,
      repo,
      connections,
      seconds,
      visits: perRun,
    });
    rows.push({
      health: health.requests.average,
      healthP99Ms: health.latency.p99,
      endVisit: end.rps,
      p99Ms: end.p99Ms,
      errors: end.errors,
      ended: end.stored,
    });
    process.stderr.write(`${backend.name} run ${run + 1}: ${JSON.stringify(rows.at(-1))}\n`);
  }
  await host.app.close();
  await repo.close();
  return {
    backend: backend.name,
    runs: rows,
    median: {
      endVisitRps: median(rows.map((r) => r.endVisit)),
      endVisitP99Ms: median(rows.map((r) => r.p99Ms)),
      healthRps: median(rows.map((r) => r.health)),
      ratio: median(rows.map((r) => r.endVisit / r.health)),
    },
  };
}

const machineLine = startMachineLine();
const results = [];
for (const name of values.backends.split(',')) {
  const backend = name === 'postgres' ? await postgresBackend() : sqliteBackend();
  try {
    results.push(await measure(backend));
  } finally {
    await backend.stop();
  }
}
const machine = machineLine.end();
writeBenchOut('crm-host-end-visit.json', {
  bench: 'crm-host end-visit',
  plannedDay: MONDAY,
  seconds,
  connections,
  runs,
  machine,
  results,
});
for (const r of results)
  process.stdout.write(
    `${r.backend}: end-visit ${r.median.endVisitRps.toFixed(0)} req/s, p99 ${r.median.endVisitP99Ms} ms; ` +
      `GET /health ${r.median.healthRps.toFixed(0)} req/s; ratio ${r.median.ratio.toFixed(3)} (medians of ${runs})\n`,
  );
process.stdout.write(`${JSON.stringify(machine)}\n`);
