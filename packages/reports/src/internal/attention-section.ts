import { weekdayOf } from '@beatplan/core';
import type { AttentionItem, Report, VisitEvidence } from '../report.js';
import {
  ATTENTION_TEXT as T,
  codeShort,
  codeText,
  SEVERITY_TEXT,
  STATUS_TEXT,
  WEEKDAY_TEXT,
} from './attention-text.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber as num } from './format-number.js';
import { renderTable, type Column } from './html-table.js';

/** `Wed 2025-03-05`. */
export const dayLabel = (date: string): string => `${WEEKDAY_TEXT.get(weekdayOf(date)) ?? ''} ${date}`;

/** The fragment id of a visit's evidence row. */
const anchorOf = (visitId: string) => `visit-${encodeURIComponent(visitId)}`;

/** A plain-language reason with its code in the tooltip and in `data-code`. */
const codeSpan = (code: string, count?: number) =>
  `<span class="code" data-code="${escapeHtml(code)}" title="${escapeHtml(code)}">${escapeHtml(codeText(code))}${count !== undefined && count > 1 ? ` <b>×${count}</b>` : ''}</span>`;

const km = (m: number) => (m >= 1000 ? `${num(m / 1000, 1)} km` : `${num(m)} m`);

function title(item: AttentionItem, who: string, retailerName: (id: string) => string): string {
  const n = item.visitIds.length;
  switch (item.kind) {
    case 'flagged_day':
      return T.flaggedDay(who, dayLabel(item.dates[0] ?? ''), n, item.outOf, item.verifiedVisits);
    case 'contradiction': {
      const r = item.retailerIds[0] ?? '';
      return T.contradiction(who, codeText(item.codes[0]?.code ?? ''), `${retailerName(r)}, ${r}`);
    }
    case 'unproven_visits': {
      const code = item.codes[0]?.code ?? '';
      return T.unproven(who, n, statusOfUnproven(item), codeText(code));
    }
    case 'missed_stops':
      return T.missed(who, dayLabel(item.dates[0] ?? ''), item.retailerIds.length, item.outOf);
  }
}

function statusOfUnproven(item: AttentionItem): string {
  return item.severity === 'medium'
    ? (STATUS_TEXT.get('rejected') ?? 'rejected')
    : (STATUS_TEXT.get('unverifiable') ?? '');
}

function action(item: AttentionItem): string {
  if (item.kind === 'flagged_day') return T.action.flagged_day;
  if (item.kind === 'contradiction')
    return item.severity === 'high' ? T.action.contradiction_high : T.action.contradiction;
  if (item.kind === 'missed_stops') return T.action.missed_stops;
  if (item.codes.some((c) => c.code === 'OUT_OF_RANGE') && item.visitIds.length > 2) return T.action.unproven_high;
  return item.severity === 'medium' ? T.action.unproven_medium : T.action.unproven_low;
}

