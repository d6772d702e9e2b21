// Visit-proof benchmark (issue 12): how many genuine visits the verification rule verifies, how many
// faked visits it accepts, per fix source and per fake distance, and whether the rule beats every
// plain "both fixes within R metres" rule. Written and committed BEFORE the rule was changed, and
// frozen since: the data, the counts and the comparison below must not be tuned after the fact.
//
// Data, per seed 1–5 (mulberry32 = core's seededRandom, one stream per seed):
// - 20,000 genuine and 20,000 fake visits, each at its own retailer (a point, no segment or class:
//   the policy's default radius), retailers uniform within 5 km of Wenzhou's centre.
// - The source of each fix (start and end) drawn independently: GNSS 70 %, WiFi 15 %, cell 15 %.
// - Genuine: each fix's true position uniform within 15 m of the retailer. Fake: the faker stays at
//   one place at a distance uniform over 120–2,000 m from the retailer (random bearing); both fixes'
//   true positions are that place.
// - Reported accuracy (68 %, as phones report it; no `accuracyConfidence` field is sent) uniform over
//   GNSS 5–30 m, WiFi 30–80 m, cell 100–200 m; the reported position is the true position plus a
//   circular normal error with σ = accuracy / 1.515 per axis (the 68 % radius of a circular normal
//   is 1.515 σ).
// - Dwell uniform over 10–20 minutes; visits spread over 1,000 managers, 40 minutes apart.
//
// What is counted, with the policy under test (`--policy '{...}'`, default: the library's default):
// - genuine visits verified / rejected / unverifiable, fakes accepted (verified) — overall, per source
//   pair of the visit (unordered: gnss+gnss, gnss+wifi, ...) and, for fakes, per distance band;
// - the fixed-radius rule at R = 50, 75, ..., 300 m: a visit is accepted when both fixes' reported
//   positions are within R of the retailer (great-circle metres);
// - a strictness sweep of the rule: when the policy schema has a `strictness` field (standard errors,
//   see the geofence README), every value from −4 to 8 in steps of 0.25; otherwise (the rule before
//   issue 12) `accuracyOverlapTolerance` from 0 to 0.95 in steps of 0.05, its only strictness knob.
//   For each fixed radius R the rule "dominates" when some sweep point accepts no more fakes than R
//   and verifies at least as many genuine visits.
// - Targets (issue 12), on every seed: ≥ 85 % genuine verified, ≤ 0.5 % fakes accepted overall,
//   ≤ 1 % fakes accepted at 120–300 m, no genuine visit rejected, the rule dominates every R.
//
// Run: `npm run build`, then `npm run bench:verify-roc [-- --seeds 1,2,3,4,5] [--policy '{"radiusM":100}']`
// Output: a table on stdout and bench/out/verify-roc.json. Exit code 0 whether or not targets are met.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haversineM, parseOrThrow, VisitSchema } from '@beatplan/core';
import { compileRetailers, VerifyPolicySchema, verifyParsed } from '@beatplan/geofence';
import { mulberry32 } from './lib.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));

const GENUINE = 20_000;
const FAKE = 20_000;
const CENTRE = [120.6994, 27.9943]; // Wenzhou
const M_PER_DEG_LAT = 111_320;
const SOURCES = [
  { source: 'gnss', share: 0.7, accuracyM: [5, 30] },
  { source: 'wifi', share: 0.15, accuracyM: [30, 80] },
  { source: 'cell', share: 0.15, accuracyM: [100, 200] },
];
const SIGMA_PER_ACCURACY68 = 1 / 1.515;
const GENUINE_WITHIN_M = 15;
const FAKE_DISTANCE_M = [120, 2000];
const BANDS = [
  [120, 300],
  [300, 500],
  [500, 1000],
  [1000, 2000],
];
const DWELL_MIN = [10, 20];
const RADII = Array.from({ length: 11 }, (_, k) => 50 + 25 * k);
const DAY0 = Date.UTC(2026, 10, 30, 0, 30);
const TARGETS = { genuineVerified: 0.85, fakesAccepted: 0.005, fakesAccepted120to300: 0.01, genuineRejected: 0 };

