import type { EffortGroup, HexCell } from '../decision.js';
import type { Report } from '../report.js';
import { renderBarChart } from './bar-chart.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num, formatPercent as pct } from './format-number.js';
import { hexGrid } from './hex-grid.js';
import { renderTable, type Column } from './html-table.js';
import type { ReportTranslator } from './messages.js';
import { managerColour } from './palette.js';
import { fitProjection } from './project-map.js';

const DENSITY = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const TOP = 5;
const GREEN = '#1a9850';
const PURPLE = '#7b3294';

/** The siting map: the hex cells shaded by retailers, the bases, the best cells for a new retailer and a new base. */
function renderHexMap(report: Report, tr: ReportTranslator): string {
  const d = report.decision;
  if (!d.cells.length || d.origin === null) return '';
  const grid = hexGrid(d.origin.lng, d.origin.lat, d.hexKm * 1000);
  const shapes = d.cells.map((c) => {
    const [q = 0, r = 0] = c.id.split(',').map(Number);
    return { c, corners: grid.corners(q, r) };
  });
  const bases = report.map.bases;
  const projection = fitProjection(
    [...shapes.flatMap((s) => s.corners), ...bases.map((b) => [b.lng, b.lat] as [number, number])],
    640,
  );
  const p = (lng: number, lat: number) => projection.project(lng, lat).join(',');
  const max = Math.max(1, ...d.cells.map((c) => c.retailers));
  const shade = (n: number) => DENSITY[Math.min(DENSITY.length - 1, Math.floor((n / max) * (DENSITY.length - 1e-9)))];
  const colourOf = new Map(report.managers.map((m, i) => [m.managerId, managerColour(i)]));
  const out: string[] = [];
  for (const { c, corners } of shapes) {
    const tip = tr.t('hexTip', {
      id: c.id,
      n: c.retailers,
      minutes: num(c.requiredMinutesPer4Weeks),
      km: num(c.baseKm, 1),
      far: c.farRetailers,
    });
    const mark = c.newRetailerRank <= TOP ? GREEN : c.newBaseRank <= TOP ? PURPLE : c.farRetailers ? '#d7191c' : '#fff';
    const width = mark === '#fff' ? 0.6 : 2.2;
    out.push(
      `<polygon class="hex" data-cell="${escapeHtml(c.id)}" data-retailers="${c.retailers}" points="${corners.map(([lng, lat]) => p(lng, lat)).join(' ')}" fill="${shade(c.retailers)}" stroke="${mark}" stroke-width="${width}"><title>${escapeHtml(tip)}</title></polygon>`,
    );
  }
  for (const b of bases) {
    const [x, y] = projection.project(b.lng, b.lat);
    out.push(
      `<rect class="base" x="${x - 6}" y="${y - 6}" width="12" height="12" fill="${colourOf.get(b.managerId) ?? '#bbb'}" stroke="#222" stroke-width="1.5"><title>${escapeHtml(tr.t('mapBaseOf', { name: report.managers.find((m) => m.managerId === b.managerId)?.name ?? b.managerId }))}</title></rect>`,
    );
  }
  const label = (c: HexCell, text: string, colour: string) => {
    const [x, y] = projection.project(c.lng, c.lat);
    return `<text x="${x}" y="${y + 4}" font-size="11" font-weight="700" text-anchor="middle" fill="${colour}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(text)}</text>`;
  };
  for (const c of d.cells) {
    if (c.newRetailerRank <= TOP) out.push(label(c, `R${c.newRetailerRank}`, GREEN));
    else if (c.newBaseRank <= TOP) out.push(label(c, `B${c.newBaseRank}`, PURPLE));
  }
  return `<svg id="hex-map" class="hex-map" viewBox="0 0 ${projection.width} ${projection.height}" width="${projection.width}" height="${projection.height}" role="img" aria-labelledby="hex-map-title"><title id="hex-map-title">${escapeHtml(tr.t('hexMapTitle'))}</title><rect x="0" y="0" width="${projection.width}" height="${projection.height}" fill="#fff"/>${out.join('')}</svg>`;
}

