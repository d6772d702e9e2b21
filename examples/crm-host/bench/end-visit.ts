// Load test of POST /visits/:id/end (the fix in, geofence verification, the verdict stored and out) on
// SQLite and on PostgreSQL, with autocannon on 127.0.0.1, bounded in time. Beside it in the same run,
// the reference GET /health (no database, no verification), so the ratio end-visit / health holds on a
// noisy shared machine. A CPU-speed probe before and after. Medians of `--runs` runs.
//
//   npm --prefix examples/crm-host run bench:end-visit [-- --runs 3 --seconds 8 --connections 10]
//
// Writes bench/out/crm-host-end-visit.json at the repository root and prints a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type Backend, postgresBackend, sqliteBackend } from '../test/backends.js';
import { loadHost, MONDAY } from '../test/fixture.js';

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

async function measure(backend: Backend) {
  const repo = await backend.fresh();
  const host = await loadHost(repo, { now: Date.now, rateLimitPerMinute: 0 });
  await host.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(host.app.server.address() as AddressInfo).port}`;
  const managerId = host.managers[0]?.id as string;
  const retailers = await repo.listRetailers(managerId);
  const auth = { authorization: `Bearer ${host.tokens.m1}`, 'content-type': 'application/json' };
  const rows: {
    health: number;
    endVisit: number;
    p99Ms: number;
    healthP99Ms: number;
    errors: number;
    ended: number;
  }[] = [];
  for (let run = 0; run < runs; run++) {
    // visits started 10 minutes ago at each retailer, ended by the load at the same place
    const ids: string[] = [];
    const startAt = Date.now() - 10 * 60_000;
    for (let i = 0; i < perRun; i++) {
      const r = retailers[i % retailers.length];
      if (!r) throw new Error('no retailers');
      const id = `bench-${run}-${i}`;
      ids.push(id);
      await repo.insertVisit({
        id,
        managerId,
        retailerId: r.id,
        startFix: { lng: r.location.lng, lat: r.location.lat, accuracyM: 8, source: 'gnss', at: startAt },
        startHash: `bench-${id}`,
        startReceivedAt: startAt,
        endFix: null,
        endHash: null,
        endReceivedAt: null,
        verdict: null,
      });
    }
    const where = new Map(ids.map((id, i) => [id, retailers[i % retailers.length]?.location]));
    const health = await autocannon({ url: `${url}/health`, connections, duration: seconds });
    let next = 0;
    const end = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: auth,
          setupRequest: (req) => {
            const id = ids[next++] ?? 'exhausted';
            const p = where.get(id) ?? { lng: 0, lat: 0 };
            const fix = { lng: p.lng, lat: p.lat, accuracyM: 8, source: 'gnss', at: new Date().toISOString() };
            return { ...req, path: `/visits/${id}/end`, body: JSON.stringify({ fix }) };
          },
        },
      ],
    });
    const ended = (await repo.listVisits(startAt - 1, startAt + 1, managerId)).filter((v) => v.verdict).length;
    rows.push({
      health: health.requests.average,
      healthP99Ms: health.latency.p99,
      endVisit: end.requests.average,
      p99Ms: end.latency.p99,
      errors: end.non2xx + end.errors,
      ended,
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

const probeBefore = speedProbeMs();
const loadBefore = loadavg()[0] ?? 0;
const results = [];
for (const name of values.backends.split(',')) {
  const backend = name === 'postgres' ? await postgresBackend() : sqliteBackend();
  try {
    results.push(await measure(backend));
  } finally {
    await backend.stop();
  }
}
const probeAfter = speedProbeMs();
const machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadBefore,
  loadAfter: loadavg()[0],
  speedProbeMs: { before: probeBefore, after: probeAfter },
};
const out = { bench: 'crm-host end-visit', plannedDay: MONDAY, seconds, connections, runs, machine, results };
const dir = new URL('../../../bench/out/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('crm-host-end-visit.json', dir), `${JSON.stringify(out, null, 1)}\n`);
for (const r of results)
  process.stdout.write(
    `${r.backend}: end-visit ${r.median.endVisitRps.toFixed(0)} req/s, p99 ${r.median.endVisitP99Ms} ms; ` +
      `GET /health ${r.median.healthRps.toFixed(0)} req/s; ratio ${r.median.ratio.toFixed(3)} (medians of ${runs})\n`,
  );
process.stdout.write(`${JSON.stringify(machine)}\n`);
