import { formatLocalDateTime, type PositionFix } from '@beatplan/core';
import type { AttentionItem, AttentionKind, AttentionReport, VisitEvidence } from '../report.js';
import type { VisitVerdictInput } from '../report-input.js';
import type { TrendMove } from '../trend.js';
import type { DatedVisit, PreparedData } from './prepare-data.js';
import { round1, round4 } from './round.js';

const SEVERITY_ORDER: Readonly<Record<AttentionItem['severity'], number>> = { high: 0, medium: 1, low: 2 };
const KIND_ORDER: Readonly<Record<AttentionKind, number>> = {
  flagged_day: 0,
  contradiction: 1,
  figures_moved: 2,
  unproven_visits: 3,
  missed_stops: 4,
};
/** The contradiction kinds that say a verified visit did not happen (inspection's code, and the README's short one): as grave as a flagged day. */
const DENIED = new Set(['VERIFIED_VISIT_DENIED', 'VISIT_DENIED']);

type Draft = Omit<AttentionItem, 'verifiedVisits' | 'maxDistanceM'>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `code → count` as a sorted list. */
function countCodes(codes: Iterable<string>): { code: string; count: number }[] {
  const n = new Map<string, number>();
  for (const c of codes) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].sort((a, b) => byText(a[0], b[0])).map(([code, count]) => ({ code, count }));
}

