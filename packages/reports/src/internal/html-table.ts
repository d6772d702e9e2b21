import type { Locale } from '@beatplan/core';
import { escapeHtml } from './escape-html.js';
import { reportTranslator } from './messages.js';

/** A table column: header text, cell text of a row, and whether it is numeric (right-aligned). */
export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  numeric?: boolean;
  /** Tooltip on the header. */
  help?: string;
  /** Tooltip on each cell (e.g. the codes behind a plain-language text). */
  title?: (row: T) => string;
  /** The cells may wrap (long text); counted at most {@link WRAP_WIDTH_PX} wide. */
  wrap?: boolean;
  /**
   * The cell as trusted markup (inline SVG, spans) built from escaped parts, instead of the escaped
   * `cell` text; `cell` still gives the text its width is estimated from.
   */
  html?: (row: T) => string;
}

/** Options of {@link renderTable}. */
export interface TableOptions<T> {
  /** The `id` attribute of a row (a link target). */
  rowId?: (row: T) => string;
  /** Leading columns repeated in every part when the table is split (default 1: the row's name). */
  keyColumns?: number;
  /** The report's language: the caption of a part (`part 1 of 2`, `第 1 部分，共 2 部分`). */
  locale: Locale;
}

/**
 * The width a table part may take at the screen's type, CSS px. An A4 landscape page less 10 mm
 * margins is 277 mm = 1047 px; the print stylesheet's type (9.5 px against 12.5 px, narrower padding)
 * prints a part of 1200 px about 950 px wide, leaving room for estimate errors.
 */
export const PART_WIDTH_PX = 1200;
/** The widest a wrapping column is counted. */
export const WRAP_WIDTH_PX = 240;
const CHAR_PX = 7; // an average character at the screen's 12.5 px (print uses 9.5 px: a part of 1200 px prints about 950 px wide)
const PAD_PX = 18; // cell padding and border

/** Estimated width of a column, px: its longest header or cell text (wide characters count twice). */
function columnWidth<T>(c: Column<T>, rows: readonly T[]): number {
  const units = (s: string) => {
    let n = 0;
    for (const ch of s) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
    return n;
  };
  let longest = units(c.header);
  for (const r of rows) longest = Math.max(longest, units(c.cell(r)));
  const px = longest * CHAR_PX + PAD_PX;
  return c.wrap ? Math.min(px, WRAP_WIDTH_PX) : px;
}

/** Packs the columns after the keys greedily into parts no wider than `limit` (at least one column each). */
function pack<T>(keys: Column<T>[], rest: readonly { c: Column<T>; w: number }[], keyWidth: number, limit: number) {
  const parts: Column<T>[][] = [];
  let part: Column<T>[] = [];
  let width = keyWidth;
  for (const { c, w } of rest) {
    if (part.length > 0 && width + w > limit) {
      parts.push([...keys, ...part]);
      part = [];
      width = keyWidth;
    }
    part.push(c);
    width += w;
  }
  if (part.length > 0 || parts.length === 0) parts.push([...keys, ...part]);
  return parts;
}

/**
 * Splits the columns into parts that each fit {@link PART_WIDTH_PX}: every part starts with the key
 * columns and takes the next columns in order; as few parts as the greedy packing needs, balanced in
 * width (no part of one lonely column when two halves fit). One part when the whole table fits.
 */
export function splitColumns<T>(columns: readonly Column<T>[], rows: readonly T[], keyColumns = 1): Column<T>[][] {
  const keys = columns.slice(0, keyColumns);
  const rest = columns.slice(keyColumns).map((c) => ({ c, w: columnWidth(c, rows) }));
  const keyWidth = keys.reduce((a, c) => a + columnWidth(c, rows), 0);
  const greedy = pack(keys, rest, keyWidth, PART_WIDTH_PX);
  if (greedy.length === 1) return greedy;
  const share = rest.reduce((a, r) => a + r.w, 0) / greedy.length;
  const balanced = pack(keys, rest, keyWidth, Math.min(PART_WIDTH_PX, keyWidth + share * 1.15));
  return balanced.length === greedy.length ? balanced : greedy;
}

function renderPart<T>(
  className: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  options: TableOptions<T>,
  caption: string,
  first: boolean,
): string {
  const cls = (c: Column<T>) => [c.numeric ? 'num' : '', c.wrap ? 'wrap' : ''].filter(Boolean).join(' ');
  const classAttr = (c: Column<T>) => (cls(c) ? ` class="${cls(c)}"` : '');
  const th = columns
    .map((c) => `<th${classAttr(c)}${c.help ? ` title="${escapeHtml(c.help)}"` : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  const td = (c: Column<T>, r: T) => {
    const tip = c.title?.(r);
    return `<td${classAttr(c)}${tip ? ` title="${escapeHtml(tip)}"` : ''}>${c.html ? c.html(r) : escapeHtml(c.cell(r))}</td>`;
  };
  const body = rows
    .map((r) => {
      // a link target exists once: on the first part's row
      const id = first ? options.rowId?.(r) : undefined;
      return `<tr${id === undefined ? '' : ` id="${escapeHtml(id)}"`}>${columns.map((c) => td(c, r)).join('')}</tr>`;
    })
    .join('\n');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<div class="table-wrap"><table class="${className}">${cap}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/**
 * Renders an HTML table; headers and cells are escaped here (pass plain text). A table wider than an
 * A4 landscape page is split into parts (same class, `data-part="i/n"`), each repeating the key
 * columns, so that print cuts no column and a phone scrolls less.
 */
export function renderTable<T>(
  className: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  options: TableOptions<T>,
): string {
  const parts = splitColumns(columns, rows, options.keyColumns ?? 1);
  if (parts.length === 1) return renderPart(className, columns, rows, options, '', true);
  // the caption of a part (never a column's name, so a search for a header finds the header)
  const tr = reportTranslator(options.locale);
  return parts
    .map((part, i) =>
      renderPart(className, part, rows, options, tr.t('tablePart', { i: i + 1, n: parts.length }), i === 0).replace(
        `<table class="${className}">`,
        `<table class="${className}" data-part="${i + 1}/${parts.length}">`,
      ),
    )
    .join('');
}
