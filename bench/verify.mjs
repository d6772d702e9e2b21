// Visit-verification benchmark: visits verified per second by @beatplan/geofence, through the public
// API with validation (`verifyDay` on raw JSON-like input: every retailer, visit and the policy cross
// their zod schemas), on the pre-validated object path (`compileRetailers` once, then `verifyParsed`
// on visits already parsed by core's VisitSchema), and on the columnar path (`verifyColumns` on typed
// columns, every value still range-checked). All produce the full result: verdicts, batch and day
// flags, and the per-manager day summary.
//
// Each path is timed in a fresh child process that holds only that path's input (the raw objects for
// verifyDay; the index and parsed visits for verifyParsed; the index and columns for verifyColumns),
// after a full GC: a V8 heap full of another path's objects would make the garbage collector's
// marking work, charged to whatever allocates, part of the figure. The parent first runs every path
// once and checks that they give the same result; each child reports a hash of its last result,
// which must match.
//
// Run: `npm run build` (or `npm run build -w @beatplan/core -w @beatplan/geofence`), then
//   node bench/verify.mjs [--visits 100000] [--runs 7] [--seed 20261130]
//
// Data: seeded synthetic (mulberry32), around the Hangzhou depot of examples/data/sample-day.json;
// see `makeData` for the mix. Output: a table on stdout and bench/out/verify.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrThrow, VisitSchema, wgs84ToGcj02 } from '@beatplan/core';
import {
  compileRetailers,
  verdictAt,
  verifyColumns,
  verifyDay,
  verifyParsed,
  visitsToColumns,
} from '@beatplan/geofence';
import { median, mulberry32, speedProbeMs } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = { visits: 100_000, runs: 7, seed: 20261130, dayVisits: 30, dayRetailers: 250, child: null };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => Number(inline ?? argv[++k]);
    if (flag === '--visits') opts.visits = value();
    else if (flag === '--runs') opts.runs = value();
    else if (flag === '--seed') opts.seed = value();
    else if (flag === '--child')
      opts.child = inline ?? argv[++k]; // internal: time one path
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node bench/verify.mjs [--visits 100000] [--runs 7] [--seed 20261130]');
      process.exit(0);
    } else fail(`unknown argument ${argv[k]}`);
  }
  if (!(Number.isInteger(opts.visits) && opts.visits >= 30))
    fail(`--visits must be an integer >= 30, received ${opts.visits}`);
  if (!(Number.isInteger(opts.runs) && opts.runs >= 1))
    fail(`--runs must be a positive integer, received ${opts.runs}`);
  return opts;
}

function fail(message) {
  console.error(`bench:verify: ${message}`);
  process.exit(1);
}

const DEPOT = [120.1551, 30.2741];
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((DEPOT[1] * Math.PI) / 180);
const DAY0 = Date.UTC(2026, 10, 30, 0, 30); // 2026-11-30 08:30 +08:00

/**
 * Retailers: territories of 250 retailers each (one territory per 250 · 8 / 30 ≈ 67 manager-days),
 * uniform within 2 km of a territory centre, the centres uniform in a ~16 × 13 km box around the
 * depot; 10 % stored in GCJ-02 (as read off a Gaode map), 3 % with a 60 m square geofence polygon,
 * 1 % with no location; segments and classes at random.
 * Visits: 30 per manager and day, to random retailers of the manager's territory, from 08:30, each
 * next visit starting after the previous one ends plus the straight-line distance at 8 m/s plus
 * 1–3 minutes; fixes: 72 % genuine GNSS (scatter ~15 m, accuracy 4–30 m, dwell 5–15 min),
 * 8 % out of range (300–2000 m away), 7 % coarse cell fixes (300–1500 m), 6 % WiFi (accuracy 20–60 m),
 * 4 % too short (1–4 min), 2 % mock-location, 1 % end before start. Times as ISO 8601 strings.
 * Each manager-day has a plan: 90 % of its visited retailers plus 2 it missed.
 */
