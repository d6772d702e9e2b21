import Papa from 'papaparse';
import { BeatplanError } from './beatplan-error.js';
import { unguardCsvFormula } from './csv-formula-guard.js';
import { decodeTextBytes, type TextEncodingName } from './internal/decode-text-bytes.js';
import {
  readColumnMapping,
  readCrs,
  readDefaultCrs,
  readGradeScale,
  readUnknownColumns,
  readMaxIssues,
} from './internal/import-options.js';
import { IssueList } from './issue-list.js';
import { createTranslator } from './create-translator.js';
import { CORE_MESSAGES, csvHeaderKey } from './internal/messages.js';
import { LOCALES } from './schemas/locale.js';
import { isHoursError, parseOpeningHoursText } from './internal/opening-hours-text.js';
import { checkDuplicateId, validateRetailerRecord } from './internal/retailer-record.js';
import type { Crs } from './schemas/crs.js';
import type { Retailer } from './schemas/retailer.js';
import { issueReason, type ReasonedMessage } from './issue-reason.js';

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
  'licence_no',
  'address',
  'phone',
  'store_type',
  'grade',
] as const;

/** A column of {@link RETAILER_CSV_COLUMNS}. */
export type RetailerCsvColumn = (typeof RETAILER_CSV_COLUMNS)[number];

/** Header prefix of an attribute column: `attr:渠道` → `attributes: [{ key: '渠道', value }]`. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attr:';

/** Every locale's header of each column (lower-cased) → the column: a file written in any language reads back. */
let headerColumns: Map<string, RetailerCsvColumn> | undefined;
function columnOfHeader(lower: string): RetailerCsvColumn | undefined {
  if (!headerColumns) {
    headerColumns = new Map();
    for (const locale of LOCALES) {
      const t = createTranslator(CORE_MESSAGES, locale);
      for (const c of RETAILER_CSV_COLUMNS) headerColumns.set(t.t(csvHeaderKey(c)).toLowerCase(), c);
    }
  }
  return headerColumns.get(lower);
}

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
  grade: 'grade',
};
const TEXT: Record<string, string> = {
  id: 'id',
  name: 'name',
  manager_id: 'managerId',
  region: 'region',
  licence_no: 'licenceNo',
  address: 'address',
  phone: 'phone',
  store_type: 'storeType',
};
const FIELD_TO_COLUMN: Record<string, string> = {
  serviceMinutes: 'service_minutes',
  openingHours: 'opening_hours',
  visitFrequency: 'visit_frequency',
  orderCount: 'order_count',
  orderVolume: 'order_volume',
  managerId: 'manager_id',
  licenceNo: 'licence_no',
  storeType: 'store_type',
};
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Options of {@link importRetailersCsv}. */
export interface ImportRetailersCsvOptions {
  /** Field delimiter; default: detected by papaparse (`,` `;` tab `|`). */
  delimiter?: string;
  /** crs for rows whose `crs` cell is empty (or with no `crs` column). Default: none (= WGS84). */
  defaultCrs?: Crs;
  /**
   * A column not in the spec (nor `attr:<key>`, nor mapped): `'fail'` (default: an issue naming it),
   * `'ignore'`, or `'attributes'` (kept as an attribute, key = the header as written).
   */
  unknownColumns?: 'fail' | 'ignore' | 'attributes';
  /** @deprecated use `unknownColumns: 'ignore'` (still accepted; contradicting `unknownColumns` is an error). */
  ignoreUnknownColumns?: boolean;
  /** @deprecated use `unknownColumns: 'attributes'` (still accepted; contradicting `unknownColumns` is an error). */
  unknownColumnsAsAttributes?: boolean;
  /**
   * The file's own header names: field (`licenceNo`, `name`, …, or the column name `licence_no`) →
   * header, e.g. `{ licenceNo: '许可证号', name: '客户名称', lng: '经度', lat: '纬度' }`. A mapped header
   * the file lacks, two fields on one header, or an unknown field is an error.
   */
  columns?: Readonly<Record<string, string>>;
  /** For bytes: `'auto'` (default: UTF-8 with or without BOM, else GB18030), `'utf-8'`, `'gb18030'`, `'gbk'`. */
  encoding?: TextEncodingName;
  /** The host's grade scale (e.g. `{ min: 1, max: 30 }`): a `grade` outside it is an error. */
  grades?: { min: number; max: number };
  /** Keep at most this many issues; the rest are counted in `omittedIssues`. Default 1000. */
  maxIssues?: number;
}

