// `npm run bench:territory`: territory design on a synthetic city of 10,000 retailers and 50
// managers (examples/generate-city.mjs, seeded): beatplan's balanced partition against plain k-means
// (@turf/clusters-kmeans) on the same data — workload spread (max/min, coefficient of variation),
// compactness (Polsby–Popper of the convex hull), contiguity (pieces), time — and the retailers
// moved when re-balancing after 5 % churn (2.5 % removed, 2.5 % added). Median of RUNS cities
// (seeds 1..RUNS). Writes bench/out/territory.json and prints a table.
//   node bench/territory.mjs [--runs 3] [--retailers 10000] [--managers 50]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { clustersKmeans } from '@turf/clusters-kmeans';
import { measureCompactness, partitionTerritories } from '@beatplan/territory';
import { generateCity } from '../examples/generate-city.mjs';
import { median } from './lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = arg('runs', 3),
  N = arg('retailers', 10_000),
  K = arg('managers', 50);

function spread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return {
    maxToMinRatio: Math.max(...values) / Math.max(Math.min(...values), 1e-9),
    cv: sd / mean,
    maxDeviation: Math.max(...values.map((v) => Math.abs(v - mean) / mean)),
  };
}
function groupFigures(groups, retailers, workloadOf) {
  const workload = groups.map((g) => g.reduce((a, i) => a + workloadOf[i], 0));
  const shapes = groups.map((g) =>
    measureCompactness(g.map((i) => [retailers[i].location.lng, retailers[i].location.lat])),
  );
  return {
    workload: spread(workload),
    compactnessMean: shapes.reduce((a, s) => a + s.polsbyPopper, 0) / groups.length,
    compactnessLowest: Math.min(...shapes.map((s) => s.polsbyPopper)),
  };
}
// moved between two labelings of the kept retailers, labels matched greedily by overlap (k-means has no stable labels)
function movedMatched(before, after, ids) {
  const overlap = new Map();
  for (const id of ids) {
    const key = `${before.get(id)}|${after.get(id)}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const pairs = [...overlap.entries()].sort((a, b) => b[1] - a[1]);
  const usedA = new Set(),
    usedB = new Set();
  let same = 0;
  for (const [key, count] of pairs) {
    const [a, b] = key.split('|');
    if (usedA.has(a) || usedB.has(b)) continue;
    usedA.add(a);
    usedB.add(b);
    same += count;
  }
  return ids.length - same;
}

const runs = [];
for (let seed = 1; seed <= RUNS; seed++) {
  const { retailers, managers } = generateCity({ seed, retailers: N, managers: K, radiusKm: 40 });
  // beatplan
  let t = performance.now();
  const bp = partitionTerritories(retailers, managers);
  const bpMs = performance.now() - t;
  const index = new Map(retailers.map((r, i) => [r.id, i]));
  const workloadOf = bp.workload.map((w) => w.weeklyMinutes);
  const bpGroups = bp.territories.map((tr) => tr.retailerIds.map((id) => index.get(id)));
  const bpFig = groupFigures(bpGroups, retailers, workloadOf);
  // plain k-means on the same points
  const points = {
    type: 'FeatureCollection',
    features: retailers.map((r) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [r.location.lng, r.location.lat] },
    })),
  };
  t = performance.now();
  const km = clustersKmeans(points, { numberOfClusters: K, mutate: true });
  const kmMs = performance.now() - t;
  const kmGroups = Array.from({ length: K }, () => []);
  km.features.forEach((f, i) => kmGroups[f.properties.cluster].push(i));
  const kmFig = groupFigures(
    kmGroups.filter((g) => g.length),
    retailers,
    workloadOf,
  );
  // 5 % churn: remove every 40th retailer, add 2.5 % new ones from another city of the same layout
  const current = retailers.map((r) => ({ ...r, managerId: bp.assignment[r.id] }));
  const kept = current.filter((_, i) => i % 40 !== 0);
  const fresh = generateCity({
    seed: seed + 1000,
    retailers: Math.round(N * 0.025),
    managers: 1,
    radiusKm: 40,
  }).retailers.map((r, i) => ({ ...r, id: `NEW${i}` }));
  t = performance.now();
  const again = partitionTerritories([...kept, ...fresh], managers);
  const churnMs = performance.now() - t;
  const keptIds = kept.map((r) => r.id);
  const kmAgain = clustersKmeans(
    {
      type: 'FeatureCollection',
      features: [...kept, ...fresh].map((r) => ({
        type: 'Feature',
        properties: { id: r.id },
        geometry: { type: 'Point', coordinates: [r.location.lng, r.location.lat] },
      })),
    },
    { numberOfClusters: K, mutate: true },
  );
  const kmBefore = new Map(km.features.map((f, i) => [retailers[i].id, String(f.properties.cluster)]));
  const kmAfter = new Map(kmAgain.features.map((f) => [f.properties.id, String(f.properties.cluster)]));
  runs.push({
    seed,
    beatplan: {
      ms: bpMs,
      ...bpFig,
      balanced: bp.balanced,
      piecesMax: Math.max(...bp.stats.map((s) => s.pieces)),
      churn: {
        ms: churnMs,
        moved: again.moved,
        movedShare: again.moved / kept.length,
        balanced: again.balanced,
        workload: spread(again.stats.map((s) => s.workloadMinutes)),
      },
    },
    kmeans: {
      ms: kmMs,
      ...kmFig,
      churn: {
        moved: movedMatched(kmBefore, kmAfter, keptIds),
        movedShare: movedMatched(kmBefore, kmAfter, keptIds) / kept.length,
      },
    },
  });
  console.error(
    `run ${seed}: beatplan ${bpMs.toFixed(0)} ms, k-means ${kmMs.toFixed(0)} ms, churn moved ${again.moved}`,
  );
}

const pick = (f) => median(runs.map(f));
const summary = {
  machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, node ${process.version}, ${os.platform()}`,
  date: new Date().toISOString(),
  retailers: N,
  managers: K,
  runs: RUNS,
  median: {
    beatplan: {
      ms: pick((r) => r.beatplan.ms),
      workloadMaxToMinRatio: pick((r) => r.beatplan.workload.maxToMinRatio),
      workloadCv: pick((r) => r.beatplan.workload.cv),
      maxDeviation: pick((r) => r.beatplan.workload.maxDeviation),
      compactnessMean: pick((r) => r.beatplan.compactnessMean),
      compactnessLowest: pick((r) => r.beatplan.compactnessLowest),
      churnMoved: pick((r) => r.beatplan.churn.moved),
      churnMovedShare: pick((r) => r.beatplan.churn.movedShare),
      churnMs: pick((r) => r.beatplan.churn.ms),
      churnWorkloadCv: pick((r) => r.beatplan.churn.workload.cv),
    },
    kmeans: {
      ms: pick((r) => r.kmeans.ms),
      workloadMaxToMinRatio: pick((r) => r.kmeans.workload.maxToMinRatio),
      workloadCv: pick((r) => r.kmeans.workload.cv),
      maxDeviation: pick((r) => r.kmeans.workload.maxDeviation),
      compactnessMean: pick((r) => r.kmeans.compactnessMean),
      compactnessLowest: pick((r) => r.kmeans.compactnessLowest),
      churnMoved: pick((r) => r.kmeans.churn.moved),
      churnMovedShare: pick((r) => r.kmeans.churn.movedShare),
    },
  },
  runsDetail: runs,
};
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/territory.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);

