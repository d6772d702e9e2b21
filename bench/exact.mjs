// Exact-solver benchmark: the Held-Karp WebAssembly core of @beatplan/tsp (SIMD and scalar builds,
// through the public `solve`) against the same algorithm in C (`layered`) and against the earlier
// full-table Held-Karp in C (sparse and dense) and in plain TypeScript.
// Run with `npm run bench:exact -- [--min 12] [--max 24] [--runs N] [--warm 3] [--impl a,b,..]`.
//
// For every n it builds one seeded random instance (uniform points in [0,10000]^2, rounded
// Euclidean, mulberry32 with seed = n) shared by every implementation, runs each implementation in a
// fresh child process per run (so max RSS is per run), pinned to CPU 1 when taskset exists, checks
// that all of them return the same optimal cost and that every tour re-sums to it, and reports the
// median time and the peak max RSS. Machine-readable results go to bench/out/exact.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, mulberry32 } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const outDir = join(benchDir, 'out');
const IMPLS = ['wasm-simd', 'wasm-scalar', 'c-layered', 'c-sparse', 'c-dense', 'ts'];
const C_IMPLS = ['c-layered', 'c-sparse', 'c-dense'];
const MAX_N = 27;
const LABEL = {
  'wasm-simd': 'WASM SIMD',
  'wasm-scalar': 'WASM scalar',
  'c-layered': 'C layered',
  'c-sparse': 'C sparse',
  'c-dense': 'C dense',
  ts: 'JS (TS ref)',
};

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { min: 12, max: 24, runs: undefined, warm: 3, impls: IMPLS };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => inline ?? argv[++k];
    if (flag === '--min') opts.min = Number(value());
    else if (flag === '--max') opts.max = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--impl') opts.impls = value().split(',');
    else if (flag === '--warm') opts.warm = Number(value());
    else if (flag === '--pin')
      opts.pin = true; // taskset -c 1: steadier C, but V8's compiler thread then shares the CPU
    else if (flag === '--help' || flag === '-h') {
      console.log(
        `usage: node bench/exact.mjs [--min 12] [--max 24 (<= ${MAX_N})] [--runs N] [--warm 3] [--pin] [--impl ${IMPLS.join(',')}]`,
      );
      console.log('  --warm: solves repeated in the same process after the cold one (memory already touched)');
      console.log('  --runs defaults to 5 for n <= 16 and 3 above');
      process.exit(0);
    } else fail(`unknown argument ${argv[k]}`);
  }
  if (
    !Number.isInteger(opts.min) ||
    !Number.isInteger(opts.max) ||
    opts.min < 4 ||
    opts.max > MAX_N ||
    opts.min > opts.max
  )
    fail(`--min/--max must be integers with 4 <= min <= max <= ${MAX_N}, received ${opts.min}..${opts.max}`);
  if (opts.runs !== undefined && !(Number.isInteger(opts.runs) && opts.runs >= 1))
    fail(`--runs must be a positive integer, received ${opts.runs}`);
  for (const impl of opts.impls)
    if (!IMPLS.includes(impl)) fail(`--impl: unknown implementation ${impl} (known: ${IMPLS.join(', ')})`);
  return opts;
}

