// The whole beatplan story on the shipped SYNTHETIC city (examples/generate-city.mjs), every step
// seeded and deterministic, through the public packages as a host application would use them:
//
//   1. partition the city among the managers (naive nearest-base assignment → balanced territories);
//   2. plan one week of beats for a few "pilot" managers;
//   3. simulate the week's visits from those plans — mostly genuine, with PLANTED misconduct listed in
//      a `truth` list (a manager who "visits" from cafés, too-short visits, coarse indoor cell fixes,
//      one spoofed day, skipped stops);
//   4. verify every visit with @beatplan/geofence and compare what was found with what was planted;
//   5. draw a reproducible inspection sample, let a supervisor add flagged retailers by hand, route it,
//      simulate the inspectors' records and cross-check them against the verified visits;
//   6. build the report (@beatplan/reports) and write report.html, the CSV tables and truth.json.
//
// Run it alone with `node examples/story-demo.mjs` (after `npm run build`), or
// `import { runStoryDemo } from './story-demo.mjs'` (examples/demo.mjs does; so does the test).
// No real shop, manager or visit is described.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haversineM } from '@beatplan/core';
import { verifyDay } from '@beatplan/geofence';
import {
  adjustSample,
  crossCheck,
  drawSample,
  recordInspection,
  redrawSample,
  routeInspection,
  verificationRates,
} from '@beatplan/inspection';
import { buildReport, renderReportHtml, reportToCsv } from '@beatplan/reports';
import { partitionTerritories, planWeeklyBeats } from '@beatplan/territory';
import { generateCity, makeRandom } from './generate-city.mjs';

const UTC_OFFSET_MIN = 480; // the city's calendar: UTC+8
const M_PER_DEG_LAT = 111_195;
const SPEED_MPS = 20 / 3.6; // the planner's city speed (20 km/h on roads 1.3 × the straight line)
const DETOUR = 1.3;

/**
 * Runs the story and prints a short summary of each step.
 *
 * @param {object} [options]
 * @param {number} [options.seed=7] - the city's seed; every other step derives its own seed from it.
 * @param {number} [options.retailers=4000] - retailers in the city.
 * @param {number} [options.managers=20] - customer managers in the city.
 * @param {number} [options.pilots=4] - managers who get a week of beats, visits and inspections (those
 *   whose bases are nearest the assessment team's office); misconduct is planted among the first three.
 * @param {number} [options.days=5] - working days of the week simulated (1–5, from `startDate`).
 * @param {string} [options.startDate='2025-03-03'] - the Monday of the week.
 * @param {number} [options.sloppy=4] - how many skipped stops, too-short visits and coarse cell visits
 *   (each) are planted.
 * @param {number} [options.sampleSize=20] - the random inspection sample (before the supervisor's additions).
 * @param {number} [options.inspectionDays=2] - days of inspection routing (the weekend after the week).
 * @param {string|null} [options.outDir] - where report.html, the CSV tables and truth.json go
 *   (default examples/out/); null writes nothing.
 * @param {(line: string) => void} [options.log=console.log] - where the lines go.
 * @returns {Promise<object>} everything the story made: `city`, `partition`, `naive`, `beats`, `plans`,
 *   `visits`, `truth`, `verification`, `rates`, `sample`, `route`, `records`, `crossCheck`,
 *   `expectedContradictions`, `report`, `html`, `htmlPath`, `checks` (named booleans) and `ok`.
 */
