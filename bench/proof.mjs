// bench:proof — branch-and-cut proofs (`solve(…, { method: 'exact' })` above the DP) on:
//  1. every TSPLIB instance with n <= 200 in packages/tsp/test/data/tsplib, the proven length checked
//     against the published optimum; beside it, in the same run, the naive loop of the issue (a HiGHS
//     MIP over all edges per round, the subtours of the MIP's solution added as cuts, until one tour
//     is left; capped at 120 s) for a ratio;
//  2. the ATSP instances of packages/tsp/test/data/tsplib-atsp with n <= 100;
//  3. seeded random days of 30-60 stops, uniform and clustered (5 seeds each size).
// Per proof: wall and CPU time (heuristic included, as solve() spends it), search nodes, and the longest
// single step of the search (one LP slice, one bound, one separation round or one strong-branching trial:
// the "never blocking" figure), as wall time and as the process's CPU time (user + system) over the step,
// which a shared machine inflates far less than wall time.
// A proof is stopped (not proven) after 60 s. Output: a table on stdout, JSON in bench/out/proof.json. Usage: node bench/proof.mjs [--no-naive]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTsplib, solve } from '@beatplan/tsp';
import { loadProofEngine } from '@beatplan/tsp/proof';
import loadHighs from 'highs';
import { median, mulberry32, speedProbeMs } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '../packages/tsp/test/data');
const naive = !process.argv.includes('--no-naive');
const NAIVE_CAP_S = 120;

/** Proves one instance: heuristic route (solve, method heuristic), then the engine step by step. */
const CAP_MS = 60_000;
async function prove(engine, matrix, n) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpuMs = () => {
    const u = process.cpuUsage(c0);
    return (u.user + u.system) / 1000;
  };
  const h = await solve({ matrix, n }, { method: 'heuristic' });
  const steps = engine.prove({ n, icost: matrix, start: 0, end: 0 }, h.tour);
  let maxStepMs = 0;
  let maxStepCpuMs = 0;
  for (;;) {
    const s = performance.now();
    const c = process.cpuUsage();
    const next = steps.next();
    maxStepMs = Math.max(maxStepMs, performance.now() - s);
    const u = process.cpuUsage(c);
    maxStepCpuMs = Math.max(maxStepCpuMs, (u.user + u.system) / 1000);
    if (next.done)
      return { ...next.value, ms: performance.now() - t0, cpuMs: cpuMs(), heuristicMs: h.ms, maxStepMs, maxStepCpuMs };
    if (performance.now() - t0 > CAP_MS) {
      steps.return(undefined);
      return {
        ...next.value,
        proven: false,
        cuts: null,
        rootLower: null,
        ms: performance.now() - t0,
        cpuMs: cpuMs(),
        heuristicMs: h.ms,
        maxStepMs,
        maxStepCpuMs,
      };
    }
  }
}

/** The naive loop: MIP over all edges, subtour cuts of the solution's components, until one tour. */
function naiveLoop(highs, matrix, n) {
  const t0 = performance.now();
  const cols = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cols.push([i, j]);
  const name = (i, j) => `x${i}_${j}`;
  const obj = cols.map(([i, j]) => `${matrix[i * n + j]} ${name(i, j)}`).join(' + ');
  const rows = [];
  for (let v = 0; v < n; v++)
    rows.push(
      ` d${v}: ${cols
        .filter(([i, j]) => i === v || j === v)
        .map(([i, j]) => name(i, j))
        .join(' + ')} = 2`,
    );
  const cuts = [];
  for (let round = 1; ; round++) {
    const left = NAIVE_CAP_S - (performance.now() - t0) / 1000;
    if (left <= 0) return { proven: false, rounds: round - 1, ms: performance.now() - t0 };
    const lp = `Minimize\n obj: ${obj}\nSubject To\n${rows.join('\n')}\n${cuts.join('\n')}\nBinary\n ${cols.map(([i, j]) => name(i, j)).join(' ')}\nEnd`;
    const sol = highs.solve(lp, { time_limit: left, output_flag: false });
    if (sol.Status !== 'Optimal') return { proven: false, rounds: round, ms: performance.now() - t0 };
    const adj = Array.from({ length: n }, () => []);
    for (const [i, j] of cols) if (sol.Columns[name(i, j)].Primal > 0.5) adj[i].push(j), adj[j].push(i);
    const comp = new Int32Array(n).fill(-1);
    const comps = [];
    for (let s = 0; s < n; s++) {
      if (comp[s] >= 0) continue;
      const list = [s];
      comp[s] = comps.length;
      for (let k = 0; k < list.length; k++)
        for (const w of adj[list[k]]) if (comp[w] < 0) (comp[w] = comps.length), list.push(w);
      comps.push(list);
    }
    if (comps.length === 1)
      return { proven: true, length: Math.round(sol.ObjectiveValue), rounds: round, ms: performance.now() - t0 };
    for (const c of comps) {
      const inside = new Set(c);
      const terms = cols.filter(([i, j]) => inside.has(i) !== inside.has(j)).map(([i, j]) => name(i, j));
      cuts.push(` c${cuts.length}: ${terms.join(' + ')} >= 2`);
    }
  }
}