function fail(message) {
  console.error(`bench:exact: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------- instances

/** n uniform points in [0,10000]^2 (seed = n), TSPLIB-style rounded Euclidean, row-major Int32Array. */
function makeInstance(n) {
  const rand = mulberry32(n);
  const pts = Array.from({ length: n }, () => [rand() * 10000, rand() * 10000]);
  const matrix = new Int32Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      matrix[r * n + c] = r === c ? 0 : Math.floor(Math.hypot(pts[r][0] - pts[c][0], pts[r][1] - pts[c][1]) + 0.5);
  return matrix;
}

function writeInstance(n, matrix) {
  const dir = join(outDir, 'instances');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `exact-n${n}.txt`);
  const lines = [String(n)];
  for (let r = 0; r < n; r++) lines.push(Array.from(matrix.subarray(r * n, r * n + n)).join(' '));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Closed-tour cost; throws unless the tour visits every node exactly once. */
function tourCost(tour, matrix, n) {
  const t = tour.length === n + 1 && tour[n] === tour[0] ? tour.slice(0, n) : tour;
  if (t.length !== n) throw new Error(`tour has ${tour.length} nodes, expected ${n}`);
  const seen = new Set(t);
  if (seen.size !== n || t.some((v) => !Number.isInteger(v) || v < 0 || v >= n))
    throw new Error(`tour is not a permutation of 0..${n - 1}: ${t}`);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += matrix[t[k] * n + t[(k + 1) % n]];
  return sum;
}

// ---------------------------------------------------------------- building the references

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function buildC() {
  if (!has('gcc')) return { error: 'gcc not found' };
  const exe = join(outDir, 'held-karp');
  const flags = ['-O3', '-march=native'];
  execFileSync('gcc', [...flags, '-o', exe, join(benchDir, 'reference', 'held-karp.c')], { stdio: 'inherit' });
  const version = execFileSync('gcc', ['-dumpfullversion']).toString().trim();
  return { exe, compiler: `gcc ${version} ${flags.join(' ')}` };
}

async function buildTs() {
  const { transform } = await import('esbuild');
  const src = readFileSync(join(benchDir, 'reference', 'held-karp.ts'), 'utf8');
  const { code } = await transform(src, { loader: 'ts', format: 'esm', target: 'es2022' });
  const file = join(outDir, 'held-karp.mjs');
  writeFileSync(file, code);
  const { version } = await import('esbuild');
  return { file, compiler: `esbuild ${version} transform (es2022)` };
}

async function checkWasm() {
  try {
    const mod = await import('@beatplan/tsp');
    if (typeof mod.solve !== 'function')
      return { error: `@beatplan/tsp has no solve export (exports: ${Object.keys(mod).join(', ') || 'none'})` };
    return {};
  } catch (e) {
    return { error: `cannot import @beatplan/tsp (${e.code ?? e.message}); run \`npm run build\`` };
  }
}

// ---------------------------------------------------------------- running

const pin = process.argv.includes('--pin') && has('taskset') ? ['taskset', '-c', '1'] : [];

function command(impl, instance, built) {
  switch (impl) {
    case 'c-layered':
      return [built.c.exe, instance, 'layered', String(opts.warm)];
    case 'c-sparse':
      return [built.c.exe, instance, 'sparse', String(opts.warm)];
    case 'c-dense':
      return [built.c.exe, instance, 'dense', String(opts.warm)];
    case 'ts':
      return [process.execPath, join(benchDir, 'exact-child.mjs'), 'ts', instance, built.ts.file, String(opts.warm)];
    default:
      return [process.execPath, join(benchDir, 'exact-child.mjs'), impl, instance, '-', String(opts.warm)];
  }
}

function runOnce(impl, instance, built) {
  const argv = [...pin, ...command(impl, instance, built)];
  const p = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (p.status !== 0)
    throw new Error(`${impl} failed (${p.signal ?? `exit ${p.status}`}): ${argv.join(' ')}\n${p.stderr}`);
  const line = p.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`${impl} printed no JSON result: ${p.stdout}\n${p.stderr}`);
  }
}

/** C(b, t) as a double (exact for the sizes here). */
function binomial(b, t) {
  let r = 1;
  for (let k = 1; k <= t; k++) r = (r * (b - t + k)) / k;
  return r;
}

// ---------------------------------------------------------------- report

