import { bssidToNumber, tryNormalizeBssid } from './bssid.js';
import { LoadedTableBase, type LoadedTableInfo } from './loaded-table.js';

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
export interface ApTable extends LoadedTableInfo {
  readonly kind: 'wifi';
  /** The access point of a BSSID (any spelling), or `undefined` (also for a string that is no BSSID). */
  lookup(bssid: string): AccessPoint | undefined;
}

/** The {@link ApTable} implementation over a {@link PointStore} (key: `hi` 0, `lo` the 48-bit MAC). */
export class ApTableImpl extends LoadedTableBase implements ApTable {
  readonly kind = 'wifi';

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
    const { lng, lat, rangeM, samples } = this.store.pointAt(row);
    return { bssid: canonical, lng, lat, rangeM, samples };
  }
}