function makeData(nVisits, seed) {
  const rand = mulberry32(seed);
  const segments = ['retail', 'chain_supermarket', 'hotel_entertainment'];
  const classes = ['A', 'B', 'C'];
  const perTerritory = 250;
  const perDay = 30;
  const nTerritories = Math.max(1, Math.ceil(nVisits / 8 / perTerritory));
  const _nRetailers = nTerritories * perTerritory;
  const retailers = [];
  const truth = [];
  const offsetBy = ([lng, lat], metres, bearing) => [
    lng + (metres * Math.sin(bearing)) / M_PER_DEG_LNG,
    lat + (metres * Math.cos(bearing)) / M_PER_DEG_LAT,
  ];
  for (let t = 0; t < nTerritories; t++) {
    const centre = [DEPOT[0] + (rand() - 0.5) * 0.16, DEPOT[1] + (rand() - 0.5) * 0.12];
    for (let k = 0; k < perTerritory; k++) {
      const [lng, lat] = offsetBy(centre, 2000 * Math.sqrt(rand()), rand() * 2 * Math.PI);
      truth.push([lng, lat]);
      const retailer = {
        id: `R${String(retailers.length).padStart(6, '0')}`,
        segment: segments[Math.floor(rand() * 3)],
        class: classes[Math.floor(rand() * 3)],
      };
      const u = rand();
      const [x, y] = u < 0.1 ? wgs84ToGcj02(lng, lat) : [lng, lat];
      if (u >= 0.99) retailer.location = null;
      else retailer.location = u < 0.1 ? { lng: x, lat: y, crs: 'GCJ02' } : { lng: x, lat: y };
      if (u >= 0.96 && u < 0.99) {
        const h = 30 / M_PER_DEG_LAT;
        const w = 30 / M_PER_DEG_LNG;
        retailer.geofence = {
          type: 'Polygon',
          coordinates: [
            [
              [x - w, y - h],
              [x + w, y - h],
              [x + w, y + h],
              [x - w, y + h],
              [x - w, y - h],
            ],
          ],
        };
      }
      retailers.push(retailer);
    }
  }
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const fixNear = (place, offsetM, accuracyM, source, atMs, extra = {}) => {
    const [lng, lat] = offsetBy(place, offsetM, rand() * 2 * Math.PI);
    return { lng, lat, accuracyM: Math.round(accuracyM * 10) / 10, source, at: new Date(atMs).toISOString(), ...extra };
  };
  const visits = [];
  const planned = [];
  let clock = DAY0;
  let previous = null;
  for (let v = 0; v < nVisits; v++) {
    const manager = Math.floor(v / perDay);
    const managerId = `M${String(manager).padStart(5, '0')}`;
    const k = v % perDay;
    const territory = manager % nTerritories;
    const r = territory * perTerritory + Math.floor(rand() * perTerritory);
    const place = truth[r];
    if (k === 0) {
      clock = DAY0;
      previous = null;
      planned.push({
        managerId,
        date: '2026-11-30',
        retailerIds: [retailers[territory * perTerritory].id, retailers[territory * perTerritory + 1].id],
      });
    }
    const legM = previous
      ? Math.hypot((place[0] - previous[0]) * M_PER_DEG_LNG, (place[1] - previous[1]) * M_PER_DEG_LAT)
      : 0;
    const start = Math.round(clock + (legM / 8) * 1000 + (60 + rand() * 120) * 1000);
    previous = place;
    const u = rand();
    let dwell = Math.round((300 + rand() * 600) * 1000);
    let s, e;
    if (u < 0.72) {
      s = fixNear(place, Math.abs(gauss()) * 15, 4 + rand() * 26, 'gnss', start);
      e = fixNear(place, Math.abs(gauss()) * 15, 4 + rand() * 26, 'gnss', start + dwell);
    } else if (u < 0.8) {
      s = fixNear(place, 300 + rand() * 1700, 5 + rand() * 20, 'gnss', start);
      e = fixNear(place, 300 + rand() * 1700, 5 + rand() * 20, 'gnss', start + dwell);
    } else if (u < 0.87) {
      s = fixNear(place, rand() * 800, 300 + rand() * 1200, 'cell', start);
      e = fixNear(place, rand() * 800, 300 + rand() * 1200, 'cell', start + dwell);
    } else if (u < 0.93) {
      s = fixNear(place, rand() * 60, 20 + rand() * 40, 'wifi', start);
      e = fixNear(place, rand() * 60, 20 + rand() * 40, 'wifi', start + dwell);
    } else if (u < 0.97) {
      dwell = Math.round((60 + rand() * 180) * 1000);
      s = fixNear(place, rand() * 20, 8, 'gnss', start);
      e = fixNear(place, rand() * 20, 8, 'gnss', start + dwell);
    } else if (u < 0.99) {
      s = fixNear(place, 0, 5, 'gnss', start, { mock: true });
      e = fixNear(place, 0, 5, 'gnss', start + dwell, { mock: true });
    } else {
      s = fixNear(place, rand() * 20, 10, 'gnss', start + 600_000);
      e = fixNear(place, rand() * 20, 10, 'gnss', start);
      dwell = 600_000;
    }
    clock = start + dwell;
    visits.push({ id: `V${String(v).padStart(7, '0')}`, managerId, retailerId: retailers[r].id, start: s, end: e });
    const plan = planned[planned.length - 1];
    if (rand() < 0.9 && !plan.retailerIds.includes(retailers[r].id)) plan.retailerIds.push(retailers[r].id);
  }
  return { retailers, visits, planned };
}

