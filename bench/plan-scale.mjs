// `npm run bench:plan-scale`: `beatplan plan` on a seeded synthetic city (examples/generate-city.mjs:
// 6,000 retailers, 30 managers, 2 weeks) as a user runs it — each run a fresh `beatplan plan` process —
// with every day routed in the main thread (`--workers 0`, the previous way) and with a worker-thread
// pool (`--workers 1`, `--workers 2`), alternating in the same run so the ratio holds on a noisy
// machine. Median wall time and CPU time (the child's user + system, worker threads included, from
// /proc/self/stat) of RUNS runs each; total planned hours, visits and unplanned visits of each way, and
// whether the written plans are byte for byte the same. A CPU-speed probe before and after.
// Writes bench/out/plan-scale.json and prints a table.
//   node bench/plan-scale.mjs [--runs 5] [--retailers 6000] [--managers 30] [--weeks 2] [--workers 0,1,2]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCity } from '../examples/generate-city.mjs';
import { median, speedProbeMs } from './lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const N = Number(arg('retailers', 6000));
const K = Number(arg('managers', 30));
const WEEKS = Number(arg('weeks', 2));
const WORKERS = String(arg('workers', '0,1,2')).split(',').map(Number);
const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'packages', 'cli', 'bin', 'beatplan.js');

/** CPU seconds of this process's finished children (utime + stime of /proc/self/stat, in clock ticks). */
function childrenCpuS() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime (fields 16, 17; USER_HZ = 100)
}

const dir = mkdtempSync(join(tmpdir(), 'beatplan-plan-scale-'));
const { retailers, managers } = generateCity({ seed: 7, retailers: N, managers: K });
writeFileSync(join(dir, 'retailers.json'), JSON.stringify(retailers));
writeFileSync(join(dir, 'managers.json'), JSON.stringify(managers));

function planOnce(workers) {
  const out = join(dir, `out-${workers}`);
  const args = [cli, 'plan', join(dir, 'retailers.json'), '--managers', join(dir, 'managers.json')];
  args.push('--weeks', String(WEEKS), '--start', '2026-03-02', '--seed', '1', '--out', out, '--force');
  args.push('--workers', String(workers));
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = childrenCpuS() - cpu0;
  if (r.status !== 0) throw new Error(`beatplan plan --workers ${workers} failed (${r.status}): ${r.stderr}`);
  const summary = JSON.parse(r.stdout);
  const plans = readFileSync(join(out, 'visit-plans.json'));
  return {
    wallS,
    cpuS,
    hours: summary.perManager.reduce((a, m) => a + m.hours, 0),
    visits: summary.perManager.reduce((a, m) => a + m.visits, 0),
    unplanned: summary.dropped.length,
    plansSha256: createHash('sha256').update(plans).digest('hex'),
  };
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} vCPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
const runs = new Map(WORKERS.map((w) => [w, []]));
for (let r = 0; r < RUNS; r++)
  for (const w of r % 2 ? [...WORKERS].reverse() : WORKERS) {
    const one = planOnce(w);
    runs.get(w).push(one);
    console.error(`run ${r + 1}/${RUNS} --workers ${w}: ${one.wallS.toFixed(1)} s wall, ${one.cpuS.toFixed(1)} s CPU`);
  }
const probeAfter = speedProbeMs();
rmSync(dir, { recursive: true, force: true });

const reference = runs.get(WORKERS[0])[0];
const rows = WORKERS.map((w) => {
  const list = runs.get(w);
  const first = list[0];
  return {
    workers: w,
    wallS: median(list.map((x) => x.wallS)),
    cpuS: median(list.map((x) => x.cpuS)),
    wallRuns: list.map((x) => Number(x.wallS.toFixed(2))),
    hours: Number(first.hours.toFixed(1)),
    visits: first.visits,
    unplanned: first.unplanned,
    samePlanAsFirst: list.every((x) => x.plansSha256 === reference.plansSha256),
  };
});
const base = rows[0];
console.log(
  `| --workers | median wall s | median CPU s | wall ratio to --workers ${base.workers} | planned hours | visits | unplanned | same plan |`,
);
console.log('|---:|---:|---:|---:|---:|---:|---:|:---|');
for (const x of rows)
  console.log(
    `| ${x.workers} | ${x.wallS.toFixed(2)} | ${x.cpuS.toFixed(2)} | ${(x.wallS / base.wallS).toFixed(3)} | ${x.hours} | ${x.visits} | ${x.unplanned} | ${x.samePlanAsFirst} |`,
  );
const line = `${machine}; load ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after`;
console.log(line);
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', 'plan-scale.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      load: { before: loadBefore, after: loadavg()[0] },
      speedProbeMs: { before: probeBefore, after: probeAfter },
      instance: { retailers: N, managers: K, weeks: WEEKS, citySeed: 7, planSeed: 1, runs: RUNS },
      rows,
    },
    null,
    2,
  )}\n`,
);