/** The list in groups by key, in first-seen order; every group has at least one item. */
function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, [T, ...T[]]> {
  const out = new Map<string, [T, ...T[]]>();
  for (const t of list) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const roundOrNull = (v: number | null | undefined, round: (x: number) => number) =>
  v === null || v === undefined ? null : round(v);
const fixOf = (f: PositionFix) => ({ source: f.source, accuracyM: f.accuracyM, mock: f.mock === true });
const inTimeOrder = (a: DatedVisit, b: DatedVisit) =>
  a.visit.start.at - b.visit.start.at || byText(a.visit.id, b.visit.id);

/**
 * The "needs attention" list: every manager-day with flagged visits, every contradiction, the
 * managers' unproven visits grouped by first reason, and their planned stops not visited (per day); sorted by
 * severity, kind, size (more visits first), manager and date. Every visit an item names gets one
 * evidence row. Pure: the same data gives the same list.
 */
export function findAttention(
  data: PreparedData,
  utcOffsetMinutes: number,
  moved: readonly TrendMove[] = [],
): AttentionReport {
  const visitById = new Map(data.visits.map((v) => [v.visit.id, v]));
  const drafts: Draft[] = [];

  const flagged = data.visits.filter(
    (v): v is DatedVisit & { verdict: VisitVerdictInput } => v.verdict !== null && v.verdict.flags.length > 0,
  );
  const visitsPerDay = groupBy(data.visits, (v) => `${v.visit.managerId}\u0000${v.date}`);
  for (const [key, visits] of groupBy(flagged, (v) => `${v.visit.managerId}\u0000${v.date}`)) {
    visits.sort(inTimeOrder);
    drafts.push({
      kind: 'flagged_day',
      severity: 'high',
      managerId: visits[0].visit.managerId,
      dates: [visits[0].date],
      visitIds: visits.map((v) => v.visit.id),
      retailerIds: [...new Set(visits.map((v) => v.visit.retailerId))],
      codes: countCodes(visits.flatMap((v) => v.verdict.flags)),
      outOf: visitsPerDay.get(key)?.length ?? visits.length,
      message: null,
    });
  }

  for (const { c, managerId } of data.contradictions) {
    const ids = [...new Set([...(c.visitId === undefined ? [] : [c.visitId]), ...(c.visitIds ?? [])])]
      .map((id) => visitById.get(id))
      .filter((v): v is DatedVisit => v !== undefined)
      .sort(inTimeOrder);
    drafts.push({
      kind: 'contradiction',
      severity: DENIED.has(c.kind) ? 'high' : 'medium',
      managerId,
      dates: [...new Set(ids.map((v) => v.date))].sort(),
      visitIds: ids.map((v) => v.visit.id),
      retailerIds: [c.retailerId],
      codes: [{ code: c.kind, count: 1 }],
      outOf: 1,
      message: c.message ?? null,
    });
  }

  const visitsOf = groupBy(data.visits, (v) => v.visit.managerId);
  const unproven = data.visits.filter(
    (v) => v.verdict?.status !== 'verified' && !(v.verdict !== null && v.verdict.flags.length > 0),
  );
  const reasonOf = (v: DatedVisit) => (v.verdict === null ? 'NO_VERDICT' : (v.verdict.reasons[0] ?? 'NO_REASON'));
  for (const visits of groupBy(unproven, (v) => `${v.visit.managerId}\u0000${reasonOf(v)}`).values()) {
    visits.sort(inTimeOrder);
    const status = visits[0].verdict?.status;
    drafts.push({
      kind: 'unproven_visits',
      severity: status === 'rejected' ? 'medium' : 'low',
      managerId: visits[0].visit.managerId,
      dates: [...new Set(visits.map((v) => v.date))].sort(),
      visitIds: visits.map((v) => v.visit.id),
      retailerIds: [...new Set(visits.map((v) => v.visit.retailerId))],
      codes: countCodes(visits.flatMap((v) => (v.verdict === null ? ['NO_VERDICT'] : v.verdict.reasons))),
      outOf: visitsOf.get(visits[0].visit.managerId)?.length ?? visits.length,
      message: null,
    });
  }

  const visited = new Set(data.visits.map((v) => `${v.visit.managerId}\u0000${v.date}\u0000${v.visit.retailerId}`));
  const missed = data.plans
    .flatMap((p) => p.stops.map((s) => ({ managerId: p.managerId, date: p.date, retailerId: s.retailerId })))
    .filter((s) => !visited.has(`${s.managerId}\u0000${s.date}\u0000${s.retailerId}`));
  const plannedPerDay = groupBy(
    data.plans.flatMap((p) => p.stops.map(() => `${p.managerId}\u0000${p.date}`)),
    (k) => k,
  );
  for (const [key, stops] of groupBy(missed, (s) => `${s.managerId}\u0000${s.date}`)) {
    stops.sort((a, b) => byText(a.retailerId, b.retailerId));
    drafts.push({
      kind: 'missed_stops',
      severity: 'low',
      managerId: stops[0].managerId,
      dates: [stops[0].date],
      visitIds: [],
      retailerIds: stops.map((s) => s.retailerId),
      codes: [{ code: 'NOT_VISITED', count: stops.length }],
      outOf: plannedPerDay.get(key)?.length ?? stops.length,
      message: null,
    });
  }

  for (const move of moved)
    drafts.push({
      kind: 'figures_moved',
      // a fall is checked, a rise watched
      severity: move.change < 0 ? 'medium' : 'low',
      managerId: move.managerId,
      dates: [],
      visitIds: [],
      retailerIds: [],
      codes: [{ code: move.change < 0 ? 'SCORE_DOWN' : 'SCORE_UP', count: 1 }],
      outOf: visitsOf.get(move.managerId)?.length ?? 0,
      message: null,
      move,
    });
  const size = (d: Draft) =>
    d.kind === 'figures_moved'
      ? Math.round(Math.abs(d.move?.change ?? 0) * 1e4)
      : d.visitIds.length || d.retailerIds.length;
  drafts.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      size(b) - size(a) ||
      byText(a.managerId ?? '', b.managerId ?? '') ||
      byText(a.dates[0] ?? '', b.dates[0] ?? '') ||
      byText(a.retailerIds[0] ?? '', b.retailerIds[0] ?? ''),
  );

  const named = new Map<string, number[]>();
  const items: AttentionItem[] = drafts.map((d, i) => {
    const visits = d.visitIds.flatMap((id) => visitById.get(id) ?? []);
    for (const id of d.visitIds) {
      const list = named.get(id);
      if (list) list.push(i);
      else named.set(id, [i]);
    }
    const distances = visits.flatMap((v) =>
      v.verdict === null ? [] : [v.verdict.distanceM.start, v.verdict.distanceM.end].filter((m) => m !== null),
    );
    return {
      ...d,
      verifiedVisits: visits.filter((v) => v.verdict?.status === 'verified').length,
      maxDistanceM: distances.length ? round1(Math.max(...distances)) : null,
    };
  });

  const evidence: VisitEvidence[] = [...named.keys()]
    .flatMap((id) => visitById.get(id) ?? [])
    .sort(inTimeOrder)
    .map(({ visit, date, verdict }) => ({
      visitId: visit.id,
      managerId: visit.managerId,
      retailerId: visit.retailerId,
      retailerName: data.retailerById.get(visit.retailerId)?.name ?? visit.retailerId,
      date,
      start: formatLocalDateTime(visit.start.at, utcOffsetMinutes),
      end: visit.end === undefined ? null : formatLocalDateTime(visit.end.at, utcOffsetMinutes),
      status: verdict?.status ?? 'no_verdict',
      reasons: verdict ? [...verdict.reasons] : [],
      flags: verdict ? [...verdict.flags] : [],
      startDistanceM: roundOrNull(verdict?.distanceM.start, round1),
      endDistanceM: roundOrNull(verdict?.distanceM.end, round1),
      dwellS: roundOrNull(verdict?.dwellS, round1),
      confidence: roundOrNull(verdict?.confidence, round4),
      startFix: fixOf(visit.start),
      endFix: visit.end === undefined ? null : fixOf(visit.end),
      items: named.get(visit.id) ?? [],
    }));
  return { items, visits: evidence };
}