export async function runStoryDemo(options = {}) {
  const {
    seed = 7,
    retailers: retailerCount = 4000,
    managers: managerCount = 20,
    pilots: pilotCount = 4,
    days: dayCount = 5,
    startDate = '2025-03-03',
    sloppy = 4,
    sampleSize = 20,
    inspectionDays = 2,
    outDir = fileURLToPath(new URL('./out/', import.meta.url)),
    log = console.log,
  } = options;
  const clock = performance.now();
  const seconds = () => `${((performance.now() - clock) / 1000).toFixed(1)} s`;

  // ── 1. the city, naive assignment vs balanced territories ───────────────────────────────────────
  const city = generateCity({ seed, retailers: retailerCount, managers: managerCount });
  const partition = partitionTerritories(city.retailers, city.managers);
  const naive = nearestBaseAssignment(city.retailers, city.managers, partition.workload);
  const moved = city.retailers.filter((r) => naive.assignment.get(r.id) !== partition.assignment[r.id]).length;
  const retailers = city.retailers.map((r) => ({ ...r, managerId: partition.assignment[r.id] }));
  const retailerById = new Map(retailers.map((r) => [r.id, r]));
  const afterLoads = partition.stats.map((s) => s.workloadMinutes);
  log(
    `\n== 1. City: ${retailers.length} synthetic retailers and ${city.managers.length} managers around Hangzhou (seed ${seed}; not real shops)`,
  );
  log(
    `nearest-base assignment: weekly workload ${hours(Math.min(...naive.loads))}–${hours(Math.max(...naive.loads))} h per manager (max/min ${ratio(naive.loads)}, CV ${pct(cv(naive.loads))})`,
  );
  log(
    `balanced partition:      weekly workload ${hours(Math.min(...afterLoads))}–${hours(Math.max(...afterLoads))} h per manager (max/min ${ratio(afterLoads)}, CV ${pct(cv(afterLoads))}); ${moved} retailers change manager`,
  );

  // ── 2. a week of beats for the pilot managers ───────────────────────────────────────────────────
  const office = { lng: 120.155, lat: 30.274 }; // the assessment team's office, city centre
  const pilots = [...city.managers]
    .sort(
      (a, b) =>
        haversineM(a.base.lng, a.base.lat, office.lng, office.lat) -
        haversineM(b.base.lng, b.base.lat, office.lng, office.lat),
    )
    .slice(0, pilotCount)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const beats = new Map();
  for (const manager of pilots) {
    const own = partition.territories
      .find((t) => t.managerId === manager.id)
      .retailerIds.map((id) => retailerById.get(id));
    beats.set(manager.id, await planWeeklyBeats(manager, own, { startDate, weeks: 1, seed }));
  }
  const weekDates = [...new Set([...beats.values()].flatMap((b) => b.plans.map((p) => p.date)))]
    .sort()
    .slice(0, dayCount);
  const plans = [...beats.values()].flatMap((b) => b.plans.filter((p) => weekDates.includes(p.date)));
  const stopCount = plans.reduce((a, p) => a + p.stops.length, 0);
  log(
    `\n== 2. Beats: ${pilots.length} pilot managers (bases nearest the team's office), ${weekDates.length} working days from ${weekDates[0]}: ${plans.length} day plans, ${stopCount} planned stops (${seconds()})`,
  );
  for (const b of beats.values()) {
    const mine = b.plans.filter((p) => weekDates.includes(p.date));
    const km = b.days.filter((d) => weekDates.includes(d.date)).reduce((a, d) => a + d.distanceM, 0) / 1000;
    log(
      `  ${b.managerId}: ${mine.map((p) => p.stops.length).join('/')} stops a day, ${km.toFixed(0)} km${b.dropped.length ? `, ${b.dropped.length} visits dropped` : ''}`,
    );
  }

  // ── 3. a simulated week of visits, with planted misconduct ──────────────────────────────────────
  const managerById = new Map(city.managers.map((m) => [m.id, m]));
  const roles = {
    cafe: pilots[Math.min(1, pilots.length - 1)].id,
    spoof: pilots[Math.min(2, pilots.length - 1)].id,
    spoofDate: weekDates[Math.min(2, weekDates.length - 1)],
  };
  const { visits, truth, kindOf } = simulateWeek({
    plans,
    retailerById,
    managerById,
    roles,
    weekDates,
    sloppy,
    random: makeRandom(seed * 1_000_003 + 11),
  });
  const planted = truth.filter((t) => t.kind !== 'skipped').length;
  log(
    `\n== 3. Visits: ${visits.length} simulated (${visits.length - planted} genuine), ${truth.length} planted events in the truth list:`,
  );
  const cafeCount = truth.filter((t) => t.kind === 'cafe').length;
  log(
    `  ${roles.cafe} "visits" ${cafeCount} shops from cafés 1–2 km away; ${roles.spoof} spoofs ${roles.spoofDate} from home (${truth.filter((t) => t.kind.startsWith('spoof')).length} fake visits);`,
  );
  log(
    `  ${count(truth, 'too_short')} too-short visits, ${count(truth, 'coarse_cell')} visits with coarse indoor cell fixes, ${count(truth, 'skipped')} planned stops skipped;`,
  );
  log(`  ${count(truth, 'indoor_cell')} visits with GNSS at the door and a cell-tower fix (100–200 m) indoors`);

  // ── 4. verification ─────────────────────────────────────────────────────────────────────────────
  const planned = plans.map((p) => ({
    managerId: p.managerId,
    date: p.date,
    retailerIds: p.stops.map((s) => s.retailerId),
  }));
  const pilotRetailers = [...new Set(plans.flatMap((p) => p.stops.map((s) => s.retailerId)))]
    .sort()
    .map((id) => retailerById.get(id));
  const verification = verifyDay(pilotRetailers, visits, {}, { planned });
  const verdictOf = new Map(verification.verdicts.map((v) => [v.visitId, v]));
  const t = verification.summary.totals;
  log(
    `\n== 4. Verification: ${visits.length} visits → ${t.verified} verified, ${t.rejected} rejected, ${t.unverifiable} unverifiable, ${t.flagged} flagged for review (${seconds()})`,
  );
  const rows = plantedVsFound({ truth, visits, verdictOf, kindOf, summary: verification.summary });
  log(
    table(
      ['planted', 'n', 'expected', 'found'],
      rows.map((r) => [r.label, String(r.n), r.expected, r.found]),
    ),
  );
  const byPrecision = new Map();
  for (const v of verification.verdicts)
    if (v.precision !== null) byPrecision.set(v.precision, (byPrecision.get(v.precision) ?? 0) + 1);
  const undecided = verification.verdicts.filter(
    (v) => v.status === 'unverifiable' && v.reasons.length === 1 && v.reasons[0] === 'ACCURACY_TOO_COARSE',
  ).length;
  const fixesBySource = new Map();
  for (const v of visits)
    for (const f of [v.start, v.end]) fixesBySource.set(f.source, (fixesBySource.get(f.source) ?? 0) + 1);
  log(
    `fixes by source: ${[...fixesBySource].map(([k, n]) => `${k} ${n}`).join(', ')}; verified by precision: ${[...byPrecision].map(([k, n]) => `${k} ${n}`).join(', ')}; ${undecided} undecided for lack of precision (counted neither verified nor failed by the scorecard)`,
  );
  const rates = verificationRates(visits, verification.verdicts);
  log(
    `verification rate: ${Object.entries(rates)
      .map(([m, r]) => `${m} ${pct(r)}`)
      .join(', ')}`,
  );

  // ── 5. inspection: draw, adjust, route, record, cross-check ─────────────────────────────────────
  const inspection = await inspect({
    pilotRetailers,
    retailerById,
    visits,
    verification,
    verdictOf,
    kindOf,
    truth,
    rates,
    weekDates,
    office,
    seed,
    sampleSize,
    inspectionDays,
    log,
  });

  // ── 6. the report ───────────────────────────────────────────────────────────────────────────────
  const pilotIds = new Set(pilots.map((m) => m.id));
  const reportRetailers = retailers.filter((r) => pilotIds.has(r.managerId));
  const territories = partition.territories
    .filter((tr) => pilotIds.has(tr.managerId))
    .map((tr) => ({
      id: tr.id,
      managerId: tr.managerId,
      retailerIds: tr.retailerIds,
      name: `territory of ${tr.managerId}`,
      ...(partition.hulls[tr.managerId] ? { polygon: partition.hulls[tr.managerId] } : {}),
    }));
  // last week, for the trend: the same beats a week earlier, visited without the planted misconduct
  // (a few sloppy stops only), verified alike; its report is what `beatplan report --json` wrote then
  const lastWeek = simulateLastWeek({ plans, retailerById, managerById, weekDates, pilotRetailers, seed });
  const previousReport = buildReport({
    title: `beatplan story: ${pilots.length} pilot managers, week of ${lastWeek.weekDates[0]} (synthetic city, seed ${seed})`,
    period: { from: lastWeek.weekDates[0], to: addDays(lastWeek.weekDates[0], 6) },
    utcOffsetMinutes: UTC_OFFSET_MIN,
    retailers: reportRetailers,
    managers: pilots,
    plans: lastWeek.plans,
    visits: lastWeek.visits,
    verdicts: lastWeek.verdicts,
    // last week's inspections: the same sample a week earlier, every retailer confirming its visit
    inspections: inspection.records.map((r) => ({
      ...r,
      id: `${r.id}-last-week`,
      at: weekEarlier(r.at),
      fix: { ...r.fix, at: weekEarlier(r.fix.at) },
      managerVisitConfirmed: 'yes',
    })),
    territories,
  });
  const reportInput = {
    title: `beatplan story: ${pilots.length} pilot managers, week of ${weekDates[0]} (synthetic city, seed ${seed})`,
    period: { from: weekDates[0], to: addDays(weekDates[0], 6) },
    utcOffsetMinutes: UTC_OFFSET_MIN,
    // what the ranking would be if the company weighed routes more, or judged on proven visits alone
    whatIf: [
      { label: 'routes weigh 3', weights: { route: 3 } },
      {
        label: 'proven visits only',
        weights: { completion: 0, verification: 1, timeOnSite: 0, route: 0, inspection: 0, integrity: 0 },
      },
    ],
    retailers: reportRetailers,
    managers: pilots,
    plans,
    visits,
    verdicts: verification.verdicts,
    inspections: inspection.records,
    contradictions: inspection.crossCheck.contradictions.map((c) => ({
      retailerId: c.retailerId,
      kind: c.code,
      ...(c.managerId ? { managerId: c.managerId } : {}),
      inspectionId: c.recordId,
      ...(c.visitIds.length ? { visitIds: c.visitIds } : {}),
      message: c.message,
    })),
    territories,
    previous: [previousReport],
    repartition: {
      label: 'nearest base → balanced partition', // `moved` counts the whole city's retailers
      before: pilots.map((m) => ({
        managerId: m.id,
        workloadMinutes: round1(naive.loadOf.get(m.id) ?? 0),
        retailers: naive.countOf.get(m.id) ?? 0,
      })),
      after: partition.stats.filter((s) => pilotIds.has(s.managerId)),
      moved,
    },
  };
  const report = buildReport(reportInput);
  const html = renderReportHtml(report);
  const csv = reportToCsv(report);
  // the same report in Chinese, beside the English one (issue 13): report.zh-CN.html and zh-CN/*.csv
  const htmlZh = renderReportHtml(report, { locale: 'zh-CN' });
  const csvZh = reportToCsv(report, { locale: 'zh-CN' });
  let htmlPath = null;
  if (outDir !== null) {
    mkdirSync(outDir, { recursive: true });
    htmlPath = resolve(outDir, 'report.html');
    writeFileSync(htmlPath, html);
    for (const [name, text] of Object.entries(csv)) writeFileSync(join(outDir, `${name}.csv`), text);
    writeFileSync(join(outDir, 'report.zh-CN.html'), htmlZh);
    mkdirSync(join(outDir, 'zh-CN'), { recursive: true });
    // with a byte order mark, so that Excel on Chinese Windows reads the headers as UTF-8
    for (const [name, text] of Object.entries(csvZh))
      writeFileSync(join(outDir, 'zh-CN', `${name}.csv`), `\uFEFF${text}`);
    writeFileSync(
      join(outDir, 'truth.json'),
      `${JSON.stringify({ note: 'Synthetic: the misconduct planted by examples/story-demo.mjs', seed, roles, truth, expectedContradictions: inspection.expected }, null, 1)}\n`,
    );
  }
  log(
    `\n== 6. Report: ${report.managers.length} managers, ${report.counts.visits} visits, ${report.counts.inspections} inspections, ${report.counts.contradictions} contradictions (${seconds()})`,
  );
  log(
    `scorecard: ${report.ranking
      .map((id) => {
        const m = report.managers.find((x) => x.managerId === id);
        return `${m.rank ?? '–'}. ${id} ${m.score === null ? '—' : m.score.toFixed(1)}`;
      })
      .join(', ')}`,
  );
  log(
    `trend against the week of ${lastWeek.weekDates[0]}: ${
      report.trend.moved
        .map((m) => `${m.managerId} ${m.from.toFixed(1)} → ${m.to.toFixed(1)}${m.kpi ? ` (mostly ${m.kpi})` : ''}`)
        .join(', ') || 'no score moved by 5 points or more'
    }`,
  );
  const firstItem = report.attention.items[0];
  log(
    `needs attention: ${report.attention.items.length} items, first: ${firstItem ? `${firstItem.kind} ${firstItem.managerId} ${firstItem.dates.join(' ')} (${firstItem.visitIds.length} visits)` : 'none'}`,
  );
  if (htmlPath) {
    log(`CSV tables (${Object.keys(csv).join(', ')}) and truth.json in ${resolve(outDir)}`);
    log(
      `report: ${htmlPath} (in Chinese: ${resolve(outDir, 'report.zh-CN.html')}, CSV tables in ${resolve(outDir, 'zh-CN')})`,
    );
  }

  // what the story was written to show
  const statuses = new Set(verification.verdicts.map((v) => v.status));
  const checks = {
    plansExist: plans.length > 0 && stopCount > 0,
    visitsSimulated: visits.length > 0,
    allStatusesSeen: statuses.has('verified') && statuses.has('rejected') && statuses.has('unverifiable'),
    plantedFound: rows.every((r) => r.ok),
    sampleReproducible: inspection.reproducible,
    contradictionsFound: inspection.contradictionsMatch,
    htmlSelfContained: !/https?:\/\/|src="\/\//i.test(html),
    spooferMoved: report.trend.moved.some((m) => m.managerId === roles.spoof && m.change < 0),
    spoofedDayFirst:
      firstItem?.kind === 'flagged_day' &&
      firstItem.managerId === roles.spoof &&
      firstItem.dates[0] === roles.spoofDate,
  };
  const ok = Object.values(checks).every(Boolean);
  if (!ok)
    log(
      `story demo: a check failed: ${Object.entries(checks)
        .filter(([, v]) => !v)
        .map(([k]) => k)
        .join(', ')}`,
    );
  return {
    city,
    partition,
    naive: { ...naive, moved },
    pilots,
    beats,
    plans,
    pilotRetailers,
    visits,
    truth,
    roles,
    verification,
    rates,
    ...inspection,
    report,
    html,
    csv,
    htmlPath,
    plantedRows: rows,
    checks,
    ok,
  };
}