const fmtMs = (v) => (v === undefined ? '–' : v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
const fmtRatio = (v) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2));
const mib = (kib) => (kib === undefined ? '–' : (kib / 1024).toFixed(0));

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    `| ${cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, c) => (c === 0 ? ':' : '-').padEnd(w + 1, '-') + (c === 0 ? '-' : ':')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

function report(results, impls, pageFaultUs) {
  const timeHeader = [
    'n',
    'optimal cost',
    ...impls.map((i) => `${LABEL[i]} ms`),
    'fastest C',
    'SIMD/C layered',
    'scalar/C layered',
    'SIMD/fastest C',
    'JS/SIMD',
  ];
  const rowsOf = (key, ratios) =>
    results.map((r) => [
      String(r.n),
      String(r.cost),
      ...impls.map((i) => fmtMs(r.impls[i]?.[key])),
      r[ratios].fastestC ? LABEL[r[ratios].fastestC] : '–',
      fmtRatio(r[ratios].wasmSimdOverCLayered),
      fmtRatio(r[ratios].wasmScalarOverCLayered),
      fmtRatio(r[ratios].wasmSimdOverFastestC),
      fmtRatio(r[ratios].jsOverWasmSimd),
    ]);
  const timeRows = rowsOf('medianMs', 'ratios');
  const warmRows = rowsOf('warmMedianMs', 'warmRatios');
  const memHeader = [
    'n',
    'full table MiB',
    'layered MiB',
    'layered page faults ms',
    ...impls.map((i) => `${LABEL[i]} MiB`),
  ];
  const memRows = results.map((r) => [
    String(r.n),
    r.dpTableMiB.toFixed(1),
    r.layeredMiB.toFixed(1),
    fmtMs((r.layeredMiB * 256 * pageFaultUs) / 1000),
    ...impls.map((i) => mib(r.impls[i]?.maxRssKiB)),
  ]);
  return (
    `Cold: the first solve in a fresh process (its table's memory is touched for the first time), median wall time (ms) and ratios of medians\n${table(timeHeader, timeRows)}\n\n` +
    `Warm: the same solve repeated in the same process (memory reused: the library keeps its WebAssembly memory; C reuses its buffer), median (ms)\n${table(timeHeader, warmRows)}\n\n` +
    `Peak memory (max RSS over the runs, MiB). Full table = 2^m·m·4 bytes (C sparse, JS; C dense pads m to 4); layered = two layers of C(m, m/2) rows + a byte of parent per state, 2·C(m, m/2)·m·4 + m·2^(m-1) bytes (WASM, C layered; SIMD and C layered pad m to 4). "Layered page faults" = its first touch at ${pageFaultUs} µs per 4 KiB page, paid inside every cold timing\n${table(memHeader, memRows)}`
  );
}

// ---------------------------------------------------------------- main

const opts = parseArgs(process.argv.slice(2));
mkdirSync(outDir, { recursive: true });
const notes = [];
const built = {};
let impls = [...opts.impls];

if (impls.some((i) => i.startsWith('c-'))) {
  built.c = buildC();
  if (built.c.error) {
    notes.push(`C reference skipped: ${built.c.error}`);
    impls = impls.filter((i) => !i.startsWith('c-'));
  }
}
if (impls.includes('ts')) built.ts = await buildTs();
if (impls.some((i) => i.startsWith('wasm-'))) {
  const w = await checkWasm();
  if (w.error) fail(`${w.error}. Build it, or pass --impl ${impls.filter((i) => !i.startsWith('wasm-')).join(',')}`);
}
if (!pin.length) notes.push('children are not pinned to a CPU (pass --pin to pin them to CPU 1)');

