// `npm run bench:roads`: the embedded road engine on a generated city (generateOsmExtract, seeded)
// with at least 200,000 junctions after collapsing plain way points, side by side with a plain
// Dijkstra (roadMatrixDijkstra: one full search per point, no preparation) and ngraph.path (one A*
// search per pair, without heuristic = Dijkstra) on the same graph in the same run.
//   - parse (PBF → topology) and prepare (contraction + snapping index), each stated;
//   - graph file size, load time (read + loadRoadGraph: in a fresh process holding only the graph, the
//     first load and the median of the next 5; also the median of 5 in this process, which holds the city);
//   - 40 × 40 (in that fresh process: median of 20 point sets, after one first query) and 1,000 × 1,000
//     (in this process, median of 3);
//   - plain Dijkstra: the same 40 × 40 (cells compared, must be equal), and rows of the 1,000 × 1,000;
//   - ngraph.path: a sample of pairs (one search each);
//   - memory: graph file bytes and loaded array bytes per million junctions; peak RSS.
// A CPU-speed probe runs before and after. Writes bench/out/roads.json and prints a table.
//   node bench/roads.mjs [--lines 470] [--seed 1]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildRoadGraph,
  generateOsmExtract,
  loadRoadGraph,
  osmExtractToPbf,
  roadMatrix,
  roadMatrixDijkstra,
  saveRoadGraph,
} from '@beatplan/roads';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { median, mulberry32 } from './lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LINES = arg('lines', 470);
const SEED = arg('seed', 1);
/** `--reuse 1`: take the extract, the graph file and the build figures of the last run with these options. */
const REUSE = arg('reuse', 0) === 1;
const benchDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(benchDir, 'out');
mkdirSync(outDir, { recursive: true });

// Child (`--child-times <graph file>`): the load and the 40 × 40 day matrices timed in a fresh process
// that holds only the graph. In the parent, which holds the generated city (a million OSM node objects),
// every load's 75 MB buffer also pays for a full garbage collection of that city now and then; a
// program that loads a graph file does not hold one. Prints JSON: the first load (cold code, as
// `beatplan roads matrix` sees it) and the next 5, the first query (compiles the kernel, copies the
// hierarchy into WebAssembly memory) and the 20 sets of bench/out/roads-points40.json.
const childAt = process.argv.indexOf('--child-times');
if (childAt > 0) {
  const graphFile = process.argv[childAt + 1];
  const clock = () => {
    const c = process.cpuUsage();
    return { t: performance.now(), c: (c.user + c.system) / 1000 };
  };
  const timed = (f) => {
    const a = clock();
    const value = f();
    const b = clock();
    return { ms: b.t - a.t, cpuMs: b.c - a.c, value };
  };
  const loads = [];
  let g;
  for (let k = 0; k < 6; k++) {
    const r = timed(() => loadRoadGraph(readFileSync(graphFile), { profile: 'car' }));
    loads.push({ ms: r.ms, cpuMs: r.cpuMs });
    g = r.value;
  }
  const [firstPoints, ...sets] = JSON.parse(readFileSync(join(outDir, 'roads-points40.json'), 'utf8'));
  const firstQuery = timed(() => roadMatrix(g, firstPoints));
  const runs = sets.map((p) => {
    const r = timed(() => roadMatrix(g, p));
    return { ms: r.ms, cpuMs: r.cpuMs };
  });
  console.log(JSON.stringify({ loads, first: { ms: firstQuery.ms, cpuMs: firstQuery.cpuMs }, runs }));
  process.exit(0);
}

function speedProbeMs() {
  const xs = new Float64Array(1e6);
  for (let i = 0; i < xs.length; i++) xs[i] = i / xs.length;
  const t0 = process.hrtime.bigint();
  let sum = 0;
  for (let k = 0; k < 30; k++) for (let i = 0; i < xs.length; i++) sum += Math.sin(xs[i]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return sum === 0 ? Number.NaN : ms;
}
/** Wall and process CPU milliseconds of f() (CPU counts every thread of the process, e.g. GC helpers). */
const time = (f) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
};

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(
  `bench:roads — ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, ${machine.date}`,
);
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();

