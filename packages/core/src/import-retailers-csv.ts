import Papa from 'papaparse';
import { BeatplanError } from './beatplan-error.js';
import { unguardCsvFormula } from './csv-formula-guard.js';
import { readCrs, readDefaultCrs, readMaxIssues } from './internal/import-options.js';
import { IssueList } from './issue-list.js';
import { parseOpeningHoursText } from './internal/opening-hours-text.js';
import { checkDuplicateId, validateRetailerRecord } from './internal/retailer-record.js';
import type { Crs } from './schemas/crs.js';
import type { Retailer } from './schemas/retailer.js';

/** CSV column → Retailer field. Order = the order `retailersToCsv` writes. */
export const RETAILER_CSV_COLUMNS = [
  'id',
  'name',
  'lng',
  'lat',
  'crs',
  'segment',
  'class',
  'service_minutes',
  'opening_hours',
  'visit_frequency',
  'order_count',
  'order_volume',
  'manager_id',
  'region',
  'geofence',
] as const;

const REQUIRED = [
  'id',
  'name',
  'lng',
  'lat',
  'segment',
  'class',
  'service_minutes',
  'visit_frequency',
  'order_count',
  'order_volume',
];
const NUMERIC: Record<string, string> = {
  service_minutes: 'serviceMinutes',
  order_count: 'orderCount',
  order_volume: 'orderVolume',
};
const TEXT: Record<string, string> = { id: 'id', name: 'name', manager_id: 'managerId', region: 'region' };
const FIELD_TO_COLUMN: Record<string, string> = {
  serviceMinutes: 'service_minutes',
  openingHours: 'opening_hours',
  visitFrequency: 'visit_frequency',
  orderCount: 'order_count',
  orderVolume: 'order_volume',
  managerId: 'manager_id',
};
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Options of {@link importRetailersCsv}. */
export interface ImportRetailersCsvOptions {
  /** Field delimiter; default: detected by papaparse (`,` `;` tab `|`). */
  delimiter?: string;
  /** crs for rows whose `crs` cell is empty (or with no `crs` column). Default: none (= WGS84). */
  defaultCrs?: Crs;
  /** Ignore columns not in the spec instead of failing. Default false. */
  ignoreUnknownColumns?: boolean;
  /** Keep at most this many issues; the rest are counted in `omittedIssues`. Default 1000. */
  maxIssues?: number;
}

function columnOf(path: (string | number)[]): string {
  const [head, sub] = path;
  if (head === 'location') return typeof sub === 'string' ? sub : 'lng';
  return FIELD_TO_COLUMN[String(head)] ?? String(head ?? '');
}

/**
 * Imports retailers from CSV text with a header row. Columns (header names case-insensitive, order
 * free; spec in the README): `id`, `name`, `lng`, `lat`, `segment`, `class`, `service_minutes`,
 * `visit_frequency`, `order_count`, `order_volume` (required); `crs`, `opening_hours` (compact text,
 * see `parseOpeningHours`), `manager_id`, `region`, `geofence` (a GeoJSON Polygon as JSON) (optional).
 * Empty cells of optional columns mean "absent". `segment` and `visit_frequency` are read
 * case-insensitively, `class` upper-cased, `crs` accepts `GCJ-02`/`bd09`/`EPSG:4326` spellings.
 * The apostrophe that defuses a spreadsheet formula (`'=x`, written by `retailersToCsv`, see
 * `guardCsvFormula`) is removed from every cell.
 *
 * All or nothing: every row is checked, and any problem makes the whole import fail with ONE error.
 * Rows are numbered 1-based from the first data row: the header is NOT counted, blank lines are
 * skipped and not counted (in a file without blank lines or multi-line cells, row N is on line N+1).
 *
 * @param text - the CSV text (UTF-8; a leading BOM is ignored).
 * @param options - see {@link ImportRetailersCsvOptions}.
 * @returns `{ retailers }` in file order.
 * @throws {BeatplanError} `IMPORT_FAILED`: `issues` lists every bad row (`row`, `path: [column]`, raw
 *   cell `value`, reason) and header problems (`path: ['columns', name]`, no row), capped at
 *   `maxIssues` with `omittedIssues` counting the rest; duplicate ids are errors.
 *   `INVALID_INPUT`/`UNSUPPORTED_CRS` for bad options.
 * @example
 * const { retailers } = importRetailersCsv(
 *   'id,name,lng,lat,crs,segment,class,service_minutes,opening_hours,visit_frequency,order_count,order_volume\n' +
 *   'R1,Happy Mart,116.41,39.92,GCJ02,retail,B,15,mon-sat 08:00-21:00,weekly,12,3400\n',
 * );
 * retailers[0]?.location; // { lng: 116.41, lat: 39.92, crs: 'GCJ02' }
 */
