import { randomInt } from 'node:crypto';
import type { BeatplanIssue, ImportRetailersCsvOptions, Retailer } from '@beatplan/core';
import {
  drawSample,
  routeInspection,
  STRATUM_FIELDS,
  type SampleSpecInput,
  type StratumField,
} from '@beatplan/inspection';
import { INSPECT_ADJUST_USAGE, inspectAdjust } from './inspect-adjust.js';
import { INSPECT_RECORDS_USAGE, inspectCrossCheck, inspectRecord, readJsonList } from './inspect-records.js';
import { readRoadCosts } from './roads-command.js';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { withLocalReasons } from '../internal/local-reasons.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import {
  RETAILER_IMPORT_FLAGS,
  RETAILER_IMPORT_USAGE,
  readRetailersFile,
  retailerImportOptions,
} from '../read-retailers-file.js';
import { failWithIssues, issuesFailure } from '../report-issues.js';

export const INSPECT_USAGE =
  `beatplan inspect draw <retailers.csv|.json|.geojson> (--size <n> | --per-stratum <n>) [--stratify manager|segment|class|region] [--seed <n>] [--exclude-since <YYYY-MM-DD> --history <file.json>] [--rates <rates.json> [--alpha <a>]] ${RETAILER_IMPORT_USAGE}\n` +
  `  beatplan inspect route <plan.json> --retailers <file> --base <lng,lat> [--date <YYYY-MM-DD>] [--max-stops <n>] [--days <n>] [--start <HH:MM>] [--end <HH:MM>] [--seed <n>] [--roads <graph-file>] ${RETAILER_IMPORT_USAGE}\n  ${INSPECT_ADJUST_USAGE}\n  ${INSPECT_RECORDS_USAGE}`;

/** Reads and validates retailers (see {@link readRetailersFile}); any problem fails the command. */
async function readRetailers(file: string, io: CommandIo, options: ImportRetailersCsvOptions): Promise<Retailer[]> {
  const { items, issues } = await readRetailersFile(file, io, options);
  if (issues.length > 0) throw issuesFailure(issues, file);
  return items;
}

async function draw(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      size: { type: 'string' },
      'per-stratum': { type: 'string' },
      stratify: { type: 'string' },
      seed: { type: 'string' },
      'exclude-since': { type: 'string' },
      history: { type: 'string' },
      rates: { type: 'string' },
      alpha: { type: 'string' },
      ...RETAILER_IMPORT_FLAGS,
    },
    INSPECT_USAGE,
    'retailers',
  );
  const size = numberFlag('size', values.size, 'whole', 0, 1_000_000);
  const perStratum = numberFlag('per-stratum', values['per-stratum'], 'whole', 0, 1_000_000);
  const spec = sizeSpecOf(size, perStratum);
  if (spec === undefined) throw new CliFailure((t) => t.t('oneOfSize'), 2);
  if (values.stratify !== undefined && !(STRATUM_FIELDS as readonly string[]).includes(values.stratify)) {
    const text = values.stratify;
    const fields = STRATUM_FIELDS.filter((f) => f !== 'custom' && f !== 'territory');
    throw new CliFailure((t) => t.t('oneOfFlag', { flag: 'stratify', values: fields, text }), 2);
  }
  if ((values['exclude-since'] === undefined) !== (values.history === undefined))
    throw new CliFailure((t) => t.t('together', { a: '--exclude-since', b: '--history' }), 2);
  if (values.stratify !== undefined) spec.stratifyBy = values.stratify as StratumField;
  if (values['exclude-since'] !== undefined) spec.excludeInspectedSince = values['exclude-since'];
  const alpha = numberFlag('alpha', values.alpha, 'number', 0, 1000);
  if (alpha !== undefined && values.rates === undefined)
    throw new CliFailure((t) => t.t('needs', { a: '--alpha', b: '--rates' }), 2);
  const seed = numberFlag('seed', values.seed, 'whole', 0, 2 ** 32 - 1) ?? randomInt(2 ** 32);
  if (values.rates !== undefined) {
    const rates = await readJsonFile(values.rates, io);
    spec.weighting = { verificationRates: rates as Record<string, number> };
    if (alpha !== undefined) spec.weighting.alpha = alpha;
  }
  const retailers = await readRetailers(file, io, retailerImportOptions(values));
  const history =
    values.history !== undefined
      ? ((await readJsonList(values.history, 'history', io)) as { retailerId: string; at: string }[])
      : undefined;
  // Each issue goes to the file it is about: the rates file, the history file, or the retailers.
  const fileOf = (issue: BeatplanIssue): string => {
    const [head, sub, field] = issue.path;
    if (head === 'spec' && sub === 'weighting' && field === 'verificationRates' && values.rates) return values.rates;
    if (head === 'options' && sub === 'history' && values.history) return values.history;
    if (head === 'spec' || head === 'options') return 'options';
    return file;
  };
  try {
    printJson(io, drawSample(retailers, spec, { seed, ...(history ? { history } : {}) }));
  } catch (e) {
    failWithIssues(e, fileOf);
  }
}

