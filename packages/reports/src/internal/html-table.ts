import { escapeHtml } from './escape-html.js';

/** A table column: header text, cell text of a row, and whether it is numeric (right-aligned). */
export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  numeric?: boolean;
  /** Tooltip on the header. */
  help?: string;
}

/** Renders an HTML table; headers and cells are escaped here (pass plain text). */
export function renderTable<T>(className: string, columns: readonly Column<T>[], rows: readonly T[]): string {
  const th = columns
    .map(
      (c) =>
        `<th${c.numeric ? ' class="num"' : ''}${c.help ? ` title="${escapeHtml(c.help)}"` : ''}>${escapeHtml(c.header)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.cell(r))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table class="${className}"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