// ── step 6 helpers ──────────────────────────────────────────────────────────────────────────────────

/** A time (epoch ms or ISO text) 7 days earlier, in the same form. */
function weekEarlier(t) {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  return typeof t === 'number' ? ms - 7 * 86_400_000 : new Date(ms - 7 * 86_400_000).toISOString();
}

/** Last week: the same day plans 7 days earlier, visited by everyone as usual (no planted misconduct
 * but two sloppy stops of each kind), and verified alike. */
function simulateLastWeek({ plans, retailerById, managerById, weekDates, pilotRetailers, seed }) {
  const shiftMs = 7 * 86_400_000;
  const dates = weekDates.map((d) => addDays(d, -7));
  const earlier = plans.map((p) => ({
    ...p,
    date: addDays(p.date, -7),
    stops: p.stops.map((s) => ({ ...s, arrival: s.arrival - shiftMs, departure: s.departure - shiftMs })),
  }));
  const { visits } = simulateWeek({
    plans: earlier,
    retailerById,
    managerById,
    roles: { cafe: null, spoof: null, spoofDate: null },
    weekDates: dates,
    sloppy: 2,
    random: makeRandom(seed * 1_000_003 + 17),
  });
  const planned = earlier.map((p) => ({
    managerId: p.managerId,
    date: p.date,
    retailerIds: p.stops.map((s) => s.retailerId),
  }));
  const { verdicts } = verifyDay(pilotRetailers, visits, {}, { planned });
  return { weekDates: dates, plans: earlier, visits, verdicts };
}

