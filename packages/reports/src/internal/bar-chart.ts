import { escapeHtml } from './escape-html.js';

/** A horizontal bar chart: one row per label, one bar per series in each row. */
export interface BarChartSpec {
  id: string;
  title: string;
  series: { name: string; colour: string }[];
  /** `colours`: per-row colours overriding the series colour (single-series charts coloured by manager). */
  rows: { label: string; values: (number | null)[]; colours?: string[] }[];
  format: (value: number) => string;
  /** Axis maximum; default the largest value (at least a tiny positive number). */
  max?: number;
  /** A dashed vertical reference line (e.g. the mean). */
  reference?: { value: number; label: string };
  width?: number;
}

const BAR_H = 11;

/** Shortens a label to about `units` narrow characters (CJK and other wide characters count 2), by code points. */
export function truncateLabel(label: string, units = 20): string {
  const chars = Array.from(label);
  // one code point: compared as text, the same as its code point against U+2E80 (a surrogate pair is above it)
  const width = (ch: string) => (ch >= '\u2e80' ? 2 : 1);
  if (chars.reduce((a, ch) => a + width(ch), 0) <= units) return label;
  let used = 0;
  let out = '';
  for (const ch of chars) {
    if (used + width(ch) > units - 1) break;
    used += width(ch);
    out += ch;
  }
  return `${out}…`;
}

/**
 * Renders a bar chart as inline SVG (no script, no external resource; every text escaped). A null
 * value is drawn as "n/a". Negative values are drawn as 0-width bars with their value printed.
 */
export function renderBarChart(spec: BarChartSpec): string {
  const width = spec.width ?? 440;
  const labelW = 128;
  const valueW = 64;
  const plotW = width - labelW - valueW - 8;
  const legendH = spec.series.length > 1 ? 8 + Math.ceil(spec.series.length / 3) * 16 : 0;
  const top = 30 + legendH;
  const rowH = spec.series.length * (BAR_H + 2) + 10;
  const height = top + spec.rows.length * rowH + 8;
  // A value too large to add up (Infinity, NaN) is drawn as "n/a", like a missing one.
  const rows = spec.rows.map((r) => ({
    ...r,
    values: r.values.map((v) => (v !== null && Number.isFinite(v) ? v : null)),
  }));
  const values = rows.flatMap((r) => r.values.filter((v): v is number => v !== null));
  const reference = spec.reference && Number.isFinite(spec.reference.value) ? spec.reference : undefined;
  const max =
    spec.max !== undefined && Number.isFinite(spec.max) && spec.max > 0
      ? spec.max
      : Math.max(1e-9, ...values, reference?.value ?? 0);
  const scale = (v: number) => Math.round(Math.max(0, Math.min(1, v / max)) * plotW * 10) / 10;
  const out: string[] = [];
  out.push(
    `<svg id="${escapeHtml(spec.id)}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${escapeHtml(spec.id)}-title">`,
  );
  out.push(`<title id="${escapeHtml(spec.id)}-title">${escapeHtml(spec.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`);
  out.push(
    `<text class="chart-title" x="4" y="18" font-size="13" font-weight="600" fill="#222">${escapeHtml(spec.title)}</text>`,
  );
  if (spec.series.length > 1) {
    spec.series.forEach((s, i) => {
      const x = 4 + (i % 3) * Math.floor((width - 8) / 3);
      const y = 30 + Math.floor(i / 3) * 16;
      out.push(
        `<g class="legend"><rect x="${x}" y="${y}" width="10" height="10" fill="${s.colour}"/><text x="${x + 14}" y="${y + 9}" font-size="11" fill="#333">${escapeHtml(s.name)}</text></g>`,
      );
    });
  }
  out.push(`<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${height - 6}" stroke="#999" stroke-width="1"/>`);
  rows.forEach((row, r) => {
    const y = top + r * rowH;
    const label = truncateLabel(row.label);
    out.push(
      `<g class="bar-row"><text x="${labelW - 6}" y="${y + rowH / 2}" font-size="11" fill="#222" text-anchor="end" dominant-baseline="middle">${escapeHtml(label)}<title>${escapeHtml(row.label)}</title></text>`,
    );
    row.values.forEach((v, i) => {
      const by = y + 4 + i * (BAR_H + 2);
      const colour = row.colours?.[i] ?? spec.series[i]?.colour ?? '#4e79a7';
      if (v === null) {
        out.push(`<text x="${labelW + 4}" y="${by + BAR_H - 2}" font-size="10" fill="#888">n/a</text>`);
        return;
      }
      const w = scale(v);
      out.push(
        `<rect class="bar" x="${labelW}" y="${by}" width="${w}" height="${BAR_H}" fill="${colour}"><title>${escapeHtml(`${row.label} — ${spec.series[i]?.name ?? ''}: ${spec.format(v)}`)}</title></rect>`,
      );
      out.push(
        `<text x="${labelW + w + 4}" y="${by + BAR_H - 2}" font-size="10" fill="#333">${escapeHtml(spec.format(v))}</text>`,
      );
    });
    out.push('</g>');
  });
  if (reference) {
    const x = labelW + scale(reference.value);
    out.push(
      `<g class="reference"><line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 6}" stroke="#222" stroke-width="1" stroke-dasharray="4 3"/><text x="${x + 3}" y="${top - 6}" font-size="10" fill="#222">${escapeHtml(reference.label)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