function parseArgs(argv) {
  const opts = { seeds: [1, 2, 3, 4, 5], policy: {} };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] = argv[k].split('=', 2);
    const value = () => inline ?? argv[++k];
    if (flag === '--seeds') opts.seeds = value().split(',').map(Number);
    else if (flag === '--policy') opts.policy = JSON.parse(value());
    else {
      console.error(`bench:verify-roc: unknown argument ${argv[k]}`);
      process.exit(2);
    }
  }
  return opts;
}

/** A point `metres` away from [lng, lat] on `bearing` (radians), on the local tangent plane. */
function offset([lng, lat], metres, bearing) {
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  return [lng + (metres * Math.sin(bearing)) / mPerDegLng, lat + (metres * Math.cos(bearing)) / M_PER_DEG_LAT];
}

/** The seeded data of one seed: retailers, parsed visits and each visit's truth. */
function makeData(seed) {
  const rand = mulberry32(seed);
  const uniform = ([a, b]) => a + (b - a) * rand();
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pickSource = () => {
    const u = rand();
    return u < SOURCES[0].share ? SOURCES[0] : u < SOURCES[0].share + SOURCES[1].share ? SOURCES[1] : SOURCES[2];
  };
  const fix = (truePlace, atMs) => {
    const s = pickSource();
    const accuracyM = Math.round(uniform(s.accuracyM) * 10) / 10;
    const sigma = accuracyM * SIGMA_PER_ACCURACY68;
    // Circular normal: independent N(0, σ²) east and north.
    const mPerDegLng = M_PER_DEG_LAT * Math.cos((truePlace[1] * Math.PI) / 180);
    const lng = truePlace[0] + (sigma * gauss()) / mPerDegLng;
    const lat = truePlace[1] + (sigma * gauss()) / M_PER_DEG_LAT;
    return { lng, lat, accuracyM, source: s.source, at: atMs };
  };
  const retailers = [];
  const visits = [];
  const truth = [];
  for (let i = 0; i < GENUINE + FAKE; i++) {
    const genuine = i < GENUINE;
    const shop = offset(CENTRE, 5000 * Math.sqrt(rand()), rand() * 2 * Math.PI);
    const retailerId = `R${String(i).padStart(6, '0')}`;
    retailers.push({ id: retailerId, location: { lng: shop[0], lat: shop[1] } });
    const fakeDistanceM = genuine ? NaN : uniform(FAKE_DISTANCE_M);
    const fakePlace = genuine ? null : offset(shop, fakeDistanceM, rand() * 2 * Math.PI);
    const truePlace = () =>
      genuine ? offset(shop, GENUINE_WITHIN_M * Math.sqrt(rand()), rand() * 2 * Math.PI) : fakePlace;
    const startMs = DAY0 + Math.floor(i / 1000) * 40 * 60_000;
    const dwellMs = Math.round(uniform(DWELL_MIN) * 60_000);
    const start = fix(truePlace(), startMs);
    const end = fix(truePlace(), startMs + dwellMs);
    const visit = {
      id: `V${String(i).padStart(6, '0')}`,
      managerId: `M${String(i % 1000).padStart(4, '0')}`,
      retailerId,
      start,
      end,
    };
    visits.push(parseOrThrow(VisitSchema, visit, ['visits', i]));
    const pair = [start.source, end.source].sort(bySourceOrder).join('+');
    const dS = haversineM(shop[0], shop[1], start.lng, start.lat);
    const dE = haversineM(shop[0], shop[1], end.lng, end.lat);
    truth.push({ genuine, fakeDistanceM, pair, maxFixDistanceM: Math.max(dS, dE) });
  }
  return { retailers, visits, truth };
}

function bySourceOrder(a, b) {
  return SOURCES.findIndex((s) => s.source === a) - SOURCES.findIndex((s) => s.source === b);
}

const PAIRS = [];
for (let a = 0; a < SOURCES.length; a++)
  for (let b = a; b < SOURCES.length; b++) PAIRS.push(`${SOURCES[a].source}+${SOURCES[b].source}`);
