import { issueReason, MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, type ReasonedMessage } from '@beatplan/core';
import type { FixColumns, VisitColumns } from '../verify-columns.js';
import { forEachDuplicate } from './id-table.js';
import type { IssueCollector } from './issue-collector.js';

type Path = (string | number)[];
type TypedArrayClass = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;
/** The reason of a bad value in a fix column (its text names the visit). */
type ColumnRule =
  | 'geofence.present_end'
  | 'geofence.present_start'
  | 'geofence.lng_column'
  | 'geofence.lat_column'
  | 'geofence.accuracy_column'
  | 'geofence.time_column'
  | 'geofence.source_column'
  | 'geofence.crs_column'
  | 'geofence.mock_column'
  | 'geofence.confidence_column';

/** Checks that `value` is an instance of `type` with `n` elements; records why not. */
function isColumn(
  value: unknown,
  type: TypedArrayClass,
  n: number,
  path: Path,
  issues: IssueCollector,
  required = true,
): boolean {
  if (value === undefined && !required) return false;
  if (!(value instanceof type)) {
    const got =
      value === undefined ? undefined : value === null ? 'null' : ((value as object).constructor?.name ?? typeof value);
    issues.add([{ path, ...issueReason('geofence.column_type', { type: type.name, got: got ?? '' }) }]);
    return false;
  }
  if (value.length !== n) {
    issues.add([{ path, ...issueReason('geofence.column_length', { n, length: value.length }) }]);
    return false;
  }
  return true;
}

/** The whitespace test of `IdSchema` (`s.trim() === s`), calling `trim` only when an end could be white space. */
function trimmed(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return (a > 32 && a < 128 && b > 32 && b < 128) || s.trim() === s;
}

/**
 * Checks a list of ids as `IdSchema` does (string, 1–128 characters, no surrounding white space) and
 * that they are unique (scratch memory: call within a batch). Returns false when any is wrong.
 */
export function checkIdList(
  value: unknown,
  path: Path,
  what: string,
  issues: IssueCollector,
): value is readonly string[] {
  if (!Array.isArray(value)) {
    issues.add([
      value === undefined
        ? { path, ...issueReason('geofence.are_required', { what }) }
        : { path, value, ...issueReason('geofence.ids_string_array', { what }) },
    ]);
    return false;
  }
  const ids = value as unknown[];
  let ok = true;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'string' || id.length === 0 || id.length > 128 || !trimmed(id)) {
      const message =
        typeof id !== 'string'
          ? 'id must be a string'
          : id.length === 0
            ? 'id must not be empty'
            : id.length > 128
              ? 'id must have at most 128 characters'
              : 'id must not start or end with white space';
      issues.add([{ path: [...path, i], message, value: id }]);
      ok = false;
    }
  }
  forEachDuplicate(ids, (i, first) => {
    issues.add([
      {
        path: [...path, i],
        value: ids[i],
        ...issueReason('geofence.duplicate_id_at', { at: `${path.join('.')}[${first}]` }),
      },
    ]);
    ok = false;
  });
  return ok;
}

/**
 * Records each element of `column` that `valid` rejects, with the visit's id. Called only for a
 * column whose fast scan (`allWithin`, `allBelow`, …) found a bad element, so it may be slow.
 */
function reportValues(
  column: Iterable<number>,
  valid: (x: number) => boolean,
  ids: readonly string[],
  path: Path,
  why: (visit: string) => ReasonedMessage,
  issues: IssueCollector,
  present?: Uint8Array,
): void {
  let i = 0;
  for (const x of column) {
    if (!valid(x) && (present === undefined || present[i] !== 0))
      issues.add([{ path: [...path, i], value: x, ...why(JSON.stringify(ids[i])) }]);
    i++;
  }
}

// The fast scans: one monomorphic loop per rule (a shared loop calling a predicate would make every
// element an indirect call). Each returns whether every element passes; NaN never does.
function allWithin(c: Float64Array, lo: number, hi: number): boolean {
  for (const x of c) if (!(x >= lo && x <= hi)) return false;
  return true;
}
function allBelow(c: Float64Array, lo: number, hi: number): boolean {
  for (const x of c) if (!(x >= lo && x < hi)) return false;
  return true;
}
function allAtMost(c: Uint8Array, max: number): boolean {
  for (const x of c) if (x > max) return false;
  return true;
}
function allIndices(c: Int32Array, count: number): boolean {
  for (const x of c) if (!(x >= 0 && x < count)) return false;
  return true;
}
function allConfidences(c: Float64Array): boolean {
  for (const x of c) if (!(Number.isNaN(x) || (x > 0 && x < 1))) return false;
  return true;
}

// The rules element by element, for the report once a scan failed.
const isLng = (x: number) => x >= -180 && x <= 180;
const isLat = (x: number) => x >= -90 && x <= 90;
const isAccuracy = (x: number) => x >= 0 && x < Infinity;
const isTime = (x: number) => x >= MIN_TIMESTAMP_MS && x < MAX_TIMESTAMP_MS;
const isSource = (x: number) => x <= 3;
const isCrs = (x: number) => x <= 2;
const isBit = (x: number) => x <= 1;
const isConfidence = (x: number) => Number.isNaN(x) || (x > 0 && x < 1);

/**
 * Checks the fix columns of one side (`start` or `end`). `present` (optional, 0/1 per visit) says
 * which visits have this fix: on the start side every visit must; on the end side the values of an
 * absent fix are not read.
 */
