// A seeded synthetic city for the territory demo and benchmark: retailers clustered in a dense
// core (on a street grid), in satellite towns and along the radial roads between them, around a
// real-looking place (Hangzhou, 120.155E 30.274N, with West Lake kept empty). The data are
// SYNTHETIC: no real shop is described.
//
//   node examples/generate-city.mjs [--seed 7] [--retailers 4000] [--managers 20]
// writes examples/data/city-retailers.csv and examples/data/city-managers.json;
// `generateCity(options)` returns { retailers, managers } for scripts (examples/plan-demo.mjs, bench/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { retailersToCsv, seededRandom } from '@beatplan/core';

/** mulberry32 (core's `seededRandom`): a tiny seeded PRNG, uniform in [0, 1). */
export const makeRandom = seededRandom;

const M_PER_DEG_LAT = 111_195;

/**
 * Generates a synthetic city.
 * @param {{ seed?: number, retailers?: number, managers?: number, center?: [number, number], radiusKm?: number }} [options]
 *   seed (default 7), retailers (default 4000), managers (default 20), center [lng, lat] (default
 *   Hangzhou 120.155, 30.274), radiusKm: how far the satellite towns lie (default 28).
 * @returns {{ retailers: object[], managers: object[] }} core Retailer and CustomerManager records (WGS84).
 */
export function generateCity(options = {}) {
  const {
    seed = 7,
    retailers: count = 4000,
    managers: managerCount = 20,
    center = [120.155, 30.274],
    radiusKm = 28,
  } = options;
  const random = makeRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((center[1] * Math.PI) / 180);
  const toLngLat = (xM, yM) => [round6(center[0] + xM / mPerDegLng), round6(center[1] + yM / M_PER_DEG_LAT)];
  // West Lake: an ellipse 3.2 x 2.8 km, about 2.5 km west-south-west of the centre
  const inLake = (x, y) => ((x + 2500) / 1600) ** 2 + ((y + 900) / 1400) ** 2 < 1;

  // satellite towns on a ring, of various sizes; radial roads from the core to each town
  const townCount = Math.max(4, Math.round(count / 350));
  const towns = Array.from({ length: townCount }, (_, t) => {
    const angle = (2 * Math.PI * (t + 0.35 * random())) / townCount;
    const dist = radiusKm * 1000 * (0.45 + 0.55 * random());
    return { x: dist * Math.cos(angle), y: dist * Math.sin(angle), sigma: 700 + 900 * random(), size: 0.5 + random() };
  });
  const townMass = towns.reduce((a, t) => a + t.size, 0);

  const points = [];
  while (points.length < count) {
    const kind = random();
    let x, y;
    if (kind < 0.45) {
      // dense core on a 400 m street grid: shops stand along the streets
      x = gauss() * 4500;
      y = gauss() * 3800;
      if (random() < 0.5) x = Math.round(x / 400) * 400 + gauss() * 25;
      else y = Math.round(y / 400) * 400 + gauss() * 25;
    } else if (kind < 0.85) {
      // satellite towns
      let pick = random() * townMass;
      const town = towns.find((t) => (pick -= t.size) < 0) ?? towns[towns.length - 1];
      x = town.x + gauss() * town.sigma;
      y = town.y + gauss() * town.sigma;
    } else {
      // ribbons along the radial roads
      const town = towns[Math.floor(random() * towns.length)];
      const f = 0.15 + 0.8 * random();
      x = town.x * f + gauss() * 90;
      y = town.y * f + gauss() * 90;
    }
    if (inLake(x, y)) continue;
    points.push([x, y]);
  }

  const retailers = points.map(([x, y], i) => {
    const [lng, lat] = toLngLat(x, y);
    const s = random();
    const segment = s < 0.7 ? 'retail' : s < 0.85 ? 'chain_supermarket' : 'hotel_entertainment';
    const c = random();
    const cls =
      segment === 'chain_supermarket' ? (c < 0.3 ? 'A' : c < 0.75 ? 'B' : 'C') : c < 0.08 ? 'A' : c < 0.35 ? 'B' : 'C';
    const f = random();
    const visitFrequency =
      cls === 'A'
        ? f < 0.5
          ? 'twice_weekly'
          : 'weekly'
        : cls === 'B'
          ? f < 0.6
            ? 'weekly'
            : 'fortnightly'
          : f < 0.4
            ? 'fortnightly'
            : 'monthly';
    const serviceMinutes = {
      retail: { A: 12, B: 8, C: 6 },
      chain_supermarket: { A: 20, B: 15, C: 10 },
      hotel_entertainment: { A: 15, B: 10, C: 8 },
    }[segment][cls];
    const orderCount = Math.floor(
      (cls === 'A' ? 20 : cls === 'B' ? 8 : 1) + random() * (cls === 'A' ? 40 : cls === 'B' ? 17 : 9),
    );
    const orderVolume = Math.round(orderCount * (150 + random() * 350));
    const h = random();
    const openingHours =
      segment === 'retail'
        ? h < 0.8
          ? 'daily 08:00-22:00'
          : 'mon-sat 08:30-21:00; sun closed'
        : segment === 'chain_supermarket'
          ? 'daily 07:00-23:00'
          : h < 0.75
            ? 'daily 10:30-14:00,16:30-02:00'
            : 'daily 14:00-02:00';
    const district = Math.hypot(x, y) < 9000 ? 'urban core' : `town ${1 + nearestIndex(towns, x, y)}`;
    return {
      id: `R${String(i + 1).padStart(5, '0')}`,
      name: `${segment === 'retail' ? 'Shop' : segment === 'chain_supermarket' ? 'Mart' : 'Venue'} ${i + 1}`,
      location: { lng, lat },
      segment,
      class: cls,
      serviceMinutes,
      openingHours: parseHours(openingHours),
      visitFrequency,
      orderCount,
      orderVolume,
      region: district,
    };
  });

  // managers' bases: a weighted k-means of the retailers (people live where the work is), jittered
  const bases = kMeans(points, managerCount, random).map(([x, y]) => toLngLat(x + gauss() * 400, y + gauss() * 400));
  const day = [
    { from: '08:30', to: '12:00' },
    { from: '13:00', to: '17:30' },
  ];
  const surnames = [
    'Li',
    'Wang',
    'Zhang',
    'Liu',
    'Chen',
    'Yang',
    'Zhao',
    'Huang',
    'Zhou',
    'Wu',
    'Xu',
    'Sun',
    'Hu',
    'Zhu',
    'Gao',
    'Lin',
    'He',
    'Guo',
    'Ma',
    'Luo',
  ];
  const managers = bases.map(([lng, lat], j) => ({
    id: `M${String(j + 1).padStart(2, '0')}`,
    name: `${surnames[j % surnames.length]} ${String.fromCharCode(65 + Math.floor(j / surnames.length))}.`,
    base: { lng, lat },
    workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    maxDailyMinutes: 480,
  }));
  return { retailers, managers };
}

