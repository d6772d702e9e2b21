import { getKnown, issueReason, MAX_ISSUES, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { CellTableImpl, cellKeyHi, RADIO_TAG, type CellTable } from './internal/cell-table.js';
import { tableLoaderHandle, type TableLoaderHandle } from './internal/loaded-table.js';
import { PointStore } from './internal/point-store.js';
import { BaseTableOptionsShape, BboxSchema } from './internal/table-options.js';
import {
  isInBbox,
  readInteger,
  readLngLat,
  readNumber,
  TableLoader,
  type ColumnSpec,
  type RowHandler,
} from './internal/table-loader.js';
import { MAX_AREA_CODE, MAX_CDMA_ID, MAX_CDMA_SID, MAX_MNC, RadioSchema } from './schemas/cell-observation.js';

/** The OpenCellID CSV columns, in file order (files without a header row use this order). */
export const OPENCELLID_COLUMNS = [
  'radio',
  'mcc',
  'net',
  'area',
  'cell',
  'unit',
  'lon',
  'lat',
  'range',
  'samples',
  'changeable',
  'created',
  'updated',
  'averageSignal',
] as const;

const COLUMNS: readonly ColumnSpec[] = [
  { name: 'radio', required: true, position: 0 },
  { name: 'mcc', required: true, position: 1 },
  { name: 'net', aliases: ['mnc'], required: true, position: 2 },
  { name: 'area', aliases: ['lac', 'tac'], required: true, position: 3 },
  { name: 'cell', aliases: ['cellid', 'cid'], required: true, position: 4 },
  { name: 'lon', aliases: ['lng'], required: true, position: 6 },
  { name: 'lat', required: true, position: 7 },
  { name: 'range', required: true, position: 8 },
  { name: 'samples', required: false, position: 9 },
];

const code = z
  .number({ error: 'must be an integer in [0, 999]' })
  .int({ error: 'must be an integer in [0, 999]' })
  .min(0, { error: 'must be an integer in [0, 999]' })
  .max(999, { error: 'must be an integer in [0, 999]' });

const sidCode = z
  .number({ error: `must be an integer in [0, ${MAX_CDMA_SID}]` })
  .int({ error: `must be an integer in [0, ${MAX_CDMA_SID}]` })
  .min(0, { error: `must be an integer in [0, ${MAX_CDMA_SID}]` })
  .max(MAX_CDMA_SID, { error: `must be an integer in [0, ${MAX_CDMA_SID}]` });

/** Options of {@link createCellTableLoader}, validated with zod (`INVALID_INPUT` when wrong). */
export const CellTableOptionsSchema = z.strictObject({
  ...BaseTableOptionsShape,
  header: z.union([z.literal('auto'), z.boolean()], { error: 'header must be "auto", true or false' }).optional(),
  filter: z
    .strictObject({
      mcc: z.array(code).optional(),
      mnc: z.array(sidCode).optional(),
      radios: z.array(RadioSchema).optional(),
      bbox: BboxSchema.optional(),
    })
    .optional(),
});

/**
 * Options of the cell-tower table loaders.
 *
 * - `header`: `'auto'` (default) reads the first record as a header when one of its fields is `radio`
 *   (the full OpenCellID export has one, the per-country downloads do not); `true` requires one;
 *   `false` reads every record as data in {@link OPENCELLID_COLUMNS} order. With a header, names are
 *   case-insensitive, order is free, extra columns are ignored; `mnc` is accepted for `net`, `lac`/`tac`
 *   for `area`, `lng` for `lon`.
 * - `delimiter`: one character, default `,`.
 * - `filter`: keep only rows whose `mcc` is in `mcc`, whose `net` is in `mnc`, whose radio is in
 *   `radios`, and whose position is in `bbox` `[minLng, minLat, maxLng, maxLat]` (degrees, minLng >
 *   maxLng crosses the antimeridian). Each list is optional; rows left out are counted in
 *   `stats.filtered` and not checked further.
 * - `onRowError`: `'skip'` (default) skips a bad row and reports it in `table.issues`; `'fail'` throws
 *   at the first bad row.
 * - `maxIssues`: keep at most this many issues (default core's `MAX_ISSUES`, 1000); `omittedIssues` counts the rest.
 * - `expectedRows`: pre-sizes the storage (default 1024; it grows by doubling anyway).
 * - `crs`: the coordinate system of lon/lat (default `WGS84`, as OpenCellID).
 */
export type CellTableOptions = z.input<typeof CellTableOptionsSchema>;

/** An incremental tower-table builder: feed chunks with `push`, then `finish` for the table. */
export type CellTableLoader = TableLoaderHandle<CellTable>;

/**
 * Builds a cell-tower lookup table from OpenCellID CSV fed in chunks, with bounded memory: only
 * radio, mcc, net, area, cell, lon, lat, range and samples are kept, in typed arrays (about 60 bytes a
 * tower, index included), and only the unfinished row is buffered between chunks.
 *
 * Each row is checked: `radio` one of GSM/UMTS/LTE/NR/CDMA (any case); `mcc`, `net` integers in
 * [0, 999]; `area` an integer in [0, 2^32 − 1]; `cell` an integer in [0, 2^53 − 1]; `lon` within
 * [-180, 180]; `lat` within [-90, 90]; `range` ≥ 0 m; `samples` an integer ≥ 0 (empty = 0 = unknown).
 * A bad row becomes issues `{ row, path: [column], value (the raw text), message }`, rows numbered
 * 1-based from the first data row (header and blank lines not counted). A repeated cell (same radio,
 * mcc, net, area, cell) keeps the row with more samples (ties: the later row); `stats.duplicates` counts.
 *
 * @param options - see {@link CellTableOptions}. Default: header auto-detected, `,`, no filter, skip bad rows.
 * @returns a loader; `finish()` returns the {@link CellTable}.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (here), a chunk that is neither string nor
 *   Uint8Array, or use after `finish`/a failure (from `push`/`finish`); `IMPORT_FAILED` (from
 *   `push`/`finish`) for a missing required header column, a record over 64 Ki characters, or — with
 *   `onRowError: 'fail'` — the first bad row.
 * @example
 * const loader = createCellTableLoader({ filter: { mcc: [460] } });
 * loader.push('radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\r\nLTE,460,0,4369,2654');
 * loader.push('3821,,116.3975,39.9087,1000,12,1,1459813793,1561993743,0\r\n');
 * const table = loader.finish();
 * table.lookup({ mcc: 460, mnc: 0, area: 4369, cellId: 26543821 })?.rangeM; // 1000
 */
export function createCellTableLoader(options: CellTableOptions = {}): CellTableLoader {
  const o = parseOrThrow(CellTableOptionsSchema, options, ['options']);
  const store = new PointStore(o.expectedRows ?? 1024);
  const mccs = toMask(o.filter?.mcc);
  const mncs = toMask(o.filter?.mnc);
  const radios = o.filter?.radios ? new Set(o.filter.radios.map((r) => RADIO_TAG.get(r))) : undefined;
  const bbox = o.filter?.bbox;

  // the row handler, bound to the field position of each column of COLUMNS (radio is required)
  const bind = (c: Int32Array): RowHandler => {
    const at = (k: number) => getKnown(c, k, 'column');
    const radioAt = at(0);
    const mccAt = at(1);
    const netAt = at(2);
    const areaAt = at(3);
    const cellAt = at(4);
    const lonAt = at(5);
    const latAt = at(6);
    const rangeAt = at(7);
    const samplesAt = at(8);
    return (f, ctx) => {
      const rawRadio = getKnown(f, radioAt, 'field');
      const tag = RADIO_TAG.get(rawRadio.trim().toUpperCase()) ?? 0;
      if (tag === 0) ctx.issue('radio', issueReason('positioning.row_radio'), rawRadio);
      const mcc = readInteger(ctx, f, mccAt, 'mcc', 999);
      const isCdma = tag === RADIO_TAG.get('CDMA');
      const net = readInteger(ctx, f, netAt, 'net', isCdma ? MAX_CDMA_SID : MAX_MNC);
      if (
        (mccs && mcc >= 0 && !mccs[mcc]) ||
        (mncs && net >= 0 && !mncs[net]) ||
        (radios && tag > 0 && !radios.has(tag))
      )
        return 'filtered';
      const area = readInteger(ctx, f, areaAt, 'area', isCdma && net > MAX_MNC ? MAX_CDMA_ID : MAX_AREA_CODE);
      const cell = readInteger(ctx, f, cellAt, 'cell', Number.MAX_SAFE_INTEGER);
      const [lng, lat] = readLngLat(ctx, f, lonAt, latAt, 'lon');
      const range = readNumber(ctx, f, rangeAt, 'range', 'range');
      if (range === undefined) ctx.issue('range', issueReason('positioning.row_required', { what: 'range' }));
      else if (range < 0) ctx.issue('range', issueReason('positioning.row_range'), f[rangeAt]);
      const samples = readNumber(ctx, f, samplesAt, 'samples', 'samples') ?? 0;
      if (!Number.isNaN(samples) && (!Number.isInteger(samples) || samples < 0 || samples > 0xffffffff)) {
        ctx.issue('samples', issueReason('positioning.row_samples'), f[samplesAt]);
      }
      // a missing range is one of the problems
      if (ctx.problems > 0 || range === undefined) return 'invalid';
      if (!isInBbox(bbox, lng, lat)) return 'filtered';
      return store.add(cellKeyHi(mcc, net, area), cell, tag, lng, lat, range, samples) ? 'loaded' : 'duplicate';
    };
  };

  const core = new TableLoader(
    {
      columns: COLUMNS,
      header: o.header ?? 'auto',
      probe: 'radio',
      delimiter: o.delimiter ?? ',',
      onRowError: o.onRowError ?? 'skip',
      maxIssues: o.maxIssues ?? MAX_ISSUES,
    },
    bind,
  );
  return tableLoaderHandle<CellTable>(
    core,
    store,
    (stats, issues, omitted) => new CellTableImpl(store, o.crs ?? 'WGS84', stats, issues, omitted),
  );
}

function toMask(codes: readonly number[] | undefined): Uint8Array | undefined {
  if (!codes) return undefined;
  const mask = new Uint8Array(MAX_CDMA_SID + 1);
  for (const c of codes) mask[c] = 1;
  return mask;
}

/**
 * Builds a tower table from a whole CSV text at once (see {@link createCellTableLoader} for the
 * format, the checks and the options). For files too large to hold as one string, use
 * `loadCellTable` with a stream.
 *
 * @param text - OpenCellID CSV, with or without header.
 * @param options - see {@link CellTableOptions}.
 * @returns the table.
 * @throws {BeatplanError} as {@link createCellTableLoader}.
 * @example
 * const table = parseCellTable('GSM,460,0,4369,17,,116.3975,39.9087,1500,3,1,0,0,0\n');
 * table.size; // 1
 */
export function parseCellTable(text: string, options: CellTableOptions = {}): CellTable {
  const loader = createCellTableLoader(options);
  loader.push(text);
  return loader.finish();
}
