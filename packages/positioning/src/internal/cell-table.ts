import { getKnown } from '@beatplan/core';
import { MAX_MNC, RADIO_VALUES, type Radio } from '../schemas/cell-observation.js';
import { LoadedTableBase, type LoadedTableInfo } from './loaded-table.js';

/** Radio → the 1-based tag stored per row. */
export const RADIO_TAG: ReadonlyMap<string, number> = new Map(RADIO_VALUES.map((r, i) => [r, i + 1]));

const TWO_32 = 4294967296;

const TWO_52 = 4503599627370496;

/**
 * The high half of a cell key: mcc, mnc and area code packed exactly. With mnc ≤ 999 the key is
 * `(mcc·1000 + mnc)·2^32 + area` (< 2^52); a CDMA SID above 999 (up to 32767, where GSM puts the mnc)
 * packs as `2^52 + (mcc·32768 + sid)·2^16 + nid` (NID < 2^16, checked by the schemas), above every
 * key of the first kind and still below 2^53.
 */
export function cellKeyHi(mcc: number, mnc: number, area: number): number {
  if (mnc <= MAX_MNC) return (mcc * 1000 + mnc) * TWO_32 + area;
  return TWO_52 + (mcc * 32768 + mnc) * 65536 + area;
}

/** The identity of a cell: radio (optional: any), mcc, mnc, area code (LAC/TAC), cell id. */
export interface CellKey {
  radio?: Radio | undefined;
  mcc: number;
  mnc: number;
  area: number;
  cellId: number;
}

/** One tower row of a {@link CellTable}. Coordinates in the table's `crs`. */
export interface CellTower {
  radio: Radio;
  mcc: number;
  mnc: number;
  area: number;
  cellId: number;
  /** Longitude, degrees. */
  lng: number;
  /** Latitude, degrees. */
  lat: number;
  /** OpenCellID `range`: estimated cell range (coverage radius) in metres. */
  rangeM: number;
  /** Number of measurements behind the row (0 = unknown). */
  samples: number;
}

/** A loaded tower table, indexed by cell identity. Built by `createCellTableLoader`/`parseCellTable`/`loadCellTable`. */
export interface CellTable extends LoadedTableInfo {
  readonly kind: 'cell';
  /**
   * The tower of a cell, or `undefined`. Without `radio`, a row of any radio matches; when several do,
   * the one with the most samples.
   */
  lookup(cell: CellKey): CellTower | undefined;
}

/** The {@link CellTable} implementation over a {@link PointStore}. */
export class CellTableImpl extends LoadedTableBase implements CellTable {
  readonly kind = 'cell';

  /** The row of a cell, or -1 (see {@link CellTable.lookup}). */
  findRow(cell: CellKey): number {
    const want = cell.radio === undefined ? 0 : (RADIO_TAG.get(cell.radio) ?? -1);
    const s = this.store;
    let best = -1;
    let bestSamples = 0;
    s.find(cellKeyHi(cell.mcc, cell.mnc, cell.area), cell.cellId, (row) => {
      if (want !== 0 && s.tag[row] !== want) return;
      const samples = getKnown(s.samples, row, 'row');
      if (best < 0 || samples > bestSamples) [best, bestSamples] = [row, samples];
    });
    return best;
  }

  lookup(cell: CellKey): CellTower | undefined {
    const row = this.findRow(cell);
    if (row < 0) return undefined;
    const { lng, lat, rangeM, samples, tag } = this.store.pointAt(row);
    return {
      radio: getKnown(RADIO_VALUES, tag - 1, 'radio tag'),
      mcc: cell.mcc,
      mnc: cell.mnc,
      area: cell.area,
      cellId: cell.cellId,
      lng,
      lat,
      rangeM,
      samples,
    };
  }
}