// ── step 1 helpers ──────────────────────────────────────────────────────────────────────────────────

/** Every retailer to the manager whose base is nearest (what many firms do by hand), with the weekly
 * workload of each manager under the same workload model as the partition. */
function nearestBaseAssignment(retailers, managers, workload) {
  const assignment = new Map();
  const loadOf = new Map(managers.map((m) => [m.id, 0]));
  const countOf = new Map(managers.map((m) => [m.id, 0]));
  retailers.forEach((r, i) => {
    let best = managers[0].id;
    let bestM = Infinity;
    for (const m of managers) {
      const d = haversineM(r.location.lng, r.location.lat, m.base.lng, m.base.lat);
      if (d < bestM) [best, bestM] = [m.id, d];
    }
    assignment.set(r.id, best);
    loadOf.set(best, loadOf.get(best) + workload[i].weeklyMinutes);
    countOf.set(best, countOf.get(best) + 1);
  });
  return { assignment, loadOf, countOf, loads: [...loadOf.values()] };
}

// ── step 3: the simulation ──────────────────────────────────────────────────────────────────────────

/** A point `metres` from (lng, lat) at `bearing` radians (local flat earth; fine below a few km). */
function offset(lng, lat, metres, bearing) {
  return {
    lng: round7(lng + (metres * Math.sin(bearing)) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180))),
    lat: round7(lat + (metres * Math.cos(bearing)) / M_PER_DEG_LAT),
  };
}

/**
 * Simulates the visits of the planned days. Each manager follows his day: from the base to each stop
 * at the planner's speed, starting a visit when he gets there but not before the planned arrival (give
 * or take a few minutes), staying about the service time. The planted misconduct:
 * - `cafe`: the café manager, on Tuesday and Thursday afternoons, "visits" some shops from a café 1–2 km
 *   away (GNSS fixes at the café; he really sits there, so his fixes move plausibly);
 * - `spoof*`: the spoofing manager stays home on one day and fakes every visit with a location spoofer:
 *   fixes exactly on the shop's stored point with a constant 5 m accuracy (`spoof`); the app's mock flag
 *   leaks on the first visit (`spoof_mock`); once he forgets to move the pin, so a start fix repeats the
 *   previous shop's coordinates (`spoof_stale_pin`); once he taps through two distant shops seconds apart
 *   (`spoof_rush`: both visits);
 * - `too_short` visits (1–4 min), `coarse_cell` visits (both fixes from cell towers indoors, 500–1200 m
 *   accuracy), `skipped` planned stops (no visit), drawn among all the pilots' ordinary stops.
 */