/**
 * Runs `f` WARMUP times untimed (V8 tiers the code up; the batch's scratch memory reaches its size),
 * then `runs` times; returns the wall times and the process CPU times (user + system, all threads:
 * includes V8's parallel GC helpers) in ms, and the last result.
 */
function time(runs, f) {
  let result;
  for (let k = 0; k < WARMUP; k++) result = f();
  const ms = [];
  const cpuMs = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { ms, cpuMs, result };
}

const opts = parseArgs(process.argv.slice(2));

/**
 * The call to time for each path, built from the seeded data (outside any timing). Each path's
 * builder is a function of its own, so that its closure holds only that path's input.
 */
const PATHS = {
  validated: (data) => {
    const { retailers, visits, planned } = data;
    return () => verifyDay(retailers, visits, {}, { planned });
  },
  parsed: (data) => {
    const index = compileRetailers(data.retailers, {});
    const parsedVisits = data.visits.map((v, i) => parseOrThrow(VisitSchema, v, ['visits', i]));
    const planned = data.planned;
    return () => verifyParsed(index, parsedVisits, { planned });
  },
  columnar: (data) => {
    const index = compileRetailers(data.retailers, {});
    const columns = visitsToColumns(
      index,
      data.visits.map((v, i) => parseOrThrow(VisitSchema, v, ['visits', i])),
    );
    const planned = data.planned;
    return () => verifyColumns(index, columns, { planned });
  },
  // One manager's day at a time (30 visits, 250 retailers validated per call), 200 calls.
  day: (data) => {
    const dayRetailers = data.retailers.slice(0, opts.dayRetailers);
    const dayVisits = data.visits
      .slice(0, opts.dayVisits)
      .map((v, k) => ({ ...v, retailerId: dayRetailers[k % dayRetailers.length].id }));
    return () => {
      let last;
      for (let k = 0; k < PER_DAY_CALLS; k++) last = verifyDay(dayRetailers, dayVisits);
      return last;
    };
  },
};
const prepare = (data, path) => PATHS[path](data);

const PER_DAY_CALLS = 200;
const WARMUP = 3;
const hash = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** A columnar result as verifyParsed gives it (verdict objects), for comparing and hashing. */
function asObjects(result, ids) {
  return { verdicts: ids.map((id, i) => verdictAt(result.verdicts, i, id)), summary: result.summary };
}

if (opts.child) {
  // Child: build only this path's input, drop everything else, collect, then time.
  let data = makeData(opts.visits, opts.seed);
  const ids = data.visits.map((v) => v.id);
  const run = prepare(data, opts.child);
  if (opts.child !== 'validated') data = null;
  globalThis.gc?.();
  const timed = time(opts.runs, run);
  const result = opts.child === 'columnar' ? asObjects(timed.result, ids) : timed.result;
  console.log(JSON.stringify({ ms: timed.ms, cpuMs: timed.cpuMs, hash: hash(result) }));
  process.exit(0);
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  v8: process.versions.v8,
  date: new Date().toISOString(),
};
console.log(
  `bench:verify — ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, ${machine.date}`,
);

const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
const data = makeData(opts.visits, opts.seed);
const n = data.visits.length;
console.error(
  `data: ${n} visits, ${data.retailers.length} retailers, ${data.planned.length} manager-days (seed ${opts.seed})`,
);

// Every path once, here: they must agree.
const reference = prepare(data, 'validated')();
const referenceHash = hash(reference);
if (hash(prepare(data, 'parsed')()) !== referenceHash) fail('verifyDay and verifyParsed disagree');
if (
  hash(
    asObjects(
      prepare(data, 'columnar')(),
      data.visits.map((v) => v.id),
    ),
  ) !== referenceHash
)
  fail('verifyColumns and verifyDay disagree');