// The city and its extract.
const gen = time(() => generateOsmExtract({ seed: SEED, lines: LINES, villages: 12 }));
const city = gen.value;
const pbfPath = join(outDir, `roads-city-${LINES}.osm.pbf`);
const pbf = await osmExtractToPbf(city);
writeFileSync(pbfPath, pbf);
console.error(
  `city: ${city.nodes.length} OSM nodes, ${city.ways.length} ways, ${city.relations.length} relations; PBF ${(pbf.length / 2 ** 20).toFixed(1)} MiB (generated in ${gen.ms.toFixed(0)} ms)`,
);

// Build: parse + prepare, from the file (or, with --reuse 1, the figures of the last build).
const filePath = join(outDir, `roads-city-${LINES}.car.bpg`);
const buildPath = join(outDir, `roads-build-${LINES}-${SEED}.json`);
let built;
if (REUSE && existsSync(buildPath) && existsSync(filePath)) built = JSON.parse(readFileSync(buildPath, 'utf8'));
else {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const g = await buildRoadGraph(pbfPath, { profile: 'car' });
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  writeFileSync(filePath, saveRoadGraph(g));
  built = {
    stats: g.buildStats,
    buildMs,
    buildCpuMs,
    rssAfterBuild: process.memoryUsage().rss,
    loadBefore,
    loadAfter: loadavg()[0],
    probeAfterBuild: speedProbeMs(),
    date: new Date().toISOString(),
  };
  writeFileSync(buildPath, `${JSON.stringify(built, null, 2)}\n`);
}
const { stats, buildMs } = built;
const peakRssAfterBuild = built.rssAfterBuild;
const file = readFileSync(filePath);
console.error(
  `built: parse ${stats.parseMs.toFixed(0)} ms, prepare ${stats.prepareMs.toFixed(0)} ms${REUSE ? ' (reused)' : ''}`,
);

// Load in this process (which holds the city), read + loadRoadGraph, median of 5: kept beside the
// fresh process's figure (below) for comparison with earlier runs, which measured only this.
const loads = [];
const loadsCpu = [];
let loaded;
for (let k = 0; k < 5; k++) {
  const r = time(() => loadRoadGraph(readFileSync(filePath), { profile: 'car' }));
  loads.push(r.ms);
  loadsCpu.push(r.cpuMs);
  loaded = r.value;
}
const d = loaded.data;
const arrayBytes =
  [
    d.upOff,
    d.upTgt,
    d.upKey,
    d.dnOff,
    d.dnTgt,
    d.dnKey,
    d.lngE7,
    d.latE7,
    d.chainStart,
    d.chainCumM,
    d.edgeTimeMs,
    d.edgeDistDm,
    d.edgeHead,
    d.tailStart,
    d.tails,
    d.chainEnds,
    d.junctionNodeStart,
    d.junctionNodes,
    d.runPoint,
  ].reduce((s, a) => s + a.byteLength, 0) +
  (d.index._indices.byteOffset + d.index._indices.byteLength - d.index.byteOffset);

// Points inside the city (the lattice's extent), seeded.
const rnd = mulberry32(SEED + 100);
const lngs = city.nodes.map((n) => n.lng);
const lats = city.nodes.map((n) => n.lat);
// The lattice's extent: the first OSM nodes are its junctions (ids increase as the generator makes them).
const span = (xs) => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < Math.min(xs.length, 200_000); i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  return [lo, hi];
};
const [lngLo, lngHi] = span(lngs);
const [latLo, latHi] = span(lats);
const points = (n) =>
  Array.from({ length: n }, () => ({ lng: lngLo + rnd() * (lngHi - lngLo), lat: latLo + rnd() * (latHi - latLo) }));

