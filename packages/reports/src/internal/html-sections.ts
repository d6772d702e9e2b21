import { getKnown } from '@beatplan/core';
import type { GroupStats, ManagerReport, Report, RetailerStatus } from '../report.js';
import { type RenderMapOptions, renderMapSvg } from '../render-map-svg.js';
import { SCORECARD_KPIS, type ScorecardKpi } from '../scorecard.js';
import { leftOutOf } from './asked-items.js';
import { renderBarChart } from './bar-chart.js';
import { escapeHtml } from './escape-html.js';
import { dayLabel, type ReportTranslator } from './messages.js';
import { renderKpiDefinitions, renderScorePoints, renderWhatIf } from './scorecard-extras.js';
import { formatNumber as num, formatPercent as pct } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import { KPI_COLOURS, managerColour, STATUS_COLOURS } from './palette.js';
import { DEFINITION_IDS, type SectionTranslator, sectionTranslator } from './section-messages.js';

/** The KPIs' labels in the translator's language. */
function kpiLabels(st: SectionTranslator): Record<ScorecardKpi, string> {
  return Object.fromEntries(SCORECARD_KPIS.map((k) => [k, st.t('kpi', { kpi: k })])) as Record<ScorecardKpi, string>;
}

const tile = (value: string, label: string, warn = false) =>
  `<div class="tile${warn ? ' warn' : ''}"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;

/** Headline figures. */
export function renderSummary(report: Report, tr: ReportTranslator): string {
  const t = report.totals;
  const st = sectionTranslator(tr.locale);
  return `<div class="tiles">${[
    tile(num(report.counts.managers), st.t('tileManagers')),
    tile(num(report.counts.retailers), st.t('tileRetailers')),
    tile(pct(t.completionRate), st.t('tilePlanCompletion')),
    tile(`${num(t.visits)}`, st.t('tileVisitsReported')),
    tile(pct(t.verificationRate), st.t('tileVisitsVerified')),
    tile(num(t.flagged), tr.t('tileFlagged'), t.flagged > 0),
    tile(num(t.verifiedDwellS / 3600, 1), st.t('tileVerifiedHours')),
    tile(num(t.inspections), st.t('tileInspections')),
    tile(num(t.contradictions), st.t('tileContradictions')),
  ].join('')}</div>${renderNotAsked(report, st)}`;
}

/** The note on the seed items the checklist leaves out (nothing under the default checklist). */
function renderNotAsked(report: Report, st: SectionTranslator): string {
  const notAsked = report.totals.notAsked;
  if (notAsked === undefined) return '';
  const items = st.list(
    Object.entries(notAsked).map(([id, n]) => st.t('notAskedItem', { item: st.t('seedItem', { id }), n })),
  );
  const visitQuestion = notAsked.managerVisitConfirmed === undefined;
  return `<p class="note">${escapeHtml(st.t('notAskedNote', { items, visitQuestion }))}</p>`;
}

/** The map with its legend and the projection note. */
export function renderMapSection(report: Report, tr: ReportTranslator, tiles?: RenderMapOptions['tiles']): string {
  const st = sectionTranslator(tr.locale);
  const managers = report.managers
    .map(
      (m, i) =>
        `<li><span class="swatch square" style="background:${managerColour(i)}"></span>${escapeHtml(m.name)}</li>`,
    )
    .join('');
  const statuses = (Object.keys(STATUS_COLOURS) as RetailerStatus[])
    .map(
      (s) =>
        `<li><span class="swatch" style="background:${STATUS_COLOURS[s]};border-color:#777"></span>${escapeHtml(st.t('retailerStatus', { status: s }))}</li>`,
    )
    .join('');
  return `<section id="map-section"><h2>${escapeHtml(st.t('mapHeading'))}</h2>
