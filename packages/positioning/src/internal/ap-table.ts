import type { BeatplanIssue, Crs } from '@beatplan/core';
import { bssidToNumber, tryNormalizeBssid } from './bssid.js';
import type { PointStore } from './point-store.js';
import type { TableLoadStats } from './table-loader.js';

/** One access point of an {@link ApTable}. Coordinates in the table's `crs`. */
export interface AccessPoint {
  /** Canonical BSSID, `aa:bb:cc:dd:ee:ff`. */
  bssid: string;
  /** Longitude, degrees. */
  lng: number;
  /** Latitude, degrees. */
  lat: number;
  /** Estimated range (coverage radius) in metres. */
  rangeM: number;
  /** Number of measurements behind the row (0 = unknown). */
  samples: number;
}

/** A loaded WiFi access-point table, indexed by BSSID. Built by `createApTableLoader`/`parseApTable`/`loadApTable`. */
export interface ApTable {
  readonly kind: 'wifi';
  /** Number of access points stored. */
  readonly size: number;
  /** Coordinate system of the table's lon/lat. */
  readonly crs: Crs;
  /** Counters of the load. */
  readonly stats: Readonly<TableLoadStats>;
  /** The skipped rows' issues, capped at `maxIssues`. */
  readonly issues: readonly BeatplanIssue[];
  /** How many further issues were counted but not kept. */
  readonly omittedIssues: number;
  /** The access point of a BSSID (any spelling), or `undefined` (also for a string that is no BSSID). */
  lookup(bssid: string): AccessPoint | undefined;
}

/** The {@link ApTable} implementation over a {@link PointStore} (key: `hi` 0, `lo` the 48-bit MAC). */
export class ApTableImpl implements ApTable {
  readonly kind = 'wifi';
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

  /** The row of a canonical BSSID, or -1. */
  findRow(canonical: string): number {
    let found = -1;
    this.store.find(0, bssidToNumber(canonical), (row) => {
      if (found < 0) found = row;
    });
    return found;
  }

  lookup(bssid: string): AccessPoint | undefined {
    const canonical = tryNormalizeBssid(bssid);
    if (canonical === undefined) return undefined;
    const row = this.findRow(canonical);
    if (row < 0) return undefined;
    const s = this.store;
    return { bssid: canonical, lng: s.lng[row]!, lat: s.lat[row]!, rangeM: s.range[row]!, samples: s.samples[row]! };
  }
}
