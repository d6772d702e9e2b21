import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CustomerManagerSchema,
  formatIssue,
  importRetailersCsv,
  importRetailersGeoJson,
  isBeatplanError,
  RetailerSchema,
  tryParse,
  type BeatplanIssue,
  type CustomerManager,
  type Retailer,
} from '@beatplan/core';
import {
  partitionTerritories,
  planWeeklyBeats,
  territoriesToGeoJson,
  visitPlansToCsv,
  type BeatPlan,
} from '@beatplan/territory';
import { CliFailure, printJson, type CliIo } from '../cli-io.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { parseJsonFile, readInputFile } from '../read-input-file.js';

export const PLAN_USAGE =
  'beatplan plan <retailers.csv|.geojson|.json> --managers <managers.json> [--weeks 2] [--start YYYY-MM-DD] [--out dir] [--seed n] [--tolerance 0.05] [--locked] [--fresh]';

const MAX_LISTED = 50;

function problems(file: string, issues: readonly BeatplanIssue[]): string[] {
  return issues.map((i) => `${file}${i.row !== undefined ? ` row ${i.row}` : ''}: ${formatIssue(i)}`);
}

function readRetailers(file: string): { retailers: Retailer[]; issues: string[] } {
  const text = readInputFile(file);
  try {
    if (/\.csv$/i.test(file)) return { retailers: importRetailersCsv(text).retailers, issues: [] };
    const json = parseJsonFile(file, text);
    if (
      /\.geojson$/i.test(file) ||
      (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection')
    ) {
      return { retailers: importRetailersGeoJson(json).retailers, issues: [] };
    }
    const list = Array.isArray(json) ? json : (json as { retailers?: unknown } | null)?.retailers;
    if (!Array.isArray(list))
      return { retailers: [], issues: [`${file}: expected a JSON array of retailers or {"retailers": [...]}`] };
    const retailers: Retailer[] = [];
    const issues: string[] = [];
    list.forEach((r, i) => {
      const parsed = tryParse(RetailerSchema, r, ['retailers', i]);
      if (parsed.ok) retailers.push(parsed.data);
      else issues.push(...problems(file, parsed.error.issues));
    });
    return { retailers, issues };
  } catch (e) {
    if (isBeatplanError(e)) return { retailers: [], issues: problems(file, e.issues) };
    throw e;
  }
}

function readManagers(file: string): { managers: CustomerManager[]; issues: string[] } {
  const json = parseJsonFile(file, readInputFile(file));
  const list = Array.isArray(json) ? json : (json as { managers?: unknown } | null)?.managers;
  if (!Array.isArray(list))
    return { managers: [], issues: [`${file}: expected a JSON array of managers or {"managers": [...]}`] };
  const managers: CustomerManager[] = [];
  const issues: string[] = [];
  list.forEach((m, i) => {
    const parsed = tryParse(CustomerManagerSchema, m, ['managers', i]);
    if (parsed.ok) managers.push(parsed.data);
    else issues.push(...problems(file, parsed.error.issues));
  });
  if (list.length === 0) issues.push(`${file}: at least one manager is required`);
  return { managers, issues };
}

function nextMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

function fail(lines: string[]): never {
  const shown = lines.slice(0, MAX_LISTED);
  const more = lines.length > MAX_LISTED ? `; (and ${lines.length - MAX_LISTED} more)` : '';
  throw new CliFailure(`${lines.length} problem${lines.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`);
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * `beatplan plan`: partitions the retailers among the managers, plans every manager's beats over
 * `--weeks` weeks from `--start` (default: next Monday), writes `territories.geojson`,
 * `visit-plans.json`, `visit-plans.csv` and `summary.json` to `--out` (default `beatplan-plan`), and
 * prints the summary as one JSON object.
 * @throws {CliFailure} exit 2 on a usage error; exit 1 on bad input, listing every problem.
 */
export async function planCommand(args: string[], io: CliIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      managers: { type: 'string' },
      weeks: { type: 'string' },
      start: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      tolerance: { type: 'string' },
      locked: { type: 'boolean' },
      fresh: { type: 'boolean' },
    },
    PLAN_USAGE,
    'retailers file',
  );
  if (values.managers === undefined)
    throw new CliFailure(`--managers <managers.json> is required; usage: ${PLAN_USAGE}`, 2);
  const weeks = numberFlag('weeks', values.weeks) ?? 2;
  const seed = numberFlag('seed', values.seed) ?? 1;
  const tolerance = numberFlag('tolerance', values.tolerance, 'number');
  const startDate = values.start ?? nextMonday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate))
    throw new CliFailure(`--start must be a date YYYY-MM-DD, received ${JSON.stringify(startDate)}`, 2);
  const outDir = values.out ?? 'beatplan-plan';

  const r = readRetailers(file);
  const m = readManagers(values.managers);
  if (r.issues.length || m.issues.length) fail([...r.issues, ...m.issues]);

  try {
    const partition = partitionTerritories(r.retailers, m.managers, {
      ...(values.locked ? { locked: true } : {}),
      ...(values.fresh ? { keepCurrent: false } : {}),
      ...(tolerance !== undefined ? { tolerance } : {}),
    });
    const byId = new Map(r.retailers.map((x) => [x.id, x]));
    const beats: BeatPlan[] = [];
    for (const [j, manager] of m.managers.entries()) {
      const own = partition.territories[j]!.retailerIds.map((id) => byId.get(id)!);
      beats.push(await planWeeklyBeats(manager, own, { startDate, weeks, seed }));
    }
    const summary = {
      retailers: r.retailers.length,
      managers: m.managers.length,
      startDate,
      weeks,
      seed,
      balanced: partition.balanced,
      moved: partition.moved,
      spread: {
        workloadMaxToMinRatio: partition.spread.workload.maxToMinRatio,
        workloadCv: round(partition.spread.workload.cv, 4),
        loadMaxToMinRatio: partition.spread.load.maxToMinRatio,
        loadCv: round(partition.spread.load.cv, 4),
        maxDeviation: round(partition.spread.maxDeviation, 4),
      },
      timeWindows: beats.some((b) => b.timeWindows),
      perManager: partition.stats.map((s, j) => ({
        managerId: s.managerId,
        retailers: s.retailers,
        workloadHoursPerWeek: round(s.workloadMin / 60, 1),
        deviation: round(s.deviation, 4),
        compactness: round(s.compactness, 3),
        diameterKm: round(s.diameterM / 1000, 1),
        pieces: s.pieces,
        days: beats[j]!.totals.workingDays,
        visits: beats[j]!.totals.visits,
        distanceKm: round(beats[j]!.totals.distanceM / 1000, 1),
        hours: round(beats[j]!.totals.durationS / 3600, 1),
        dropped: beats[j]!.dropped.length,
      })),
      dropped: [
        ...partition.dropped,
        ...beats.flatMap((b) => b.dropped.map((u) => ({ managerId: b.managerId, ...u }))),
      ],
      files: ['territories.geojson', 'visit-plans.json', 'visit-plans.csv', 'summary.json'].map((f) => join(outDir, f)),
    };
    const plans = beats.flatMap((b) => b.plans);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'territories.geojson'), `${JSON.stringify(territoriesToGeoJson(partition))}\n`);
    writeFileSync(join(outDir, 'visit-plans.json'), `${JSON.stringify(plans, null, 1)}\n`);
    writeFileSync(join(outDir, 'visit-plans.csv'), visitPlansToCsv(plans));
    writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    printJson(io, summary);
  } catch (e) {
    if (isBeatplanError(e)) fail(problems(file, e.issues));
    throw e;
  }
}