export function importRetailersCsv(text: string, options: ImportRetailersCsvOptions = {}): { retailers: Retailer[] } {
  if (typeof text !== 'string')
    throw new BeatplanError('INVALID_INPUT', [{ path: ['text'], message: 'CSV input must be a string', value: text }]);
  const issues = new IssueList(readMaxIssues(options.maxIssues));
  const defaultCrs = readDefaultCrs(options.defaultCrs);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
  });
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue; // single-column files: the comma is fine
    issues.add({
      ...(e.row !== undefined && e.row > 0 ? { row: e.row } : {}),
      path: [],
      message: `CSV syntax: ${e.message.toLowerCase()}`,
    });
  }
  const [headerCells, ...rows] = parsed.data;
  if (!headerCells)
    throw new BeatplanError('IMPORT_FAILED', [{ path: [], message: 'the CSV is empty: a header row is expected' }]);

  const header = headerCells.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) issues.add({ path: ['columns', name], message: 'column appears twice in the header' });
    else if (!(RETAILER_CSV_COLUMNS as readonly string[]).includes(name) && !options.ignoreUnknownColumns) {
      issues.add({
        path: ['columns', name],
        message: `unknown column (expected some of ${RETAILER_CSV_COLUMNS.join(', ')})`,
      });
    }
    index.set(name, i);
  });
  for (const name of REQUIRED)
    if (!index.has(name)) issues.add({ path: ['columns', name], message: 'required column is missing' });
  issues.throwIfAny();

  const retailers: Retailer[] = [];
  const seenIds = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (cells.length !== header.length) {
      issues.add({ row, path: [], message: `row has ${cells.length} fields, the header has ${header.length}` });
      return;
    }
    const cell = (name: string): string => {
      const at = index.get(name);
      return at === undefined ? '' : unguardCsvFormula((cells[at] ?? '').trim());
    };
    const reported = new Set<string>();
    const fail = (column: string, message: string): void => {
      reported.add(column);
      issues.add({ row, path: [column], message, value: cell(column) });
    };
    const number = (column: string): number | undefined => {
      const raw = cell(column);
      if (raw === '') return undefined;
      if (NUMBER.test(raw)) return Number(raw);
      fail(column, 'must be a number');
      return undefined;
    };
    const candidate: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(TEXT)) if (cell(column) !== '') candidate[field] = cell(column);
    for (const [column, field] of Object.entries(NUMERIC)) {
      const n = number(column);
      if (n !== undefined) candidate[field] = n;
    }
    if (cell('segment') !== '') candidate.segment = cell('segment').toLowerCase();
    if (cell('class') !== '') candidate.class = cell('class').toUpperCase();
    if (cell('visit_frequency') !== '') candidate.visitFrequency = cell('visit_frequency').toLowerCase();
    const location: Record<string, unknown> = {};
    const lng = number('lng');
    const lat = number('lat');
    if (lng !== undefined) location.lng = lng;
    if (lat !== undefined) location.lat = lat;
    if (cell('crs') !== '') {
      const crs = readCrs(cell('crs'));
      if (crs) location.crs = crs;
      else fail('crs', 'crs must be one of "WGS84", "GCJ02", "BD09"');
    } else if (defaultCrs) location.crs = defaultCrs;
    candidate.location = location;
    if (cell('opening_hours') !== '') {
      const hours = parseOpeningHoursText(cell('opening_hours'));
      if (typeof hours === 'string') fail('opening_hours', hours);
      else if (hours) candidate.openingHours = hours;
    }
    if (cell('geofence') !== '') {
      try {
        candidate.geofence = JSON.parse(cell('geofence')) as unknown;
      } catch {
        fail('geofence', 'must be a GeoJSON Polygon geometry written as JSON');
      }
    }
    const duplicate = typeof candidate.id === 'string' && checkDuplicateId(candidate.id, row, seenIds, issues, ['id']);
    const retailer = validateRetailerRecord(candidate, row, issues, reported, (path) => {
      const column = columnOf(path);
      const raw = cell(column);
      return raw === '' ? { path: [column] } : { path: [column], raw };
    });
    if (retailer && !duplicate) retailers.push(retailer);
  });
  issues.throwIfAny();
  return { retailers };
}
