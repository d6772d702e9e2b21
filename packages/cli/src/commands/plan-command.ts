import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomerManagerSchema, getKnown, type BeatplanIssue, type CustomerManager } from '@beatplan/core';
import { partitionTerritories, planManyBeats, territoriesToGeoJson, visitPlansToCsv } from '@beatplan/territory';
import { createSolverPool, defaultPoolWorkers } from '@beatplan/tsp/pool';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import {
  parseEach,
  RETAILER_IMPORT_FLAGS,
  RETAILER_IMPORT_USAGE,
  readRetailersFile,
  retailerImportOptions,
} from '../read-retailers-file.js';
import { failWithIssues, issuesFailure } from '../report-issues.js';
import { withLocalReasons } from '../internal/local-reasons.js';
import { readRoadCosts } from './roads-command.js';

export const PLAN_USAGE = `beatplan plan <retailers.csv|.geojson|.json> --managers <managers.json> [--weeks 2] [--start YYYY-MM-DD] [--out dir] [--force] [--bom] [--seed n] [--tolerance 0.05] [--weights count=1,workload=1,orders=1,volume=1,orderingRetailers=1] [--balance orders=0.05,volume=0.05,grade=0.03,orderingDays=0.1,...] [--locked] [--fresh] [--roads <graph-file>] [--workers n] ${RETAILER_IMPORT_USAGE}`;

/**
 * Where the files go: a new folder, or an empty one; an existing non-empty folder only with `--force`
 * (its four files are replaced); never an existing file.
 */
function checkOutDir(outDir: string, force: boolean): void {
  let stat: ReturnType<typeof statSync> | undefined;
  try {
    stat = statSync(outDir);
  } catch {
    return; // does not exist: created later
  }
  if (!stat.isDirectory()) throw new CliFailure((t) => t.t('outNotFolder', { dir: outDir }));
  if (!force && readdirSync(outDir).length > 0) throw new CliFailure((t) => t.t('outNotEmpty', { dir: outDir }));
}

function writeOut(outDir: string, files: readonly [string, string][]): void {
  try {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  } catch (e) {
    throw new CliFailure((t) => t.t('cannotWrite', { file: `--out ${outDir}`, error: (e as Error).message }));
  }
}

const BALANCE_ATTRIBUTES = ['count', 'workload', 'orders', 'volume', 'orderingRetailers'] as const;
const LIMIT_ATTRIBUTES = [...BALANCE_ATTRIBUTES, 'grade', 'segment', 'orderingDays'] as const;

/**
 * `--balance orders=0.05,grade=0.03`: the partition's per-attribute limits, each with its tolerance in
 * (0, 1] (sums relative to the mean, grade/segment shares in absolute points); `orderingDays` is the
 * weekly beats' `orderingTolerance` (ordering retailers visited per day).
 */
function balanceLimits(text: string): Partial<Record<(typeof LIMIT_ATTRIBUTES)[number], number>> {
  const limits: Partial<Record<(typeof LIMIT_ATTRIBUTES)[number], number>> = {};
  for (const part of text.split(',')) {
    const m = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?|\.\d+)\s*$/.exec(part);
    const name = LIMIT_ATTRIBUTES.find((a) => a === m?.[1]);
    const tolerance = Number(m?.[2]);
    if (!m || !name || name in limits || !(tolerance > 0 && tolerance <= 1))
      throw new CliFailure((t) => t.t('balanceFlag', { text, attributes: LIMIT_ATTRIBUTES }), 2);
    limits[name] = tolerance;
  }
  return limits;
}

