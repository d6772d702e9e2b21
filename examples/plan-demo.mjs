// The territory half of `npm run demo` (examples/demo.mjs calls `runPlanDemo()`; or run this file):
// a SYNTHETIC city of 4,000 retailers around Hangzhou and 20 customer managers
// (examples/generate-city.mjs, seeded) split into balanced, compact territories, then a week of
// beats for a few managers, routed with opening hours as time windows.
import { fileURLToPath } from 'node:url';
import { partitionTerritories, planWeeklyBeats } from '@beatplan/territory';
import { generateCity } from './generate-city.mjs';

/**
 * Runs the demo and prints a summary table.
 * @param {{ seed?: number, retailers?: number, managers?: number, beatManagers?: number, startDate?: string, log?: (line: string) => void }} [options]
 *   beatManagers: how many managers get a week of routed beats (default 3; each takes a few seconds).
 */
export async function runPlanDemo(options = {}) {
  const {
    seed = 7,
    retailers: count = 4000,
    managers: managerCount = 20,
    beatManagers = 3,
    startDate = '2025-03-03',
    log = console.log,
  } = options;
  const { retailers, managers } = generateCity({ seed, retailers: count, managers: managerCount });
  log(
    `\n== Territories: ${retailers.length} synthetic retailers around Hangzhou (120.155E 30.274N; not real shops), ${managers.length} managers`,
  );
  let t = performance.now();
  const part = partitionTerritories(retailers, managers);
  log(
    `partition: ${(performance.now() - t).toFixed(0)} ms, balanced ±5 %: ${part.balanced}, workload max/min ${part.spread.workload.maxToMinRatio?.toFixed(3) ?? '∞'}, CV ${(100 * part.spread.workload.cv).toFixed(1)} %`,
  );

  const byId = new Map(retailers.map((r) => [r.id, r]));
  const beats = new Map();
  t = performance.now();
  for (const [j, manager] of managers.slice(0, beatManagers).entries()) {
    const own = part.territories[j].retailerIds.map((id) => byId.get(id));
    beats.set(manager.id, await planWeeklyBeats(manager, own, { startDate, weeks: 1, seed }));
  }
  log(
    `beats: one week for ${beats.size} managers in ${((performance.now() - t) / 1000).toFixed(1)} s (time windows: ${[...beats.values()].some((b) => b.timeWindows)})\n`,
  );

  log('manager  retailers  workload h/week  compactness  pieces  visits  km/week  h on the road    dropped');
  for (const s of part.stats) {
    const b = beats.get(s.managerId);
    const beat = b
      ? `${String(b.totals.visits).padStart(6)}  ${(b.totals.distanceM / 1000).toFixed(1).padStart(7)}  ${(b.totals.durationS / 3600).toFixed(1).padStart(13)}  ${String(b.dropped.length).padStart(9)}`
      : '       -        -              -          -';
    log(
      `${s.managerId.padEnd(7)}  ${String(s.retailers).padStart(9)}  ${(s.workloadMinutes / 60).toFixed(1).padStart(15)}  ${s.compactness.toFixed(2).padStart(11)}  ${String(s.pieces).padStart(6)}  ${beat}`,
    );
  }
  for (const b of beats.values()) {
    if (b.dropped.length)
      log(
        `${b.managerId} dropped: ${b.dropped
          .slice(0, 3)
          .map((u) => `${u.retailerId} ${u.date ?? ''} (${u.reason})`)
          .join('; ')}${b.dropped.length > 3 ? ' …' : ''}`,
      );
  }
  return { partition: part, beats };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runPlanDemo();