function randomDay(n, seed, clustered) {
  const r = mulberry32(seed * 1000 + n * 2 + (clustered ? 1 : 0));
  const centres = Array.from({ length: 4 }, () => [r() * 20000, r() * 20000]);
  const pts = Array.from({ length: n }, () => {
    if (!clustered) return [r() * 20000, r() * 20000];
    const c = centres[Math.floor(r() * centres.length)];
    return [c[0] + (r() - 0.5) * 3000, c[1] + (r() - 0.5) * 3000];
  });
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) m[i * n + j] = Math.round(Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]));
  return m;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
};
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
console.log(`bench:proof — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.date}`);
const engine = await loadProofEngine();
const highs = naive ? await loadHighs() : null;

const tsplib = [];
const optima = JSON.parse(readFileSync(join(dataDir, 'tsplib/optima.json'), 'utf8'));
for (const [name, info] of Object.entries(optima).sort((a, b) => a[1].n - b[1].n)) {
  if (info.n > 200) continue;
  const inst = parseTsplib(readFileSync(join(dataDir, `tsplib/${name}.tsp`), 'utf8'));
  const p = await prove(engine, inst.matrix, inst.n);
  const row = {
    name,
    n: inst.n,
    optimum: info.optimum,
    length: p.upper,
    proven: p.proven,
    ok: p.proven && p.upper === info.optimum,
    ms: p.ms,
    cpuMs: p.cpuMs,
    heuristicMs: p.heuristicMs,
    nodes: p.nodes,
    cuts: p.cuts,
    rootLower: p.rootLower,
    maxStepMs: p.maxStepMs,
    maxStepCpuMs: p.maxStepCpuMs,
  };
  if (highs) {
    const q = naiveLoop(highs, inst.matrix, inst.n);
    row.naive = { proven: q.proven, ms: q.ms, rounds: q.rounds, ok: q.proven && q.length === info.optimum };
    row.ratio = q.ms / p.ms;
  }
  tsplib.push(row);
  console.log(
    `${name.padEnd(10)} n ${String(inst.n).padStart(3)}  ${row.ok ? 'proven' : 'NOT proven'} ${p.upper} (opt ${info.optimum})  ${(p.ms / 1000).toFixed(2)} s (CPU ${(p.cpuMs / 1000).toFixed(2)} s)  nodes ${p.nodes}  max step ${p.maxStepMs.toFixed(0)} ms (CPU ${p.maxStepCpuMs.toFixed(0)} ms)` +
      (row.naive
        ? `  | naive ${row.naive.proven ? '' : '>'}${(row.naive.ms / 1000).toFixed(2)} s (${row.naive.rounds} rounds), ratio ${row.ratio.toFixed(1)}`
        : ''),
  );
}