const b = summary.median.beatplan,
  k = summary.median.kmeans;
const f = (v, d = 3) => v.toFixed(d);
console.log(
  `\nterritory design, ${N} retailers / ${K} managers, median of ${RUNS} seeded cities (${summary.machine})\n`,
);
console.log(
  '| method | workload max/min | workload CV | max dev. | compactness mean (min) | moved after 5 % churn | time |',
);
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| beatplan | ${f(b.workloadMaxToMinRatio)} | ${f(b.workloadCv)} | ${f(b.maxDeviation)} | ${f(b.compactnessMean)} (${f(b.compactnessLowest)}) | ${b.churnMoved} (${f(100 * b.churnMovedShare, 1)} %) in ${f(b.churnMs / 1000, 2)} s | ${f(b.ms / 1000, 2)} s |`,
);
console.log(
  `| k-means (@turf/clusters-kmeans) | ${f(k.workloadMaxToMinRatio)} | ${f(k.workloadCv)} | ${f(k.maxDeviation)} | ${f(k.compactnessMean)} (${f(k.compactnessLowest)}) | ${k.churnMoved} (${f(100 * k.churnMovedShare, 1)} %), labels matched | ${f(k.ms / 1000, 2)} s |`,
);
console.log('\nwrote bench/out/territory.json');
