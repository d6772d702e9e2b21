// bench:plan-on-roads — straight-line plan vs road plan of one manager's week on a synthetic city
// (examples/roads-demo.mjs), both measured on the road network. The km and hours are deterministic
// (same city seed, retailer seed and solver seed, same figures); no timing is compared.
// Writes bench/out/plan-on-roads.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { compareOnRoads } from '../examples/roads-demo.mjs';

const cases = [
  { citySeed: 1, retailerSeed: 7, retailers: 60 },
  { citySeed: 1, retailerSeed: 8, retailers: 60 },
  { citySeed: 1, retailerSeed: 9, retailers: 120 },
];
const rows = [];
for (const c of cases) {
  const r = await compareOnRoads(c);
  const row = {
    ...c,
    straight: r.straight,
    road: r.road,
    roadKmSavedPct: Math.round(1000 * (1 - r.road.roadKm / r.straight.roadKm)) / 10,
    travelHoursSavedPct: Math.round(1000 * (1 - r.road.travelHours / r.straight.travelHours)) / 10,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/plan-on-roads.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
);