function checkFixColumns(value: unknown, n: number, ids: readonly string[], path: Path, issues: IssueCollector): void {
  if (typeof value !== 'object' || value === null) {
    issues.add([
      value === undefined
        ? { path, ...issueReason('geofence.fix_columns_required') }
        : { path, value, ...issueReason('geofence.fix_columns_object') },
    ]);
    return;
  }
  const fix = value as Partial<Record<keyof FixColumns, unknown>>;
  const known = new Set(['lng', 'lat', 'accuracyM', 'at', 'source', 'crs', 'mock', 'accuracyConfidence', 'present']);
  for (const key of Object.keys(fix))
    if (!known.has(key)) issues.add([{ path: [...path, key], ...issueReason('geofence.unknown_fix_column') }]);
  let present: Uint8Array | undefined;
  if (isColumn(fix.present, Uint8Array, n, [...path, 'present'], issues, false)) {
    const column = fix.present as Uint8Array;
    const isEnd = path[path.length - 1] === 'end';
    if (!(isEnd ? allAtMost(column, 1) : allAtMost(column, 1) && column.indexOf(0) < 0))
      reportValues(
        column,
        isEnd ? isBit : (x) => x === 1,
        ids,
        [...path, 'present'],
        (visit) => issueReason(isEnd ? 'geofence.present_end' : 'geofence.present_start', { visit }),
        issues,
      );
    else if (isEnd) present = column;
  }
  const check = (
    key: keyof FixColumns,
    type: TypedArrayClass,
    scan: (c: never) => boolean,
    valid: (x: number) => boolean,
    rule: ColumnRule,
    required = true,
  ) => {
    const column = fix[key];
    if (isColumn(column, type, n, [...path, key], issues, required) && !scan(column as never))
      reportValues(
        column as Iterable<number>,
        valid,
        ids,
        [...path, key],
        (visit) => issueReason(rule, { visit }),
        issues,
        present,
      );
  };
  check('lng', Float64Array, (c: Float64Array) => allWithin(c, -180, 180), isLng, 'geofence.lng_column');
  check('lat', Float64Array, (c: Float64Array) => allWithin(c, -90, 90), isLat, 'geofence.lat_column');
  check(
    'accuracyM',
    Float64Array,
    (c: Float64Array) => allBelow(c, 0, Infinity),
    isAccuracy,
    'geofence.accuracy_column',
  );
  check(
    'at',
    Float64Array,
    (c: Float64Array) => allBelow(c, MIN_TIMESTAMP_MS, MAX_TIMESTAMP_MS),
    isTime,
    'geofence.time_column',
  );
  check('source', Uint8Array, (c: Uint8Array) => allAtMost(c, 3), isSource, 'geofence.source_column');
  check('crs', Uint8Array, (c: Uint8Array) => allAtMost(c, 2), isCrs, 'geofence.crs_column', false);
  check('mock', Uint8Array, (c: Uint8Array) => allAtMost(c, 1), isBit, 'geofence.mock_column', false);
  check('accuracyConfidence', Float64Array, allConfidences, isConfidence, 'geofence.confidence_column', false);
}

/**
 * Checks visit columns completely: every column's type and length, every value's range, ids as
 * `IdSchema` wants them and unique, manager and retailer numbers in range. Records every problem;
 * true when there was none (call it on an empty collector).
 */
export function checkColumns(value: unknown, retailerCount: number, issues: IssueCollector): value is VisitColumns {
  const path: Path = ['columns'];
  if (typeof value !== 'object' || value === null) {
    issues.add([{ path, value, ...issueReason('geofence.columns_object') }]);
    return false;
  }
  const columns = value as Partial<Record<keyof VisitColumns, unknown>>;
  const known = new Set(['ids', 'managerIds', 'manager', 'retailer', 'start', 'end']);
  for (const key of Object.keys(columns))
    if (!known.has(key)) issues.add([{ path: [...path, key], ...issueReason('geofence.unknown_column') }]);
  checkIdList(columns.ids, [...path, 'ids'], 'visit ids', issues);
  const ids = Array.isArray(columns.ids) ? (columns.ids as readonly string[]) : [];
  const n = ids.length;
  const managersOk = checkIdList(columns.managerIds, [...path, 'managerIds'], 'manager ids', issues);
  const managerCount = managersOk ? (columns.managerIds as readonly string[]).length : Infinity;
  if (
    isColumn(columns.manager, Int32Array, n, [...path, 'manager'], issues) &&
    !allIndices(columns.manager as Int32Array, managerCount)
  ) {
    reportValues(
      columns.manager as Int32Array,
      (x) => x >= 0 && x < managerCount,
      ids,
      [...path, 'manager'],
      (visit) => issueReason('geofence.manager_index', { visit }),
      issues,
    );
  }
  if (
    isColumn(columns.retailer, Int32Array, n, [...path, 'retailer'], issues) &&
    !allIndices(columns.retailer as Int32Array, retailerCount)
  ) {
    reportValues(
      columns.retailer as Int32Array,
      (x) => x >= 0 && x < retailerCount,
      ids,
      [...path, 'retailer'],
      (visit) => issueReason('geofence.retailer_index', { visit, max: retailerCount - 1 }),
      issues,
    );
  }
  checkFixColumns(columns.start, n, ids, [...path, 'start'], issues);
  checkFixColumns(columns.end, n, ids, [...path, 'end'], issues);
  return issues.isEmpty;
}