function simulateWeek({ plans, retailerById, managerById, roles, weekDates, sloppy, random }) {
  const uniform = (a, b) => a + (b - a) * random();
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = new Map(); // `${planIndex}:${stopIndex}` → planted kind
  const cafeDates = [weekDates[1], weekDates[3]].filter(Boolean);
  if (!cafeDates.length) cafeDates.push(weekDates[0]);

  // who does what, where
  const ordinary = [];
  plans.forEach((p, i) => {
    const spoofDay = p.managerId === roles.spoof && p.date === roles.spoofDate;
    const cafeDay = p.managerId === roles.cafe && cafeDates.includes(p.date) && !spoofDay;
    p.stops.forEach((s, k) => {
      const key = `${i}:${k}`;
      if (spoofDay) kind.set(key, 'spoof');
      else if (cafeDay && localMinutes(s.arrival) >= 13 * 60 && random() < 0.6) kind.set(key, 'cafe');
      else ordinary.push(key);
    });
    if (spoofDay && p.stops.length >= 4) plantSpoofSignals(p, i, kind, retailerById);
  });
  shuffle(ordinary, random);
  // the sloppy events fall on ordinary stops of any pilot, drawn at random
  for (const [j, k] of ['skipped', 'too_short', 'coarse_cell', 'indoor_cell'].entries())
    for (const key of ordinary.slice(j * sloppy, (j + 1) * sloppy)) kind.set(key, k);

  const visits = [];
  const truth = [];
  const kindOf = new Map(); // visit id → kind ('genuine' or planted)
  const fixNear = (r, source) => {
    // a genuine fix at the shop: GNSS 5–25 m off with 5–30 m accuracy; WiFi indoors 10–35 m off, 15–40 m
    const off = source === 'wifi' ? uniform(10, 35) : uniform(5, 25);
    return {
      ...offset(r.location.lng, r.location.lat, off, uniform(0, 2 * Math.PI)),
      accuracyM: round1(source === 'wifi' ? uniform(15, 40) : uniform(5, 30)),
      source,
    };
  };
  plans.forEach((p, i) => {
    const manager = managerById.get(p.managerId);
    const spoofDay = p.managerId === roles.spoof && p.date === roles.spoofDate;
    let pos = manager.base;
    let clock = p.stops.length
      ? p.stops[0].arrival -
        ((haversineM(
          pos.lng,
          pos.lat,
          retailerById.get(p.stops[0].retailerId).location.lng,
          retailerById.get(p.stops[0].retailerId).location.lat,
        ) *
          DETOUR) /
          SPEED_MPS) *
          1000
      : 0;
    let seq = 0;
    p.stops.forEach((s, k) => {
      const r = retailerById.get(s.retailerId);
      const what = kind.get(`${i}:${k}`) ?? 'genuine';
      if (what === 'skipped') {
        truth.push({
          kind: 'skipped',
          managerId: p.managerId,
          date: p.date,
          retailerId: r.id,
          visitId: null,
          note: 'planned stop with no visit',
        });
        return;
      }
      const id = `${p.managerId}-${p.date}-${String(++seq).padStart(2, '0')}`;
      const service = r.serviceMinutes * 60_000;
      let start;
      let end;
      let fixes;
      if (spoofDay) {
        // at home, tapping start/end at plausible times; the spoofer puts the fix on the shop's point
        start =
          what === 'spoof_rush_2'
            ? clock + rushGapMs(p, k, retailerById)
            : Math.max(clock + 30_000, s.arrival + uniform(-2, 2) * 60_000);
        end = start + Math.max(330_000, service * uniform(0.9, 1.1));
        const at = { lng: r.location.lng, lat: r.location.lat, accuracyM: 5, source: 'gnss' };
        const prev = k > 0 ? retailerById.get(p.stops[k - 1].retailerId).location : null;
        fixes = [
          what === 'spoof_stale_pin'
            ? { ...at, lng: prev.lng, lat: prev.lat }
            : { ...at, ...(what === 'spoof_mock' ? { mock: true } : {}) },
          { ...at, ...(what === 'spoof_mock' ? { mock: true } : {}) },
        ];
      } else {
        const cafe =
          what === 'cafe' ? offset(r.location.lng, r.location.lat, uniform(1000, 2000), uniform(0, 2 * Math.PI)) : null;
        const goal = cafe ?? r.location;
        const travel = ((haversineM(pos.lng, pos.lat, goal.lng, goal.lat) * DETOUR) / SPEED_MPS) * 1000;
        start = Math.max(clock + travel + uniform(0, 60_000), s.arrival + uniform(-3, 3) * 60_000);
        const dwell =
          what === 'too_short'
            ? uniform(70_000, 230_000)
            : Math.max(330_000, service * uniform(what === 'cafe' ? 0.8 : 0.9, what === 'cafe' ? 1.1 : 1.25));
        end = start + dwell;
        pos = goal;
        if (what === 'cafe') {
          fixes = [0, 1].map(() => ({
            ...offset(cafe.lng, cafe.lat, uniform(3, 10), uniform(0, 2 * Math.PI)),
            accuracyM: round1(uniform(5, 20)),
            source: 'gnss',
          }));
        } else if (what === 'indoor_cell') {
          // GNSS at the door when he arrives; inside, the phone falls back to cell-tower positioning
          fixes = [
            fixNear(r, 'gnss'),
            {
              ...offset(r.location.lng, r.location.lat, uniform(20, 150), uniform(0, 2 * Math.PI)),
              accuracyM: Math.round(uniform(100, 200)),
              source: 'cell',
            },
          ];
        } else if (what === 'coarse_cell') {
          fixes = [0, 1].map(() => ({
            ...offset(r.location.lng, r.location.lat, uniform(150, 700), uniform(0, 2 * Math.PI)),
            accuracyM: Math.round(uniform(500, 1200)),
            source: 'cell',
          }));
        } else {
          const source = r.segment === 'chain_supermarket' && random() < 0.5 ? 'wifi' : 'gnss';
          fixes = [fixNear(r, source), fixNear(r, pick(['gnss', source]))];
        }
      }
      clock = end;
      visits.push({
        id,
        managerId: p.managerId,
        retailerId: r.id,
        start: { ...fixes[0], at: iso(start) },
        end: { ...fixes[1], at: iso(end) },
      });
      const k2 = what.startsWith('spoof_rush') ? 'spoof_rush' : what;
      kindOf.set(id, k2);
      if (k2 !== 'genuine')
        truth.push({ kind: k2, managerId: p.managerId, date: p.date, retailerId: r.id, visitId: id, note: NOTES[k2] });
    });
  });
  return { visits, truth, kindOf };
}

const NOTES = {
  cafe: 'both fixes from a café 1–2 km from the shop: he was not there',
  too_short: 'he was there, for 1–4 minutes',
  coarse_cell: 'he was there; both fixes from cell towers indoors (500–1200 m accuracy)',
  indoor_cell: 'he was there: GNSS at the door, then a cell-tower fix indoors (100–200 m accuracy)',
  spoof: 'spoofed from home: fixes exactly on the shop point, constant 5 m accuracy',
  spoof_mock: 'spoofed from home; the app set the mock-location flag',
  spoof_stale_pin: "spoofed from home; the start fix still on the previous shop's point",
  spoof_rush: 'spoofed from home; two distant shops tapped through seconds apart',
};

/** On the spoofed day: the first visit leaks the mock flag; a stale pin where the previous shop is
 * > 400 m away; a rushed pair of consecutive shops far apart. Marks them in `kind`. */
