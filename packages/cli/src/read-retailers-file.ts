import {
  importRetailersCsv,
  importRetailersGeoJson,
  isBeatplanError,
  issueReason,
  RetailerSchema,
  TEXT_ENCODINGS,
  tryParse,
  type BeatplanIssue,
  type ImportRetailersCsvOptions,
  type Retailer,
  type TextEncodingName,
} from '@beatplan/core';
import { CliFailure, type CommandIo } from './cli-io.js';
import { parseJsonFile, readInputBytes } from './read-input-file.js';

/** The retailer-import flags `plan` and `inspect draw|route` share (`node:util` parseArgs format). */
export const RETAILER_IMPORT_FLAGS = {
  columns: { type: 'string' },
  encoding: { type: 'string' },
  'unknown-columns': { type: 'string' },
} as const;

/** The usage text of {@link RETAILER_IMPORT_FLAGS}. */
export const RETAILER_IMPORT_USAGE =
  '[--columns field=header,…] [--encoding auto|utf-8|gb18030|gbk] [--unknown-columns fail|ignore|attributes]';

const UNKNOWN_COLUMNS = ['fail', 'ignore', 'attributes'] as const;

/**
 * The CSV import options of the retailer-import flags: `--columns licenceNo=许可证号,name=客户名称`
 * (field=header pairs, comma-separated; a header may contain `=` but not `,`), `--encoding`,
 * `--unknown-columns`. Unknown fields and two fields on one header are reported by the import.
 * @throws {CliFailure} exit 2 for a malformed flag.
 * @example
 * retailerImportOptions({ columns: 'id=许可证号,name=客户名称', encoding: 'gb18030' });
 * // { columns: { id: '许可证号', name: '客户名称' }, encoding: 'gb18030' }
 */
export function retailerImportOptions(values: {
  columns?: string | undefined;
  encoding?: string | undefined;
  'unknown-columns'?: string | undefined;
}): ImportRetailersCsvOptions {
  const options: ImportRetailersCsvOptions = {};
  if (values.columns !== undefined) {
    const text = values.columns;
    const pairs = text.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
    });
    if (text.trim() === '' || pairs.some(([field, header]) => field === '' || header === ''))
      throw new CliFailure((t) => t.t('columnsFlag', { text }), 2);
    options.columns = Object.fromEntries(pairs);
  }
  const encoding = values.encoding;
  if (encoding !== undefined) {
    if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding))
      throw new CliFailure((t) => t.t('oneOfFlag', { flag: 'encoding', values: TEXT_ENCODINGS, text: encoding }), 2);
    options.encoding = encoding as TextEncodingName;
  }
  const unknown = values['unknown-columns'];
  if (unknown !== undefined) {
    if (!(UNKNOWN_COLUMNS as readonly string[]).includes(unknown))
      throw new CliFailure(
        (t) => t.t('oneOfFlag', { flag: 'unknown-columns', values: UNKNOWN_COLUMNS, text: unknown }),
        2,
      );
    options.unknownColumns = unknown as (typeof UNKNOWN_COLUMNS)[number];
  }
  return options;
}

/** Retailers read from a file, or the issues found in it (`items` empty then). */
export interface ReadItems<T> {
  items: T[];
  issues: BeatplanIssue[];
}

/**
 * Reads retailers from CSV (bytes, decoded as `options.encoding` says, with `options.columns`),
 * GeoJSON, a JSON array or `{ "retailers": [...] }` (each validated), keeping every problem found.
 * The CSV import options only apply to CSV files.
 * @throws {CliFailure} for an unreadable file or invalid JSON (exit 1), or CSV options the import refuses
 *   (exit 2, each problem attributed to `options`).
 * @example
 * // not run: needs a file and the command's io
 * const { items, issues } = await readRetailersFile('retailers.csv', io, { encoding: 'gb18030' });
 */
export async function readRetailersFile(
  file: string,
  io: CommandIo,
  options: ImportRetailersCsvOptions = {},
): Promise<ReadItems<Retailer>> {
  const bytes = await readInputBytes(file, io);
  try {
    if (/\.csv$/i.test(file)) return { items: importRetailersCsv(bytes, options).retailers, issues: [] };
    const json = parseJsonFile(file, Buffer.from(bytes).toString('utf8'));
    if (
      /\.geojson$/i.test(file) ||
      (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection')
    ) {
      return { items: importRetailersGeoJson(json as never).retailers, issues: [] };
    }
    return parseEach(json, 'retailers', RetailerSchema);
  } catch (e) {
    if (!isBeatplanError(e)) throw e;
    if (e.code !== 'IMPORT_FAILED' && e.issues.every((i) => i.path[0] === 'options'))
      throw new CliFailure(
        (t) => t.t('badImportOptions'),
        2,
        e.issues.map((issue) => ({ file: 'options', issue })),
      );
    return { items: [], issues: e.issues };
  }
}

/**
 * Parses a JSON array (or `{ key: [...] }`) item by item with `schema`, keeping every item's issues
 * (paths `[key, i, …]`); an empty list is an issue.
 * @throws never.
 * @example
 * parseEach([{ id: 'M1', name: 'Wang' }], 'managers', CustomerManagerSchema).issues; // []
 */
export function parseEach<T>(json: unknown, key: string, schema: Parameters<typeof tryParse>[0]): ReadItems<T> {
  const list = Array.isArray(json) ? json : (json as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return { items: [], issues: [{ path: [], ...issueReason('cli.json_array', { key }) }] };
  const items: T[] = [];
  const issues: BeatplanIssue[] = [];
  list.forEach((item, i) => {
    const parsed = tryParse(schema, item, [key, i]);
    if (parsed.ok) items.push(parsed.data as T);
    else issues.push(...parsed.error.issues);
  });
  if (list.length === 0) issues.push({ path: [key], ...issueReason('cli.at_least_one', { key }) });
  return { items, issues };
}