<div class="map-wrap">${renderMapSvg(report, { standalone: false, locale: tr.locale, ...(tiles ? { tiles } : {}) })}</div>
${renderDayMaps(report, tr)}
<ul class="legend-list">${managers}</ul>
<ul class="legend-list">${statuses}<li><span class="swatch" style="background:#fff;border-color:#111;border-width:3px"></span>${escapeHtml(st.t('legendContradicted'))}</li><li><span class="swatch square" style="background:#bbb;border-color:#222"></span>${escapeHtml(st.t('legendBase'))}</li></ul>
<p class="note">${escapeHtml(st.t('mapNote'))}</p></section>`;
}

/** Small multiples: one small map per weekday with that day's routes and stops. */
function renderDayMaps(report: Report, tr: ReportTranslator): string {
  const dates = [...new Set(report.map.routes.map((r) => r.date))].sort();
  if (dates.length < 2) return '';
  const maps = dates.map((date) => {
    const routes = report.map.routes.filter((r) => r.date === date);
    const ids = new Set(routes.flatMap((r) => r.retailerIds ?? []));
    const day: Report = {
      ...report,
      map: { ...report.map, routes, retailers: report.map.retailers.filter((r) => ids.has(r.id)) },
    };
    return `<figure class="day-map"><figcaption>${escapeHtml(dayLabel(tr, date))}</figcaption>${renderMapSvg(day, { standalone: false, width: 300, id: `map-${date}`, title: dayLabel(tr, date), locale: tr.locale })}</figure>`;
  });
  return `<div class="day-maps">${maps.join('')}</div>`;
}

/** The shares of fixes by source, `"80 / 15 / 5 %"` (manual fixes, if any, appended). */
function fixMix(f: ManagerReport['fixesBySource'], st: SectionTranslator): string {
  const total = f.gnss + f.wifi + f.cell + f.manual;
  if (total === 0) return '–';
  const share = (n: number) => num((100 * n) / total, 0);
  return `${share(f.gnss)} / ${share(f.wifi)} / ${share(f.cell)} %${f.manual ? st.t('fixManual', { share: share(f.manual) }) : ''}`;
}

/** Scorecard: formula, weights, score chart and table. */
export function renderScorecardSection(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const KPI_LABELS = kpiLabels(st);
  const colouredById = new Map(report.managers.map((m, i) => [m.managerId, { m, colour: managerColour(i) }]));
  const rankedColoured = report.ranking.map((id) => getKnown(colouredById, id, 'manager'));
  const ranked = rankedColoured.map(({ m }) => m);
  const weights = SCORECARD_KPIS.map((k) => `${KPI_LABELS[k]} ${num(report.weights[k], 2)}`).join(' · ');
  const leftOut = leftOutOf(report.totals.notAsked);
  const chart = renderBarChart({
    id: 'chart-score',
    title: st.t('scoreChartTitle'),
    series: [{ name: st.t('scoreSeries'), colour: '#4e79a7' }],
    rows: rankedColoured.map(({ m, colour }) => ({ label: m.name, values: [m.score], colours: [colour] })),
    format: (v) => num(v, 1),
    max: 100,
  });
  const kpiChart = renderBarChart({
    id: 'chart-kpis',
    title: st.t('kpiChartTitle'),
    series: SCORECARD_KPIS.map((k) => ({ name: KPI_LABELS[k], colour: KPI_COLOURS[k] })),
    rows: report.managers.map((m) => ({ label: m.name, values: SCORECARD_KPIS.map((k) => m.kpis[k]) })),
    format: (v) => `${num(v * 100, 0)} %`,
    max: 1,
    width: 520,
  });
  const columns: Column<ManagerReport>[] = [
    { header: st.t('colRank'), cell: (m) => (m.rank === null ? '–' : String(m.rank)), numeric: true },
    { header: tr.t('manager'), cell: (m) => m.name },
    { header: tr.t('score'), cell: (m) => num(m.score, 1), numeric: true },
    {
      header: st.t('colCoverage'),
      cell: (m) => pct(m.coverage),
      numeric: true,
      help: st.t('helpCoverage'),
    },
    ...SCORECARD_KPIS.map((k) => ({
      header: KPI_LABELS[k],
      cell: (m: ManagerReport) => pct(m.kpis[k]),
      numeric: true,
      help: `${tr.t('kpiDefinition', { kpi: k, leftOut })}; w ${report.weights[k]}`,
    })),
    {
      header: st.t('colUndecided'),
      cell: (m) => num(m.undecidedPrecision),
      numeric: true,
      help: st.t(report.undecidedPrecision === 'neutral' ? 'helpUndecidedNeutral' : 'helpUndecidedFail'),
    },
    {
      header: st.t('colIncomplete'),
      cell: (m) => num(m.incomplete),
      numeric: true,
      help: st.t(report.incompleteVisits === 'neutral' ? 'helpIncompleteNeutral' : 'helpIncompleteFail'),
    },
    {
      header: st.t('colFixMix'),
      cell: (m) => fixMix(m.fixesBySource, st),
      help: st.t('helpFixMix'),
    },
  ];
  return `<section id="scorecard"><h2>${escapeHtml(st.t('scorecardHeading'))}</h2>
