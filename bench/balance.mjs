// `npm run bench:balance`: per-attribute balance limits (`partitionTerritories({ balance })`) against
// today's single weighted sum on the same synthetic city (examples/generate-city.mjs, seeded; grades
// 1–30 drawn from the order volume plus seeded noise). Three methods per city, run one after the other
// in the same process:
//   - `sum:workload`: the default single sum (weights { workload: 1 }, tolerance 0.05);
//   - `sum:company`: one sum over what the company balances (count, orders, volume, ordering retailers;
//     weight 1 each, tolerance 0.05);
//   - `limits`: balance { count, orders, volume, orderingRetailers: 0.05 each, grade: 0.03 }.
// For each: the largest deviation of every attribute from its mean over the managers, the limits met
// (of the `limits` set, recomputed from the assignment for the two sums), compactness (Polsby–Popper of
// the convex hull, mean and lowest), pieces, and time. Medians of RUNS cities (seeds 1..RUNS); a CPU
// speed probe before and after. Writes bench/out/balance.json and prints a table.
//   node bench/balance.mjs [--runs 3] [--retailers 6000] [--managers 30]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { partitionTerritories } from '@beatplan/territory';
import { generateCity } from '../examples/generate-city.mjs';
import { median, mulberry32, speedProbeMs } from './lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = arg('runs', 3),
  N = arg('retailers', 6000),
  K = arg('managers', 30);
const LIMITS = { count: 0.05, orders: 0.05, volume: 0.05, orderingRetailers: 0.05, grade: 0.03 };
const METHODS = [
  ['sum:workload', {}],
  ['sum:company', { weights: { count: 1, orders: 1, volume: 1, orderingRetailers: 1 }, tolerance: 0.05 }],
  ['limits', { balance: LIMITS }],
];
const VALUE = {
  count: () => 1,
  orders: (r) => r.orderCount,
  volume: (r) => r.orderVolume,
  orderingRetailers: (r) => (r.orderCount > 0 ? 1 : 0),
};

/** Every attribute's largest deviation over the managers, and how many of the LIMITS set hold. */
function figures(result, retailers) {
  const byId = new Map(retailers.map((r) => [r.id, r]));
  const groups = result.territories.map((t) => t.retailerIds.map((id) => byId.get(id)));
  const assigned = groups.flat();
  const out = { maxDeviation: {}, limitsMet: 0, limitsTotal: 0 };
  for (const [name, value] of Object.entries(VALUE)) {
    const sums = groups.map((g) => g.reduce((a, r) => a + value(r), 0));
    const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
    const dev = Math.max(...sums.map((s) => Math.abs(s - mean) / mean));
    out.maxDeviation[name] = dev;
    out.limitsTotal++;
    if (dev <= LIMITS[name] + 1e-12) out.limitsMet++;
  }
  const sumsW = result.stats.map((s) => s.workloadMinutes);
  const meanW = sumsW.reduce((a, b) => a + b, 0) / sumsW.length;
  out.maxDeviation.workload = Math.max(...sumsW.map((s) => Math.abs(s - meanW) / meanW));
  let worstGrade = 0;
  for (const g of new Set(assigned.map((r) => r.grade))) {
    const share = assigned.filter((r) => r.grade === g).length / assigned.length;
    const dev = Math.max(...groups.map((gr) => Math.abs(gr.filter((r) => r.grade === g).length / gr.length - share)));
    worstGrade = Math.max(worstGrade, dev);
    out.limitsTotal++;
    if (dev <= LIMITS.grade + 1e-12) out.limitsMet++;
  }
  out.maxDeviation.gradeShare = worstGrade;
  out.compactnessMean = result.stats.reduce((a, s) => a + s.compactness, 0) / result.stats.length;
  out.compactnessLowest = Math.min(...result.stats.map((s) => s.compactness));
  out.pieces = result.stats.reduce((a, s) => a + s.pieces, 0);
  return out;
}

const probeBefore = speedProbeMs();
const runs = [];
for (let seed = 1; seed <= RUNS; seed++) {
  const { retailers, managers } = generateCity({ seed, retailers: N, managers: K, radiusKm: 40 });
  const rnd = mulberry32(seed + 500);
  for (const r of retailers) r.grade = Math.min(30, Math.max(1, Math.round(r.orderVolume / 120 + rnd() * 8)));
  const run = { seed };
  for (const [name, options] of METHODS) {
    const t = performance.now();
    const result = partitionTerritories(retailers, managers, options);
    const ms = performance.now() - t;
    run[name] = { ms, ...figures(result, retailers) };
    if (name === 'limits') {
      run[name].statuses = Object.fromEntries(
        ['met', 'missed', 'infeasible'].map((s) => [s, result.limits.filter((l) => l.status === s).length]),
      );
    }
    console.error(
      `seed ${seed} ${name}: ${ms.toFixed(0)} ms, limits met ${run[name].limitsMet}/${run[name].limitsTotal}`,
    );
  }
  runs.push(run);
}
const probeAfter = speedProbeMs();

const med = (name, f) => median(runs.map((r) => f(r[name])));
const median_ = {};
for (const [name] of METHODS) {
  median_[name] = {
    ms: med(name, (x) => x.ms),
    msRatioToSumWorkload: med(name, (x) => x.ms) / med('sum:workload', (x) => x.ms),
    maxDeviation: Object.fromEntries(
      Object.keys(runs[0][name].maxDeviation).map((a) => [a, med(name, (x) => x.maxDeviation[a])]),
    ),
    limitsMet: med(name, (x) => x.limitsMet),
    limitsTotal: med(name, (x) => x.limitsTotal),
    compactnessMean: med(name, (x) => x.compactnessMean),
    compactnessLowest: med(name, (x) => x.compactnessLowest),
    pieces: med(name, (x) => x.pieces),
  };
}
const summary = {
  machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, node ${process.version}, ${os.platform()}`,
  loadAverage: os.loadavg(),
  date: new Date().toISOString(),
  retailers: N,
  managers: K,
  runs: RUNS,
  limits: LIMITS,
  speedProbeMs: { before: probeBefore, after: probeAfter },
  median: median_,
  runsDetail: runs,
};
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/balance.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);

const f = (v, d = 3) => v.toFixed(d);
console.log(`\nbalance, ${N} retailers / ${K} managers, median of ${RUNS} seeded cities (${summary.machine})`);
console.log(`speed probe ${f(probeBefore, 0)} ms before, ${f(probeAfter, 0)} ms after\n`);
console.log(
  '| method | count | workload | orders | volume | ordering | grade share (pts) | limits met | compactness mean (min) | pieces | time (x sum:workload) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name] of METHODS) {
  const m = median_[name];
  const d = m.maxDeviation;
  console.log(
    `| ${name} | ${f(d.count)} | ${f(d.workload)} | ${f(d.orders)} | ${f(d.volume)} | ${f(d.orderingRetailers)} | ${f(100 * d.gradeShare, 1)} | ${m.limitsMet}/${m.limitsTotal} | ${f(m.compactnessMean)} (${f(m.compactnessLowest)}) | ${m.pieces} | ${f(m.ms / 1000, 2)} s (${f(m.msRatioToSumWorkload, 2)}) |`,
  );
}
