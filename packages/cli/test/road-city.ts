import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRoadGraph, generateOsmExtract, osmExtractToXml, saveRoadGraph } from '@beatplan/roads';

/**
 * A small generated city (14 lines, no villages) saved as `<dir>/city.bpg`, and retailers on every
 * `every`-th OSM node from `offset` (at most `count`), for the CLI's `--roads` tests.
 */
export async function writeRoadCity(dir: string, pick: { seed: number; every: number; offset: number; count: number }) {
  const city = generateOsmExtract({ seed: pick.seed, lines: 14, villages: 0 });
  const graphFile = join(dir, 'city.bpg');
  writeFileSync(
    graphFile,
    saveRoadGraph(await buildRoadGraph(new TextEncoder().encode(osmExtractToXml(city).join('')))),
  );
  const nodes = city.nodes.filter((_, i) => i % pick.every === pick.offset).slice(0, pick.count);
  const retailers = nodes.map((n, i) => ({
    id: `R${i}`,
    name: `Shop ${i}`,
    location: { lng: n.lng, lat: n.lat },
    segment: 'retail',
    class: 'B',
    serviceMinutes: 10,
    visitFrequency: 'weekly',
    orderCount: 1,
    orderVolume: 10,
  }));
  return { graphFile, retailers };
}
