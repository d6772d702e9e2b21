// `npm run bench:roads-compare -- --old <dir>`: the road engine of this tree and of an older build side by
// side on the same generated city, for the two figures of bench:roads that a change of the engine moves
// most: the graph file load (read + loadRoadGraph) and the 40 × 40 day matrix; with each tree's build
// (parse + prepare) time and graph file size.
//
// The city is bench:roads' (generateOsmExtract, seed 1, 470 lines: 221,098 junctions), written as PBF by
// this tree. Each tree builds its own graph file from it with its own code, once (cached in bench/out/ as
// roads-compare-old.bpg / -new.bpg with the build figures; `--rebuild 1` builds again). Then, for
// `--rounds` rounds, one fresh child process per tree (order alternating: old, new, then new, old, …)
// reads and loads its file 6 times (the first load, as a program that opens the file once sees it, and
// the median of the other 5), runs one 40 × 40 query (compiles the kernel, copies the hierarchy into
// WebAssembly memory), then 20 sets of 40 points (median). The points are the same in both trees, and
// both must give the same cells (a hash of every matrix is compared). Wall and process CPU ms; a
// CPU-speed probe before and after.
//
// The old tree is a built copy of an older commit, e.g.
//   git archive <commit> | tar -x -C /tmp/roads-old && (cd /tmp/roads-old && npm ci)
// Run: node bench/roads-compare.mjs --old /tmp/roads-old [--rounds 4]
// Output: a table on stdout and bench/out/roads-compare.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, mulberry32, speedProbeMs } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(benchDir, 'out');
const LINES = 470;
const SEED = 1;

