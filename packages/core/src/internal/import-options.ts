import * as z from 'zod';
import { BeatplanError, type BeatplanIssue } from '../beatplan-error.js';
import { CRS_VALUES, type Crs } from '../schemas/crs.js';
import { MAX_ISSUES } from '../beatplan-error.js';
import { issueReason } from '../issue-reason.js';

/** Reads a crs cell leniently: case-insensitive, `GCJ-02`, `BD-09`, `WGS-84`, `EPSG:4326`, `CGCS2000` (`EPSG:4490`, = WGS84) accepted. */
export function readCrs(text: string): Crs | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[-_\s]/g, '');
  if (t === 'EPSG:4326' || t === 'CGCS2000' || t === 'EPSG:4490') return 'WGS84';
  return (CRS_VALUES as readonly string[]).includes(t) ? (t as Crs) : undefined;
}

/** What an import does with a column it does not know: fail (default), ignore it, or keep it as an attribute. */
export const UnknownColumnsSchema = z
  .enum(['fail', 'ignore', 'attributes'], { error: 'unknownColumns must be one of "fail", "ignore", "attributes"' })
  .default('fail');

/**
 * Reads `unknownColumns`, or its deprecated spellings `ignoreUnknownColumns: true` (= `'ignore'`) and
 * `unknownColumnsAsAttributes: true` (= `'attributes'`); two that disagree are an error.
 */
export function readUnknownColumns(options: {
  unknownColumns?: unknown;
  ignoreUnknownColumns?: unknown;
  unknownColumnsAsAttributes?: unknown;
}): z.output<typeof UnknownColumnsSchema> {
  const said: [string, string][] = [];
  if (options.unknownColumns !== undefined) {
    const r = UnknownColumnsSchema.safeParse(options.unknownColumns);
    if (!r.success)
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['options', 'unknownColumns'],
          value: options.unknownColumns,
          ...issueReason('core.unknown_columns_one_of'),
        },
      ]);
    said.push(['unknownColumns', r.data]);
  }
  if (options.ignoreUnknownColumns === true) said.push(['ignoreUnknownColumns', 'ignore']);
  if (options.unknownColumnsAsAttributes === true) said.push(['unknownColumnsAsAttributes', 'attributes']);
  const first = said[0];
  const other = said.find(([, v]) => v !== first?.[1]);
  if (first && other)
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['options', other[0]],
        ...issueReason('core.options_contradict', { option: first[0], value: String(first[1]) }),
        value: true,
      },
    ]);
  return first ? (first[1] as z.output<typeof UnknownColumnsSchema>) : UnknownColumnsSchema.parse(undefined);
}

/** Validates the shared import options and returns the issue cap. */
export function readMaxIssues(value: unknown): number {
  if (value === undefined) return MAX_ISSUES;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'maxIssues'], value, ...issueReason('core.max_issues_whole') },
    ]);
  }
  return value;
}

/** Validates `options.defaultCrs`. */
export function readDefaultCrs(value: unknown): Crs | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (CRS_VALUES as readonly string[]).includes(value)) return value as Crs;
  throw new BeatplanError('UNSUPPORTED_CRS', [
    { path: ['options', 'defaultCrs'], value, ...issueReason('core.crs_one_of') },
  ]);
}

/** Validates `options.columns`: returns lower-cased header → canonical column. */
export function readColumnMapping(
  columns: Readonly<Record<string, string>> | undefined,
  fieldNames: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  if (columns === undefined) return out;
  if (typeof columns !== 'object' || columns === null) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'columns'], value: columns, ...issueReason('core.columns_map') },
    ]);
  }
  const problems: BeatplanIssue[] = [];
  for (const [field, headerName] of Object.entries(columns)) {
    const column = fieldNames.get(field);
    if (column === undefined) {
      problems.push({
        path: ['options', 'columns', field],
        ...issueReason('core.unknown_field_expected', { fields: [...fieldNames.keys()] }),
        value: field,
      });
      continue;
    }
    if (typeof headerName !== 'string' || headerName.trim() === '') {
      problems.push({
        path: ['options', 'columns', field],
        ...issueReason('core.header_name_empty'),
        value: headerName,
      });
      continue;
    }
    const key = headerName.trim().toLowerCase();
    const taken = out.get(key);
    if (taken !== undefined) {
      problems.push({
        path: ['options', 'columns', field],
        ...issueReason('core.column_taken', { header: headerName, field: taken }),
        value: headerName,
      });
      continue;
    }
    out.set(key, column);
  }
  if (problems.length > 0) throw new BeatplanError('INVALID_INPUT', problems);
  return out;
}

/** Validates `options.grades`. */
export function readGradeScale(grades: unknown): { min: number; max: number } | undefined {
  if (grades === undefined) return undefined;
  const g = grades as { min?: unknown; max?: unknown };
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 999;
  if (
    typeof grades !== 'object' ||
    grades === null ||
    !ok(g.min) ||
    !ok(g.max) ||
    (g.min as number) > (g.max as number)
  ) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['options', 'grades'],
        ...issueReason('core.grades_range'),
        value: grades,
      },
    ]);
  }
  return { min: g.min as number, max: g.max as number };
}
