// pgRouting cross-check of @beatplan/roads: the same generated OpenStreetMap extract is imported by
// osm2pgrouting into a real PostgreSQL 15 + PostGIS + pgRouting, and road distances between sampled
// junctions from pgr_dijkstraCostMatrix are compared with roadMatrix on a graph built by
// buildRoadGraph from the same file. Also times both on the same sample (medians), in the same run.
//
// Shortest-distance comparison: pgRouting's edge cost is each way's length (haversine along its
// geometry, core's formula and radius, computed in SQL); roads minimises time, so the extract's
// `maxspeed` tags are removed and every car class gets one speed (time ∝ distance). Turn restrictions
// are removed too: pgr_dijkstraCostMatrix has no turn model (one-way streets stay, for both).
//
// The server is started by this script as the `postgres` user (initdb + pg_ctl through runuser) in a
// temporary directory, on a random free port on 127.0.0.1, and stopped and removed at the end.
//
// Run: `npm run build`, then `npm run bench:pgrouting` (root, with postgresql-15, postgresql-15-postgis-3,
//   postgresql-15-pgrouting and osm2pgrouting installed; .ci/run installs them)
//   node bench/pgrouting.mjs [--lines 60] [--sample 60] [--runs 5] [--seed 7] [--quick]
// Output: a summary on stdout and bench/out/pgrouting.json; exits 1 when agreement < 99 %.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EARTH_RADIUS_M } from '@beatplan/core';
import { ROAD_PROFILES, buildRoadGraph, generateOsmExtract, osmExtractToXml, roadMatrix } from '@beatplan/roads';
import { median, mulberry32, speedProbeMs } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const PG_BIN = '/usr/lib/postgresql/15/bin';
const UNIFORM_KMH = 36;

function parseArgs(argv) {
  const o = { lines: 60, sample: 60, runs: 5, seed: 7 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { lines: 40, sample: 40, runs: 3 });
    else if (a.startsWith('--') && a.slice(2) in o) o[a.slice(2)] = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Runs a program (as `postgres` when asked), from `/`; throws with its stderr on failure. */
function run(cmd, args, { asPostgres = false, input } = {}) {
  const [c, a] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { cwd: '/', input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** A PostgreSQL 15 server of its own: initdb + pg_ctl as `postgres`, 127.0.0.1, a random port. */
async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'beatplan-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  for (const d of [data, sock]) {
    mkdirSync(d);
    const uid = Number(run('id', ['-u', 'postgres']).trim());
    const gid = Number(run('id', ['-g', 'postgres']).trim());
    chownSync(d, uid, gid);
  }
  run(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], {
    asPostgres: true,
  });
  const port = await freePort();
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  run(`${PG_BIN}/pg_ctl`, ['-D', data, '-o', opts, '-l', join(sock, 'server.log'), '-w', 'start'], {
    asPostgres: true,
  });
  const stop = () => {
    spawnSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', 'stop'], {
      cwd: '/',
    });
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, dir, stop };
}