const dayHash = hash(prepare(data, 'day')());

/** Times one path in a fresh process (see the header). */
function timeInChild(path, expectedHash) {
  const args = [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--child',
    path,
    '--visits',
    String(opts.visits),
    '--runs',
    String(opts.runs),
    '--seed',
    String(opts.seed),
  ];
  const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 }).trim());
  if (out.hash !== expectedHash) fail(`the ${path} child's result differs from the parent's`);
  console.error(`${path}: ${out.ms.map((x) => x.toFixed(1)).join(', ')} ms`);
  return out;
}

const validated = timeInChild('validated', referenceHash);
const fast = timeInChild('parsed', referenceHash);
const columnar = timeInChild('columnar', referenceHash);
const perDay = timeInChild('day', dayHash);

const statuses = { verified: 0, rejected: 0, unverifiable: 0 };
for (const v of reference.verdicts) statuses[v.status]++;
const rows = [
  {
    label: 'validated (verifyDay)',
    visits: n,
    perCall: n,
    medianMs: median(validated.ms),
    runsMs: validated.ms,
    medianCpuMs: median(validated.cpuMs),
    target: 100_000,
  },
  {
    label: 'pre-validated objects (verifyParsed)',
    visits: n,
    perCall: n,
    medianMs: median(fast.ms),
    runsMs: fast.ms,
    medianCpuMs: median(fast.cpuMs),
    target: null,
  },
  {
    label: 'pre-validated columns (verifyColumns, every value range-checked)',
    visits: n,
    perCall: n,
    medianMs: median(columnar.ms),
    runsMs: columnar.ms,
    medianCpuMs: median(columnar.cpuMs),
    target: 1_000_000,
  },
  {
    label: `validated, one manager-day per call (+ ${opts.dayRetailers} retailers)`,
    visits: opts.dayVisits * PER_DAY_CALLS,
    perCall: opts.dayVisits,
    medianMs: median(perDay.ms),
    runsMs: perDay.ms,
    medianCpuMs: median(perDay.cpuMs),
    target: null,
  },
];
for (const row of rows) {
  row.visitsPerS = Math.round(row.visits / (row.medianMs / 1000));
  row.visitsPerCpuS = Math.round(row.visits / (row.medianCpuMs / 1000));
}
const load = loadavg()[0];
const probeAfter = speedProbeMs();

console.log(
  `\n${n} visits (${statuses.verified} verified, ${statuses.rejected} rejected, ${statuses.unverifiable} unverifiable, ${reference.summary.totals.flagged} flagged), median of ${opts.runs} runs after ${WARMUP} warm-ups, each path in its own process\n`,
);
console.log(
  `load average before the runs ${loadBefore.toFixed(2)}, after ${load.toFixed(2)} (2 cores: figures from a loaded machine are not comparable); speed probe (3·10⁷ Math.sin) ${probeBefore.toFixed(0)} ms before, ${probeAfter.toFixed(0)} ms after\n`,
);
console.log(
  '| path | visits per call | median wall ms | visits/s (wall) | median CPU ms | visits per CPU-s | target (wall) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const target =
    row.target === null ? '—' : `${row.target.toLocaleString('en')} ${row.visitsPerS >= row.target ? 'met' : 'missed'}`;
  console.log(
    `| ${row.label} | ${row.perCall} | ${row.medianMs.toFixed(1)} | ${row.visitsPerS.toLocaleString('en')} | ${row.medianCpuMs.toFixed(1)} | ${row.visitsPerCpuS.toLocaleString('en')} | ${target} |`,
  );
}
console.log(
  `\nRuns (ms): ${rows.map((r) => `${r.label}: ${r.runsMs.map((x) => x.toFixed(1)).join(', ')}`).join('; ')}`,
);

mkdirSync(join(benchDir, 'out'), { recursive: true });
const json = {
  bench: 'verify',
  machine: { ...machine, loadBefore, loadAfter: load, speedProbeMs: { before: probeBefore, after: probeAfter } },
  options: opts,
  data: { visits: n, retailers: data.retailers.length, managerDays: data.planned.length, statuses },
  results: rows,
};
writeFileSync(join(benchDir, 'out', 'verify.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log('\nwritten: bench/out/verify.json');