// Load and 40 × 40 in a fresh process holding only the graph (see the child above): a first query,
// then 20 sets.
const firstSet = points(40);
const sets40 = Array.from({ length: 20 }, () => points(40));
writeFileSync(join(outDir, 'roads-points40.json'), JSON.stringify([firstSet, ...sets40]));
const fresh = JSON.parse(
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child-times', filePath], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  }),
);
const first = fresh.first;
const ms40 = fresh.runs.map((r) => r.ms);
const cpu40 = fresh.runs.map((r) => r.cpuMs);
const freshLoads = fresh.loads.slice(1).map((r) => r.ms);
const freshLoadsCpu = fresh.loads.slice(1).map((r) => r.cpuMs);
// Plain Dijkstra on the same 40 × 40, cells compared.
const dij = time(() => roadMatrixDijkstra(loaded, sets40[0]));
const fast = roadMatrix(loaded, sets40[0]);
let differing = 0;
for (let i = 0; i < fast.durationsS.length; i++) {
  if (fast.durationsS[i] !== dij.value.durationsS[i] || fast.distancesM[i] !== dij.value.distancesM[i]) differing++;
}
// 1,000 × 1,000, median of 3; Dijkstra on 20 of its rows (one full search each).
const sets1000 = Array.from({ length: 3 }, () => points(1000));
const runs1000 = sets1000.map((p) => time(() => roadMatrix(loaded, p)));
const ms1000 = runs1000.map((r) => r.ms);
const cpu1000 = runs1000.map((r) => r.cpuMs);
const m1000 = roadMatrix(loaded, sets1000[0]);
const dijRows = time(() => roadMatrixDijkstra(loaded, sets1000[0].slice(0, 20)));

// ngraph.path on the same turn-aware graph (query nodes, edge keys as weights), node-to-node pairs.
const ng = createGraph();
for (let e = 0; e < d.edgeHead.length; e++) {
  const h = d.edgeHead[e];
  if (h < 0) continue;
  const key = d.edgeTimeMs[e] * 2 ** 27 + d.edgeDistDm[e];
  for (let i = d.tailStart[e]; i < d.tailStart[e + 1]; i++) ng.addLink(d.tails[i], h, key);
}
const finder = ngraphPath.aStar(ng, { oriented: true, distance: (_a, _b, link) => link.data });
const pairMs = [];
for (let k = 0; k < 20; k++) {
  const a = Math.floor(rnd() * d.nodeCount);
  const b = Math.floor(rnd() * d.nodeCount);
  pairMs.push(time(() => finder.find(a, b)).ms);
}
const ngPairMs = median(pairMs);

const loadAfter = loadavg()[0];
const probeAfter = speedProbeMs();
const graph = loaded;
const perMillion = (bytes) => (bytes / graph.junctions) * 1e6;
const result = {
  bench: 'roads',
  machine: { ...machine, loadBefore, loadAfter, speedProbeMs: { before: probeBefore, after: probeAfter } },
  options: { lines: LINES, seed: SEED },
  city: { osmNodes: city.nodes.length, ways: city.ways.length, relations: city.relations.length, pbfBytes: pbf.length },
  graph: {
    junctions: graph.junctions,
    queryNodes: graph.nodes,
    edges: graph.edges,
    upEdges: d.upTgt.length,
    downEdges: d.dnTgt.length,
    restrictionsApplied: stats.restrictionsApplied,
  },
  build: { parseMs: stats.parseMs, prepareMs: stats.prepareMs, totalMs: buildMs, cpuMs: built.buildCpuMs, run: built },
  file: {
    bytes: file.length,
    bytesPerMillionJunctions: perMillion(file.length),
    loadMsMedian: median(freshLoads),
    loadCpuMsMedian: median(freshLoadsCpu),
    firstLoad: fresh.loads[0],
    freshProcessLoads: fresh.loads,
    inBenchProcess: { loadMsMedian: median(loads), loadMs: loads, loadCpuMsMedian: median(loadsCpu) },
  },
  memory: {
    loadedArrayBytes: arrayBytes,
    loadedBytesPerMillionJunctions: perMillion(arrayBytes),
    rssAfterBuild: peakRssAfterBuild,
  },
  matrix40: {
    firstMs: first.ms,
    firstCpuMs: first.cpuMs,
    medianMs: median(ms40),
    runsMs: ms40,
    cpuMsMedian: median(cpu40),
    dijkstraMs: dij.ms,
    cellsDiffering: differing,
  },
  matrix1000: {
    medianMs: median(ms1000),
    runsMs: ms1000,
    cpuMsMedian: median(cpu1000),
    unreachable: m1000.unreachable.length,
    dijkstra20RowsMs: dijRows.ms,
  },
  ngraphPath: { pairs: pairMs.length, medianPairMs: ngPairMs, pairsMs: pairMs },
};
writeFileSync(join(outDir, 'roads.json'), `${JSON.stringify(result, null, 2)}\n`);

