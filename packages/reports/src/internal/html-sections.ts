import type { GroupStats, ManagerReport, Report, RetailerStatus } from '../report.js';
import { type RenderMapOptions, renderMapSvg } from '../render-map-svg.js';
import { SCORECARD_KPIS, type ScorecardKpi } from '../scorecard.js';
import { renderBarChart } from './bar-chart.js';
import { escapeHtml } from './escape-html.js';
import { dayLabel, type ReportTranslator } from './messages.js';
import { renderKpiDefinitions, renderScorePoints, renderWhatIf } from './scorecard-extras.js';
import { formatNumber as num, formatPercent as pct } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import { KPI_COLOURS, managerColour, STATUS_COLOURS, STATUS_LABELS } from './palette.js';

const KPI_LABELS: Record<ScorecardKpi, string> = {
  completion: 'Plan completion',
  verification: 'Verification',
  timeOnSite: 'Time on site',
  route: 'Route efficiency',
  inspection: 'Inspection score',
  integrity: 'Integrity',
};

const SEGMENT_LABELS = new Map([
  ['retail', 'Retail'],
  ['chain_supermarket', 'Chain supermarket'],
  ['hotel_entertainment', 'Hotel / entertainment'],
]);

const tile = (value: string, label: string, warn = false) =>
  `<div class="tile${warn ? ' warn' : ''}"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;

/** Headline figures. */
export function renderSummary(report: Report, tr: ReportTranslator): string {
  const t = report.totals;
  return `<div class="tiles">${[
    tile(num(report.counts.managers), 'managers'),
    tile(num(report.counts.retailers), 'retailers'),
    tile(pct(t.completionRate), 'plan completion'),
    tile(`${num(t.visits)}`, 'visits reported'),
    tile(pct(t.verificationRate), 'visits verified'),
    tile(num(t.flagged), tr.t('tileFlagged'), t.flagged > 0),
    tile(num(t.verifiedDwellS / 3600, 1), 'verified hours on site'),
    tile(num(t.inspections), 'inspections'),
    tile(num(t.contradictions), 'contradictions'),
  ].join('')}</div>`;
}

/** The map with its legend and the projection note. */
export function renderMapSection(report: Report, tr: ReportTranslator, tiles?: RenderMapOptions['tiles']): string {
  const managers = report.managers
    .map(
      (m, i) =>
        `<li><span class="swatch square" style="background:${managerColour(i)}"></span>${escapeHtml(m.name)}</li>`,
    )
    .join('');
  const statuses = (Object.keys(STATUS_COLOURS) as RetailerStatus[])
    .map(
      (s) =>
        `<li><span class="swatch" style="background:${STATUS_COLOURS[s]};border-color:#777"></span>${escapeHtml(STATUS_LABELS[s])}</li>`,
    )
    .join('');
  return `<section id="map-section"><h2>Map: territories, retailers and planned routes</h2>
