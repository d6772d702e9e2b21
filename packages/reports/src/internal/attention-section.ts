import type { AttentionItem, Report, VisitEvidence } from '../report.js';
import { leftOutOf } from './asked-items.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';
import { dayLabel, type ReportTranslator } from './messages.js';
import { signedChange, trendAnchorOf } from './trend-section.js';
import { formatNumber } from './format-number.js';

/** The fragment id of a visit's evidence row. */
const anchorOf = (visitId: string) => `visit-${encodeURIComponent(visitId)}`;

const km = (m: number) => (m >= 1000 ? `${num(m / 1000, 1)} km` : `${num(m)} m`);

/** A plain-language reason with its code in the tooltip and in `data-code`. */
function codeSpan(tr: ReportTranslator, code: string, count: number): string {
  return `<span class="code" data-code="${escapeHtml(code)}" title="${escapeHtml(code)}">${escapeHtml(tr.t('code', { code }))}${count > 1 ? ` <b>×${count}</b>` : ''}</span>`;
}

function title(
  tr: ReportTranslator,
  item: AttentionItem,
  who: string,
  retailerName: (id: string) => string,
  previousPeriod: string | null,
): string {
  const n = item.visitIds.length;
  const date = item.dates[0] === undefined ? '' : dayLabel(tr, item.dates[0]);
  switch (item.kind) {
    case 'flagged_day':
      return tr.t('flaggedDay', { who, date, n, outOf: item.outOf, verified: item.verifiedVisits });
    case 'contradiction': {
      const r = item.retailerIds[0] ?? '';
      const what = tr.t('code', { code: item.codes[0]?.code ?? '' });
      return tr.t('contradiction', { who, what, retailer: `${retailerName(r)}, ${r}` });
    }
    case 'unproven_visits': {
      const status = tr.t('status', { status: item.severity === 'medium' ? 'rejected' : 'unverifiable' });
      return tr.t('unproven', { who, n, status, reason: tr.t('code', { code: item.codes[0]?.code ?? '' }) });
    }
    case 'missed_stops':
      return tr.t('missed', { who, date, n: item.retailerIds.length, outOf: item.outOf });
    case 'figures_moved': {
      const move = item.move;
      const since = previousPeriod ?? '';
      return move
        ? tr.t('moved', {
            who,
            from: formatNumber(move.from, 1),
            to: formatNumber(move.to, 1),
            change: signedChange('score', move.change),
            since,
          })
        : who;
    }
  }
}

function action(tr: ReportTranslator, item: AttentionItem): string {
  if (item.kind === 'flagged_day') return tr.t('actFlaggedDay');
  if (item.kind === 'contradiction') return tr.t(item.severity === 'high' ? 'actDenied' : 'actContradiction');
  if (item.kind === 'missed_stops') return tr.t('actMissed');
  if (item.kind === 'figures_moved') return tr.t(item.severity === 'medium' ? 'actMovedDown' : 'actMovedUp');
  if (item.codes.some((c) => c.code === 'OUT_OF_RANGE') && item.visitIds.length > 2) return tr.t('actFarAway');
  return tr.t(item.severity === 'medium' ? 'actRejected' : 'actUndecided');
}