<p class="note">${escapeHtml(st.t('scoreFormulaBefore'))}<sub>k</sub>·n<sub>k</sub> / Σ w<sub>k</sub>${st.t('scoreFormulaAfter')}${escapeHtml(weights)}.</p>
<div class="charts">${chart}${kpiChart}</div>
${renderTable('scorecard-table', columns, ranked, { locale: tr.locale, keyColumns: 2 })}
${renderKpiDefinitions(tr, KPI_LABELS, report)}
${renderScorePoints(tr, KPI_LABELS, report)}
${renderWhatIf(tr, report)}</section>`;
}

/** Per-manager figures table. */
export function renderManagerSection(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const h = (s: number) => num(s / 3600, 1);
  const km = (m: number) => num(m / 1000, 1);
  const columns: Column<ManagerReport>[] = [
    { header: tr.t('manager'), cell: (m) => m.name },
    { header: st.t('colRetailers'), cell: (m) => num(m.retailers), numeric: true },
    { header: st.t('colDays'), cell: (m) => num(m.days), numeric: true },
    { header: st.t('colPlannedStops'), cell: (m) => num(m.plannedStops), numeric: true },
    { header: st.t('colVisited'), cell: (m) => num(m.plannedVisited), numeric: true },
    { header: st.t('colCompletion'), cell: (m) => pct(m.completionRate), numeric: true },
    { header: tr.t('visits'), cell: (m) => num(m.visits), numeric: true },
    { header: st.t('colVerified'), cell: (m) => num(m.verified), numeric: true },
    { header: st.t('colRejected'), cell: (m) => num(m.rejected), numeric: true },
    { header: st.t('colUnverifiable'), cell: (m) => num(m.unverifiable + m.noVerdict), numeric: true },
    { header: st.t('colIncomplete'), cell: (m) => num(m.incomplete), numeric: true, help: st.t('helpIncomplete') },
    { header: st.t('colFlagged'), cell: (m) => num(m.flagged), numeric: true },
    { header: st.t('colVerification'), cell: (m) => pct(m.verificationRate), numeric: true },
    { header: st.t('colHoursOnSite'), cell: (m) => h(m.verifiedDwellS), numeric: true },
    {
      header: st.t('colMeanVisit'),
      cell: (m) => num(m.meanVerifiedDwellS === null ? null : m.meanVerifiedDwellS / 60, 1),
      numeric: true,
    },
    { header: st.t('colPlannedKm'), cell: (m) => km(m.plannedDistanceM), numeric: true },
    {
      header: st.t('colTravelledKm'),
      cell: (m) => km(m.travelledDistanceM),
      numeric: true,
      help: st.t('helpTravelledKm'),
    },
    {
      header: st.t('colTravelledPlanned'),
      cell: (m) => num(m.distanceRatio, 2),
      numeric: true,
      help: st.t('helpTravelledPlanned'),
    },
    { header: st.t('colInspections'), cell: (m) => num(m.inspections), numeric: true },
    { header: st.t('colInspectionScore'), cell: (m) => pct(m.inspectionScore), numeric: true },
    { header: st.t('colSatisfaction'), cell: (m) => num(m.meanSatisfaction, 2), numeric: true },
    { header: st.t('colContradictions'), cell: (m) => num(m.contradictions), numeric: true },
  ];
  return `<section id="managers"><h2>${escapeHtml(st.t('managersHeading'))}</h2>${renderTable('manager-table', columns, report.managers, { locale: tr.locale })}</section>`;
}

/** Every contradiction between inspections and verified visits, one row each. */
export function renderFindingsSection(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const managerName = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const columns: Column<Report['findings'][number]>[] = [
    { header: tr.t('colRetailer'), cell: (f) => `${f.retailerName} (${f.retailerId})` },
    {
      header: tr.t('colManager'),
      cell: (f) => (f.managerId === null ? '–' : (managerName.get(f.managerId) ?? f.managerId)),
    },
    { header: st.t('colFinding'), cell: (f) => tr.t('codeShort', { code: f.kind }), title: (f) => f.kind, wrap: true },
    { header: st.t('colInspection'), cell: (f) => f.inspectionId ?? '–' },
    { header: tr.t('visits'), cell: (f) => f.visitIds.join(' ') || '–' },
    { header: st.t('colDetails'), cell: (f) => f.message ?? '', wrap: true },
  ];
  const body = report.findings.length
    ? renderTable('findings-table', columns, report.findings, { locale: tr.locale })
    : `<p>${escapeHtml(st.t(leftOutOf(report.totals.notAsked).includes('managerVisitConfirmed') ? 'noFindingsNoVisitQuestion' : 'noFindings'))}</p>`;
  return `<section id="findings"><h2>${escapeHtml(st.t('findingsHeading'))}</h2><p>${escapeHtml(st.t('findingsIntro'))}</p>${body}</section>`;
}

/** Workload balance and the re-partition's before/after. */
export function renderBalanceSection(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const { balance } = report;
  const metricLabel = (b: (typeof balance.metrics)[number]) =>
    st.t('metric', { metric: b.metric, label: b.label, unit: b.unit });
  const primary = getKnown(new Map(balance.metrics.map((b) => [b.metric, b])), balance.primary, 'balance metric');
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const charts = [
    renderBarChart({
      id: 'chart-balance',
      title: metricLabel(primary),
      series: [{ name: metricLabel(primary), colour: '#4e79a7' }],
      rows: balance.values.map((v, i) => ({
        label: getKnown(nameOf, v.managerId, 'manager'),
        values: [v[balance.primary]],
        colours: [managerColour(i)],
      })),
      format: (v) => num(v),
      reference: { value: primary.spread.mean, label: st.t('meanLine', { value: num(primary.spread.mean) }) },
    }),
  ];
  const rep = balance.repartition;
  if (rep) {
    charts.push(
      renderBarChart({
        id: 'chart-repartition',
        title: st.t('repartitionChartTitle', { label: rep.label }),
        series: [
          { name: st.t('before'), colour: '#bab0ac' },
          { name: st.t('after'), colour: '#4e79a7' },
        ],
        rows: rep.managers.map((m) => ({
          label: getKnown(nameOf, m.managerId, 'manager'),
          values: [m.before, m.after],
        })),
        format: (v) => num(v),
      }),
    );
  }
  const spreadRows = balance.metrics.map((b) => ({ label: metricLabel(b), s: b.spread }));
  if (rep)
    spreadRows.push(
      { label: st.t('beforeRow', { label: rep.label }), s: rep.before },
      { label: st.t('afterRow', { label: rep.label }), s: rep.after },
    );
  const table = renderTable(
    'balance-table',
    [
      { header: st.t('colFigure'), cell: (r) => r.label },
      { header: st.t('colLowest'), cell: (r) => num(r.s.min, 1), numeric: true },
      { header: st.t('colMax'), cell: (r) => num(r.s.max, 1), numeric: true },
      { header: st.t('colMean'), cell: (r) => num(r.s.mean, 1), numeric: true },
      {
        header: st.t('colSpreadRatio'),
        cell: (r) => (r.s.maxToMinRatio === null ? '∞' : num(r.s.maxToMinRatio, 2)),
        numeric: true,
      },
      {
        header: st.t('colCv'),
        cell: (r) => num(r.s.cv, 3),
        numeric: true,
        help: st.t('helpCv'),
      },
    ] satisfies Column<(typeof spreadRows)[number]>[],
    spreadRows,
    { locale: st.locale },
  );
  const change = rep
    ? `<p class="note">${escapeHtml(
        st.t('repartitionChange', {
          label: rep.label,
          cv: `${num(rep.before.cv, 3)} → ${num(rep.after.cv, 3)} (${rep.change.cv <= 0 ? '' : '+'}${num(rep.change.cv, 3)})`,
          spreadRatio: `${rep.before.maxToMinRatio === null ? '∞' : num(rep.before.maxToMinRatio, 2)} → ${rep.after.maxToMinRatio === null ? '∞' : num(rep.after.maxToMinRatio, 2)}`,
          moved: rep.moved,
        }),
      )}</p>`
    : '';
  return `<section id="balance"><h2>${escapeHtml(st.t('balanceHeading'))}</h2><div class="charts">${charts.join('')}</div>${change}${table}</section>`;
}

const groupColumns = (
  st: SectionTranslator,
  tr: ReportTranslator,
  keyHeader: string,
  label: (key: string) => string,
): Column<GroupStats>[] => [
  { header: keyHeader, cell: (g) => label(g.key) },
  { header: st.t('colRetailers'), cell: (g) => num(g.retailers), numeric: true },
  { header: st.t('colRequiredVisits'), cell: (g) => num(g.requiredVisitsPer4Weeks, 2), numeric: true },
  { header: st.t('colVisitsPerRetailerWeek'), cell: (g) => num(g.visitsPerRetailerPerWeek, 2), numeric: true },
  { header: tr.t('visits'), cell: (g) => num(g.visits), numeric: true },
  { header: st.t('colVerification'), cell: (g) => pct(g.verificationRate), numeric: true },
  { header: st.t('colPlannedService'), cell: (g) => num(g.meanServiceMinutes, 1), numeric: true },
  { header: st.t('colVerifiedTimeOnSite'), cell: (g) => num(g.meanVerifiedDwellMinutes, 1), numeric: true },
  { header: st.t('colOrdersPerRetailer'), cell: (g) => num(g.orderCountPerRetailer, 1), numeric: true },
  { header: st.t('colVolumePerRetailer'), cell: (g) => num(g.orderVolumePerRetailer, 0), numeric: true },
  { header: st.t('colVolumePerOrder'), cell: (g) => num(g.volumePerOrder, 1), numeric: true },
  { header: st.t('colInspectionScore'), cell: (g) => pct(g.inspectionScore), numeric: true },
  { header: st.t('colContradictions'), cell: (g) => num(g.contradictions), numeric: true },
];

/** Segment comparison charts, and the segment, region and class tables. */
export function renderGroupSection(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const seg = report.segments;
  const label = (k: string) => st.t('segment', { segment: k });
  // one colour a segment; a fourth segment (there are three) would take the first
  const colours = ['#4e79a7', '#f28e2b', '#b07aa1'];
  const colourOf = (i: number) => colours[i] ?? '#4e79a7';
  const single = (id: string, title: string, pick: (g: GroupStats) => number | null, digits: number) =>
    renderBarChart({
      id,
      title,
      series: [{ name: title, colour: '#4e79a7' }],
      rows: seg.map((g, i) => ({ label: label(g.key), values: [pick(g)], colours: [colourOf(i)] })),
      format: (v) => num(v, digits),
      width: 360,
    });
  const charts = [
    single('chart-segment-frequency', st.t('chartVisitsPerWeek'), (g) => g.visitsPerRetailerPerWeek, 2),
    renderBarChart({
      id: 'chart-segment-service',
      title: st.t('chartMinutesOnSite'),
      series: [
        { name: st.t('seriesPlanned'), colour: '#bab0ac' },
        { name: st.t('seriesVerified'), colour: '#59a14f' },
      ],
      rows: seg.map((g) => ({ label: label(g.key), values: [g.meanServiceMinutes, g.meanVerifiedDwellMinutes] })),
      format: (v) => num(v, 1),
      width: 360,
    }),
    single('chart-segment-orders', st.t('chartOrders'), (g) => g.orderCountPerRetailer, 1),
    single('chart-segment-volume', st.t('chartVolume'), (g) => g.orderVolumePerRetailer, 0),
    renderBarChart({
      id: 'chart-segment-quality',
      title: st.t('chartQuality'),
      series: [
        { name: st.t('seriesVerifiedVisits'), colour: '#4e79a7' },
        { name: st.t('seriesInspectionScore'), colour: '#b07aa1' },
      ],
      rows: seg.map((g) => ({ label: label(g.key), values: [g.verificationRate, g.inspectionScore] })),
      format: (v) => `${num(v * 100, 0)} %`,
      max: 1,
      width: 360,
    }),
  ];
  const h = (key: 'segmentsHeading' | 'bySegment' | 'byRegion' | 'byClass') => escapeHtml(st.t(key));
  return `<section id="segments"><h2>${h('segmentsHeading')}</h2>