<div class="map-wrap">${renderMapSvg(report, { standalone: false, locale: tr.locale, ...(tiles ? { tiles } : {}) })}</div>
${renderDayMaps(report, tr)}
<ul class="legend-list">${managers}</ul>
<ul class="legend-list">${statuses}<li><span class="swatch" style="background:#fff;border-color:#111;border-width:3px"></span>contradicted by an inspection</li><li><span class="swatch square" style="background:#bbb;border-color:#222"></span>manager's base</li></ul>
<p class="note">Territory shapes are coloured and labelled by manager (given polygons, or the convex hull of the territory's retailers); lines are the planned routes (base → stops → base), coloured by weekday (legend in the map's corner); large squares the managers' bases. Projection: equirectangular, longitudes scaled by the cosine of the map's middle latitude, north up; no map tiles.</p></section>`;
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
function fixMix(f: ManagerReport['fixesBySource']): string {
  const total = f.gnss + f.wifi + f.cell + f.manual;
  if (total === 0) return '–';
  const share = (n: number) => num((100 * n) / total, 0);
  return `${share(f.gnss)} / ${share(f.wifi)} / ${share(f.cell)} %${f.manual ? ` (+${share(f.manual)} % manual)` : ''}`;
}

/** Scorecard: formula, weights, score chart and table. */
export function renderScorecardSection(report: Report, tr: ReportTranslator): string {
  const ranked = report.ranking.map((id) => report.managers.find((m) => m.managerId === id)!);
  const colourOf = new Map(report.managers.map((m, i) => [m.managerId, managerColour(i)]));
  const weights = SCORECARD_KPIS.map((k) => `${KPI_LABELS[k]} ${num(report.weights[k], 2)}`).join(' · ');
  const chart = renderBarChart({
    id: 'chart-score',
    title: 'Scorecard (0–100)',
    series: [{ name: 'score', colour: '#4e79a7' }],
    rows: ranked.map((m) => ({ label: m.name, values: [m.score], colours: [colourOf.get(m.managerId)!] })),
    format: (v) => num(v, 1),
    max: 100,
  });
  const kpiChart = renderBarChart({
    id: 'chart-kpis',
    title: 'Normalised KPIs per manager (0–100 %)',
    series: SCORECARD_KPIS.map((k, i) => ({ name: KPI_LABELS[k], colour: KPI_COLOURS[i]! })),
    rows: report.managers.map((m) => ({ label: m.name, values: SCORECARD_KPIS.map((k) => m.kpis[k]) })),
    format: (v) => `${num(v * 100, 0)} %`,
    max: 1,
    width: 520,
  });
  const columns: Column<ManagerReport>[] = [
    { header: 'Rank', cell: (m) => (m.rank === null ? '–' : String(m.rank)), numeric: true },
    { header: 'Manager', cell: (m) => m.name },
    { header: 'Score', cell: (m) => num(m.score, 1), numeric: true },
    {
      header: 'Coverage',
      cell: (m) => pct(m.coverage),
      numeric: true,
      help: 'share of the total weight that could be measured',
    },
    ...SCORECARD_KPIS.map((k) => ({
      header: KPI_LABELS[k],
      cell: (m: ManagerReport) => pct(m.kpis[k]),
      numeric: true,
      help: `${tr.t('kpiDefinition', { kpi: k })}; w ${report.weights[k]}`,
    })),
    {
      header: 'Undecided (precision)',
      cell: (m) => num(m.undecidedPrecision),
      numeric: true,
      help:
        report.undecidedPrecision === 'neutral'
          ? 'visits whose fixes were too coarse to decide; counted neither verified nor failed'
          : 'visits whose fixes were too coarse to decide; counted as not verified',
    },
    {
      header: 'Incomplete',
      cell: (m) => num(m.incomplete),
      numeric: true,
      help:
        report.incompleteVisits === 'neutral'
          ? 'visits with a start fix and no end fix; counted neither verified nor failed'
          : 'visits with a start fix and no end fix; counted as not verified',
    },
    {
      header: 'Fixes GNSS / WiFi / cell',
      cell: (m) => fixMix(m.fixesBySource),
      help: 'share of the start and end fixes by source: the precision behind the score',
    },
  ];
  return `<section id="scorecard"><h2>Scorecard</h2>