const bandOf = (d) => BANDS.findIndex(([lo, hi]) => d >= lo && d < hi);
const bandLabel = ([lo, hi]) => `${lo}-${hi} m`;

/** Counts of one policy on one seed's data. */
function countRule(data, policy) {
  const index = compileRetailers(data.retailers, policy);
  const { verdicts } = verifyParsed(index, data.visits);
  const c = {
    genuine: { total: 0, verified: 0, rejected: 0, unverifiable: 0 },
    fakes: { total: 0, verified: 0, rejected: 0, unverifiable: 0 },
    genuineByPair: Object.fromEntries(PAIRS.map((p) => [p, { total: 0, verified: 0, rejected: 0 }])),
    fakesByPair: Object.fromEntries(PAIRS.map((p) => [p, { total: 0, verified: 0 }])),
    fakesByBand: BANDS.map((b) => ({ band: bandLabel(b), total: 0, verified: 0 })),
  };
  for (let i = 0; i < verdicts.length; i++) {
    const t = data.truth[i];
    const status = verdicts[i].status;
    const group = t.genuine ? c.genuine : c.fakes;
    group.total++;
    // Any status other than verified and rejected (undecided) counts as unverifiable here.
    group[status === 'verified' || status === 'rejected' ? status : 'unverifiable']++;
    if (t.genuine) {
      const p = c.genuineByPair[t.pair];
      p.total++;
      if (status === 'verified') p.verified++;
      if (status === 'rejected') p.rejected++;
    } else {
      const p = c.fakesByPair[t.pair];
      p.total++;
      if (status === 'verified') p.verified++;
      const b = c.fakesByBand[bandOf(t.fakeDistanceM)];
      b.total++;
      if (status === 'verified') b.verified++;
    }
  }
  return c;
}

/** The fixed-radius rule: accepted when both fixes are within R of the retailer. */
function countFixedRadius(data, radiusM) {
  let genuine = 0;
  let fakes = 0;
  for (const t of data.truth) if (t.maxFixDistanceM <= radiusM) t.genuine ? genuine++ : fakes++;
  return { radiusM, genuineVerified: genuine, fakesAccepted: fakes };
}

/** The strictness sweep: the policies to try, and what is swept. */
function sweepPolicies(base) {
  if (VerifyPolicySchema.safeParse({ ...base, strictness: 0 }).success) {
    const values = Array.from({ length: 49 }, (_, k) => -4 + 0.25 * k);
    return { knob: 'strictness', policies: values.map((v) => ({ value: v, policy: { ...base, strictness: v } })) };
  }
  const values = Array.from({ length: 20 }, (_, k) => Math.round(5 * k) / 100);
  return {
    knob: 'accuracyOverlapTolerance',
    policies: values.map((v) => ({ value: v, policy: { ...base, accuracyOverlapTolerance: v } })),
  };
}

const pct = (k, n) => (n === 0 ? 'n/a' : `${((100 * k) / n).toFixed(2)} %`);

const opts = parseArgs(process.argv.slice(2));
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString(),
  loadavg: loadavg()[0],
};
console.log(`bench:verify-roc — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.date}`);
console.log(`policy under test: ${JSON.stringify(opts.policy)} (over the library's defaults)\n`);

