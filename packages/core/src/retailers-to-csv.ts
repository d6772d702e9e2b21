import Papa from 'papaparse';
import { guardCsvFormula } from './csv-formula-guard.js';
import { formatOpeningHoursText } from './internal/opening-hours-text.js';
import { ATTRIBUTE_COLUMN_PREFIX, RETAILER_CSV_COLUMNS } from './import-retailers-csv.js';
import type { Retailer } from './schemas/retailer.js';
import { createTranslator } from './create-translator.js';
import { CORE_MESSAGES, csvHeaderKey } from './internal/messages.js';
import type { Locale } from './schemas/locale.js';

/** Options of {@link retailersToCsv}. */
export interface RetailersToCsvOptions {
  /** Start with a UTF-8 byte-order mark, so that Excel reads Chinese text as UTF-8. Default false. */
  bom?: boolean;
  /**
   * The language of the header row: `'en'` (default: the column names) or `'zh-CN'` (`许可证号`, `经度`,
   * …); `importRetailersCsv` reads either. Cells are the same in every language.
   */
  locale?: Locale;
}

/** The company columns (licence number … grade): written only when some retailer has the field. */
const COMPANY_COLUMNS = ['licence_no', 'address', 'phone', 'store_type', 'grade'] as const;

/**
 * Exports retailers as CSV text: the columns `importRetailersCsv` reads, in `RETAILER_CSV_COLUMNS`
 * order — `id` … `geofence` always, `licence_no`, `address`, `phone`, `store_type`, `grade` when some
 * retailer has them — then one `attr:<key>` column per attribute key (in order of first appearance).
 * `\n` line ends, cells quoted when needed; absent optional fields are empty cells; `opening_hours`
 * in the compact text form; `geofence` as JSON. Numbers are written with full precision, so
 * `importRetailersCsv(retailersToCsv(rs)).retailers` equals `rs`. A text cell a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe ({@link guardCsvFormula});
 * `importRetailersCsv` removes it, so the round trip stays exact.
 *
 * @param retailers - parsed retailers (not validated again).
 * @param options - `bom`, `locale` of the header row (see {@link RetailersToCsvOptions}).
 * @returns the CSV text, ending with a newline.
 * @throws {BeatplanError} `INVALID_INPUT` for an unknown `locale`.
 * @example
 * // not run: `retailer` stands for a parsed retailer
 * retailersToCsv([retailer], { bom: true }).split('\n')[0]; // '\uFEFFid,name,lng,lat,crs,segment,class,service_minutes,...'
 */
export function retailersToCsv(retailers: readonly Retailer[], options: RetailersToCsvOptions = {}): string {
  const company = COMPANY_COLUMNS.filter((c) => retailers.some((r) => companyCell(r, c) !== ''));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of retailers)
    for (const a of r.attributes ?? [])
      if (!seen.has(a.key)) {
        seen.add(a.key);
        keys.push(a.key);
      }
  const t = createTranslator(CORE_MESSAGES, options.locale);
  const fields = [
    ...[...RETAILER_CSV_COLUMNS.slice(0, 15), ...company].map((c) => t.t(csvHeaderKey(c))),
    ...keys.map((k) => `${ATTRIBUTE_COLUMN_PREFIX}${k}`),
  ];
  const rows = retailers.map((r) => {
    const attributes = new Map((r.attributes ?? []).map((a) => [a.key, a.value]));
    return [
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
      ...company.map((c) => guardCsvFormula(companyCell(r, c))),
      ...keys.map((k) => guardCsvFormula(attributes.get(k) ?? '')),
    ];
  });
  const csv = `${Papa.unparse({ fields, data: rows }, { newline: '\n' })}\n`;
  return options.bom ? `\uFEFF${csv}` : csv;
}

function companyCell(r: Retailer, column: (typeof COMPANY_COLUMNS)[number]): string {
  switch (column) {
    case 'licence_no':
      return r.licenceNo ?? '';
    case 'address':
      return r.address ?? '';
    case 'phone':
      return r.phone ?? '';
    case 'store_type':
      return r.storeType ?? '';
    case 'grade':
      return r.grade === undefined ? '' : String(r.grade);
  }
}