function renderItem(
  tr: ReportTranslator,
  item: AttentionItem,
  nameOf: Map<string, string>,
  retailerName: (id: string) => string,
  previousPeriod: string | null,
): string {
  const who = item.managerId === null ? '–' : `${nameOf.get(item.managerId) ?? item.managerId} (${item.managerId})`;
  const signs = item.codes.map((c) => codeSpan(tr, c.code, c.count)).join(escapeHtml(tr.t('separator')));
  const far = item.maxDistanceM !== null && item.maxDistanceM >= 100 ? km(item.maxDistanceM) : null;
  // the reason is in the title when there is only one; the line then only adds the distance
  const why =
    item.kind === 'flagged_day' || item.codes.length > 1
      ? `<div class="why">${escapeHtml(tr.t(item.kind === 'flagged_day' ? 'signs' : 'reason') + tr.t('colon'))}${signs}${far ? escapeHtml(tr.t('separator') + tr.t('farthest', { distance: far })) : ''}${escapeHtml(tr.t('fullStop'))}</div>`
      : far
        ? `<div class="why">${escapeHtml(tr.t('farthestLine', { distance: far }) + tr.t('fullStop'))}</div>`
        : '';
  const visits = item.visitIds.map((id) => `<a href="#${anchorOf(id)}">${escapeHtml(id)}</a>`).join(' ');
  const stops =
    item.kind === 'missed_stops'
      ? `<div class="ids">${escapeHtml(tr.t('retailers') + tr.t('colon'))}${item.retailerIds.map((id) => `<span class="rid">${escapeHtml(`${retailerName(id)} (${id})`)}</span>`).join(', ')}</div>`
      : '';
  const message = item.message ? `<div class="msg">${escapeHtml(item.message)}</div>` : '';
  const move = item.kind === 'figures_moved' ? item.move : undefined;
  const mostly =
    move && move.kpi !== null && move.kpiChange !== null
      ? `<div class="why">${escapeHtml(tr.t('movedMostly', { kpi: tr.t('kpiName', { kpi: move.kpi }), change: signedChange(move.kpi, move.kpiChange) }) + tr.t('fullStop'))}</div>`
      : '';
  const trendLink = move
    ? `<div class="ids"><a href="#${trendAnchorOf(move.managerId)}">${escapeHtml(tr.t('trendLink'))}</a></div>`
    : '';
  return `<li class="attention-item ${item.severity}" data-kind="${item.kind}" data-severity="${item.severity}" data-manager="${escapeHtml(item.managerId ?? '')}" data-dates="${escapeHtml(item.dates.join(' '))}" data-visit-ids="${escapeHtml(item.visitIds.join(' '))}" data-retailer-ids="${escapeHtml(item.retailerIds.join(' '))}" data-codes="${escapeHtml(item.codes.map((c) => c.code).join(' '))}">
<span class="sev">${escapeHtml(tr.t('severity', { severity: item.severity }))}</span> <strong class="what" title="${escapeHtml(item.codes.map((c) => c.code).join(' '))}">${escapeHtml(title(tr, item, who, retailerName, previousPeriod))}</strong>
${why}${message}${mostly}
<div class="todo">${escapeHtml(action(tr, item))}</div>
${item.visitIds.length ? `<div class="ids">${escapeHtml(tr.t('visits') + tr.t('colon'))}${visits}</div>` : ''}${stops}${trendLink}</li>`;
}

const fix = (f: VisitEvidence['startFix'] | null) =>
  f === null ? '–' : `${f.source} ±${num(f.accuracyM)} m${f.mock ? ' (mock)' : ''}`;

/** The "needs attention" section: the items in order, then one evidence row per visit they name. */
export function renderAttentionSection(report: Report, tr: ReportTranslator): string {
  const { items, visits } = report.attention;
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const retailerNames = new Map(report.map.retailers.map((r) => [r.id, r.name]));
  const retailerName = (id: string) => retailerNames.get(id) ?? id;
  const periods = report.trend?.periods ?? [];
  const before = periods.length > 1 ? periods[periods.length - 2] : undefined;
  const previousPeriod = before ? `${before.from} – ${before.to}` : null;
  const list = items.length
    ? `<ol class="attention-list">${items.map((i) => renderItem(tr, i, nameOf, retailerName, previousPeriod)).join('\n')}</ol>`
    : '';
  const columns: Column<VisitEvidence>[] = [
    { header: tr.t('colVisit'), cell: (v) => v.visitId },
    { header: tr.t('colManager'), cell: (v) => nameOf.get(v.managerId) ?? v.managerId },
    { header: tr.t('colRetailer'), cell: (v) => `${v.retailerName} (${v.retailerId})` },
    { header: tr.t('colDate'), cell: (v) => dayLabel(tr, v.date) },
    { header: tr.t('colTime'), cell: (v) => `${v.start.slice(11, 16)}–${v.end === null ? '?' : v.end.slice(11, 16)}` },
    { header: tr.t('colResult'), cell: (v) => tr.t('status', { status: v.status }) },
    {
      header: tr.t('colWhy'),
      cell: (v) =>
        [...v.reasons, ...v.flags.filter((f) => !v.reasons.includes(f))]
          .map((code) => tr.t('codeShort', { code }))
          .join('; ') || '–',
      title: (v) => [...v.reasons, ...v.flags].join(' '),
      wrap: true,
    },
    {
      header: tr.t('colDistance'),
      cell: (v) => `${num(v.startDistanceM)} / ${num(v.endDistanceM)}`,
      numeric: true,
      help: tr.t('helpDistance'),
    },
    { header: tr.t('colDwell'), cell: (v) => num(v.dwellS === null ? null : v.dwellS / 60, 1), numeric: true },
    { header: tr.t('colFixes'), cell: (v) => `${fix(v.startFix)} / ${fix(v.endFix)}`, help: tr.t('helpFixes') },
  ];
  const evidence = visits.length
    ? `<h3>${escapeHtml(tr.t('evidenceHeading'))}</h3>${renderTable('evidence-table', columns, visits, { locale: tr.locale, rowId: (v) => anchorOf(v.visitId) })}`
    : '';
  return `<section id="attention"><h2>${escapeHtml(tr.t('attentionHeading'))}</h2><p class="note">${escapeHtml(tr.t('attentionIntro', { n: items.length, visitQuestion: !leftOutOf(report.totals.notAsked).includes('managerVisitConfirmed') }))}</p>
${list}
${evidence}</section>`;
}