/** Field or column name → canonical column (`licenceNo` and `licence_no` → `licence_no`). */
const FIELD_NAMES = new Map<string, string>([
  ...RETAILER_CSV_COLUMNS.map((c) => [c, c] as const),
  ...Object.entries(FIELD_TO_COLUMN),
]);

function columnOf(path: (string | number)[]): string {
  const [head, sub] = path;
  if (head === 'location') return typeof sub === 'string' ? sub : 'lng';
  return FIELD_TO_COLUMN[String(head)] ?? String(head ?? '');
}

/**
 * Imports retailers from CSV text (or bytes) with a header row. Columns (header names
 * case-insensitive, order free; spec in the README): `id`, `name`, `lng`, `lat`, `segment`, `class`,
 * `service_minutes`, `visit_frequency`, `order_count`, `order_volume` (required); `crs`,
 * `opening_hours` (compact text, see `parseOpeningHours`), `manager_id`, `region`, `geofence` (a GeoJSON
 * Polygon as JSON), `licence_no`, `address`, `phone`, `store_type`, `grade` (optional); and any number
 * of `attr:<key>` columns, kept as `attributes`. A file with its own header names (e.g. Chinese ones)
 * is read with `columns: { licenceNo: '许可证号', name: '客户名称', … }`; `unknownColumns: 'attributes'`
 * keeps other columns as attributes. Bytes are decoded as UTF-8 (with or without BOM) or, when they
 * are not UTF-8, GB18030/GBK (what Excel on Chinese Windows saves) — or as `encoding` says; invalid
 * bytes fail naming the line. `grades` declares the host's grade scale.
 * Empty cells of optional columns mean "absent". `segment` and `visit_frequency` are read
 * case-insensitively, `class` upper-cased, `crs` accepts `GCJ-02`/`bd09`/`EPSG:4326`/`CGCS2000` spellings.
 * The apostrophe that defuses a spreadsheet formula (`'=x`, written by `retailersToCsv`, see
 * `guardCsvFormula`) is removed from every cell.
 *
 * All or nothing: every row is checked, and any problem makes the whole import fail with ONE error.
 * Rows are numbered 1-based from the first data row: the header is NOT counted, blank lines are
 * skipped and not counted (in a file without blank lines or multi-line cells, row N is on line N+1).
 *
 * @param input - the CSV text (a leading BOM is ignored), or its bytes (see `encoding`).
 * @param options - see {@link ImportRetailersCsvOptions}.
 * @returns `{ retailers }` in file order.
 * @throws {BeatplanError} `IMPORT_FAILED`: `issues` lists every bad row (`row`, `path: [column]`, raw
 *   cell `value`, reason) and header problems (`path: ['columns', name]`, no row), capped at
 *   `maxIssues` with `omittedIssues` counting the rest; duplicate ids are errors.
 *   `IMPORT_FAILED` also for bytes invalid in the encoding (naming the line), and for a `columns` mapping
 *   naming a header the file lacks. `INVALID_INPUT`/`UNSUPPORTED_CRS` for bad options (an unknown
 *   field or two fields on one header in `columns`, a bad `grades` or `encoding`).
 * @example
 * const { retailers } = importRetailersCsv(
 *   'id,name,lng,lat,crs,segment,class,service_minutes,opening_hours,visit_frequency,order_count,order_volume\n' +
 *   'R1,Happy Mart,116.41,39.92,GCJ02,retail,B,15,mon-sat 08:00-21:00,weekly,12,3400\n',
 * );
 * retailers[0]?.location; // { lng: 116.41, lat: 39.92, crs: 'GCJ02' }
 */