/** Microseconds per first touch of a fresh 4 KiB page (median of 3, in a pinned child). */
function measurePageFaultUs() {
  const argv = [...pin, process.execPath, join(benchDir, 'exact-child.mjs'), 'page-faults', '64'];
  const us = [0, 1, 2].map(
    () => JSON.parse(execFileSync(argv[0], argv.slice(1), { encoding: 'utf8' }).trim()).usPerPage,
  );
  return +median(us).toFixed(2);
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  v8: process.versions.v8,
  c: built.c?.compiler ?? null,
  ts: built.ts?.compiler ?? null,
  pinned: pin.length ? pin.join(' ') : null,
  pageFaultUs: measurePageFaultUs(),
  thp: existsSync('/sys/kernel/mm/transparent_hugepage/enabled')
    ? readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8').trim()
    : null,
  date: new Date().toISOString(),
};
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, ${machine.c ?? 'no C'}, ${machine.pinned ?? 'unpinned'}, first touch ${machine.pageFaultUs} µs per 4 KiB page, ${machine.date}`;
console.log(`bench:exact — ${machineLine}`);
for (const note of notes) console.log(`note: ${note}`);

const results = [];
for (let n = opts.min; n <= opts.max; n++) {
  const runs = opts.runs ?? (n <= 16 ? 5 : 3);
  const matrix = makeInstance(n);
  const instance = writeInstance(n, matrix);
  const m = n - 1;
  const entry = {
    n,
    cost: undefined,
    dpTableMiB: (2 ** m * m * 4) / 2 ** 20,
    layeredMiB: (2 * binomial(m, m >> 1) * m * 4 + m * 2 ** (m - 1)) / 2 ** 20,
    runs,
    impls: {},
    ratios: {},
  };
  for (const impl of impls) {
    const samples = [];
    for (let k = 0; k < runs; k++) {
      const out = runOnce(impl, instance, built);
      const resummed = tourCost(out.tour, matrix, n);
      if (resummed !== out.cost)
        throw new Error(`n=${n} ${impl}: tour re-sums to ${resummed} but the reported cost is ${out.cost}`);
      if (out.exact === false) throw new Error(`n=${n} ${impl}: solve reported exact: false`);
      if (entry.cost === undefined) entry.cost = out.cost;
      else if (out.cost !== entry.cost)
        throw new Error(`n=${n} ${impl}: cost ${out.cost} differs from ${entry.cost} found before`);
      samples.push(out);
    }
    const ms = samples.map((s) => s.ms);
    const warmMs = samples.flatMap((s) => s.warmMs ?? []);
    const rss = samples.map((s) => s.maxRssKiB);
    entry.impls[impl] = {
      medianMs: median(ms),
      warmMedianMs: warmMs.length ? median(warmMs) : undefined,
      warmRunsMs: warmMs.map((v) => +v.toFixed(3)),
      runsMs: ms.map((v) => +v.toFixed(3)),
      maxRssKiB: Math.max(...rss),
      runsMaxRssKiB: rss,
      runsMinorFaults: samples.map((s) => s.minorFaults),
      ...(samples[0].reportedMs !== undefined ? { reportedMs: samples.map((s) => s.reportedMs) } : {}),
    };
    process.stderr.write(
      `n=${n} ${LABEL[impl].padEnd(12)} cold median ${fmtMs(median(ms)).padStart(7)} ms  [${ms.map(fmtMs).join(', ')}]  warm median ${fmtMs(warmMs.length ? median(warmMs) : undefined)} ms  max RSS ${mib(Math.max(...rss))} MiB\n`,
    );
  }
  const ratiosOf = (key) => {
    const t = (i) => entry.impls[i]?.[key];
    const cs = C_IMPLS.filter((i) => t(i) !== undefined);
    const fastestC = cs.length ? cs.reduce((x, y) => (t(y) < t(x) ? y : x)) : undefined;
    const over = (a, b) => (t(a) !== undefined && t(b) !== undefined ? t(a) / t(b) : null);
    return {
      fastestC: fastestC ?? null,
      wasmSimdOverCLayered: over('wasm-simd', 'c-layered'),
      wasmScalarOverCLayered: over('wasm-scalar', 'c-layered'),
      wasmSimdOverFastestC: fastestC ? over('wasm-simd', fastestC) : null,
      jsOverWasmSimd: t('ts') !== undefined && t('wasm-simd') !== undefined ? t('ts') / t('wasm-simd') : null,
    };
  };
  entry.ratios = ratiosOf('medianMs');
  entry.warmRatios = ratiosOf('warmMedianMs');
  results.push(entry);
}

console.log(`\n${report(results, impls, machine.pageFaultUs)}`);
console.log('\nAll implementations agreed on the optimal cost at every n, and every tour re-summed to it.');
const json = {
  bench: 'exact',
  machine,
  options: { min: opts.min, max: opts.max, runs: opts.runs ?? 'auto (5 if n <= 16, else 3)', warm: opts.warm, impls },
  notes,
  results,
};
writeFileSync(join(outDir, 'exact.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log(`wrote ${join(outDir, 'exact.json')}`);