function fail(message) {
  console.error(`bench:roads-compare: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { old: null, rounds: 4, rebuild: false, child: null, tree: null, file: null, out: null };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => inline ?? argv[++k];
    if (flag === '--old') opts.old = resolve(value());
    else if (flag === '--rounds') opts.rounds = Number(value());
    else if (flag === '--rebuild') opts.rebuild = value() === '1';
    else if (flag === '--child')
      opts.child = value(); // internal: build | time
    else if (flag === '--tree') opts.tree = value();
    else if (flag === '--file') opts.file = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node bench/roads-compare.mjs --old <built tree> [--rounds 4] [--rebuild 1]');
      process.exit(0);
    } else fail(`unknown argument ${argv[k]}`);
  }
  if (opts.child === null && opts.old === null) fail('--old <dir> is required: a built copy of the older commit');
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 1)) fail('--rounds must be a positive integer');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const roadsOf = (tree) => import(join(tree, 'packages/roads/dist/index.js'));
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** Wall and process CPU ms of f(). */
function timed(f) {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, cpuMs: cpuNow() - c0, value };
}

if (opts.child === 'build') {
  // Child: build the graph of the PBF with this tree's code.
  const { buildRoadGraph, saveRoadGraph } = await roadsOf(opts.tree);
  const c0 = cpuNow();
  const t0 = performance.now();
  const g = await buildRoadGraph(opts.file, { profile: 'car' });
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  const bytes = saveRoadGraph(g);
  writeFileSync(opts.out, bytes);
  console.log(
    JSON.stringify({
      ms,
      cpuMs,
      parseMs: g.buildStats.parseMs,
      prepareMs: g.buildStats.prepareMs,
      bytes: bytes.length,
    }),
  );
  process.exit(0);
}

if (opts.child === 'time') {
  // Child: loads, then the 40 × 40 queries on the points of points.json.
  const { loadRoadGraph, roadMatrix } = await roadsOf(opts.tree);
  const loads = [];
  let graph;
  for (let k = 0; k < 6; k++) {
    const r = timed(() => loadRoadGraph(readFileSync(opts.file), { profile: 'car' }));
    loads.push({ ms: r.ms, cpuMs: r.cpuMs });
    graph = r.value;
  }
  const sets = JSON.parse(readFileSync(join(outDir, 'roads-compare-points.json'), 'utf8'));
  const hash = createHash('sha256');
  const first = timed(() => roadMatrix(graph, sets[0]));
  const runs = sets.slice(1).map((points) => {
    const r = timed(() => roadMatrix(graph, points));
    hash.update(new Uint8Array(r.value.distancesM.buffer)).update(new Uint8Array(r.value.durationsS.buffer));
    return { ms: r.ms, cpuMs: r.cpuMs };
  });
  console.log(JSON.stringify({ loads, first: { ms: first.ms, cpuMs: first.cpuMs }, runs, hash: hash.digest('hex') }));
  process.exit(0);
}

const trees = { old: opts.old, new: resolve(benchDir, '..') };
for (const [side, dir] of Object.entries(trees))
  if (!existsSync(join(dir, 'packages/roads/dist/index.js')))
    fail(`${side} tree ${dir}: packages/roads/dist is missing`);
const run = (args) =>
  JSON.parse(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      .trim()
      .split('\n')
      .pop(),
  );

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(`bench:roads-compare — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.date}`);
console.log(`old: ${trees.old}\nnew: ${trees.new}`);
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
mkdirSync(outDir, { recursive: true });

// The city (this tree's generator), the 40-point sets (as bench:roads draws them), each tree's graph.
const { generateOsmExtract, osmExtractToPbf } = await roadsOf(trees.new);
const city = generateOsmExtract({ seed: SEED, lines: LINES, villages: 12 });
const pbfPath = join(outDir, `roads-city-${LINES}.osm.pbf`);
writeFileSync(pbfPath, await osmExtractToPbf(city));
const span = (key) => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < Math.min(city.nodes.length, 200_000); i++) {
    lo = Math.min(lo, city.nodes[i][key]);
    hi = Math.max(hi, city.nodes[i][key]);
  }
  return [lo, hi];
};
const [lngLo, lngHi] = span('lng');
const [latLo, latHi] = span('lat');
const rnd = mulberry32(SEED + 100);
const points = () =>
  Array.from({ length: 40 }, () => ({ lng: lngLo + rnd() * (lngHi - lngLo), lat: latLo + rnd() * (latHi - latLo) }));
writeFileSync(join(outDir, 'roads-compare-points.json'), JSON.stringify(Array.from({ length: 21 }, points)));
const builds = {};
for (const side of ['old', 'new']) {
  const file = join(outDir, `roads-compare-${side}.bpg`);
  const figures = join(outDir, `roads-compare-${side}.json`);
  if (opts.rebuild || !existsSync(file) || !existsSync(figures)) {
    const b = run(['--child', 'build', '--tree', trees[side], '--file', pbfPath, '--out', file]);
    writeFileSync(figures, JSON.stringify({ ...b, tree: trees[side], date: new Date().toISOString() }));
  }
  builds[side] = { ...JSON.parse(readFileSync(figures, 'utf8')), file };
  if (builds[side].tree !== trees[side]) fail(`${figures} was built from ${builds[side].tree}: run with --rebuild 1`);
  console.error(
    `${side}: build ${(builds[side].ms / 1000).toFixed(1)} s, ${(builds[side].bytes / 2 ** 20).toFixed(1)} MiB`,
  );
}

const samples = interleave({
  rounds: opts.rounds,
  measure: (side) => run(['--child', 'time', '--tree', trees[side], '--file', builds[side].file]),
  afterRound: (round, all) => {
    const last = all.get(null);
    if (last.old.at(-1).hash !== last.new.at(-1).hash) fail('the two trees gave different 40 × 40 matrices');
    console.error(`round ${round + 1} of ${opts.rounds} done (load ${loadavg()[0].toFixed(1)})`);
  },
}).get(null);
const probeAfter = speedProbeMs();
const loadAfter = loadavg()[0];

const figure = (side, pick) => {
  const xs = samples[side].flatMap(pick);
  return { ms: median(xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpuMs)) };
};
const rows = [
  ['first file load in a process (read + loadRoadGraph)', (s) => [s.loads[0]], 200],
  ['file load, median of loads 2–6', (s) => s.loads.slice(1), 200],
  ['first 40 × 40 query (kernel compiled, hierarchy copied)', (s) => [s.first], null],
  ['40 × 40, median of 20 sets', (s) => s.runs, 10],
].map(([label, pick, target]) => {
  const o = figure('old', pick);
  const n = figure('new', pick);
  return { label, target, old: o, new: n, ratio: { ms: n.ms / o.ms, cpuMs: n.cpuMs / o.cpuMs } };
});

const f = (x, d = 1) => x.toFixed(d);
console.log(
  `\n${opts.rounds} rounds; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; speed probe ${f(probeBefore, 0)} ms before, ${f(probeAfter, 0)} ms after\n`,
);
console.log('| figure | old wall ms (CPU) | new wall ms (CPU) | new/old wall (CPU) | target (new, wall) |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of rows)
  console.log(
    `| ${r.label} | ${f(r.old.ms)} (${f(r.old.cpuMs)}) | ${f(r.new.ms)} (${f(r.new.cpuMs)}) | ${f(r.ratio.ms, 2)} (${f(r.ratio.cpuMs, 2)}) | ${r.target === null ? '—' : `≤ ${r.target} ms: ${r.new.ms <= r.target ? 'met' : 'missed'}`} |`,
  );
for (const side of ['old', 'new']) {
  const b = builds[side];
  console.log(
    `| build (parse + prepare), ${side} | ${f(b.ms / 1000)} s wall, ${f(b.cpuMs / 1000)} s CPU (parse ${f(b.parseMs / 1000)} s, prepare ${f(b.prepareMs / 1000)} s) | file ${f(b.bytes / 2 ** 20)} MiB | | |`,
  );
}
const json = {
  bench: 'roads-compare',
  machine: { ...machine, loadBefore, loadAfter, speedProbeMs: { before: probeBefore, after: probeAfter } },
  options: { rounds: opts.rounds, lines: LINES, seed: SEED },
  trees,
  builds,
  results: rows,
  samples,
};
writeFileSync(join(outDir, 'roads-compare.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log('\nwritten: bench/out/roads-compare.json');