export function importRetailersCsv(
  input: string | Uint8Array,
  options: ImportRetailersCsvOptions = {},
): { retailers: Retailer[] } {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array) text = decodeTextBytes(input, options.encoding).text;
  else
    throw new BeatplanError('INVALID_INPUT', [{ path: ['text'], value: input, ...issueReason('core.csv_input_type') }]);
  const issues = new IssueList(readMaxIssues(options.maxIssues));
  const defaultCrs = readDefaultCrs(options.defaultCrs);
  const mapping = readColumnMapping(options.columns, FIELD_NAMES);
  const grades = readGradeScale(options.grades);
  const unknownColumns = readUnknownColumns(options);
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
      ...issueReason('core.csv_syntax', { detail: e.message.toLowerCase() }),
    });
  }
  const [headerCells, ...rows] = parsed.data;
  if (!headerCells) throw new BeatplanError('IMPORT_FAILED', [{ path: [], ...issueReason('core.csv_empty') }]);

  const header = headerCells.map((h) => h.trim());
  const index = new Map<string, number>();
  const attributeColumns: { key: string; at: number }[] = [];
  const attributeKeys = new Set<string>();
  const addAttributeColumn = (key: string, at: number, raw: string) => {
    if (key === '' || attributeKeys.has(key)) {
      issues.add({
        path: ['columns', raw],
        ...issueReason(key === '' ? 'core.import_attribute_no_key' : 'core.import_attribute_twice'),
      });
      return;
    }
    attributeKeys.add(key);
    attributeColumns.push({ key, at });
  };
  header.forEach((raw, i) => {
    const lower = raw.toLowerCase();
    if (lower.startsWith(ATTRIBUTE_COLUMN_PREFIX))
      return addAttributeColumn(raw.slice(ATTRIBUTE_COLUMN_PREFIX.length).trim(), i, raw);
    const name = mapping.get(lower) ?? columnOfHeader(lower) ?? lower;
    if (index.has(name)) issues.add({ path: ['columns', raw], ...issueReason('core.column_twice') });
    else if ((RETAILER_CSV_COLUMNS as readonly string[]).includes(name)) index.set(name, i);
    else if (unknownColumns === 'attributes') addAttributeColumn(raw, i, raw);
    else if (unknownColumns === 'fail') {
      issues.add({
        path: ['columns', raw],
        ...issueReason('core.unknown_column', { columns: RETAILER_CSV_COLUMNS }),
      });
    }
  });
  const lowerHeader = new Set(header.map((h) => h.toLowerCase()));
  for (const [mapped, column] of mapping) {
    if (!lowerHeader.has(mapped)) {
      issues.add({
        path: ['columns', mapped],
        ...issueReason('core.mapped_column_missing', { header: mapped, field: column }),
      });
    }
  }
  for (const name of REQUIRED)
    if (!index.has(name)) issues.add({ path: ['columns', name], ...issueReason('core.required_column') });
  issues.throwIfAny();

  const retailers: Retailer[] = [];
  const seenIds = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (cells.length !== header.length) {
      issues.add({ row, path: [], ...issueReason('core.row_fields', { cells: cells.length, header: header.length }) });
      return;
    }
    const cell = (name: string): string => {
      const at = index.get(name);
      return at === undefined ? '' : unguardCsvFormula((cells[at] ?? '').trim());
    };
    const reported = new Set<string>();
    const fail = (column: string, reasoned: ReasonedMessage): void => {
      reported.add(column);
      issues.add({ row, path: [column], ...reasoned, value: cell(column) });
    };
    const number = (column: string): number | undefined => {
      const raw = cell(column);
      if (raw === '') return undefined;
      if (NUMBER.test(raw)) return Number(raw);
      fail(column, issueReason('core.import_number'));
      return undefined;
    };
    const candidate: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(TEXT)) if (cell(column) !== '') candidate[field] = cell(column);
    for (const [column, field] of Object.entries(NUMERIC)) {
      const n = number(column);
      if (n !== undefined) candidate[field] = n;
    }
    const grade = candidate.grade;
    if (grades && typeof grade === 'number' && (grade < grades.min || grade > grades.max)) {
      fail('grade', issueReason('core.import_grade_scale', { min: grades.min, max: grades.max }));
    }
    const attributes = attributeColumns
      .map(({ key, at }) => ({ key, value: unguardCsvFormula((cells[at] ?? '').trim()) }))
      .filter((a) => a.value !== '');
    if (attributes.length > 0) candidate.attributes = attributes;
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
      else fail('crs', issueReason('core.import_crs'));
    } else if (defaultCrs) location.crs = defaultCrs;
    candidate.location = location;
    if (cell('opening_hours') !== '') {
      const hours = parseOpeningHoursText(cell('opening_hours'));
      if (isHoursError(hours)) fail('opening_hours', hours);
      else if (hours) candidate.openingHours = hours;
    }
    if (cell('geofence') !== '') {
      try {
        candidate.geofence = JSON.parse(cell('geofence')) as unknown;
      } catch {
        fail('geofence', issueReason('core.import_geofence_json'));
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
