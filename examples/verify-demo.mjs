// The "prove" part of `npm run demo`: verifies a shipped synthetic day of visits
// (examples/data/sample-visits.json) through the public @beatplan/geofence API, as a user would, and
// prints the verdicts and each manager's day summary. Run it alone with `node examples/verify-demo.mjs`
// (after `npm run build`), or `import { verifyDemo } from './verify-demo.mjs'` and call it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyDay } from '@beatplan/geofence';

const here = (path) => new URL(path, import.meta.url);

/**
 * Verifies the sample day and prints a table of verdicts and the day summaries.
 * @param {{ log?: (line: string) => void }} [options] - where lines go (default console.log).
 * @returns {{ ok: boolean, result: object }} `ok` is false when a verdict the sample was written to
 *   show came out otherwise (the demo then sets process.exitCode = 1).
 */
export function verifyDemo({ log = console.log } = {}) {
  const day = JSON.parse(readFileSync(here('./data/sample-visits.json'), 'utf8'));
  const result = verifyDay(day.retailers, day.visits, day.policy, { planned: day.planned });
  const retailer = new Map(day.retailers.map((r) => [r.id, r]));
  const visit = new Map(day.visits.map((v) => [v.id, v]));

  log(
    `\n== Visit verification: ${day.visits.length} visits by ${result.summary.totals.managers} managers (${day.note.split(':')[0]}, see examples/data/sample-visits.json)`,
  );
  const m = (x) => (x === null ? '—' : `${Math.round(x)} m`);
  const mmss = (s) =>
    `${s < 0 ? '-' : ''}${Math.floor(Math.abs(s) / 60)}:${String(Math.round(Math.abs(s) % 60)).padStart(2, '0')}`;
  log(
    `${'visit'.padEnd(6)}${'mgr'.padEnd(4)}${'retailer'.padEnd(27)}${'fixes'.padEnd(15)}${'status'.padEnd(13)}${'start'.padStart(7)}${'end'.padStart(7)}${'dwell'.padStart(7)}${'conf'.padStart(6)}  reasons / flags`,
  );
  for (const v of result.verdicts) {
    const input = visit.get(v.visitId);
    const r = retailer.get(input.retailerId);
    const fixes = `${input.start.source}${input.start.source === input.end.source ? '' : `/${input.end.source}`}${r.location?.crs && r.location.crs !== 'WGS84' ? ` vs ${r.location.crs}` : ''}`;
    const notes = [...v.reasons, ...v.flags.filter((f) => !v.reasons.includes(f)).map((f) => `⚑ ${f}`)].join(', ');
    log(
      `${v.visitId.padEnd(6)}${input.managerId.padEnd(4)}${`${r.id} ${r.name.replace(/ \(.*\)$/, '')}`.slice(0, 26).padEnd(27)}${fixes.padEnd(15)}${v.status.padEnd(13)}${m(v.distanceM.start).padStart(7)}${m(v.distanceM.end).padStart(7)}${mmss(v.dwellS).padStart(7)}${v.confidence.toFixed(2).padStart(6)}  ${notes}`,
    );
  }

  log(
    '\nday summary (planned retailers → visited → verified; time on site of verified visits; straight-line distance between visits):',
  );
  for (const d of result.summary.days) {
    const missed = d.notVisitedRetailerIds?.length ? `, not visited: ${d.notVisitedRetailerIds.join(' ')}` : '';
    const unplanned = d.unplannedRetailerIds?.length ? `, unplanned: ${d.unplannedRetailerIds.join(' ')}` : '';
    log(
      `  ${d.managerId} ${d.date}: planned ${d.plannedRetailers ?? '—'} → visited ${d.visitedRetailers} → verified ${d.verifiedRetailers}` +
        ` | visits ${d.visits.verified} verified, ${d.visits.rejected} rejected, ${d.visits.unverifiable} unverifiable, ${d.visits.flagged} flagged` +
        ` | on site ${Math.round(d.timeOnSiteS / 60)} min (reported ${Math.round(d.reportedTimeOnSiteS / 60)}) | ${(d.distanceBetweenVisitsM / 1000).toFixed(1)} km${missed}${unplanned}`,
    );
  }

  // What the sample was written to show.
  const status = Object.fromEntries(result.verdicts.map((v) => [v.visitId, v]));
  const ok =
    status.V04.status === 'verified' && // GCJ-02 retailer, WGS84 fixes
    status.V05.status === 'unverifiable' && // 800 m cell fixes
    status.V06.status === 'rejected' && // 600 m away
    status.V07.reasons.includes('TOO_SHORT') &&
    status.V10.status !== 'verified' &&
    status.V10.flags.includes('MOCK_LOCATION') &&
    status.V10.flags.includes('IMPOSSIBLE_SPEED');
  if (!ok) log('verify demo: a verdict differs from what the sample day was written to show');
  return { ok, result };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!verifyDemo().ok) process.exitCode = 1;
}
