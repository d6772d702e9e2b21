import type { ManagerReport, Report } from '../report.js';
import { SCORECARD_KPIS, type ScorecardKpi } from '../scorecard.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';

// Every English text of this file, in one place (to move into the message catalogues as they are).
const TEXT = {
  definitionsHeading: 'What each KPI measures (1 = best)',
  definitions: {
    completion: 'planned stops visited that day ÷ planned stops',
    verification: 'verified visits ÷ counted visits',
    timeOnSite: 'verified time on site ÷ planned service time, at most 1',
    route: 'planned straight line ÷ travelled straight line, at most 1',
    inspection: 'mean inspection score (prices tagged, policy material, satisfaction)',
    integrity: '1 − contradictions ÷ inspections',
  } satisfies Record<ScorecardKpi, string>,
  pointsHeading: 'Where each score comes from: points per KPI',
  pointsNote:
    'points = 100 · weight · KPI ÷ the sum of the weights of the KPIs measured for that manager; they add up to the score. A KPI that could not be measured gives no points and takes no weight.',
  manager: 'Manager',
  score: 'Score',
  notMeasured: 'not measured',
  whatIfHeading: 'What if the weights were different',
  whatIfNote:
    'The same figures scored with other weights (the named weights replace the report’s; the others stay). A rank change shows how much the order rests on the choice of weights.',
  now: 'Now',
  rankShort: (rank: number | null) => (rank === null ? '–' : `#${rank}`),
} as const;

/** One-line definitions of the KPIs (tooltips on the scorecard's headers). */
export const KPI_DEFINITIONS: Readonly<Record<ScorecardKpi, string>> = TEXT.definitions;

/** Short definitions of the KPIs, beside the scorecard. */
export function renderKpiDefinitions(labels: Readonly<Record<ScorecardKpi, string>>, report: Report): string {
  const items = SCORECARD_KPIS.map(
    (k) =>
      `<li><b>${escapeHtml(labels[k])}</b> (w ${escapeHtml(num(report.weights[k], 2))}): ${escapeHtml(TEXT.definitions[k])}</li>`,
  ).join('');
  return `<div class="kpi-defs"><h3>${escapeHtml(TEXT.definitionsHeading)}</h3><ul>${items}</ul></div>`;
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
export function renderScorePoints(labels: Readonly<Record<ScorecardKpi, string>>, report: Report): string {
  const ranked = report.ranking.flatMap((id) => report.managers.filter((m) => m.managerId === id));
  const columns: Column<ManagerReport>[] = [
    { header: TEXT.manager, cell: (m) => m.name },
    { header: TEXT.score, cell: (m) => num(m.score, 1), numeric: true },
    ...SCORECARD_KPIS.map((k) => ({
      header: labels[k],
      cell: (m: ManagerReport) => {
        const p = scorePoints(m, report.weights).get(k) ?? null;
        return p === null ? TEXT.notMeasured : num(p, 1);
      },
      numeric: true,
      help: TEXT.definitions[k],
    })),
  ];
  return `<h3>${escapeHtml(TEXT.pointsHeading)}</h3><p class="note">${escapeHtml(TEXT.pointsNote)}</p>${renderTable('points-table', columns, ranked)}`;
}

/** The what-if table: each manager's score and rank now and under each alternative's weights. */
export function renderWhatIf(report: Report): string {
  if (report.whatIf.length === 0) return '';
  type Row = { m: ManagerReport; i: number };
  const rows: Row[] = report.ranking.flatMap((id) =>
    report.managers.flatMap((m, i) => (m.managerId === id ? [{ m, i }] : [])),
  );
  const columns: Column<Row>[] = [
    { header: TEXT.manager, cell: (r) => r.m.name },
    { header: TEXT.now, cell: (r) => `${num(r.m.score, 1)} (${TEXT.rankShort(r.m.rank)})`, numeric: true },
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
        return `${num(alt.score, 1)} (${TEXT.rankShort(alt.rank)}${moved})`;
      },
      numeric: true,
      help: Object.entries(w.weights)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    })),
  ];
  return `<h3>${escapeHtml(TEXT.whatIfHeading)}</h3><p class="note">${escapeHtml(TEXT.whatIfNote)}</p>${renderTable('whatif-table', columns, rows)}`;
}
