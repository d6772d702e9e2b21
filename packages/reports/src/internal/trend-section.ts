import type { Report } from '../report.js';
import { SCORECARD_KPIS, type ScorecardKpi } from '../scorecard.js';
import type { ManagerTrend, TrendChange, TrendMetric, TrendPoint } from '../trend.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import type { ReportTranslator } from './messages.js';
import { renderSparkline } from './sparkline.js';

/** The fragment id of a manager's trend row (the target of a `figures_moved` item's link). */
export const trendAnchorOf = (managerId: string) => `trend-${encodeURIComponent(managerId)}`;

const figureOf = (p: TrendPoint, metric: TrendMetric) =>
  metric === 'score' ? p.score : metric === 'visits' ? p.visits : p.kpis[metric];

/** A figure as shown: score with one decimal, KPIs in %, visits whole. */
const shown = (metric: TrendMetric, v: number | null) =>
  v === null ? '–' : metric === 'score' ? num(v, 1) : metric === 'visits' ? num(v) : `${num(v * 100, 0)} %`;

/** A change with its sign: score points, KPI percentage points, visits. */
export function signedChange(metric: TrendMetric, change: number): string {
  const abs =
    metric === 'score'
      ? num(Math.abs(change), 1)
      : metric === 'visits'
        ? num(Math.abs(change))
        : num(Math.abs(change) * 100, 1);
  const unit = metric === 'score' || metric === 'visits' ? '' : ' pp';
  const zero = abs === num(0, metric === 'visits' ? 0 : 1);
  return `${zero ? '±' : change > 0 ? '+' : '−'}${abs}${unit}`;
}

function changeHtml(tr: ReportTranslator, c: TrendChange | undefined, min: number): string {
  if (c === undefined) return '';
  if (c.change === null)
    return `<span class="chg nm" title="${escapeHtml(tr.t('trendNoChange'))}">${escapeHtml(tr.t('trendNew'))}</span>`;
  const text = signedChange(c.metric, c.change);
  if (!c.meaningful) {
    const why = c.why === 'kpis' ? tr.t('trendOtherKpis') : tr.t('trendNotMeaningful', { n: c.basis ?? 0, min });
    return `<span class="chg nm" data-meaningful="false" title="${escapeHtml(why)}">(${escapeHtml(text)})</span>`;
  }
  const dir = c.change > 0 ? 'up' : c.change < 0 ? 'down' : '';
  return `<span class="chg ${dir}" data-meaningful="true">${escapeHtml(text)}</span>`;
}

/** The trend section: per manager every figure over the periods, its change, and the rank history. */
export function renderTrendSection(report: Report, tr: ReportTranslator): string {
  const kpiLabel = (k: ScorecardKpi) => {
    const name = tr.t('kpiName', { kpi: k });
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const trend = report.trend;
  const periods = trend.periods;
  const heading = `<section id="trends"><h2>${escapeHtml(tr.t('trendHeading'))}</h2>`;
  if (periods.length < 2)
    return `${heading}<p class="note" data-periods="${periods.length}">${escapeHtml(tr.t('trendOnePeriod'))}</p></section>`;
  const last = periods.length - 1;
  const metricColumn = (metric: TrendMetric, header: string): Column<ManagerTrend> => {
    const values = (m: ManagerTrend) => m.points.map((p) => figureOf(p, metric));
    const change = (m: ManagerTrend) => m.changes.find((c) => c.metric === metric);
    const min = metric === 'inspection' || metric === 'integrity' ? trend.minInspections : trend.minVisits;
    const range = metric === 'score' ? { min: 0, max: 100 } : metric === 'visits' ? {} : { min: 0, max: 1 };
    return {
      header,
      numeric: true,
      cell: (m) => {
        const p = m.points[last];
        return `~~~~~~~~~ ${shown(metric, p ? figureOf(p, metric) : null)} (+00.0 pp)`;
      },
      html: (m) =>
        `${renderSparkline(values(m), {
          ...range,
          title: `${header}: ${values(m)
            .map((v) => shown(metric, v))
            .join(' → ')}`,
        })}${escapeHtml(shown(metric, values(m)[last] ?? null))}${changeHtml(tr, change(m), min)}`,
    };
  };
  const columns: Column<ManagerTrend>[] = [
    { header: tr.t('manager'), cell: (m) => m.name },
    metricColumn('score', tr.t('score')),
    ...SCORECARD_KPIS.map((k) => metricColumn(k, kpiLabel(k))),
    metricColumn('visits', tr.t('visits')),
  ];
  const periodLabel = (i: number) => `${periods[i]?.from} – ${periods[i]?.to}`;
  const rankColumns: Column<ManagerTrend>[] = [
    { header: tr.t('manager'), cell: (m) => m.name },
    ...periods.map((_, i) => ({
      header: periodLabel(i),
      numeric: true,
      cell: (m: ManagerTrend) => {
        const p = m.points[i];
        return p === undefined || !p.present ? '–' : p.rank === null ? '–' : `${p.rank} (${num(p.score, 1)})`;
      },
    })),
    {
      header: tr.t('trendRankChange'),
      numeric: true,
      help: tr.t('trendRankChangeHelp'),
      cell: (m) =>
        m.rankChange === null
          ? '–'
          : m.rankChange === 0
            ? '±0'
            : `${m.rankChange > 0 ? '↑' : '↓'}${Math.abs(m.rankChange)}`,
    },
  ];
  const list = periods
    .map((p, i) => `<li>${escapeHtml(`${periodLabel(i)} (${tr.t('trendDays', { n: p.days })}): ${p.title}`)}</li>`)
    .join('');
  return `${heading}<p class="note">${escapeHtml(tr.t('trendIntro', { n: periods.length, minVisits: trend.minVisits, minInspections: trend.minInspections, checklist: trend.managers.some((m) => m.points.some((p) => p.notAsked !== undefined)) }))}</p>
<ol class="trend-periods">${list}</ol>
<h3>${escapeHtml(tr.t('trendChangesHeading'))}</h3>
${renderTable('trend-table', columns, trend.managers, { locale: tr.locale, rowId: (m) => trendAnchorOf(m.managerId) })}
<h3>${escapeHtml(tr.t('trendRanksHeading'))}</h3>
${renderTable('rank-history-table', rankColumns, trend.managers, { locale: tr.locale })}</section>`;
}