function renderItem(item: AttentionItem, nameOf: Map<string, string>, retailerName: (id: string) => string): string {
  const who = item.managerId === null ? '–' : `${nameOf.get(item.managerId) ?? item.managerId} (${item.managerId})`;
  const signs = item.codes.map((c) => codeSpan(c.code, c.count)).join('; ');
  const far = item.maxDistanceM !== null && item.maxDistanceM >= 100 ? `; ${T.farthest(km(item.maxDistanceM))}` : '';
  const visits = item.visitIds.map((id) => `<a href="#${anchorOf(id)}">${escapeHtml(id)}</a>`).join(' ');
  const stops =
    item.kind === 'missed_stops'
      ? `<div class="ids">${escapeHtml(T.retailers)}: ${item.retailerIds.map((id) => `<span class="rid">${escapeHtml(`${retailerName(id)} (${id})`)}</span>`).join(', ')}</div>`
      : '';
  // the reason is in the title when there is only one; the line then only adds the distance
  const why =
    item.kind === 'flagged_day' || item.codes.length > 1
      ? `<div class="why">${escapeHtml(item.kind === 'flagged_day' ? T.signs : T.reason)}: ${signs}${escapeHtml(far)}.</div>`
      : item.maxDistanceM !== null && item.maxDistanceM >= 100
        ? `<div class="why">${escapeHtml(T.farthestLine(km(item.maxDistanceM)))}.</div>`
        : '';
  const message = item.message ? `<div class="msg">${escapeHtml(item.message)}</div>` : '';
  return `<li class="attention-item ${item.severity}" data-kind="${item.kind}" data-severity="${item.severity}" data-manager="${escapeHtml(item.managerId ?? '')}" data-dates="${escapeHtml(item.dates.join(' '))}" data-visit-ids="${escapeHtml(item.visitIds.join(' '))}" data-retailer-ids="${escapeHtml(item.retailerIds.join(' '))}" data-codes="${escapeHtml(item.codes.map((c) => c.code).join(' '))}">
<span class="sev">${escapeHtml(SEVERITY_TEXT.get(item.severity) ?? item.severity)}</span> <strong class="what" title="${escapeHtml(item.codes.map((c) => c.code).join(' '))}">${escapeHtml(title(item, who, retailerName))}</strong>
${why}${message}
<div class="todo">${escapeHtml(action(item))}</div>
${item.visitIds.length ? `<div class="ids">${escapeHtml(T.visits)}: ${visits}</div>` : ''}${stops}</li>`;
}

const fix = (f: VisitEvidence['startFix'] | null) =>
  f === null ? '–' : `${f.source} ±${num(f.accuracyM)} m${f.mock ? ' (mock)' : ''}`;

/** The "needs attention" section: the items in order, then one evidence row per visit they name. */
export function renderAttentionSection(report: Report): string {
  const { items, visits } = report.attention;
  const nameOf = new Map(report.managers.map((m) => [m.managerId, m.name]));
  const retailerNames = new Map(report.map.retailers.map((r) => [r.id, r.name]));
  const retailerName = (id: string) => retailerNames.get(id) ?? id;
  const list = items.length
    ? `<ol class="attention-list">${items.map((i) => renderItem(i, nameOf, retailerName)).join('\n')}</ol>`
    : '';
  const C = T.evidenceColumns;
  const columns: Column<VisitEvidence>[] = [
    { header: C.visit, cell: (v) => v.visitId },
    { header: C.manager, cell: (v) => nameOf.get(v.managerId) ?? v.managerId },
    { header: C.retailer, cell: (v) => `${v.retailerName} (${v.retailerId})` },
    { header: C.date, cell: (v) => dayLabel(v.date) },
    { header: C.time, cell: (v) => `${v.start.slice(11, 16)}–${v.end === null ? '?' : v.end.slice(11, 16)}` },
    { header: C.result, cell: (v) => STATUS_TEXT.get(v.status) ?? v.status },
    {
      header: C.why,
      cell: (v) => [...v.reasons, ...v.flags.filter((f) => !v.reasons.includes(f))].map(codeShort).join('; ') || '–',
      wrap: true,
      title: (v) => [...v.reasons, ...v.flags].join(' '),
    },
    {
      header: C.distance,
      cell: (v) => `${num(v.startDistanceM)} / ${num(v.endDistanceM)}`,
      numeric: true,
      help: T.evidenceHelp.distance,
    },
    { header: C.dwell, cell: (v) => num(v.dwellS === null ? null : v.dwellS / 60, 1), numeric: true },
    { header: C.fixes, cell: (v) => `${fix(v.startFix)} / ${fix(v.endFix)}`, help: T.evidenceHelp.fixes },
  ];
  const evidence = visits.length
    ? `<h3>${escapeHtml(T.evidenceHeading)}</h3>${renderTable('evidence-table', columns, visits, { rowId: (v) => anchorOf(v.visitId) })}`
    : '';
  return `<section id="attention"><h2>${escapeHtml(T.heading)}</h2><p class="note">${escapeHtml(T.intro(items.length))}</p>
${list}
${evidence}</section>`;
}
