/** Formats a number with `digits` decimals and thin groups of thousands (`12 345.6`); null as `–`. Locale-independent. */
export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const [int = '', frac] = Math.abs(value).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const sign = value < 0 && Number(value.toFixed(digits)) !== 0 ? '−' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Formats a 0..1 rate as a percentage with one decimal (`81.2 %`); null as `–`. */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${formatNumber(value * 100, 1)}\u00a0%`;
}
