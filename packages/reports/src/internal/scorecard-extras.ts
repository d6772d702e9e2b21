import type { ManagerReport, Report } from '../report.js';
import { SCORECARD_KPIS, type ScorecardKpi } from '../scorecard.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import { leftOutOf } from './asked-items.js';
import type { ReportTranslator } from './messages.js';

const rankShort = (rank: number | null) => (rank === null ? '–' : `#${rank}`);

/** Short definitions of the KPIs, beside the scorecard (under the checklist in force: see `leftOutOf`). */
export function renderKpiDefinitions(
  tr: ReportTranslator,
  labels: Readonly<Record<ScorecardKpi, string>>,
  report: Report,
): string {
  const leftOut = leftOutOf(report.totals.notAsked);
  const items = SCORECARD_KPIS.map(
    (k) =>
      `<li><b>${escapeHtml(labels[k])}</b> (w ${escapeHtml(num(report.weights[k], 2))}): ${escapeHtml(tr.t('kpiDefinition', { kpi: k, leftOut }))}</li>`,
  ).join('');
  return `<div class="kpi-defs"><h3>${escapeHtml(tr.t('kpiDefinitionsHeading'))}</h3><ul>${items}</ul></div>`;
}

/** Points each KPI gives a manager's score: 100 · wₖ·nₖ / Σ_A wₖ (null when not measured or not weighted). */
export function scorePoints(m: ManagerReport, weights: Readonly<Record<ScorecardKpi, number>>) {
  const used = SCORECARD_KPIS.reduce((a, k) => a + (weights[k] > 0 && m.kpis[k] !== null ? weights[k] : 0), 0);
  return new Map(
    SCORECARD_KPIS.map((k) => {
      const n = m.kpis[k];
      return [k, used === 0 || n === null || weights[k] === 0 ? null : (100 * weights[k] * n) / used] as const;
    }),
  );
}

/** The points table: the effect of each weight on each manager's score. */
export function renderScorePoints(
  tr: ReportTranslator,
  labels: Readonly<Record<ScorecardKpi, string>>,
  report: Report,
): string {
  const ranked = report.ranking.flatMap((id) => report.managers.filter((m) => m.managerId === id));
  const leftOut = leftOutOf(report.totals.notAsked);
  const columns: Column<ManagerReport>[] = [
    { header: tr.t('manager'), cell: (m) => m.name },
    { header: tr.t('score'), cell: (m) => num(m.score, 1), numeric: true },
    ...SCORECARD_KPIS.map((k) => ({
      header: labels[k],
      cell: (m: ManagerReport) => {
        const p = scorePoints(m, report.weights).get(k) ?? null;
        return p === null ? tr.t('notMeasured') : num(p, 1);
      },
      numeric: true,
      help: tr.t('kpiDefinition', { kpi: k, leftOut }),
    })),
  ];
  return `<h3>${escapeHtml(tr.t('pointsHeading'))}</h3><p class="note">${escapeHtml(tr.t('pointsNote'))}</p>${renderTable('points-table', columns, ranked, { locale: tr.locale })}`;
}

/** The what-if table: each manager's score and rank now and under each alternative's weights. */
export function renderWhatIf(tr: ReportTranslator, report: Report): string {
  if (report.whatIf.length === 0) return '';
  type Row = { m: ManagerReport; i: number };
  const rows: Row[] = report.ranking.flatMap((id) =>
    report.managers.flatMap((m, i) => (m.managerId === id ? [{ m, i }] : [])),
  );
  const columns: Column<Row>[] = [
    { header: tr.t('manager'), cell: (r) => r.m.name },
    { header: tr.t('now'), cell: (r) => `${num(r.m.score, 1)} (${rankShort(r.m.rank)})`, numeric: true },
    ...report.whatIf.map((w) => ({
      header: w.label,
      cell: (r: Row) => {
        const alt = w.managers[r.i];
        if (!alt) return '–';
        const moved =
          alt.rank === null || r.m.rank === null || alt.rank === r.m.rank
            ? ''
            : alt.rank < r.m.rank
              ? ` ▲${r.m.rank - alt.rank}`
              : ` ▼${alt.rank - r.m.rank}`;
        return `${num(alt.score, 1)} (${rankShort(alt.rank)}${moved})`;
      },
      numeric: true,
      help: Object.entries(w.weights)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    })),
  ];
  return `<h3>${escapeHtml(tr.t('whatIfHeading'))}</h3><p class="note">${escapeHtml(tr.t('whatIfNote'))}</p>${renderTable('whatif-table', columns, rows, { locale: tr.locale })}`;
}