function plantSpoofSignals(plan, i, kind, retailerById) {
  const at = (k) => retailerById.get(plan.stops[k].retailerId).location;
  const gap = (k) => haversineM(at(k - 1).lng, at(k - 1).lat, at(k).lng, at(k).lat);
  kind.set(`${i}:0`, 'spoof_mock');
  const n = plan.stops.length;
  let stale = -1;
  for (let k = 2; k < n - 1 && stale < 0; k++) if (gap(k) > 400) stale = k;
  if (stale > 0) kind.set(`${i}:${stale}`, 'spoof_stale_pin');
  let rush = -1;
  for (let k = n - 1; k >= 2; k--)
    if (Math.abs(k - stale) > 1 && k - 1 !== 0 && (rush < 0 || gap(k) > gap(rush))) rush = k;
  if (rush > 0 && gap(rush) > 80) {
    kind.set(`${i}:${rush - 1}`, 'spoof_rush_1');
    kind.set(`${i}:${rush}`, 'spoof_rush_2');
  }
}

/** The pause between the rushed pair: short enough that the distance beyond both 5 m fixes' 95 %
 * radii could not be covered at 144 km/h (geofence's `maxSpeedKmh`). */
function rushGapMs(plan, k, retailerById) {
  const a = retailerById.get(plan.stops[k - 1].retailerId).location;
  const b = retailerById.get(plan.stops[k].retailerId).location;
  const d = haversineM(a.lng, a.lat, b.lng, b.lat);
  return Math.max(1, Math.min(20, Math.floor((d - 40) / 50))) * 1000;
}

// ── step 4: planted vs found ────────────────────────────────────────────────────────────────────────

const EXPECT = {
  genuine: { label: 'genuine visits', status: 'verified', reason: null, flag: null },
  cafe: { label: 'café "visits"', status: 'rejected', reason: 'OUT_OF_RANGE', flag: null },
  too_short: { label: 'too-short visits', status: 'rejected', reason: 'TOO_SHORT', flag: null },
  coarse_cell: { label: 'coarse cell fixes', status: 'unverifiable', reason: 'ACCURACY_TOO_COARSE', flag: null },
  indoor_cell: { label: 'GNSS + indoor cell fix', status: 'verified', reason: null, flag: null },
  spoof: { label: 'spoofed day: plain', status: 'verified', reason: null, flag: 'CONSTANT_ACCURACY' },
  spoof_mock: { label: 'spoofed: mock flag', status: 'unverifiable', reason: 'MOCK_LOCATION', flag: 'MOCK_LOCATION' },
  spoof_stale_pin: {
    label: 'spoofed: stale pin',
    status: 'rejected',
    reason: 'OUT_OF_RANGE',
    flag: 'REPEATED_COORDINATES',
  },
  spoof_rush: { label: 'spoofed: rushed pair', status: 'verified', reason: null, flag: 'IMPOSSIBLE_SPEED' },
};

/** One row per planted kind (and the genuine visits): what the truth expects, what verification found. */
function plantedVsFound({ truth, visits, verdictOf, kindOf, summary }) {
  const rows = [];
  for (const [k, e] of Object.entries(EXPECT)) {
    const mine = visits.filter((v) => kindOf.get(v.id) === k).map((v) => verdictOf.get(v.id));
    if (!mine.length) continue;
    const hit = mine.filter(
      (v) =>
        v.status === e.status &&
        (e.reason === null || v.reasons.includes(e.reason)) &&
        (e.flag === null || v.flags.includes(e.flag)),
    );
    const expected = [e.status, e.reason, e.flag && `⚑ ${e.flag}`].filter(Boolean).join(' ');
    let found = `${hit.length}/${mine.length}`;
    if (k === 'genuine') {
      const flagged = mine.filter((v) => v.flags.length).length;
      found += ` (${flagged} with a flag: false alarms)`;
      rows.push({
        label: e.label,
        n: mine.length,
        expected: `${expected}, no flag`,
        found,
        ok: hit.length === mine.length && flagged === 0,
      });
    } else {
      if (k.startsWith('spoof')) {
        const flags = [...new Set(mine.flatMap((v) => v.flags))].sort();
        found += ` (flags seen: ${flags.join(' ') || 'none'})`;
      }
      rows.push({ label: e.label, n: mine.length, expected, found, ok: hit.length === mine.length });
    }
  }
  const skipped = truth.filter((t) => t.kind === 'skipped');
  if (skipped.length) {
    const seen = skipped.filter((t) =>
      summary.days
        .find((d) => d.managerId === t.managerId && d.date === t.date)
        ?.notVisitedRetailerIds?.includes(t.retailerId),
    );
    rows.push({
      label: 'skipped stops',
      n: skipped.length,
      expected: 'not visited (day summary)',
      found: `${seen.length}/${skipped.length}`,
      ok: seen.length === skipped.length,
    });
  }
  return rows;
}

// ── step 5: the inspection ──────────────────────────────────────────────────────────────────────────

/**
 * Draws the sample (stratified by manager; more retailers from managers with a low verification rate;
 * recently inspected retailers excluded), lets the supervisor add the retailers behind flagged or
 * unproven visits, routes the team from its office over the weekend after the week, simulates what
 * the retailers answer (true to what happened, with a little noise) and cross-checks.
 */
