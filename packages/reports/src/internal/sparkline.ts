import { escapeHtml } from './escape-html.js';

/** Options of {@link renderSparkline}. */
export interface SparklineOptions {
  /** The value range drawn (default the values' own range). */
  min?: number;
  max?: number;
  /** Higher is better upside down (ranks: 1 at the top). */
  invert?: boolean;
  /** Tooltip. */
  title: string;
  width?: number;
  height?: number;
}

/**
 * A sparkline as inline SVG: one point per period, left to right, joined where neighbours are both
 * known (a null leaves a gap), the last point marked. No text inside but the escaped tooltip.
 */
export function renderSparkline(values: readonly (number | null)[], options: SparklineOptions): string {
  const width = options.width ?? 64;
  const height = options.height ?? 16;
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = options.min ?? Math.min(...known);
  const hi = options.max ?? Math.max(...known);
  const span = hi - lo || 1;
  const x = (i: number) => (values.length < 2 ? width / 2 : 2 + (i * (width - 4)) / (values.length - 1));
  const y = (v: number) => {
    const t = Math.max(0, Math.min(1, (v - lo) / span));
    return 2 + (options.invert ? t : 1 - t) * (height - 4);
  };
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${r1(x(i))},${r1(y(v))}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  const dot =
    last !== null && last !== undefined && Number.isFinite(last)
      ? `<circle cx="${r1(x(lastIndex))}" cy="${r1(y(last))}" r="2" fill="#222"/>`
      : '';
  const lines = runs.map((p) => `<polyline points="${p}" fill="none" stroke="#4e79a7" stroke-width="1.5"/>`).join('');
  return `<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${escapeHtml(options.title)}</title>${lines}${dot}</svg>`;
}
