// `npm run demo`: the main job on the shipped sample data, through the public packages as a user
// would import them. For now: the day's route of one customer manager (exact, in WebAssembly), and
// a TSPLIB instance checked against its published optimum.
import { readFileSync } from 'node:fs';
import { parseTsplib, solve } from '@beatplan/tsp';

const here = (path) => new URL(path, import.meta.url);

// 1. One manager's day: 17 retailers and the depot, a closed tour from the depot.
const day = JSON.parse(readFileSync(here('./data/sample-day.json'), 'utf8'));
const route = await solve({ points: day.points }, { method: 'auto' });
console.log(`\n== ${day.name}: ${day.points.length - 1} retailers and the depot (${day.note})`);
console.log(`route (${route.exact ? 'proven optimal, exact Held-Karp in WebAssembly' : 'heuristic'}, ${route.ms.toFixed(1)} ms):`);
let previous = null;
for (const [k, node] of [...route.tour, route.tour[0]].entries()) {
  const stop = day.points[node];
  const leg = previous === null ? '' : `  +${(legMetres(previous, stop) / 1000).toFixed(2)} km`;
  console.log(`  ${String(k).padStart(2)}. ${stop.id.padEnd(5)} ${stop.name.padEnd(24)}${leg}`);
  previous = stop;
}
console.log(`total: ${(route.length / 1000).toFixed(2)} km`);

function legMetres(a, b) {
  // the leg as the solver sees it: great-circle metres between the two stops
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

// 2. A public benchmark instance with a published optimum.
const gr21 = parseTsplib(readFileSync(here('../packages/tsp/test/data/tsplib/gr21.tsp'), 'utf8'));
const exact = await solve({ matrix: gr21.matrix, n: gr21.n }, { method: 'exact' });
console.log(`\n== TSPLIB ${gr21.name} (n = ${gr21.n}): length ${exact.length} (published optimum 2707), ${exact.ms.toFixed(0)} ms`);
console.log(`tour: ${exact.tour.join(' ')}`);
if (exact.length !== 2707) {
  console.error('demo: the exact solver missed the published optimum');
  process.exitCode = 1;
}