const atsp = [];
const atspOptima = JSON.parse(readFileSync(join(dataDir, 'tsplib-atsp/optima.json'), 'utf8'));
for (const [name, info] of Object.entries(atspOptima).sort((a, b) => a[1].n - b[1].n)) {
  if (info.n > 100) continue;
  const inst = parseTsplib(readFileSync(join(dataDir, `tsplib-atsp/${name}.atsp`), 'utf8'));
  const p = await prove(engine, inst.matrix, inst.n);
  const row = {
    name,
    n: inst.n,
    optimum: info.optimum,
    length: p.upper,
    ok: p.proven && p.upper === info.optimum,
    ms: p.ms,
    cpuMs: p.cpuMs,
    nodes: p.nodes,
    maxStepMs: p.maxStepMs,
    maxStepCpuMs: p.maxStepCpuMs,
  };
  atsp.push(row);
  console.log(
    `${name.padEnd(10)} n ${String(inst.n).padStart(3)}  ${row.ok ? 'proven' : 'NOT proven'} ${p.upper} (opt ${info.optimum})  ${(p.ms / 1000).toFixed(2)} s (CPU ${(p.cpuMs / 1000).toFixed(2)} s)  nodes ${p.nodes}  max step ${p.maxStepMs.toFixed(0)} ms (CPU ${p.maxStepCpuMs.toFixed(0)} ms)`,
  );
}

const days = [];
for (const clustered of [false, true]) {
  for (const n of [30, 40, 50, 60]) {
    for (let seed = 1; seed <= 5; seed++) {
      const p = await prove(engine, randomDay(n, seed, clustered), n);
      days.push({
        kind: clustered ? 'clustered' : 'uniform',
        n,
        seed,
        proven: p.proven,
        ms: p.ms,
        cpuMs: p.cpuMs,
        nodes: p.nodes,
        maxStepMs: p.maxStepMs,
        maxStepCpuMs: p.maxStepCpuMs,
      });
    }
    const these = days.filter((d) => d.n === n && d.kind === (clustered ? 'clustered' : 'uniform'));
    console.log(
      `random ${clustered ? 'clustered' : 'uniform  '} n ${n}: proven ${these.filter((d) => d.proven).length}/5, median ${(median(these.map((d) => d.ms)) / 1000).toFixed(2)} s (CPU ${(median(these.map((d) => d.cpuMs)) / 1000).toFixed(2)} s), max ${(Math.max(...these.map((d) => d.ms)) / 1000).toFixed(2)} s`,
    );
  }
}

const probeAfter = speedProbeMs();
const summary = {
  tsplibProven: `${tsplib.filter((r) => r.ok).length}/${tsplib.length}`,
  tsplibMedianS: median(tsplib.map((r) => r.ms)) / 1000,
  tsplibMaxS: Math.max(...tsplib.map((r) => r.ms)) / 1000,
  atspProven: `${atsp.filter((r) => r.ok).length}/${atsp.length}`,
  atspMaxS: Math.max(...atsp.map((r) => r.ms)) / 1000,
  daysProven: `${days.filter((d) => d.proven).length}/${days.length}`,
  daysMedianS: median(days.map((d) => d.ms)) / 1000,
  tsplibMedianCpuS: median(tsplib.map((r) => r.cpuMs)) / 1000,
  tsplibMaxCpuS: Math.max(...tsplib.map((r) => r.cpuMs)) / 1000,
  maxStepMs: Math.max(...[...tsplib, ...atsp, ...days].map((r) => r.maxStepMs)),
  maxStepCpuMs: Math.max(...[...tsplib, ...atsp, ...days].map((r) => r.maxStepCpuMs)),
  ...(naive ? { naiveMedianRatio: median(tsplib.map((r) => r.ratio)) } : {}),
};
console.log(JSON.stringify(summary));
console.log(
  `load average before ${loadBefore.toFixed(2)}, after ${loadavg()[0].toFixed(2)}; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after`,
);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(
  join(here, 'out/proof.json'),
  `${JSON.stringify({ machine: { ...machine, loadBefore, loadAfter: loadavg()[0], speedProbeMs: { before: probeBefore, after: probeAfter } }, summary, tsplib, atsp, days }, null, 2)}\n`,
);
