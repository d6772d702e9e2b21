import Papa from 'papaparse';
import { guardCsvFormula } from './csv-formula-guard.js';
import { formatOpeningHoursText } from './internal/opening-hours-text.js';
import { RETAILER_CSV_COLUMNS } from './import-retailers-csv.js';
import type { Retailer } from './schemas/retailer.js';

/**
 * Exports retailers as CSV text with the header `RETAILER_CSV_COLUMNS` (the columns
 * `importRetailersCsv` reads), `\n` line ends, cells quoted when needed; absent optional fields are
 * empty cells; `opening_hours` in the compact text form; `geofence` as JSON. Numbers are written
 * with full precision, so `importRetailersCsv(retailersToCsv(rs)).retailers` equals `rs`. A text cell a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe
 * ({@link guardCsvFormula}); `importRetailersCsv` removes it, so the round trip stays exact.
 *
 * @param retailers - parsed retailers (not validated again).
 * @returns the CSV text, ending with a newline.
 * @throws never.
 * @example
 * // not run: `retailer` stands for a parsed retailer
 * retailersToCsv([retailer]).split('\n')[0]; // 'id,name,lng,lat,crs,segment,class,service_minutes,...'
 */
export function retailersToCsv(retailers: readonly Retailer[]): string {
  const rows = retailers.map((r) => [
    guardCsvFormula(r.id),
    guardCsvFormula(r.name),
    String(r.location.lng),
    String(r.location.lat),
    r.location.crs ?? '',
    r.segment,
    r.class,
    String(r.serviceMinutes),
    r.openingHours ? formatOpeningHoursText(r.openingHours) : '',
    r.visitFrequency,
    String(r.orderCount),
    String(r.orderVolume),
    guardCsvFormula(r.managerId ?? ''),
    guardCsvFormula(r.region ?? ''),
    r.geofence ? JSON.stringify(r.geofence) : '',
  ]);
  return `${Papa.unparse({ fields: [...RETAILER_CSV_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
