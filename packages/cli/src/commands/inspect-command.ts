import { randomInt } from 'node:crypto';
import {
  BeatplanError,
  formatIssue,
  importRetailersCsv,
  importRetailersGeoJson,
  type RetailerInput,
} from '@beatplan/core';
import {
  drawSample,
  routeInspection,
  STRATUM_FIELDS,
  type SampleSpecInput,
  type StratumField,
} from '@beatplan/inspection';
import { CliFailure, printJson, type CliIo } from '../cli-io.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { parseJsonFile, readInputFile } from '../read-input-file.js';

export const INSPECT_USAGE =
  'beatplan inspect draw <retailers.csv|.json|.geojson> (--size <n> | --per-stratum <n>) [--stratify manager|segment|class|region] [--seed <n>] [--exclude-since <YYYY-MM-DD> --history <file.json>] [--rates <rates.json> [--alpha <a>]]\n' +
  '  beatplan inspect route <plan.json> --retailers <file> --base <lng,lat> [--date <YYYY-MM-DD>] [--max-stops <n>] [--days <n>] [--start <HH:MM>] [--end <HH:MM>] [--seed <n>]';

/** Every issue of a BeatplanError on one line, prefixed with the file it came from. */
function failure(file: string, e: unknown): never {
  if (e instanceof BeatplanError) {
    const more = e.omittedIssues ? ` (and ${e.omittedIssues} more)` : '';
    throw new CliFailure(`${file}: ${e.issues.map(formatIssue).join('; ')}${more}`);
  }
  throw e;
}

/** Reads retailers from CSV, GeoJSON, a JSON array or `{ "retailers": [...] }` (validated by the caller). */
function readRetailers(file: string): RetailerInput[] {
  const text = readInputFile(file);
  try {
    if (/\.csv$/i.test(file)) return importRetailersCsv(text).retailers;
    const json = parseJsonFile(file, text) as Record<string, unknown> | unknown[];
    if (!Array.isArray(json) && json?.type === 'FeatureCollection')
      return importRetailersGeoJson(json as never).retailers;
    const list = Array.isArray(json) ? json : json?.retailers;
    if (!Array.isArray(list))
      throw new CliFailure(`${file}: expected retailers as CSV, GeoJSON, a JSON array or {"retailers": [...]}`);
    return list as RetailerInput[];
  } catch (e) {
    return failure(file, e);
  }
}

function readJsonList(file: string, key: string): unknown[] {
  const json = parseJsonFile(file, readInputFile(file)) as Record<string, unknown> | unknown[];
  const list = Array.isArray(json) ? json : json?.[key];
  if (!Array.isArray(list)) throw new CliFailure(`${file}: expected a JSON array or {"${key}": [...]}`);
  return list;
}

async function draw(args: string[], io: CliIo): Promise<void> {
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
    },
    INSPECT_USAGE,
    'retailers file',
  );
  const size = numberFlag('size', values.size, 'whole');
  const perStratum = numberFlag('per-stratum', values['per-stratum'], 'whole');
  if ((size === undefined) === (perStratum === undefined))
    throw new CliFailure('give exactly one of --size and --per-stratum', 2);
  if (values.stratify !== undefined && !(STRATUM_FIELDS as readonly string[]).includes(values.stratify)) {
    throw new CliFailure(
      `--stratify must be one of ${STRATUM_FIELDS.filter((f) => f !== 'custom' && f !== 'territory').join(', ')}, received ${JSON.stringify(values.stratify)}`,
      2,
    );
  }
  if ((values['exclude-since'] === undefined) !== (values.history === undefined))
    throw new CliFailure('--exclude-since and --history go together', 2);
  const spec: SampleSpecInput = size !== undefined ? { size } : { sizePerStratum: perStratum! };
  if (values.stratify !== undefined) spec.stratifyBy = values.stratify as StratumField;
  if (values['exclude-since'] !== undefined) spec.excludeInspectedSince = values['exclude-since'];
  if (values.rates !== undefined) {
    const rates = parseJsonFile(values.rates, readInputFile(values.rates));
    spec.weighting = { verificationRates: rates as Record<string, number> };
    const alpha = numberFlag('alpha', values.alpha, 'number');
    if (alpha !== undefined) spec.weighting.alpha = alpha;
  }
  const seed = numberFlag('seed', values.seed, 'whole') ?? randomInt(2 ** 32);
  const retailers = readRetailers(file);
  const history =
    values.history !== undefined
      ? (readJsonList(values.history, 'history') as { retailerId: string; at: string }[])
      : undefined;
  try {
    printJson(io, drawSample(retailers, spec, { seed, ...(history ? { history } : {}) }));
  } catch (e) {
    failure(file, e);
  }
}

async function route(args: string[], io: CliIo): Promise<void> {
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
    },
    INSPECT_USAGE,
    'plan file',
  );
  if (values.retailers === undefined) throw new CliFailure('--retailers <file> is required', 2);
  const base = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(values.base ?? '');
  if (!base)
    throw new CliFailure(`--base must be "lng,lat" in degrees, received ${JSON.stringify(values.base ?? '')}`, 2);
  const plan = parseJsonFile(file, readInputFile(file));
  const retailers = readRetailers(values.retailers);
  const maxStops = numberFlag('max-stops', values['max-stops'], 'whole');
  const days = numberFlag('days', values.days, 'whole');
  const seed = numberFlag('seed', values.seed, 'whole');
  const options = {
    base: { lng: Number(base[1]), lat: Number(base[2]) },
    date: values.date ?? new Date(Date.now() + 480 * 60_000).toISOString().slice(0, 10),
    ...(maxStops !== undefined ? { maxStopsPerDay: maxStops } : {}),
    ...(days !== undefined ? { maxDays: days } : {}),
    ...(values.start !== undefined ? { dayStart: values.start } : {}),
    ...(values.end !== undefined ? { dayEnd: values.end } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  try {
    printJson(io, await routeInspection(plan as never, retailers, options));
  } catch (e) {
    failure(file, e);
  }
}

/**
 * `beatplan inspect draw|route`. `draw` prints the inspection plan (seed, spec, fingerprint, strata,
 * drawn retailers) as one JSON object; without `--seed` a random seed is drawn and recorded in the
 * plan. `route` prints `{ days: [{ date, stops: [{ retailerId, arrival, start, departure }] }],
 * dropped, distanceM }`; `--date` defaults to today in UTC+8. Input errors exit 1 and list every
 * problem on one line.
 * @throws {CliFailure} on a usage error (exit 2), a missing or invalid file, or an invalid input (exit 1).
 * @example
 * await inspectCommand(['draw', 'retailers.csv', '--size', '20', '--stratify', 'manager', '--seed', '7'], io);
 */
export async function inspectCommand(args: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'draw') return await draw(rest, io);
    if (sub === 'route') return await route(rest, io);
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
      throw new CliFailure(`${e.message}; usage: ${INSPECT_USAGE}`, 2);
    throw e;
  }
  throw new CliFailure(
    `expected "draw" or "route"${sub === undefined ? '' : `, received ${JSON.stringify(sub)}`}; usage: ${INSPECT_USAGE}`,
    2,
  );
}