/** psql against the bench database: rows as arrays of text fields. */
function psql(port, db, sql) {
  const out = run(
    'psql',
    [
      '-X',
      '-q',
      '-A',
      '-t',
      '-F',
      '\t',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      db,
    ],
    {
      input: sql,
    },
  );
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

/** osm2pgrouting's configuration: exactly the car profile's highway classes (one speed for all). */
function mapconfig() {
  const classes = [...ROAD_PROFILES.get('car').speedsKmh.keys()];
  const values = classes
    .map((c, k) => `    <tag_value name="${c}" id="${101 + k}" priority="1.0" maxspeed="${UNIFORM_KMH}" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <tag_name name="highway" id="1">\n${values}\n  </tag_name>\n</configuration>\n`;
}

const opts = parseArgs(process.argv.slice(2));
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(
  `bench:pgrouting — ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, ${machine.date}`,
);
const loadBefore = loadavg()[0];
const probeBefore = speedProbeMs();
const t0 = performance.now();

// 1. The extract: the roads generator's city, without maxspeed tags and turn restrictions.
const city = generateOsmExtract({ seed: opts.seed, lines: opts.lines });
const stripped = {
  nodes: city.nodes,
  ways: city.ways.map((w) => ({ ...w, tags: w.tags.filter(([k]) => k !== 'maxspeed') })),
  relations: city.relations.filter((r) => !r.tags.some(([k, v]) => k === 'type' && v === 'restriction')),
};
const xml = osmExtractToXml(stripped).join('');
const work = mkdtempSync(join(tmpdir(), 'beatplan-osm-'));
chmodSync(work, 0o755);
const osmFile = join(work, 'city.osm');
const confFile = join(work, 'mapconfig.xml');
writeFileSync(osmFile, xml);
writeFileSync(confFile, mapconfig());

// 2. roads: the graph, one speed for every car class.
const speedsKmh = Object.fromEntries([...ROAD_PROFILES.get('car').speedsKmh.keys()].map((c) => [c, UNIFORM_KMH]));
const graph = await buildRoadGraph(new TextEncoder().encode(xml), { profile: 'car', speedsKmh });

// 3. pgRouting: import with osm2pgrouting, edge costs = haversine length (core's radius).
const pg = await startPostgres();
let result;
try {
  psql(pg.port, 'postgres', 'CREATE DATABASE roads;');
  psql(pg.port, 'roads', 'CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;');
  const tImport = performance.now();
  run('osm2pgrouting', [
    '-f',
    osmFile,
    '-c',
    confFile,
    '-d',
    'roads',
    '-U',
    'postgres',
    '-h',
    '127.0.0.1',
    '-p',
    String(pg.port),
    '--clean',
  ]);
  const importMs = performance.now() - tImport;
  psql(
    pg.port,
    'roads',
    `ALTER TABLE ways ADD COLUMN hav_m float8;
     WITH pts AS (
       SELECT gid, (dp).path[1] AS k, ST_X((dp).geom) AS lng, ST_Y((dp).geom) AS lat
       FROM (SELECT gid, ST_DumpPoints(the_geom) AS dp FROM ways) s
     ), seg AS (
       SELECT gid, lng, lat, lag(lng) OVER w AS lng0, lag(lat) OVER w AS lat0
       FROM pts WINDOW w AS (PARTITION BY gid ORDER BY k)
     ), len AS (
       SELECT gid, sum(2 * ${EARTH_RADIUS_M} * asin(sqrt(
         sin(radians(lat - lat0) / 2) ^ 2 + cos(radians(lat0)) * cos(radians(lat)) * sin(radians(lng - lng0) / 2) ^ 2
       ))) AS m FROM seg WHERE lng0 IS NOT NULL GROUP BY gid
     )
     UPDATE ways w SET hav_m = len.m FROM len WHERE w.gid = len.gid;`,
  );
  const [[ways, vertices, oneway]] = psql(
    pg.port,
    'roads',
    'SELECT (SELECT count(*) FROM ways), (SELECT count(*) FROM ways_vertices_pgr), (SELECT count(*) FROM ways WHERE cost < 0 OR reverse_cost < 0);',
  );

  // 4. The sample: junctions drawn with a seeded PRNG.
  const all = psql(pg.port, 'roads', 'SELECT id, lon, lat FROM ways_vertices_pgr ORDER BY id;').map(
    ([id, lon, lat]) => ({
      id: Number(id),
      lng: Number(lon),
      lat: Number(lat),
    }),
  );
  const rnd = mulberry32(opts.seed);
  const pool = [...all];
  const sample = [];
  while (sample.length < opts.sample && pool.length) sample.push(...pool.splice(Math.floor(rnd() * pool.length), 1));
  const ids = sample.map((v) => v.id).join(',');
  const edges = `SELECT gid AS id, source, target, CASE WHEN cost < 0 THEN -1 ELSE hav_m END AS cost, CASE WHEN reverse_cost < 0 THEN -1 ELSE hav_m END AS reverse_cost FROM ways`;
  const matrixSql = `SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCostMatrix('${edges}', ARRAY[${ids}], directed => true);`;

  // 5. Compare every ordered pair of the sample.
  const pgRows = psql(pg.port, 'roads', matrixSql);
  const pgCost = new Map(pgRows.map(([s, e, c]) => [`${s}>${e}`, Number(c)]));
  const points = sample.map(({ lng, lat }) => ({ lng, lat }));
  const m = roadMatrix(graph, points);
  const n = sample.length;
  // Diagnostic: junctions where a one-way street begins or ends (a start or end there is where the two
  // engines differ most, see bench/RESULTS.md).
  const onewayJunctions = new Set(
    psql(
      pg.port,
      'roads',
      'SELECT source FROM ways WHERE one_way IN (1, -1) UNION SELECT target FROM ways WHERE one_way IN (1, -1);',
    ).map(([id]) => Number(id)),
  );
  let twoWayPairs = 0;
  let twoWayAgree = 0;
  let pairs = 0;
  let agree = 0;
  let bothUnreachable = 0;
  let maxDiffM = 0;
  const worst = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      pairs++;
      const ours = m.distancesM[i * n + j];
      const theirs = pgCost.get(`${sample[i].id}>${sample[j].id}`);
      if (ours === -1 && theirs === undefined) {
        agree++;
        bothUnreachable++;
        continue;
      }
      const diff = ours === -1 || theirs === undefined ? Number.POSITIVE_INFINITY : Math.abs(ours - theirs);
      if (diff <= 1) agree++;
      if (!onewayJunctions.has(sample[i].id) && !onewayJunctions.has(sample[j].id)) {
        twoWayPairs++;
        if (diff <= 1) twoWayAgree++;
      } else worst.push({ from: sample[i].id, to: sample[j].id, roadsM: ours, pgroutingM: theirs ?? null });
      if (Number.isFinite(diff)) maxDiffM = Math.max(maxDiffM, diff);
    }
  }
  const maxSnapM = Math.max(...m.snapped.map((s) => s.distanceM ?? 0));
  // The junctions most involved in disagreements, with the ways that meet there (for whoever debugs).
  const byVertex = new Map();
  for (const w of worst) for (const v of [w.from, w.to]) byVertex.set(v, (byVertex.get(v) ?? 0) + 1);
  const disagreeingVertices = [...byVertex]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, count]) => ({
      id,
      pairs: count,
      ways: psql(
        pg.port,
        'roads',
        `SELECT osm_id, one_way, round(hav_m::numeric, 1) FROM ways WHERE source = ${id} OR target = ${id} ORDER BY gid;`,
      ).map(([osmId, oneWay, m]) => ({ osmId: Number(osmId), oneWay: Number(oneWay), lengthM: Number(m) })),
    }));

  // 6. Time both on the same sample (medians; psql's \timing is the client round trip of the query).
  const timing = run('psql', ['-X', '-q', '-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-d', 'roads'], {
    input: `\\timing on\n\\o /dev/null\n${`${matrixSql}\n`.repeat(opts.runs)}`,
  });
  const pgMs = [...timing.matchAll(/Time: ([\d.]+) ms/g)].map((x) => Number(x[1]));
  const roadsMs = [];
  for (let r = 0; r < opts.runs; r++) {
    const s = performance.now();
    roadMatrix(graph, points);
    roadsMs.push(performance.now() - s);
  }
  const loadAfter = loadavg()[0];
  const probeAfter = speedProbeMs();
  result = {
    bench: 'pgrouting',
    machine: { ...machine, loadBefore, loadAfter, speedProbeMs: { before: probeBefore, after: probeAfter } },
    options: opts,
    extract: { nodes: stripped.nodes.length, ways: stripped.ways.length, osmBytes: xml.length },
    pgrouting: { ways: Number(ways), vertices: Number(vertices), onewayWays: Number(oneway), importMs },
    sample: n,
    pairs,
    agree,
    agreement: agree / pairs,
    bothUnreachable,
    pairsAwayFromOneway: twoWayPairs,
    agreementAwayFromOneway: twoWayPairs ? twoWayAgree / twoWayPairs : null,
    maxDiffM,
    maxSnapM,
    disagreements: worst.slice(0, 10),
    disagreeingVertices,
    medianPgroutingMs: median(pgMs),
    medianRoadsMs: median(roadsMs),
    speedRatio: median(pgMs) / median(roadsMs),
    pgMs,
    roadsMs,
    totalS: (performance.now() - t0) / 1000,
  };
} finally {
  pg.stop();
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(join(benchDir, 'out'), { recursive: true });
writeFileSync(join(benchDir, 'out', 'pgrouting.json'), `${JSON.stringify(result, null, 2)}\n`);
const pct = (x) => `${(100 * x).toFixed(2)} %`;
console.log(
  [
    `extract: ${result.extract.nodes} nodes, ${result.extract.ways} ways; pgRouting: ${result.pgrouting.ways} edges, ${result.pgrouting.vertices} vertices (import ${(result.pgrouting.importMs / 1000).toFixed(1)} s)`,
    `sample: ${result.sample} junctions, ${result.pairs} ordered pairs; agreement within 1 m: ${result.agree}/${result.pairs} = ${pct(result.agreement)} (${result.bothUnreachable} unreachable in both); largest difference ${result.maxDiffM.toFixed(3)} m; largest snap ${result.maxSnapM.toFixed(3)} m`,
    `diagnostic: pairs whose junctions touch no one-way street: ${result.pairsAwayFromOneway}, agreement ${pct(result.agreementAwayFromOneway ?? 0)}`,
    `${result.sample}×${result.sample} matrix, median of ${opts.runs}: pgr_dijkstraCostMatrix ${result.medianPgroutingMs.toFixed(1)} ms, roadMatrix ${result.medianRoadsMs.toFixed(2)} ms (ratio ${result.speedRatio.toFixed(0)}×)`,
    `load ${loadBefore.toFixed(2)} → ${result.machine.loadAfter.toFixed(2)}; speed probe ${probeBefore.toFixed(0)} ms → ${result.machine.speedProbeMs.after.toFixed(0)} ms; total ${result.totalS.toFixed(1)} s`,
  ].join('\n'),
);
if (result.agreement < 0.99) {
  console.error(`agreement ${pct(result.agreement)} is below 99 %`);
  process.exit(1);
}