const seeds = [];
for (const seed of opts.seeds) {
  const data = makeData(seed);
  const rule = countRule(data, opts.policy);
  const fixed = RADII.map((r) => countFixedRadius(data, r));
  const sweep = sweepPolicies(opts.policy);
  const curve = sweep.policies.map(({ value, policy }) => {
    const c = countRule(data, policy);
    return { value, genuineVerified: c.genuine.verified, fakesAccepted: c.fakes.verified };
  });
  const dominance = fixed.map((f) => {
    const witness = curve.find((p) => p.fakesAccepted <= f.fakesAccepted && p.genuineVerified >= f.genuineVerified);
    return { radiusM: f.radiusM, dominated: witness !== undefined, witness: witness?.value ?? null };
  });
  const band120 = rule.fakesByBand[0];
  const targets = {
    genuineVerified: {
      figure: rule.genuine.verified / rule.genuine.total,
      target: `>= ${100 * TARGETS.genuineVerified} %`,
    },
    fakesAccepted: { figure: rule.fakes.verified / rule.fakes.total, target: `<= ${100 * TARGETS.fakesAccepted} %` },
    fakesAccepted120to300: {
      figure: band120.verified / band120.total,
      target: `<= ${100 * TARGETS.fakesAccepted120to300} %`,
    },
    genuineRejected: { figure: rule.genuine.rejected, target: '0 visits' },
    dominatesEveryRadius: {
      figure: dominance.filter((d) => d.dominated).length,
      target: `${RADII.length} of ${RADII.length}`,
    },
  };
  targets.genuineVerified.met = targets.genuineVerified.figure >= TARGETS.genuineVerified;
  targets.fakesAccepted.met = targets.fakesAccepted.figure <= TARGETS.fakesAccepted;
  targets.fakesAccepted120to300.met = targets.fakesAccepted120to300.figure <= TARGETS.fakesAccepted120to300;
  targets.genuineRejected.met = rule.genuine.rejected === 0;
  targets.dominatesEveryRadius.met = targets.dominatesEveryRadius.figure === RADII.length;
  seeds.push({ seed, rule, fixed, sweep: { knob: sweep.knob, curve }, dominance, targets });

  console.log(`seed ${seed}`);
  console.log(
    `  genuine ${rule.genuine.total}: verified ${pct(rule.genuine.verified, rule.genuine.total)}, rejected ${rule.genuine.rejected}, unverifiable ${pct(rule.genuine.unverifiable, rule.genuine.total)}`,
  );
  console.log(
    `  fakes ${rule.fakes.total}: accepted ${pct(rule.fakes.verified, rule.fakes.total)} (${rule.fakes.verified}), rejected ${pct(rule.fakes.rejected, rule.fakes.total)}`,
  );
  console.log('  per source pair       genuine verified   genuine rejected   fakes accepted');
  for (const p of PAIRS) {
    const g = rule.genuineByPair[p];
    const f = rule.fakesByPair[p];
    console.log(
      `    ${p.padEnd(18)} ${pct(g.verified, g.total).padStart(16)} ${String(g.rejected).padStart(18)} ${pct(f.verified, f.total).padStart(16)}   (n ${g.total} / ${f.total})`,
    );
  }
  console.log('  fakes per distance band');
  for (const b of rule.fakesByBand) console.log(`    ${b.band.padEnd(12)} ${pct(b.verified, b.total)} of ${b.total}`);
  console.log(`  fixed radius vs the rule (sweep of ${sweep.knob})`);
  for (let k = 0; k < fixed.length; k++) {
    const f = fixed[k];
    const d = dominance[k];
    console.log(
      `    R ${String(f.radiusM).padStart(3)} m: genuine ${pct(f.genuineVerified, GENUINE).padStart(8)}, fakes ${pct(f.fakesAccepted, FAKE).padStart(8)}  → ${d.dominated ? `dominated (at ${sweep.knob} ${d.witness})` : 'NOT dominated'}`,
    );
  }
  console.log('  targets');
  for (const [name, t] of Object.entries(targets))
    console.log(
      `    ${name.padEnd(22)} ${name.startsWith('genuineV') || name.startsWith('fakes') ? `${(100 * t.figure).toFixed(2)} %` : t.figure}  (target ${t.target}) ${t.met ? 'met' : 'MISSED'}`,
    );
  console.log('');
}

const allMet = seeds.every((s) => Object.values(s.targets).every((t) => t.met));
console.log(`every target met on every seed: ${allMet ? 'yes' : 'no'}`);
mkdirSync(join(benchDir, 'out'), { recursive: true });
writeFileSync(
  join(benchDir, 'out', 'verify-roc.json'),
  `${JSON.stringify({ machine, policy: opts.policy, targets: TARGETS, seeds, allMet }, null, 2)}\n`,
);
console.log('wrote bench/out/verify-roc.json');
