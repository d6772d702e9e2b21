import { createApTableLoader, type ApTableOptions } from './create-ap-table-loader.js';
import { createCellTableLoader, type CellTableOptions } from './create-cell-table-loader.js';
import type { ApTable } from './internal/ap-table.js';
import type { CellTable } from './internal/cell-table.js';
import { feedChunks, type TableSource } from './internal/feed-chunks.js';

/**
 * Loads an OpenCellID tower table from a stream of chunks — a Node readable stream
 * (`fs.createReadStream('460.csv')`, or piped through `zlib.createGunzip()`), a web `ReadableStream`,
 * any (async) iterable of strings/`Uint8Array`s, or a whole string — without holding the file in
 * memory (see `createCellTableLoader` for format, checks, memory and options).
 *
 * @param source - the CSV source, see {@link TableSource}.
 * @param options - `createCellTableLoader` options, plus `signal` (an AbortSignal checked between chunks).
 * @returns a promise of the table.
 * @throws {BeatplanError} (rejects) as `createCellTableLoader`; `ABORTED` when `signal` fires;
 *   `INVALID_INPUT` for a source of another kind. A stream's own error rejects unchanged.
 * @example
 * // not run: needs an OpenCellID export file (460.csv)
 * import { createReadStream } from 'node:fs';
 * const table = await loadCellTable(createReadStream('460.csv'), { filter: { mnc: [0, 1] } });
 * console.log(table.size, table.stats, table.issues.slice(0, 3));
 */
export async function loadCellTable(
  source: TableSource,
  options: CellTableOptions & { signal?: AbortSignal } = {},
): Promise<CellTable> {
  const { signal, ...rest } = options;
  const loader = createCellTableLoader(rest);
  await feedChunks(source, (chunk) => loader.push(chunk), signal);
  return loader.finish();
}

/**
 * Loads a WiFi access-point table from a stream of chunks (sources as {@link loadCellTable}; format,
 * checks and options as `createApTableLoader`).
 *
 * @param source - the CSV source, see {@link TableSource}.
 * @param options - `createApTableLoader` options, plus `signal` (checked between chunks).
 * @returns a promise of the table.
 * @throws {BeatplanError} (rejects) as `createApTableLoader`; `ABORTED` when `signal` fires;
 *   `INVALID_INPUT` for a source of another kind.
 * @example
 * const table = await loadApTable(['bssid,lon,lat,range\naa:bb:cc:dd:ee:ff,116.39', '75,39.9087,40\n']);
 * table.size; // 1
 */
export async function loadApTable(
  source: TableSource,
  options: ApTableOptions & { signal?: AbortSignal } = {},
): Promise<ApTable> {
  const { signal, ...rest } = options;
  const loader = createApTableLoader(rest);
  await feedChunks(source, (chunk) => loader.push(chunk), signal);
  return loader.finish();
}