function round6(v) {
  return Math.round(v * 1e6) / 1e6;
}

function nearestIndex(towns, x, y) {
  let best = 0;
  towns.forEach((t, i) => {
    if (Math.hypot(t.x - x, t.y - y) < Math.hypot(towns[best].x - x, towns[best].y - y)) best = i;
  });
  return best;
}

// the compact opening-hours text of the generator → core WeeklyHours (daily / mon-sat forms only)
function parseHours(text) {
  const hours = {};
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  for (const clause of text.split(';').map((c) => c.trim())) {
    const [spec, intervals] = clause.split(' ');
    const list = spec === 'daily' ? days : spec === 'mon-sat' ? days.slice(0, 6) : [spec];
    for (const d of list)
      hours[d] =
        intervals === 'closed' ? [] : intervals.split(',').map((iv) => ({ from: iv.slice(0, 5), to: iv.slice(6, 11) }));
  }
  return hours;
}

function kMeans(points, k, random) {
  const centres = [];
  for (let j = 0; j < k; j++) centres.push(points[Math.floor(random() * points.length)].slice());
  for (let it = 0; it < 15; it++) {
    const sum = centres.map(() => [0, 0, 0]);
    for (const [x, y] of points) {
      let best = 0,
        bestD = Infinity;
      centres.forEach(([cx, cy], j) => {
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (d < bestD) [best, bestD] = [j, d];
      });
      sum[best][0] += x;
      sum[best][1] += y;
      sum[best][2]++;
    }
    sum.forEach(([sx, sy, c], j) => {
      if (c > 0) centres[j] = [sx / c, sy / c];
    });
  }
  return centres;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const { retailers, managers } = generateCity({
    seed: arg('seed', 7),
    retailers: arg('retailers', 4000),
    managers: arg('managers', 20),
  });
  const dir = fileURLToPath(new URL('./data/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}city-retailers.csv`, retailersToCsv(retailers));
  writeFileSync(`${dir}city-managers.json`, `${JSON.stringify(managers, null, 2)}\n`);
  console.log(
    `wrote ${retailers.length} synthetic retailers and ${managers.length} managers to examples/data/city-retailers.csv, city-managers.json`,
  );
}