/** `--weights count=1,orders=2`: the weights of the partition's one balanced sum (numbers ≥ 0, one positive). */
function balanceWeights(text: string): Partial<Record<(typeof BALANCE_ATTRIBUTES)[number], number>> {
  const weights: Partial<Record<(typeof BALANCE_ATTRIBUTES)[number], number>> = {};
  for (const part of text.split(',')) {
    const m = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    const name = BALANCE_ATTRIBUTES.find((a) => a === m?.[1]);
    if (!m || !name || name in weights)
      throw new CliFailure((t) => t.t('weightsFlag', { text, attributes: BALANCE_ATTRIBUTES }), 2);
    weights[name] = Number(m[2]);
  }
  if (!Object.values(weights).some((w) => w > 0))
    throw new CliFailure((t) => t.t('weightsFlag', { text, attributes: BALANCE_ATTRIBUTES }), 2);
  return weights;
}

function nextMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * `beatplan plan`: partitions the retailers among the managers, plans every manager's beats over
 * `--weeks` weeks from `--start` (default: next Monday), writes `territories.geojson`,
 * `visit-plans.json`, `visit-plans.csv` and `summary.json` to `--out` (default `beatplan-plan`), and
 * prints the summary as one JSON object. `--out` must be a new or empty folder, or any folder with
 * `--force`; an existing file is refused. With `--roads <graph-file>` (built by `beatplan roads build`)
 * the workload and every day are measured on the road graph; the summary's `costSource` says which
 * source was used (`{"kind": "roads", "source": "road-graph:car"}`, else straight lines). `--workers n`
 * (default: the machine's cores, `os.availableParallelism()`) plans the managers in n worker threads
 * (`@beatplan/tsp/pool` and `planManyBeats`: whole managers, or with `--roads` the days' routes),
 * `--workers 0` in this thread one manager after the other: the same plan either way.
 * @throws {CliFailure} exit 2 on a usage error; exit 1 on bad input, listing every problem.
 */
export async function planCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      managers: { type: 'string' },
      weeks: { type: 'string' },
      start: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      tolerance: { type: 'string' },
      weights: { type: 'string' },
      balance: { type: 'string' },
      locked: { type: 'boolean' },
      fresh: { type: 'boolean' },
      force: { type: 'boolean' },
      roads: { type: 'string' },
      workers: { type: 'string' },
      bom: { type: 'boolean' },
      ...RETAILER_IMPORT_FLAGS,
    },
    PLAN_USAGE,
    'retailers',
  );
  if (values.managers === undefined)
    throw new CliFailure((t) => t.t('required', { flag: '--managers <managers.json>', usage: PLAN_USAGE }), 2);
  const weeks = numberFlag('weeks', values.weeks, 'whole', 1, 52) ?? 2;
  const seed = numberFlag('seed', values.seed, 'integer', -(2 ** 31), 2 ** 32 - 1) ?? 1;
  const tolerance = numberFlag('tolerance', values.tolerance, 'number', 0.001, 1);
  const weights = values.weights === undefined ? undefined : balanceWeights(values.weights);
  const { orderingDays, ...limits } = values.balance === undefined ? {} : balanceLimits(values.balance);
  const balance = Object.keys(limits).length ? limits : undefined;
  const workers = numberFlag('workers', values.workers, 'whole', 0, 256) ?? defaultPoolWorkers();
  const startDate = values.start ?? nextMonday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new CliFailure((t) => t.t('startFlag', { text: startDate }), 2);
  const importOptions = retailerImportOptions(values);
  const outDir = values.out ?? 'beatplan-plan';
  checkOutDir(outDir, values.force === true);

  const costs = values.roads === undefined ? undefined : readRoadCosts(values.roads);
  const managersFile = values.managers;
  const r = await readRetailersFile(file, io, importOptions);
  const m = parseEach<CustomerManager>(await readJsonFile(managersFile, io), 'managers', CustomerManagerSchema);
  if (r.issues.length || m.issues.length) {
    const issues = [
      ...r.issues.map((issue) => ({ issue, file })),
      ...m.issues.map((issue) => ({ issue, file: managersFile })),
    ];
    const fileOf = new Map(issues.map((x) => [x.issue, x.file]));
    throw issuesFailure(
      issues.map((x) => x.issue),
      (issue) => fileOf.get(issue) ?? file,
    );
  }
  // Library issues name the array they are about: managers[...] come from the managers file.
  const fileOfIssue = (issue: BeatplanIssue) => (issue.path[0] === 'managers' ? managersFile : file);

  try {
    const partition = partitionTerritories(r.items, m.items, {
      ...(values.locked ? { locked: true } : {}),
      ...(values.fresh ? { keepCurrent: false } : {}),
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(weights ? { weights } : {}),
      ...(balance ? { balance } : {}),
      ...(costs ? { costs } : {}),
    });
    const byId = new Map(r.items.map((x) => [x.id, x]));
    const jobs = m.items.map((manager, j) => ({
      manager,
      retailers: (partition.territories[j]?.retailerIds ?? []).flatMap((id) => byId.get(id) ?? []),
    }));
    const shared = {
      startDate,
      weeks,
      seed,
      ...(costs ? { costs } : {}),
      ...(orderingDays !== undefined ? { orderingTolerance: orderingDays } : {}),
    };
    const pool = workers > 0 ? createSolverPool({ workers }) : undefined;
    const beats = await planManyBeats(
      jobs,
      pool ? { ...shared, solver: pool, managersAtOnce: 2 * workers } : shared,
    ).finally(() => pool?.close());
    const beatOf = new Map(beats.map((b) => [b.managerId, b]));
    const summary = {
      retailers: r.items.length,
      managers: m.items.length,
      startDate,
      weeks,
      seed,
      costSource: partition.costSource,
      balanced: partition.balanced,
      limits: withLocalReasons(partition.limits, io.locale).map((l) => ({
        ...l,
        maxDeviation: round(l.maxDeviation, 4),
      })),
      moved: partition.moved,
      spread: {
        workloadMaxToMinRatio: partition.spread.workload.maxToMinRatio,
        workloadCv: round(partition.spread.workload.cv, 4),
        loadMaxToMinRatio: partition.spread.load.maxToMinRatio,
        loadCv: round(partition.spread.load.cv, 4),
        maxDeviation: round(partition.spread.maxDeviation, 4),
      },
      timeWindows: beats.some((b) => b.timeWindows),
      perManager: partition.stats.map((s) => {
        const beat = getKnown(beatOf, s.managerId, 'manager');
        return {
          managerId: s.managerId,
          retailers: s.retailers,
          workloadHoursPerWeek: round(s.workloadMinutes / 60, 1),
          deviation: round(s.deviation, 4),
          compactness: round(s.compactness, 3),
          diameterKm: round(s.diameterM / 1000, 1),
          pieces: s.pieces,
          days: beat.totals.workingDays,
          visits: beat.totals.visits,
          distanceKm: round(beat.totals.distanceM / 1000, 1),
          hours: round(beat.totals.durationS / 3600, 1),
          dropped: beat.dropped.length,
          orderingStopsPerDay: beat.days.map((d) => d.orderingStops),
        };
      }),
      dropped: withLocalReasons(
        [...partition.dropped, ...beats.flatMap((b) => b.dropped.map((u) => ({ managerId: b.managerId, ...u })))],
        io.locale,
      ),
      files: ['territories.geojson', 'visit-plans.json', 'visit-plans.csv', 'summary.json'].map((f) => join(outDir, f)),
    };
    const plans = beats.flatMap((b) => b.plans);
    writeOut(outDir, [
      ['territories.geojson', `${JSON.stringify(territoriesToGeoJson(partition))}\n`],
      ['visit-plans.json', `${JSON.stringify(plans, null, 1)}\n`],
      ['visit-plans.csv', `${values.bom ? '\uFEFF' : ''}${visitPlansToCsv(plans)}`],
      ['summary.json', `${JSON.stringify(summary, null, 2)}\n`],
    ]);
    printJson(io, summary);
  } catch (e) {
    failWithIssues(e, fileOfIssue);
  }
}
