// `npm run bench:npm-ci -- --old <commit>`: how long `npm ci` takes on a fresh clone (issue 15: "quieter
// and at least a third faster"), this repository's HEAD against an older commit, side by side.
//
// Each side is cloned once from this repository (`git clone --no-local`, then `git checkout <commit>`)
// into a temporary folder. For each of `--rounds` rounds, the two sides run back to back, the order
// alternating (old, new, then new, old, …: see `interleave` in lib.mjs); before each run
// `git clean -xdfq` leaves the clone as fresh as a new one (no node_modules, no build output). The run
// is `npm ci` as a newcomer types it, which also builds (`prepare`: WebAssembly, packages, declarations).
// Figures per run: wall seconds, CPU seconds of npm and every process it started (user + system, from
// /usr/bin/time), the lines it printed and how many of them say `warn`. npm's package cache is shared by
// both sides (warm after the first round, as on a developer's machine); the first round's figures are
// reported but the medians are over rounds 2 and later when there are any. A CPU-speed probe runs
// before and after.
//
// Run: node bench/npm-ci.mjs --old 86178a2 [--rounds 3] [--new HEAD]
// Output: a table on stdout and bench/out/npm-ci.json. The clones are removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, speedProbeMs } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');

function fail(message) {
  console.error(`bench:npm-ci: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { old: null, new: 'HEAD', rounds: 3 };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => inline ?? argv[++k];
    if (flag === '--old') opts.old = value();
    else if (flag === '--new') opts.new = value();
    else if (flag === '--rounds') opts.rounds = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node bench/npm-ci.mjs --old <commit> [--new HEAD] [--rounds 3]');
      process.exit(0);
    } else fail(`unknown argument ${argv[k]}`);
  }
  if (opts.old === null) fail('--old <commit> is required (e.g. 86178a2, before the one-pass declarations)');
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 1)) fail('--rounds must be a positive integer');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const git = (args, cwd = root) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const commits = { old: git(['rev-parse', opts.old]), new: git(['rev-parse', opts.new]) };
const work = mkdtempSync(join(tmpdir(), 'beatplan-npm-ci-'));
const dirs = {};
for (const side of ['old', 'new']) {
  dirs[side] = join(work, side);
  git(['clone', '--quiet', '--no-local', root, dirs[side]]);
  git(['checkout', '--quiet', commits[side]], dirs[side]);
}

/** One `npm ci` in a cleaned clone: wall and CPU seconds, lines printed, warning lines. */
function npmCi(side) {
  const dir = dirs[side];
  git(['clean', '-xdfq'], dir);
  const timing = join(work, `${side}.time`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timing, 'npm', 'ci', '--no-audit', '--no-fund'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, CI: '' },
  });
  if (r.status !== 0) fail(`${side}: npm ci exited ${r.status}\n${r.stderr.slice(-2000)}`);
  const [wallS, userS, sysS] = readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
  const warnings = lines.filter((l) => /\bwarn/i.test(l));
  console.error(`${side}: ${wallS.toFixed(1)} s wall, ${(userS + sysS).toFixed(1)} s CPU, ${lines.length} lines`);
  return { wallS, cpuS: userS + sysS, lines: lines.length, warnings: warnings.length, warningLines: warnings };
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(),
  date: new Date().toISOString(),
};
console.log(
  `bench:npm-ci — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, npm ${machine.npm}, ${machine.date}`,
);
console.log(`old: ${commits.old}\nnew: ${commits.new}`);
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
let samples;
try {
  samples = interleave({
    rounds: opts.rounds,
    measure: (side) => npmCi(side),
    afterRound: (round) => console.error(`round ${round + 1} of ${opts.rounds} done (load ${loadavg()[0].toFixed(1)})`),
  }).get(null);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const probeAfter = speedProbeMs();
const loadAfter = loadavg()[0];

const counted = (runs) => (runs.length > 1 ? runs.slice(1) : runs);
const rows = ['old', 'new'].map((side) => {
  const runs = counted(samples[side]);
  return {
    side,
    commit: commits[side],
    wallS: median(runs.map((r) => r.wallS)),
    cpuS: median(runs.map((r) => r.cpuS)),
    lines: median(runs.map((r) => r.lines)),
    warnings: median(runs.map((r) => r.warnings)),
  };
});
const [o, n] = rows;
const f = (x, d = 1) => x.toFixed(d);
console.log(
  `\n${opts.rounds} rounds (medians over ${opts.rounds > 1 ? `rounds 2–${opts.rounds}` : 'round 1'}); load average ${f(loadBefore, 2)} before, ${f(loadAfter, 2)} after; speed probe ${f(probeBefore, 0)} ms before, ${f(probeAfter, 0)} ms after\n`,
);
console.log('| side | commit | wall s | CPU s | lines printed | warning lines |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.side} | ${r.commit.slice(0, 7)} | ${f(r.wallS)} | ${f(r.cpuS)} | ${r.lines} | ${r.warnings} |`);
console.log(`| new/old | | ${f(n.wallS / o.wallS, 2)} | ${f(n.cpuS / o.cpuS, 2)} | | |`);
mkdirSync(join(benchDir, 'out'), { recursive: true });
writeFileSync(
  join(benchDir, 'out', 'npm-ci.json'),
  `${JSON.stringify(
    {
      bench: 'npm-ci',
      machine: { ...machine, loadBefore, loadAfter, speedProbeMs: { before: probeBefore, after: probeAfter } },
      options: opts,
      commits,
      results: rows,
      ratio: { wallS: n.wallS / o.wallS, cpuS: n.cpuS / o.cpuS },
      samples,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwritten: bench/out/npm-ci.json');