const f = (x) => x.toLocaleString('en', { maximumFractionDigits: 1 });
console.log(
  `\nload average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; speed probe ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after\n`,
);
console.log(
  `city: ${f(graph.junctions)} junctions after collapsing (${f(city.nodes.length)} OSM nodes), ${f(graph.nodes)} query nodes, ${f(graph.edges)} directed edges\n`,
);
console.log('| figure | beatplan (CH + WASM) | plain Dijkstra | ngraph.path | target |');
console.log('| --- | ---: | ---: | ---: | --- |');
console.log(
  `| parse (PBF → graph) | ${f(stats.parseMs)} ms | | | parse + prepare ≤ 60 s: ${stats.parseMs + stats.prepareMs <= 60000 ? 'met' : 'missed'} |`,
);
console.log(`| prepare (contraction + index) | ${f(stats.prepareMs)} ms | none | none | |`);
console.log(`| build, process CPU time (parse + prepare) | ${f(built.buildCpuMs ?? Number.NaN)} ms | | | |`);
console.log(`| graph file | ${f(file.length / 2 ** 20)} MiB | | | |`);
console.log(
  `| file load (read + check) in a fresh process: first load; median of the next 5 | ${f(fresh.loads[0].ms)} ms (CPU ${f(fresh.loads[0].cpuMs)} ms); ${f(median(freshLoads))} ms (CPU ${f(median(freshLoadsCpu))} ms) | | | ≤ 200 ms: first ${fresh.loads[0].ms <= 200 ? 'met' : 'missed'}, median ${median(freshLoads) <= 200 ? 'met' : 'missed'} |`,
);
console.log(
  `| file load in the bench process (holds the city: includes its GC), median of 5 | ${f(median(loads))} ms (CPU ${f(median(loadsCpu))} ms) | | | |`,
);
console.log(
  `| 40 × 40 in the fresh process, median of 20 (first query ${f(first.ms)} ms) | ${f(median(ms40))} ms (CPU ${f(median(cpu40))} ms) | ${f(dij.ms)} ms (${differing} cells differ) | ${f(ngPairMs * 1560)} ms (1,560 searches × ${f(ngPairMs)} ms, median of ${pairMs.length} sampled pairs) | ≤ 10 ms: ${median(ms40) <= 10 ? 'met' : 'missed'} |`,
);
console.log(
  `| 1,000 × 1,000, median of 3 | ${f(median(ms1000))} ms (CPU ${f(median(cpu1000))} ms) | ${f(dijRows.ms / 20)} ms per row (20 rows measured) | | ≤ 2 s: ${median(ms1000) <= 2000 ? 'met' : 'missed'} |`,
);
console.log(
  `| memory per million junctions | file ${f(perMillion(file.length) / 2 ** 20)} MiB, loaded arrays ${f(perMillion(arrayBytes) / 2 ** 20)} MiB | | | stated |`,
);
console.log('\nwritten: bench/out/roads.json');