async function route(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      retailers: { type: 'string' },
      base: { type: 'string' },
      date: { type: 'string' },
      'max-stops': { type: 'string' },
      days: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      seed: { type: 'string' },
      roads: { type: 'string' },
      ...RETAILER_IMPORT_FLAGS,
    },
    INSPECT_USAGE,
    'plan',
  );
  if (values.retailers === undefined) throw new CliFailure((t) => t.t('required', { flag: '--retailers <file>' }), 2);
  const base = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(values.base ?? '');
  if (!base) throw new CliFailure((t) => t.t('baseFlag', { text: values.base ?? '' }), 2);
  const maxStops = numberFlag('max-stops', values['max-stops'], 'whole', 1, 10_000);
  const days = numberFlag('days', values.days, 'whole', 1, 366);
  const seed = numberFlag('seed', values.seed, 'whole', 0, 2 ** 32 - 1);
  const costs = values.roads === undefined ? undefined : readRoadCosts(values.roads);
  const plan = await readJsonFile(file, io);
  const retailersFile = values.retailers;
  const retailers = await readRetailers(retailersFile, io, retailerImportOptions(values));
  const options = {
    base: { lng: Number(base[1]), lat: Number(base[2]) },
    date: values.date ?? new Date(Date.now() + 480 * 60_000).toISOString().slice(0, 10),
    ...(maxStops !== undefined ? { maxStopsPerDay: maxStops } : {}),
    ...(days !== undefined ? { maxDays: days } : {}),
    ...(values.start !== undefined ? { dayStart: values.start } : {}),
    ...(values.end !== undefined ? { dayEnd: values.end } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(costs ? { costs } : {}),
  };
  try {
    const route = await routeInspection(plan as never, retailers, options);
    printJson(io, { ...route, dropped: withLocalReasons(route.dropped, io.locale) });
  } catch (e) {
    failWithIssues(e, (issue) =>
      issue.path[0] === 'retailers' ? retailersFile : issue.path[0] === 'options' ? 'options' : file,
    );
  }
}

/**
 * `beatplan inspect draw|route|adjust|record|cross-check` (adjust: see {@link inspectAdjust}; record and
 * cross-check, which take a `--checklist` file: see {@link inspectRecord}, {@link inspectCrossCheck}). `draw` prints the inspection plan (seed, spec, fingerprint, strata,
 * drawn retailers) as one JSON object; without `--seed` a random seed is drawn and recorded in the
 * plan. `route` prints `{ days: [{ date, stops: [{ retailerId, arrival, start, departure }] }],
 * dropped, distanceM }`; `--date` defaults to today in UTC+8. Input errors exit 1 and list every
 * problem on its own line, attributed to its file (`--rates`, `--history`, `--retailers`) or to `options`.
 * @throws {CliFailure} on a usage error (exit 2), a missing or invalid file, or an invalid input (exit 1).
 * @example
 * // not run: needs a retailers.csv and an output stream
 * await inspectCommand(['draw', 'retailers.csv', '--size', '20', '--stratify', 'manager', '--seed', '7'], io);
 */
export async function inspectCommand(args: string[], io: CommandIo): Promise<void> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'draw') return await draw(rest, io);
    if (sub === 'route') return await route(rest, io);
    if (sub === 'adjust') return await inspectAdjust(rest, io);
    if (sub === 'record') return await inspectRecord(rest, io);
    if (sub === 'cross-check') return await inspectCrossCheck(rest, io);
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
      throw new CliFailure((t) => t.t('usageError', { detail: e.message, usage: INSPECT_USAGE }), 2);
    throw e;
  }
  const subs = ['draw', 'route', 'adjust', 'record', 'cross-check'];
  throw new CliFailure(
    (t) => t.t('expectedSub', { subs, ...(sub === undefined ? {} : { received: sub }), usage: INSPECT_USAGE }),
    2,
  );
}

/** The sample size of `--size` or `--per-stratum`; `undefined` unless exactly one of them is given. */
function sizeSpecOf(size: number | undefined, perStratum: number | undefined): SampleSpecInput | undefined {
  if (perStratum === undefined) return size === undefined ? undefined : { size };
  return size === undefined ? { sizePerStratum: perStratum } : undefined;
}