<p class="note">score = 100 · Σ w<sub>k</sub>·n<sub>k</sub> / Σ w<sub>k</sub> over the KPIs k that have a weight and could be measured; each KPI n<sub>k</sub> is normalised to 0..1 (definitions below). Weights: ${escapeHtml(weights)}.</p>
<div class="charts">${chart}${kpiChart}</div>
${renderTable('scorecard-table', columns, ranked, { keyColumns: 2 })}
${renderKpiDefinitions(tr, KPI_LABELS, report)}
${renderScorePoints(tr, KPI_LABELS, report)}
${renderWhatIf(tr, report)}</section>`;
}

/** Per-manager figures table. */
export function renderManagerSection(report: Report): string {
  const h = (s: number) => num(s / 3600, 1);
  const km = (m: number) => num(m / 1000, 1);
  const columns: Column<ManagerReport>[] = [
    { header: 'Manager', cell: (m) => m.name },
    { header: 'Retailers', cell: (m) => num(m.retailers), numeric: true },
    { header: 'Days', cell: (m) => num(m.days), numeric: true },
    { header: 'Planned stops', cell: (m) => num(m.plannedStops), numeric: true },
    { header: 'Visited', cell: (m) => num(m.plannedVisited), numeric: true },
    { header: 'Completion', cell: (m) => pct(m.completionRate), numeric: true },
    { header: 'Visits', cell: (m) => num(m.visits), numeric: true },
    { header: 'Verified', cell: (m) => num(m.verified), numeric: true },
    { header: 'Rejected', cell: (m) => num(m.rejected), numeric: true },
    { header: 'Unverifiable', cell: (m) => num(m.unverifiable + m.noVerdict), numeric: true },
    { header: 'Incomplete', cell: (m) => num(m.incomplete), numeric: true, help: 'a start fix and no end fix' },
    { header: 'Flagged', cell: (m) => num(m.flagged), numeric: true },
    { header: 'Verification', cell: (m) => pct(m.verificationRate), numeric: true },
    { header: 'Hours on site', cell: (m) => h(m.verifiedDwellS), numeric: true },
    {
      header: 'Mean visit (min)',
      cell: (m) => num(m.meanVerifiedDwellS === null ? null : m.meanVerifiedDwellS / 60, 1),
      numeric: true,
    },
    { header: 'Planned km', cell: (m) => km(m.plannedDistanceM), numeric: true },
    {
      header: 'Travelled km',
      cell: (m) => km(m.travelledDistanceM),
      numeric: true,
      help: 'straight line between the visit fixes, from and to the base',
    },
    {
      header: 'Travelled / planned',
      cell: (m) => num(m.distanceRatio, 2),
      numeric: true,
      help: 'straight line travelled ÷ straight line of the plan, on days with a plan and a visit',
    },
    { header: 'Inspections', cell: (m) => num(m.inspections), numeric: true },
    { header: 'Inspection score', cell: (m) => pct(m.inspectionScore), numeric: true },
    { header: 'Satisfaction', cell: (m) => num(m.meanSatisfaction, 2), numeric: true },
    { header: 'Contradictions', cell: (m) => num(m.contradictions), numeric: true },
  ];
  return `<section id="managers"><h2>Managers</h2>${renderTable('manager-table', columns, report.managers)}</section>`;
}

/** Every contradiction between inspections and verified visits, one row each. */
export function renderFindingsSection(report: Report, tr: ReportTranslator): string {
  const managerName = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const columns: Column<Report['findings'][number]>[] = [
    { header: 'Retailer', cell: (f) => `${f.retailerName} (${f.retailerId})` },
    { header: 'Manager', cell: (f) => (f.managerId === null ? '–' : (managerName.get(f.managerId) ?? f.managerId)) },
    { header: 'Finding', cell: (f) => tr.t('codeShort', { code: f.kind }), title: (f) => f.kind, wrap: true },
    { header: 'Inspection', cell: (f) => f.inspectionId ?? '–' },
    { header: 'Visits', cell: (f) => f.visitIds.join(' ') || '–' },
    { header: 'Details', cell: (f) => f.message ?? '', wrap: true },
  ];
  const body = report.findings.length
    ? renderTable('findings-table', columns, report.findings)
    : "<p>No inspection contradicts a manager's verified visits in this period.</p>";
  return `<section id="findings"><h2>Inspection findings</h2><p>Where an inspector's record contradicts the manager's verified visits: a verified visit the retailer denies, or a visit the retailer confirms that was not verified.</p>${body}</section>`;
}

/** Workload balance and the re-partition's before/after. */
export function renderBalanceSection(report: Report): string {
  const { balance } = report;
  const primary = balance.metrics.find((b) => b.metric === balance.primary)!;
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const charts = [
    renderBarChart({
      id: 'chart-balance',
      title: `${primary.label} (${primary.unit})`,
      series: [{ name: primary.label, colour: '#4e79a7' }],
      rows: balance.values.map((v, i) => ({
        label: nameOf.get(v.managerId)!,
        values: [v[balance.primary]],
        colours: [managerColour(i)],
      })),
      format: (v) => num(v),
      reference: { value: primary.spread.mean, label: `mean ${num(primary.spread.mean)}` },
    }),
  ];
  const rep = balance.repartition;
  if (rep) {
    charts.push(
      renderBarChart({
        id: 'chart-repartition',
        title: `${rep.label}: weekly workload (min)`,
        series: [
          { name: 'before', colour: '#bab0ac' },
          { name: 'after', colour: '#4e79a7' },
        ],
        rows: rep.managers.map((m) => ({ label: nameOf.get(m.managerId)!, values: [m.before, m.after] })),
        format: (v) => num(v),
      }),
    );
  }
  const spreadRows = balance.metrics.map((b) => ({ label: `${b.label} (${b.unit})`, s: b.spread }));
  if (rep)
    spreadRows.push(
      { label: `${rep.label}: before (min/week)`, s: rep.before },
      { label: `${rep.label}: after (min/week)`, s: rep.after },
    );
  const table = renderTable(
    'balance-table',
    [
      { header: 'Figure', cell: (r) => r.label },
      { header: 'Min', cell: (r) => num(r.s.min, 1), numeric: true },
      { header: 'Max', cell: (r) => num(r.s.max, 1), numeric: true },
      { header: 'Mean', cell: (r) => num(r.s.mean, 1), numeric: true },
      {
        header: 'Max / min',
        cell: (r) => (r.s.maxToMinRatio === null ? '∞' : num(r.s.maxToMinRatio, 2)),
        numeric: true,
      },
      {
        header: 'CV',
        cell: (r) => num(r.s.cv, 3),
        numeric: true,
        help: 'coefficient of variation: standard deviation / mean',
      },
    ] satisfies Column<(typeof spreadRows)[number]>[],
    spreadRows,
  );
  const change = rep
    ? `<p class="note">${escapeHtml(`${rep.label}: coefficient of variation ${num(rep.before.cv, 3)} → ${num(rep.after.cv, 3)} (${rep.change.cv <= 0 ? '' : '+'}${num(rep.change.cv, 3)}); max/min ${rep.before.maxToMinRatio === null ? '∞' : num(rep.before.maxToMinRatio, 2)} → ${rep.after.maxToMinRatio === null ? '∞' : num(rep.after.maxToMinRatio, 2)}${rep.moved !== null ? `; ${rep.moved} retailers moved` : ''}.`)}</p>`
    : '';
  return `<section id="balance"><h2>Workload balance</h2><div class="charts">${charts.join('')}</div>${change}${table}</section>`;
}

const groupColumns = (keyHeader: string, label: (key: string) => string): Column<GroupStats>[] => [
  { header: keyHeader, cell: (g) => label(g.key) },
  { header: 'Retailers', cell: (g) => num(g.retailers), numeric: true },
  { header: 'Required visits / 4 wk', cell: (g) => num(g.requiredVisitsPer4Weeks, 2), numeric: true },
  { header: 'Visits / retailer / wk', cell: (g) => num(g.visitsPerRetailerPerWeek, 2), numeric: true },
  { header: 'Visits', cell: (g) => num(g.visits), numeric: true },
  { header: 'Verification', cell: (g) => pct(g.verificationRate), numeric: true },
  { header: 'Planned service (min)', cell: (g) => num(g.meanServiceMinutes, 1), numeric: true },
  { header: 'Verified time on site (min)', cell: (g) => num(g.meanVerifiedDwellMinutes, 1), numeric: true },
  { header: 'Orders / retailer', cell: (g) => num(g.orderCountPerRetailer, 1), numeric: true },
  { header: 'Volume / retailer', cell: (g) => num(g.orderVolumePerRetailer, 0), numeric: true },
  { header: 'Volume / order', cell: (g) => num(g.volumePerOrder, 1), numeric: true },
  { header: 'Inspection score', cell: (g) => pct(g.inspectionScore), numeric: true },
  { header: 'Contradictions', cell: (g) => num(g.contradictions), numeric: true },
];

/** Segment comparison charts, and the segment, region and class tables. */
export function renderGroupSection(report: Report): string {
  const seg = report.segments;
  const label = (k: string) => SEGMENT_LABELS.get(k) ?? k;
  const colours = ['#4e79a7', '#f28e2b', '#b07aa1'];
  const single = (id: string, title: string, pick: (g: GroupStats) => number | null, digits: number) =>
    renderBarChart({
      id,
      title,
      series: [{ name: title, colour: '#4e79a7' }],
      rows: seg.map((g, i) => ({ label: label(g.key), values: [pick(g)], colours: [colours[i]!] })),
      format: (v) => num(v, digits),
      width: 360,
    });
  const charts = [
    single('chart-segment-frequency', 'Visits per retailer per week', (g) => g.visitsPerRetailerPerWeek, 2),
    renderBarChart({
      id: 'chart-segment-service',
      title: 'Minutes on site per visit',
      series: [
        { name: 'planned', colour: '#bab0ac' },
        { name: 'verified', colour: '#59a14f' },
      ],
      rows: seg.map((g) => ({ label: label(g.key), values: [g.meanServiceMinutes, g.meanVerifiedDwellMinutes] })),
      format: (v) => num(v, 1),
      width: 360,
    }),
    single('chart-segment-orders', 'Orders per retailer', (g) => g.orderCountPerRetailer, 1),
    single('chart-segment-volume', 'Order volume per retailer', (g) => g.orderVolumePerRetailer, 0),
    renderBarChart({
      id: 'chart-segment-quality',
      title: 'Verification and inspection (%)',
      series: [
        { name: 'verified visits', colour: '#4e79a7' },
        { name: 'inspection score', colour: '#b07aa1' },
      ],
      rows: seg.map((g) => ({ label: label(g.key), values: [g.verificationRate, g.inspectionScore] })),
      format: (v) => `${num(v * 100, 0)} %`,
      max: 1,
      width: 360,
    }),
  ];
  return `<section id="segments"><h2>Segments and regions</h2>