async function inspect({
  pilotRetailers,
  retailerById,
  visits,
  verification,
  verdictOf,
  kindOf,
  truth,
  rates,
  weekDates,
  office,
  seed,
  sampleSize,
  inspectionDays,
  log,
}) {
  const random = makeRandom(seed * 7_919 + 5);
  const uniform = (a, b) => a + (b - a) * random();
  const sampleSeed = 20250308 + seed;
  // last month's inspections (synthetic): those retailers are not inspected again so soon
  const history = pilotRetailers
    .filter(() => random() < 0.03)
    .map((r) => ({ retailerId: r.id, at: `${addDays(weekDates[0], -12)}T10:00:00+08:00` }));
  const since = addDays(weekDates[0], -28);
  const inspectedRecently = new Set(history.map((h) => h.retailerId));
  // stratified by manager, weighted towards low verification rates: each retailer weighs
  // 1 + 10 · (1 − its manager's rate), and each manager's share of the sample follows his summed weights
  const spec = {
    stratifyBy: 'manager',
    size: sampleSize,
    excludeInspectedSince: since,
    weighting: { verificationRates: rates, alpha: 10 },
  };
  const drawn = drawSample(pilotRetailers, spec, { seed: sampleSeed, history });
  const sizePerStratum = Object.fromEntries(drawn.strata.map((s) => [s.key, s.drawn]));
  const again = drawSample([...pilotRetailers].reverse(), spec, { seed: sampleSeed, history });
  let reproducible =
    JSON.stringify(again.retailerIds) === JSON.stringify(drawn.retailerIds) && again.fingerprint === drawn.fingerprint;

  // the supervisor reads the verification and adds, by hand, retailers behind review flags on
  // verified visits (the spoofing signals) and behind unproven visits (was he there?)
  const inSample = new Set(drawn.retailerIds);
  const candidates = (test) =>
    [
      ...new Set(
        visits
          .filter(
            (v) => test(verdictOf.get(v.id)) && !inSample.has(v.retailerId) && !inspectedRecently.has(v.retailerId),
          )
          .map((v) => v.retailerId),
      ),
    ].sort();
  const flagged = candidates((v) => v.status === 'verified' && v.flags.length > 0).slice(0, 3);
  const unproven = [
    ...new Set(
      ['OUT_OF_RANGE', 'TOO_SHORT', 'ACCURACY_TOO_COARSE']
        .map((reason) =>
          candidates((v) => v.status !== 'verified' && v.reasons.includes(reason)).find((id) => !flagged.includes(id)),
        )
        .filter(Boolean),
    ),
  ];
  const add = [...flagged, ...unproven];
  const sample = add.length
    ? adjustSample(drawn, {
        add,
        by: 'supervisor Zhao (synthetic)',
        reason: `review: ${flagged.length} retailers behind flagged verified visits, ${unproven.length} behind unproven visits (one per reason: out of range, too short, coarse fix)`,
        at: `${addDays(weekDates[0], 4)}T18:00:00+08:00`,
      })
    : drawn;
  try {
    const redrawn = redrawSample(sample, pilotRetailers, { history });
    reproducible &&= JSON.stringify(redrawn.retailerIds) === JSON.stringify(sample.retailerIds);
  } catch (e) {
    reproducible = false;
    log(`re-draw failed: ${e.message}`);
  }
  const inspectionDate = addDays(weekDates[0], 5); // the Saturday after the week
  const route = await routeInspection(sample, pilotRetailers, {
    base: office,
    date: inspectionDate,
    workingDays: ['sat', 'sun'],
    maxDays: inspectionDays,
    maxStopsPerDay: Math.ceil(sample.retailerIds.length / inspectionDays) + 2,
    seed,
  });
  log(
    `\n== 5. Inspection: ${drawn.retailerIds.length} of the week's ${pilotRetailers.length} planned retailers drawn, seed ${sampleSeed} (${drawn.fingerprint}), ${history.length} inspected since ${since} excluded;`,
  );
  log(
    `  stratified by manager, weighted 1 + 10·(1 − verification rate), shares by summed weight: ${Object.entries(
      sizePerStratum,
    )
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}; re-drawn from the seed: ${reproducible ? 'the same sample' : 'DIFFERENT'}`,
  );
  log(
    `  the supervisor added ${add.length} by hand (${flagged.length} behind flagged verified visits, ${unproven.length} behind unproven ones): ${add.join(' ')}`,
  );
  log(
    `  route from the team's office: ${route.days.map((d) => `${d.date} ${d.stops.length} stops ${(d.distanceM / 1000).toFixed(1)} km ${d.leave.slice(11, 16)}–${d.back.slice(11, 16)}`).join('; ')}${route.dropped.length ? `; ${route.dropped.length} dropped` : ''}`,
  );

  // the inspectors' records: the retailer's answer is true to what happened (a genuine visit in the
  // week → yes, else no), except for a little noise (unsure twice, one who misremembers, one
  // inspector's fix from a cell tower indoors)
  const genuineAt = new Map();
  for (const v of visits)
    if (!['cafe', 'spoof', 'spoof_mock', 'spoof_stale_pin', 'spoof_rush'].includes(kindOf.get(v.id)))
      genuineAt.set(v.retailerId, (genuineAt.get(v.retailerId) ?? 0) + 1);
  const neglected = new Set(
    visits.filter((v) => !['genuine', 'indoor_cell'].includes(kindOf.get(v.id))).map((v) => v.retailerId),
  );
  const stops = route.days.flatMap((d) => d.stops);
  const plainStops = stops.filter((s) => !neglected.has(s.retailerId) && genuineAt.has(s.retailerId));
  shuffle(plainStops, random);
  const noiseKinds = ['unsure', 'unsure', 'misremembers', 'cell_fix'];
  const noise = new Map(plainStops.slice(0, noiseKinds.length).map((s, i) => [s.retailerId, noiseKinds[i]]));
  const records = [];
  const recordVerdicts = [];
  stops.forEach((s, n) => {
    const r = retailerById.get(s.retailerId);
    const at = Date.parse(s.start) + uniform(3, 8) * 60_000;
    const odd = noise.get(r.id);
    const truthful = genuineAt.has(r.id) ? 'yes' : 'no';
    const answer =
      odd === 'unsure' ? 'unsure' : odd === 'misremembers' ? (truthful === 'yes' ? 'no' : 'yes') : truthful;
    const fix =
      odd === 'cell_fix'
        ? {
            ...offset(r.location.lng, r.location.lat, uniform(200, 500), uniform(0, 2 * Math.PI)),
            accuracyM: Math.round(uniform(600, 1000)),
            source: 'cell',
          }
        : {
            ...offset(r.location.lng, r.location.lat, uniform(3, 20), uniform(0, 2 * Math.PI)),
            accuracyM: round1(uniform(4, 15)),
            source: 'gnss',
          };
    const bad = neglected.has(r.id);
    const { record, fixVerdict } = recordInspection(
      {
        id: `I${String(n + 1).padStart(3, '0')}`,
        retailerId: r.id,
        inspectorId: `X${1 + (n % 2)}`,
        at: iso(at),
        fix: { ...fix, at: iso(at - 60_000) },
        pricesTagged: random() < (bad ? 0.5 : 0.85),
        policyMaterialDisplayed: random() < (bad ? 0.4 : 0.75),
        satisfaction: bad ? 1 + Math.floor(random() * 3) : 3 + Math.floor(random() * 3),
        managerVisitConfirmed: answer,
        ...(odd ? { notes: `noise planted by the demo: ${odd}` } : {}),
      },
      r,
    );
    records.push(record);
    recordVerdicts.push(fixVerdict);
    if (odd)
      truth.push({
        kind: `inspection_${odd}`,
        managerId: r.managerId,
        date: s.start.slice(0, 10),
        retailerId: r.id,
        visitId: null,
        recordId: record.id,
        note: `inspection noise: ${odd}`,
      });
  });
  const period = {
    from: `${weekDates[0]}T00:00:00+08:00`,
    to: `${addDays(weekDates[weekDates.length - 1], 1)}T00:00:00+08:00`,
  };
  const cc = crossCheck({
    period,
    records,
    visits,
    verdicts: verification.verdicts,
    retailers: pilotRetailers,
    recordVerdicts,
  });

  // the contradictions the truth predicts, without reading a verdict: a visit of a kind that should
  // verify (genuine, plain spoof, rushed spoof) denied; or confirmed visits none of which should verify
  const shouldVerify = (k) => ['genuine', 'indoor_cell', 'spoof', 'spoof_rush'].includes(k);
  const expected = [];
  for (const [i, rec] of records.entries()) {
    if (recordVerdicts[i].status !== 'verified') continue;
    const mine = visits.filter((v) => v.retailerId === rec.retailerId);
    const cause = (k) =>
      k === 'genuine' || k === 'indoor_cell'
        ? 'retailer misremembers'
        : k.startsWith('spoof')
          ? 'spoofed visit denied'
          : k === 'too_short'
            ? 'too-short visit confirmed'
            : k === 'coarse_cell'
              ? 'cell-fix visit confirmed'
              : k;
    if (rec.managerVisitConfirmed === 'no' && mine.some((v) => shouldVerify(kindOf.get(v.id)))) {
      const ids = mine.filter((v) => shouldVerify(kindOf.get(v.id))).map((v) => v.id);
      expected.push({
        code: 'VERIFIED_VISIT_DENIED',
        recordId: rec.id,
        retailerId: rec.retailerId,
        visitIds: ids,
        cause: cause(kindOf.get(ids[0])),
      });
    }
    if (rec.managerVisitConfirmed === 'yes' && !mine.some((v) => shouldVerify(kindOf.get(v.id)))) {
      expected.push({
        code: mine.length ? 'CONFIRMED_VISIT_NOT_VERIFIED' : 'CONFIRMED_VISIT_ABSENT',
        recordId: rec.id,
        retailerId: rec.retailerId,
        visitIds: mine.map((v) => v.id),
        cause: mine.length ? cause(kindOf.get(mine[0].id)) : 'no visit',
      });
    }
  }
  const key = (c) => `${c.code} ${c.recordId} ${[...c.visitIds].sort().join(',')}`;
  const foundKeys = new Set(cc.contradictions.map(key));
  const expectedKeys = new Set(expected.map(key));
  const contradictionsMatch =
    expected.every((c) => foundKeys.has(key(c))) && cc.contradictions.every((c) => expectedKeys.has(key(c)));

  const o = cc.totals;
  log(
    `  ${records.length} records (noise planted: ${[...noise.values()].join(', ')}); cross-check: ${o.agreeVisited + o.agreeNotVisited} agree with the verdicts (${o.agreeVisited} visited, ${o.agreeNotVisited} not), ${o.unsure} unsure, ${o.inspectionUnverified} set aside (inspector's fix not verified), ${o.contradictions} contradictions:`,
  );
  const causes = [...new Set(expected.map((c) => `${c.code}|${c.cause}`))].sort();
  log(
    table(
      ['contradiction', 'cause (planted)', 'expected', 'found'],
      [
        ...causes.map((c) => {
          const [code, cause] = c.split('|');
          const mine = expected.filter((x) => x.code === code && x.cause === cause);
          return [code, cause, String(mine.length), String(mine.filter((x) => foundKeys.has(key(x))).length)];
        }),
        ['(not planted)', '', '0', String(cc.contradictions.filter((c) => !expectedKeys.has(key(c))).length)],
      ],
    ),
  );
  return {
    sample,
    drawn,
    sampleSeed,
    history,
    sizePerStratum,
    reproducible,
    route,
    records,
    recordVerdicts,
    crossCheck: cc,
    expected,
    contradictionsMatch,
  };
}

// ── small helpers ───────────────────────────────────────────────────────────────────────────────────

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
function count(truth, kind) {
  return truth.filter((t) => t.kind === kind).length;
}
/** epoch ms → ISO 8601 in the city's time (UTC+8), to the second. */
function iso(ms) {
  const d = new Date(Math.round(ms / 1000) * 1000 + UTC_OFFSET_MIN * 60_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}
function localMinutes(ms) {
  const d = new Date(ms + UTC_OFFSET_MIN * 60_000);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}
function addDays(date, n) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
function round1(v) {
  return Math.round(v * 10) / 10;
}
function round7(v) {
  return Math.round(v * 1e7) / 1e7;
}
function hours(min) {
  return (min / 60).toFixed(1);
}
function cv(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) / mean;
}
function ratio(values) {
  return (Math.max(...values) / Math.min(...values)).toFixed(2);
}
function pct(x) {
  return `${(100 * x).toFixed(1)} %`;
}
function table(header, rows) {
  const width = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells) => `  ${cells.map((c, j) => (j === cells.length - 1 ? c : c.padEnd(width[j]))).join('  ')}`;
  return [line(header), ...rows.map(line)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const story = await runStoryDemo();
  if (!story.ok) process.exitCode = 1;
}
