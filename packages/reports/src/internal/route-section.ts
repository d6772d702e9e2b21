import type { KpiFigures, Report } from '../report.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import type { ReportTranslator } from './messages.js';

type Row = { name: string; figures: KpiFigures };

/**
 * The route figures measured on the input's `routes` (`measureReportRoutes`: a road graph, a service, the
 * host's own source): per manager and in total, planned and travelled route km and hours, the ratio and
 * the days left out because a leg had no route. Empty when the report has no `routes`.
 */
export function renderRouteSection(report: Report, tr: ReportTranslator): string {
  const source = report.routeCostSource;
  if (source === null) return '';
  const km = (m: number | null) => num(m === null ? null : m / 1000, 1);
  const hours = (s: number | null) => num(s === null ? null : s / 3600, 1);
  const columns: Column<Row>[] = [
    { header: tr.t('manager'), cell: (r) => r.name },
    { header: tr.t('routePlannedKm'), cell: (r) => km(r.figures.plannedRouteDistanceM), numeric: true },
    { header: tr.t('routePlannedH'), cell: (r) => hours(r.figures.plannedRouteDurationS), numeric: true },
    { header: tr.t('routeTravelledKm'), cell: (r) => km(r.figures.travelledRouteDistanceM), numeric: true },
    { header: tr.t('routeTravelledH'), cell: (r) => hours(r.figures.travelledRouteDurationS), numeric: true },
    {
      header: tr.t('routeRatio'),
      cell: (r) => num(r.figures.distanceRatio, 2),
      numeric: true,
      help: tr.t('routeRatioHelp'),
    },
    {
      header: tr.t('routeUnrouted'),
      cell: (r) => num(r.figures.unroutedDays),
      numeric: true,
      help: tr.t('routeUnroutedHelp'),
    },
  ];
  const rows: Row[] = [
    ...report.managers.map((m) => ({ name: m.name, figures: m })),
    { name: tr.t('allManagers'), figures: report.totals },
  ];
  return `<section id="routes"><h2>${escapeHtml(tr.t('routesHeading'))}</h2>
<p class="note">${escapeHtml(tr.t('routesNote', { kind: source.kind, source: source.source }))}</p>
${renderTable('route-table', columns, rows, { locale: tr.locale })}</section>`;
}