<div class="charts" id="segment-charts">${charts.join('')}</div>
<h3>By segment</h3>${renderTable('segment-table', groupColumns('Segment', label), seg)}
<h3>By region</h3>${renderTable(
    'region-table',
    groupColumns('Region', (k) => k),
    report.regions,
  )}
<h3>By class</h3>${renderTable(
    'class-table',
    groupColumns('Class', (k) => k),
    report.classes,
  )}</section>`;
}

/** The definitions of every figure, for the reader. */
export function renderDefinitions(): string {
  const defs: [string, string][] = [
    ['Plan completion', 'planned stops (retailer and date) with a visit that day ÷ planned stops.'],
    [
      'Verification',
      'visits with a "verified" geofence verdict ÷ visits reported (a visit with no verdict counts as not verified).',
    ],
    ['Time on site', 'min(1, verified dwell ÷ the planned service minutes of the retailers of those verified visits).'],
    [
      'Route efficiency',
      'min(1, planned ÷ travelled straight-line distance) over the days with a plan and a visit; planned = base → the planned retailers in the plan’s order → base; travelled = base → each visit’s start and end fix in time order → base.',
    ],
    [
      'Inspection score',
      'mean over the inspections at the manager’s retailers of (prices tagged + policy material displayed + (satisfaction − 1) ÷ 4) ÷ 3.',
    ],
    [
      'Integrity',
      '1 − min(1, contradictions ÷ inspections): contradictions between the inspections and the verified visits.',
    ],
    [
      'Score',
      '100 · Σ wₖ·nₖ ÷ Σ wₖ over the KPIs with a weight > 0 and a value; coverage = that Σ wₖ ÷ the sum of all weights.',
    ],
    [
      'Balance',
      'CV = population standard deviation ÷ mean across managers; max / min of the same figure (∞ when the minimum is 0).',
    ],
  ];
  return `<section id="definitions"><h2>Definitions</h2><dl class="defs">${defs.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('')}</dl></section>`;
}