/** The decision analysis: effort against orders, coverage gaps, the hex siting view. */
export function renderDecisionSection(report: Report, tr: ReportTranslator): string {
  const d = report.decision;
  if (!d) return '';
  const group = (g: EffortGroup) => `${tr.t('segmentName', { segment: g.segment })} ${g.class}`;
  const effortColumns: Column<EffortGroup>[] = [
    { header: tr.t('decGroup'), cell: group },
    { header: tr.t('retailers'), cell: (g) => num(g.retailers), numeric: true },
    {
      header: tr.t('decRequired'),
      cell: (g) => num(g.requiredMinutesPer4Weeks),
      numeric: true,
      help: tr.t('decRequiredHelp'),
    },
    { header: tr.t('decTimeShare'), cell: (g) => pct(g.effortShare), numeric: true },
    { header: tr.t('decVerified'), cell: (g) => num(g.verifiedMinutes), numeric: true },
    { header: tr.t('decVolume'), cell: (g) => num(g.orderVolume), numeric: true },
    { header: tr.t('decVolumeShare'), cell: (g) => pct(g.volumeShare), numeric: true },
    { header: tr.t('decRatio'), cell: (g) => num(g.effortToVolume, 2), numeric: true, help: tr.t('decRatioHelp') },
    {
      header: tr.t('decVerdict'),
      cell: (g) => (g.verdict === null ? '–' : tr.t('decVerdictText', { verdict: g.verdict })),
    },
  ];
  const chart = renderBarChart({
    id: 'chart-effort',
    title: tr.t('decChartTitle'),
    series: [
      { name: tr.t('decTimeShare'), colour: '#f28e2b' },
      { name: tr.t('decVolumeShare'), colour: '#4e79a7' },
    ],
    rows: d.effort.map((g) => ({ label: group(g), values: [g.effortShare, g.volumeShare] })),
    format: (v) => `${num(v * 100, 1)} %`,
    width: 480,
  });
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const who = (id: string | null) => (id === null ? '–' : (nameOf.get(id) ?? id));
  const farColumns: Column<DecisionFar>[] = [
    { header: tr.t('colRetailer'), cell: (r) => `${r.name} (${r.retailerId})` },
    { header: tr.t('manager'), cell: (r) => who(r.managerId) },
    { header: tr.t('decNearestBase'), cell: (r) => who(r.nearestManagerId) },
    { header: tr.t('decKm'), cell: (r) => num(r.km, 1), numeric: true },
  ];
  const cellColumns = (extra: Column<HexCell>[]): Column<HexCell>[] => [
    { header: tr.t('decCell'), cell: (c) => c.id, help: tr.t('decCellHelp') },
    { header: tr.t('retailers'), cell: (c) => num(c.retailers), numeric: true },
    { header: tr.t('decNearestBase'), cell: (c) => who(c.nearestManagerId) },
    { header: tr.t('decKm'), cell: (c) => num(c.baseKm, 1), numeric: true },
    { header: tr.t('decLoad'), cell: (c) => num(c.nearestManagerLoad, 2), numeric: true, help: tr.t('decLoadHelp') },
    ...extra,
  ];
  const byRetailer = [...d.cells].sort((a, b) => a.newRetailerRank - b.newRetailerRank).slice(0, 10);
  const byBase = [...d.cells].sort((a, b) => a.newBaseRank - b.newBaseRank).slice(0, 10);
  const far = d.farRetailers.slice(0, 15);
  return `<section id="decision"><h2>${escapeHtml(tr.t('decHeading'))}</h2>
<h3>${escapeHtml(tr.t('decEffortHeading'))}</h3>
<p class="note">${escapeHtml(tr.t('decEffortNote', { ratio: num(d.moreTimeRatio, 2) }))}</p>
<div class="charts">${chart}</div>
${renderTable('effort-table', effortColumns, d.effort, { locale: tr.locale })}
<h3>${escapeHtml(tr.t('decGapsHeading'))}</h3>
<p class="note" data-far="${d.farRetailers.length}">${escapeHtml(
    d.farKm === null
      ? tr.t('decNoGaps')
      : tr.t('decGapsNote', { n: d.farRetailers.length, far: num(d.farKm, 1), median: num(d.medianBaseKm, 1) }),
  )}</p>
${far.length ? renderTable('gap-table', farColumns, far, { locale: tr.locale }) : ''}
<h3>${escapeHtml(tr.t('decSitingHeading'))}</h3>
<p class="note">${escapeHtml(tr.t('decSitingNote', { hex: num(d.hexKm, 1), speed: num(d.speedKmh) }))}</p>
<div class="map-wrap">${renderHexMap(report, tr)}</div>
<ul class="legend-list"><li><span class="swatch square" style="background:${DENSITY[1]}"></span>${escapeHtml(tr.t('decLegendDensity'))}</li><li><span class="swatch square" style="background:#fff;border-color:${GREEN}"></span>${escapeHtml(tr.t('decLegendRetailer'))}</li><li><span class="swatch square" style="background:#fff;border-color:${PURPLE}"></span>${escapeHtml(tr.t('decLegendBase'))}</li><li><span class="swatch square" style="background:#fff;border-color:#d7191c"></span>${escapeHtml(tr.t('decLegendFar'))}</li></ul>
<h3>${escapeHtml(tr.t('decNewRetailerHeading'))}</h3>
${renderTable(
  'new-retailer-table',
  cellColumns([
    { header: tr.t('decRank'), cell: (c) => `R${c.newRetailerRank}` },
    {
      header: tr.t('decAdded'),
      cell: (c) => num(c.newRetailerMinutesPer4Weeks, 1),
      numeric: true,
      help: tr.t('decAddedHelp'),
    },
  ]),
  byRetailer,
  { locale: tr.locale },
)}
<h3>${escapeHtml(tr.t('decNewBaseHeading'))}</h3>
${renderTable(
  'new-base-table',
  cellColumns([
    { header: tr.t('decRank'), cell: (c) => `B${c.newBaseRank}` },
    {
      header: tr.t('decSaved'),
      cell: (c) => num(c.newBaseKmSavedPer4Weeks),
      numeric: true,
      help: tr.t('decSavedHelp'),
    },
    { header: tr.t('decRelieved'), cell: (c) => num(c.newBaseMinutesPer4Weeks), numeric: true },
  ]),
  byBase,
  { locale: tr.locale },
)}</section>`;
}

type DecisionFar = Report['decision']['farRetailers'][number];