<div class="charts" id="segment-charts">${charts.join('')}</div>
<h3>${h('bySegment')}</h3>${renderTable('segment-table', groupColumns(st, tr, st.t('colSegment'), label), seg, { locale: st.locale })}
<h3>${h('byRegion')}</h3>${renderTable(
    'region-table',
    groupColumns(st, tr, st.t('colRegion'), (k) => k),
    report.regions,
    { locale: st.locale },
  )}
<h3>${h('byClass')}</h3>${renderTable(
    'class-table',
    groupColumns(st, tr, st.t('colClass'), (k) => k),
    report.classes,
    { locale: st.locale },
  )}</section>`;
}

/**
 * The definitions of every figure, for the reader: the inspection score's formula and integrity as the
 * report's checklist made them (the seed items it left out, read from `totals.notAsked`).
 */
export function renderDefinitions(report: Report, tr: ReportTranslator): string {
  const st = sectionTranslator(tr.locale);
  const leftOut = leftOutOf(report.totals.notAsked);
  const defs = DEFINITION_IDS.map((id) => [st.t('term', { id }), st.t('definition', { id, leftOut })] as const);
  return `<section id="definitions"><h2>${escapeHtml(st.t('definitionsHeading'))}</h2><dl class="defs">${defs.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('')}</dl></section>`;
}
