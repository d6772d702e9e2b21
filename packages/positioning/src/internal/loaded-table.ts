import type { BeatplanIssue, Crs } from '@beatplan/core';
import type { PointStore } from './point-store.js';
import type { TableLoader, TableLoadStats } from './table-loader.js';

/** What every loaded lookup table (cell towers, WiFi access points) tells about itself. */
export interface LoadedTableInfo {
  /** Number of rows (towers, access points) stored. */
  readonly size: number;
  /** Coordinate system of the table's lon/lat. */
  readonly crs: Crs;
  /** Counters of the load. */
  readonly stats: Readonly<TableLoadStats>;
  /** The skipped rows' issues (`row`, `path: [column]`, raw `value`, reason), capped at `maxIssues`. */
  readonly issues: readonly BeatplanIssue[];
  /** How many further issues were counted but not kept. */
  readonly omittedIssues: number;
}

/** The shared part of the table implementations: a {@link PointStore} and the load's record. */
export abstract class LoadedTableBase implements LoadedTableInfo {
  constructor(
    readonly store: PointStore,
    readonly crs: Crs,
    readonly stats: Readonly<TableLoadStats>,
    readonly issues: readonly BeatplanIssue[],
    readonly omittedIssues: number,
  ) {}

  get size(): number {
    return this.store.size;
  }
}

/** The loader object of a table kind: chunks in, the table once at the end, counters meanwhile. */
export interface TableLoaderHandle<T> {
  /** Feeds the next chunk of CSV (text or UTF-8 bytes; chunks may split rows, fields and characters anywhere). */
  push(chunk: string | Uint8Array): void;
  /** Ends the input and returns the table (the same table on every later call). */
  finish(): T;
  /** The counters so far. */
  readonly stats: Readonly<TableLoadStats>;
}

/**
 * Wraps a {@link TableLoader} filling `store` as a loader of tables made by `make` (called once, at
 * the first `finish`, with the store trimmed and the load's counters and issues).
 */
export function tableLoaderHandle<T>(
  core: TableLoader,
  store: PointStore,
  make: (stats: Readonly<TableLoadStats>, issues: readonly BeatplanIssue[], omittedIssues: number) => T,
): TableLoaderHandle<T> {
  let table: T | undefined;
  return {
    push: (chunk) => core.push(chunk),
    finish: () => {
      if (table !== undefined) return table;
      core.finish();
      store.trim();
      table = make({ ...core.stats }, core.issues.issues.slice(), core.issues.omitted);
      return table;
    },
    get stats() {
      return { ...core.stats };
    },
  };
}
