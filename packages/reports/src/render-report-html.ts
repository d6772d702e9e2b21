import { renderAttentionSection } from './internal/attention-section.js';
import { escapeHtml } from './internal/escape-html.js';
import {
  renderBalanceSection,
  renderDefinitions,
  renderFindingsSection,
  renderGroupSection,
  renderManagerSection,
  renderMapSection,
  renderScorecardSection,
  renderSummary,
} from './internal/html-sections.js';
import { REPORT_CSS } from './internal/report-style.js';
import { renderRouteSection } from './internal/route-section.js';
import { renderTrendSection } from './internal/trend-section.js';
import { renderDecisionSection } from './internal/decision-section.js';
import type { Locale } from '@beatplan/core';
import { reportTranslator } from './internal/messages.js';
import { sectionTranslator } from './internal/section-messages.js';
import type { RenderMapOptions } from './render-map-svg.js';
import type { Report } from './report.js';

/** Options of {@link renderReportHtml}. */
export interface RenderReportOptions {
  /** A tile layer under the main map, given by the host (default none: the report loads nothing). */
  tiles?: RenderMapOptions['tiles'];
  /**
   * The language of the texts: `'en'` (default, core's `LocaleSchema`) or `'zh-CN'`: headings, table
   * headers, chart titles and labels, legends, notes, definitions and finding texts. Text from the data
   * (names, ids, the re-partition's label, a finding's `message`) is shown as given.
   */
  locale?: Locale;
}

/**
 * Renders the report as ONE self-contained HTML file: inline CSS, inline SVG (map and charts), no
 * script, no external resource of any kind (no font, image, tile or stylesheet by URL), so it opens
 * offline and can be mailed as it is. Sections: headline figures, "needs attention" first
(`<section id="attention">`: what to act on, most serious first, each item naming its visits, with
their evidence: times, fixes, distances, the rules that fired), the map (territories, retailers by
 * status and manager, planned routes), the scorecard (chart, KPI chart, table), the trends
 * (`<section id="trends">`: sparklines, signed changes, rank history; or a note when there is one period
 * only), per-manager figures, the route figures (`<section id="routes">`, only with `routes`),
 * inspection findings (every contradiction), workload balance (chart, spreads, re-partition before/after), segments and regions (charts,
 * tables), the decision analysis (`<section id="decision">`: effort against orders, coverage gaps, the
 * hex siting map), definitions. Every text from the data is escaped (a retailer named `<script>` is shown as
 * text). A pure function: the same report gives the same bytes (no clock is read).
 *
 * @param report - a report from `buildReport`.
 * @param options - `tiles`: an optional tile layer under the main map (see `RenderMapOptions.tiles`);
 *   with it the document loads those tiles when opened, without it nothing.
 * @returns the HTML document as a string (UTF-8 when written).
 * @throws {BeatplanError} `INVALID_INPUT` when `tiles.url` is not an https template with `{z}`, `{x}`, `{y}`.
 * @example
 * // not run: `data` stands for a report input
 * const html = renderReportHtml(buildReport(data)); // the host writes it to report.html
 */
export function renderReportHtml(report: Report, options: RenderReportOptions = {}): string {
  const tr = reportTranslator(options.locale);
  const st = sectionTranslator(options.locale);
  const period = report.period ? st.t('period', report.period) : st.t('noDatedRecords');
  const offset = `${report.utcOffsetMinutes >= 0 ? '+' : '−'}${Math.abs(report.utcOffsetMinutes / 60)}`;
  return `<!DOCTYPE html>
<html lang="${tr.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@beatplan/reports">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(report.title)}</h1><p class="subtitle">${escapeHtml(st.t('subtitle', { period, offset }))}</p>
${renderSummary(report, tr)}</header>
<main>
${renderAttentionSection(report, tr)}
${renderMapSection(report, tr, options.tiles)}
${renderScorecardSection(report, tr)}
${renderTrendSection(report, tr)}
${renderManagerSection(report, tr)}
${renderRouteSection(report, tr)}
${renderFindingsSection(report, tr)}
${renderBalanceSection(report, tr)}
${renderGroupSection(report, tr)}
${renderDecisionSection(report, tr)}
${renderDefinitions(report, tr)}
</main>
</body>
</html>
`;
}
