// `npm run bench:verify-compare -- --old <dir>`: bench:verify's four paths timed in this tree and in an
// older build side by side, finely interleaved, so that a ratio holds on a noisy machine.
//
// bench:verify times each path in a fresh child process (`bench/verify.mjs --child <path>`: seeded data,
// a full GC, 3 warm-ups, then `--runs` timed calls). Here, for every round and every path, the old
// tree's child and this tree's child run back to back, the order alternating between rounds (old,
// new, then new, old, …), so that a slow spell of the shared machine falls on both sides alike. The
// figures: per path, the median over every timed call of every round (wall and CPU ms), the ratio
// new/old of those medians, and the median of the per-round ratios. A CPU-speed probe runs before and
// after. Each side's child reports a hash of its result; it must be the same in every round.
//
// The old tree is a built copy of an older commit, e.g.
//   git archive 2eb807b | tar -x -C /tmp/verify-old && (cd /tmp/verify-old && npm ci)
// Run: node bench/verify-compare.mjs --old /tmp/verify-old [--rounds 6] [--runs 7] [--visits 100000]
//   [--paths validated,parsed,columnar,day] (default all four)
// Output: a table on stdout and bench/out/verify-compare.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, speedProbeMs } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const PATHS = ['validated', 'parsed', 'columnar', 'day'];
const LABELS = {
  validated: 'validated (verifyDay)',
  parsed: 'pre-validated objects (verifyParsed)',
  columnar: 'pre-validated columns (verifyColumns)',
  day: 'validated, one manager-day per call',
};

function fail(message) {
  console.error(`bench:verify-compare: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { old: null, rounds: 6, runs: 7, visits: 100_000, paths: PATHS };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => inline ?? argv[++k];
    if (flag === '--old') opts.old = resolve(value());
    else if (flag === '--rounds') opts.rounds = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--visits') opts.visits = Number(value());
    else if (flag === '--paths') opts.paths = value().split(',');
    else if (flag === '--help' || flag === '-h') {
      console.log(
        `usage: node bench/verify-compare.mjs --old <built tree> [--rounds 6] [--runs 7] [--visits 100000] [--paths ${PATHS.join(',')}]`,
      );
      process.exit(0);
    } else fail(`unknown argument ${argv[k]}`);
  }
  for (const path of opts.paths) if (!PATHS.includes(path)) fail(`--paths: unknown path ${path} (${PATHS.join(', ')})`);
  if (opts.old === null) fail('--old <dir> is required: a built copy of the older commit (see the header)');
  for (const key of ['rounds', 'runs', 'visits'])
    if (!(Number.isInteger(opts[key]) && opts[key] >= 1)) fail(`--${key} must be a positive integer`);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const trees = { old: opts.old, new: resolve(benchDir, '..') };
for (const [side, dir] of Object.entries(trees)) {
  for (const file of ['bench/verify.mjs', 'packages/geofence/dist/index.js', 'packages/core/dist/index.js'])
    if (!existsSync(join(dir, file))) fail(`${side} tree ${dir}: ${file} is missing (not a built beatplan tree?)`);
}

/** One child of `bench/verify.mjs` in `dir`: { ms, cpuMs, hash }. */
function child(dir, path) {
  const args = [
    '--expose-gc',
    join(dir, 'bench/verify.mjs'),
    '--child',
    path,
    '--runs',
    String(opts.runs),
    '--visits',
    String(opts.visits),
  ];
  const out = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop());
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(`bench:verify-compare — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.date}`);
console.log(`old: ${trees.old}\nnew: ${trees.new}`);
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();

const hashes = new Map();
const runs = interleave({
  rounds: opts.rounds,
  items: opts.paths,
  measure: (side, path) => {
    const out = child(trees[side], path);
    const key = `${side} ${path}`;
    if (hashes.has(key) && hashes.get(key) !== out.hash) fail(`${key}: the result changed between rounds`);
    hashes.set(key, out.hash);
    return { ms: out.ms, cpuMs: out.cpuMs };
  },
  afterRound: (round) => console.error(`round ${round + 1} of ${opts.rounds} done (load ${loadavg()[0].toFixed(1)})`),
});
const probeAfter = speedProbeMs();
const loadAfter = loadavg()[0];

const rows = opts.paths.map((path) => {
  const r = runs.get(path);
  const all = (side, key) => r[side].flatMap((x) => x[key]);
  const perRound = (key) => r.new.map((x, i) => median(x[key]) / median(r.old[i][key]));
  const row = { path, label: LABELS[path] };
  for (const key of ['ms', 'cpuMs']) {
    row[key] = {
      oldMedian: median(all('old', key)),
      newMedian: median(all('new', key)),
      ratio: median(all('new', key)) / median(all('old', key)),
      roundRatios: perRound(key),
      medianRoundRatio: median(perRound(key)),
    };
  }
  row.runs = r;
  return row;
});

console.log(
  `\n${opts.rounds} rounds × ${opts.runs} timed calls per side and path (after 3 warm-ups each), ${opts.visits} visits`,
);
console.log(
  `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after\n`,
);
console.log(
  '| path | old median wall ms | new median wall ms | new/old wall | median of round ratios (wall) | new/old CPU | median of round ratios (CPU) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const f = (x, d = 1) => x.toFixed(d);
for (const row of rows) {
  console.log(
    `| ${row.label} | ${f(row.ms.oldMedian)} | ${f(row.ms.newMedian)} | ${f(row.ms.ratio, 3)} | ${f(row.ms.medianRoundRatio, 3)} | ${f(row.cpuMs.ratio, 3)} | ${f(row.cpuMs.medianRoundRatio, 3)} |`,
  );
}

mkdirSync(join(benchDir, 'out'), { recursive: true });
const json = {
  bench: 'verify-compare',
  machine: { ...machine, loadBefore, loadAfter, speedProbeMs: { before: probeBefore, after: probeAfter } },
  options: opts,
  trees,
  results: rows,
};
writeFileSync(join(benchDir, 'out', 'verify-compare.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log('\nwritten: bench/out/verify-compare.json');
