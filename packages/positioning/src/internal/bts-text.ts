import type { CellObservation } from '../schemas/cell-observation.js';
import type { WifiObservation } from '../schemas/wifi-observation.js';

// The text encodings of cells and access points that AMap's and Baidu's hardware-positioning APIs share.

/** Signal as an integer dBm; unknown = the services' documented "no signal" of −113 dBm (GSM floor). */
const dbm = (v: number | undefined) => String(Math.round(v ?? -113));

/**
 * One cell as `mcc,mnc,lac,cellid,signal` (GSM/UMTS/LTE/NR), or for CDMA `sid,nid,bid,lon,lat,signal`
 * with the base station's lon/lat left empty (the phone does not report them).
 */
export function btsText(c: CellObservation): string {
  if (c.radio === 'CDMA') return `${c.mnc},${c.area},${c.cellId},,,${dbm(c.signalDbm)}`;
  return `${c.mcc},${c.mnc},${c.area},${c.cellId},${dbm(c.signalDbm)}`;
}

/** Access points as `mac,signal,ssid|…` (the SSID is not collected: left empty). */
export function macsText(aps: readonly WifiObservation[]): string {
  return aps.map((a) => `${a.bssid},${dbm(a.rssiDbm)},`).join('|');
}

/** Whether the serving (first) cell is CDMA. */
export function isCdma(cells: readonly CellObservation[]): boolean {
  return cells[0]?.radio === 'CDMA';
}
