import { getKnown, issueReason, MAX_ISSUES, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { ApTableImpl, type ApTable } from './internal/ap-table.js';
import { bssidToNumber, tryNormalizeBssid } from './internal/bssid.js';
import { tableLoaderHandle, type TableLoaderHandle } from './internal/loaded-table.js';
import { PointStore } from './internal/point-store.js';
import { BaseTableOptionsShape, BboxSchema } from './internal/table-options.js';
import {
  isInBbox,
  readLngLat,
  readNumber,
  TableLoader,
  type ColumnSpec,
  type RowHandler,
} from './internal/table-loader.js';

/** Default range of an access point whose row has no `range`, metres. */
export const DEFAULT_AP_RANGE_M = 100;

const COLUMNS: readonly ColumnSpec[] = [
  { name: 'bssid', aliases: ['mac'], required: true },
  { name: 'lon', aliases: ['lng'], required: true },
  { name: 'lat', required: true },
  { name: 'range', required: false },
  { name: 'samples', required: false },
];

/** Options of {@link createApTableLoader}, validated with zod (`INVALID_INPUT` when wrong). */
export const ApTableOptionsSchema = z.strictObject({
  ...BaseTableOptionsShape,
  defaultRangeM: z
    .number({ error: 'defaultRangeM must be a number of metres > 0' })
    .positive({ error: 'defaultRangeM must be a number of metres > 0' })
    .optional(),
  filter: z.strictObject({ bbox: BboxSchema.optional() }).optional(),
});

/**
 * Options of the access-point table loaders: `delimiter` (default `,`), `onRowError` (`'skip'`
 * default, or `'fail'`), `maxIssues` (default core's `MAX_ISSUES`, 1000), `expectedRows`, `crs` (default `WGS84`),
 * `defaultRangeM` (range of a row whose `range` cell is empty or without a `range` column; default
 * {@link DEFAULT_AP_RANGE_M} = 100 m), `filter.bbox` `[minLng, minLat, maxLng, maxLat]`.
 */
export type ApTableOptions = z.input<typeof ApTableOptionsSchema>;

/** An incremental access-point table builder: feed chunks with `push`, then `finish` for the table. */
export type ApTableLoader = TableLoaderHandle<ApTable>;

/**
 * Builds a WiFi access-point lookup table from CSV fed in chunks, with bounded memory (typed arrays,
 * only the unfinished row buffered).
 *
 * Format: a header row is required; names are case-insensitive, order is free, other columns are
 * ignored. Columns: `bssid` (or `mac`; any spelling `normalizeBssid` reads), `lon` (or `lng`) and
 * `lat` in degrees — required; `range` (metres ≥ 0; empty → `defaultRangeM`) and `samples` (integer
 * ≥ 0; empty → 0 = unknown) — optional. Bad rows become issues `{ row, path: [column], value, message }`
 * (rows 1-based, header and blank lines not counted); a repeated BSSID keeps the row with more samples.
 *
 * @param options - see {@link ApTableOptions}.
 * @returns a loader; `finish()` returns the {@link ApTable}.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options, a bad chunk or use after `finish`/a failure;
 *   `IMPORT_FAILED` for a missing header or required column, an over-long record, or (with
 *   `onRowError: 'fail'`) the first bad row.
 * @example
 * const loader = createApTableLoader();
 * loader.push('bssid,lon,lat,range\nAA-BB-CC-DD-EE-FF,116.3975,39.90');
 * loader.push('87,40\n');
 * loader.finish().lookup('aa:bb:cc:dd:ee:ff')?.lat; // 39.9087
 */
export function createApTableLoader(options: ApTableOptions = {}): ApTableLoader {
  const o = parseOrThrow(ApTableOptionsSchema, options, ['options']);
  const store = new PointStore(o.expectedRows ?? 1024);
  const defaultRange = o.defaultRangeM ?? DEFAULT_AP_RANGE_M;
  const bbox = o.filter?.bbox;

  // the row handler, bound to the field position of each column of COLUMNS (bssid is required)
  const bind = (c: Int32Array): RowHandler => {
    const at = (k: number) => getKnown(c, k, 'column');
    const bssidAt = at(0);
    const lonAt = at(1);
    const latAt = at(2);
    const rangeAt = at(3);
    const samplesAt = at(4);
    return (f, ctx) => {
      const raw = getKnown(f, bssidAt, 'field');
      const bssid = tryNormalizeBssid(raw);
      if (bssid === undefined)
        ctx.issue(
          'bssid',
          raw.trim() === ''
            ? issueReason('positioning.row_required', { what: 'bssid' })
            : issueReason('positioning.row_bssid'),
          raw,
        );
      const [lng, lat] = readLngLat(ctx, f, lonAt, latAt, 'lon');
      const range = readNumber(ctx, f, rangeAt, 'range', 'range') ?? defaultRange;
      if (range < 0) ctx.issue('range', issueReason('positioning.row_range'), f[rangeAt]);
      const samples = readNumber(ctx, f, samplesAt, 'samples', 'samples') ?? 0;
      if (!Number.isNaN(samples) && (!Number.isInteger(samples) || samples < 0 || samples > 0xffffffff)) {
        ctx.issue('samples', issueReason('positioning.row_samples'), f[samplesAt]);
      }
      // a bad bssid is one of the problems
      if (ctx.problems > 0 || bssid === undefined) return 'invalid';
      if (!isInBbox(bbox, lng, lat)) return 'filtered';
      return store.add(0, bssidToNumber(bssid), 0, lng, lat, range, samples) ? 'loaded' : 'duplicate';
    };
  };

  const core = new TableLoader(
    {
      columns: COLUMNS,
      header: true,
      probe: 'bssid',
      delimiter: o.delimiter ?? ',',
      onRowError: o.onRowError ?? 'skip',
      maxIssues: o.maxIssues ?? MAX_ISSUES,
    },
    bind,
  );
  return tableLoaderHandle<ApTable>(
    core,
    store,
    (stats, issues, omitted) => new ApTableImpl(store, o.crs ?? 'WGS84', stats, issues, omitted),
  );
}

/**
 * Builds an access-point table from a whole CSV text at once (format and options: see
 * {@link createApTableLoader}).
 *
 * @param text - the CSV, with header.
 * @param options - see {@link ApTableOptions}.
 * @returns the table.
 * @throws {BeatplanError} as {@link createApTableLoader}.
 * @example
 * parseApTable('bssid,lon,lat\naabbccddeeff,116.3975,39.9087\n').lookup('AA:BB:CC:DD:EE:FF')?.rangeM; // 100 (the default)
 */
export function parseApTable(text: string, options: ApTableOptions = {}): ApTable {
  const loader = createApTableLoader(options);
  loader.push(text);
  return loader.finish();
}
