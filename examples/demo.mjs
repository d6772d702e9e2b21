// `npm run demo`: the newcomer's tour, through the public packages as a user would import them
// (run `npm run build` first). Every datum is SYNTHETIC and seeded; see examples/README.md.
//   1. one manager's day routed exactly (Held-Karp in WebAssembly), and a TSPLIB instance checked
//      against its published optimum;
//   2. a hand-written day of visits verified (examples/verify-demo.mjs);
//   3. the whole story on the synthetic city: plan the week, simulate the visits (with planted
//      misconduct), verify, inspect, cross-check, and write the HTML report (examples/story-demo.mjs).
import { readFileSync } from 'node:fs';
import { parseTsplib, solve } from '@beatplan/tsp';
import { compareOnRoads } from './roads-demo.mjs';
import { runStoryDemo } from './story-demo.mjs';
import { verifyDemo } from './verify-demo.mjs';

const here = (path) => new URL(path, import.meta.url);
const started = performance.now();
let ok = true;

// 1a. One manager's day: 17 retailers and the depot, a closed tour from the depot.
const day = JSON.parse(readFileSync(here('./data/sample-day.json'), 'utf8'));
const route = await solve({ points: day.points }, { method: 'auto' });
const stops = [...route.tour, route.tour[0]].map((node) => day.points[node]);
console.log(
  `\n== Route: ${day.name}, ${day.points.length - 1} retailers and the depot (examples/data/sample-day.json)`,
);
console.log(
  `${route.exact ? 'proven optimal (exact Held-Karp in WebAssembly)' : 'heuristic'} in ${route.ms.toFixed(1)} ms, ${(route.length / 1000).toFixed(2)} km:`,
);
console.log(`  ${stops.map((s) => s.id).join(' → ')}`);

// 1b. A public benchmark instance with a published optimum.
const gr21 = parseTsplib(readFileSync(here('../packages/tsp/test/data/tsplib/gr21.tsp'), 'utf8'));
const exact = await solve({ matrix: gr21.matrix, n: gr21.n }, { method: 'exact' });
console.log(
  `TSPLIB ${gr21.name} (n = ${gr21.n}): length ${exact.length}, published optimum 2707 ${exact.length === 2707 ? '✓' : '✗'} (${exact.ms.toFixed(0)} ms)`,
);
if (exact.length !== 2707) {
  console.error('demo: the exact solver missed the published optimum');
  ok = false;
}

// 2. The verdicts, one by one, on a hand-written day.
if (!verifyDemo().ok) ok = false;

// 3. Straight lines against roads: the same retailers and seed, both plans measured on the road network.
console.log('\n######## Straight lines vs roads: one week, 60 retailers, a synthetic city ########');
const cmp = await compareOnRoads();
for (const [name, f] of [
  ['straight-line plan', cmp.straight],
  ['road plan         ', cmp.road],
])
  console.log(`  ${name}: ${f.roadKm} road km, ${f.travelHours} h travel on the roads, ${f.visits} visits`);
console.log(
  `  the road plan drives ${(100 * (1 - cmp.road.roadKm / cmp.straight.roadKm)).toFixed(1)} % fewer road km (${cmp.ms} ms)`,
);

// 4. The whole story.
console.log(
  '\n######## The story: a synthetic city, a week of beats, visits, verification, inspection, report ########',
);
const story = await runStoryDemo();
if (!story.ok) ok = false;

console.log(
  `\ndemo ${ok ? 'done' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s; open the report in a browser (it loads nothing from the network):`,
);
console.log(story.htmlPath);
if (!ok) process.exitCode = 1;
