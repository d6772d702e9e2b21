import { BeatplanError, dayNumberOf, issueReason, parseOrThrow } from '@beatplan/core';
import type { ManagerReport } from '../report.js';
import { computeScore, SCORECARD_KPIS, type NormalisedKpis, type ScorecardKpi } from '../scorecard.js';
import {
  PreviousReportSchema,
  TREND_METRICS,
  type ManagerTrend,
  type PreviousReport,
  type TrendChange,
  type TrendMetric,
  type TrendMove,
  type TrendOptions,
  type TrendPoint,
  type TrendReport,
} from '../trend.js';
import { inspectionsAsking } from './asked-items.js';
import { rankScores } from './rank-scores.js';
import { round4 } from './round.js';

/** One period as the trend reads it: the input's earlier reports, or the report being built. */
interface PeriodData {
  report: PreviousReport;
  /** Where it came from, for errors: `['previous', i]` or `['period']` (the report's own). */
  path: (string | number)[];
}

const NULL_KPIS = Object.fromEntries(SCORECARD_KPIS.map((k) => [k, null])) as NormalisedKpis;
const label = (p: { from: string; to: string }) => `${p.from} – ${p.to}`;

/**
 * Orders the periods by their start and refuses overlaps: two periods sharing a day (the same week
 * given twice, a month and a week inside it) would count that day's visits twice. Every overlap is
 * one issue naming both periods; an earlier report whose period does not end before the report's own
 * starts is refused too (the trend ends with the report's period).
 */
function orderPeriods(earlier: PeriodData[], current: PeriodData): PeriodData[] {
  const periods = [...earlier, current];
  const issues = earlier.flatMap((p) =>
    p.report.period.to >= current.report.period.from
      ? [
          {
            path: [...p.path, 'period'],
            value: label(p.report.period),
            ...issueReason('reports.earlier_period', { period: label(current.report.period) }),
          },
        ]
      : [],
  );
  const sorted = [...periods].sort((a, b) => dayNumberOf(a.report.period.from) - dayNumberOf(b.report.period.from));
  for (const [i, b] of sorted.entries()) {
    const a = sorted[i - 1];
    if (a === undefined) continue;
    if (b.report.period.from <= a.report.period.to && b !== current && a !== current)
      issues.push({
        path: [...b.path, 'period'],
        value: label(b.report.period),
        ...issueReason('reports.period_overlap', { period: label(a.report.period), at: a.path.join('.') }),
      });
  }
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  return sorted;
}

function changeOf(
  metric: TrendMetric,
  a: TrendPoint,
  b: TrendPoint,
  options: TrendOptions,
  weights: Readonly<Record<ScorecardKpi, number>>,
): TrendChange {
  const value = (p: TrendPoint) => (metric === 'score' ? p.score : metric === 'visits' ? p.visits : p.kpis[metric]);
  const [from, to] = [value(a), value(b)];
  const onInspections = metric === 'inspection' || metric === 'integrity';
  // only the inspections that asked what the KPI scores count (all of them under the default checklist)
  const basisOf = (p: TrendPoint) =>
    metric === 'inspection' || metric === 'integrity' ? inspectionsAsking(metric, p.inspections, p.notAsked) : p.visits;
  const [ba, bb] = [basisOf(a), basisOf(b)];
  const basis = ba === null || bb === null ? null : Math.min(ba, bb);
  const change = from === null || to === null ? null : round4(to - from);
  const min = onInspections ? options.minInspections : options.minVisits;
  const measured = (p: TrendPoint) => SCORECARD_KPIS.filter((k) => weights[k] > 0 && p.kpis[k] !== null).join();
  const why =
    change === null
      ? 'missing'
      : basis === null || basis < min
        ? 'basis'
        : metric === 'score' && measured(a) !== measured(b)
          ? 'kpis'
          : null;
  return { metric, from, to, change, basis, meaningful: why === null, why };
}

/**
 * The trend of a report over its own period and the earlier reports given: per manager, each period's
 * KPIs, visits, score and rank (recomputed with the report's `weights`, so every period is scored
 * alike), the change of every {@link TREND_METRICS} figure against the previous period with whether it is
 * meaningful (the inspection KPIs' basis: the inspections that asked what they score), and the managers
 * whose score moved most. Throws `INVALID_INPUT` for an earlier report
 * that is not one (every issue under `previous[i]`) and for overlapping periods.
 */
export function buildTrend(
  current: { title: string; period: { from: string; to: string } | null; managers: readonly ManagerReport[] },
  previous: readonly unknown[],
  weights: Readonly<Record<ScorecardKpi, number>>,
  options: TrendOptions,
): TrendReport {
  const earlier: PeriodData[] = previous.map((p, i) => ({
    report: parseOrThrow(PreviousReportSchema, p, ['previous', i]),
    path: ['previous', i],
  }));
  const base = {
    minVisits: options.minVisits,
    minInspections: options.minInspections,
    movedPoints: options.movedPoints,
  };
  if (current.period === null) {
    if (earlier.length)
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['period'],
          ...issueReason('reports.no_period'),
        },
      ]);
    return { ...base, periods: [], managers: [], moved: [] };
  }
  const own = { title: current.title, period: current.period, managers: [...current.managers] };
  const periods = orderPeriods(earlier, { report: own, path: ['period'] });

  // every period's points, keyed by manager
  const pointsOf = periods.map(({ report }) => {
    const rows = report.managers.map((m) => ({ managerId: m.managerId, ...computeScore(m.kpis, weights) }));
    const { ranks } = rankScores(rows);
    return new Map(
      report.managers.map((m, i) => [
        m.managerId,
        {
          name: m.name,
          point: {
            present: true,
            visits: m.visits,
            inspections: m.inspections,
            ...(m.notAsked ? { notAsked: { ...m.notAsked } } : {}),
            kpis: { ...m.kpis },
            score: rows[i]?.score ?? null,
            rank: ranks.get(m.managerId) ?? null,
          } satisfies TrendPoint,
        },
      ]),
    );
  });
  const absent: TrendPoint = {
    present: false,
    visits: null,
    inspections: null,
    kpis: NULL_KPIS,
    score: null,
    rank: null,
  };
  const ids = [...current.managers.map((m) => m.managerId)];
  const known = new Set(ids);
  for (const period of [...pointsOf].reverse())
    for (const id of period.keys())
      if (!known.has(id)) {
        known.add(id);
        ids.push(id);
      }

  const n = periods.length;
  const managers: ManagerTrend[] = ids.map((managerId) => {
    const points = pointsOf.map((m) => m.get(managerId)?.point ?? { ...absent, kpis: { ...NULL_KPIS } });
    let name = managerId;
    for (const m of pointsOf) name = m.get(managerId)?.name || name; // the latest name given
    const [a, b] = [points[n - 2], points[n - 1]];
    if (a === undefined || b === undefined) return { managerId, name, points, changes: [], rankChange: null };
    return {
      managerId,
      name,
      points,
      changes: TREND_METRICS.map((metric) => changeOf(metric, a, b, options, weights)),
      rankChange: a.rank === null || b.rank === null ? null : a.rank - b.rank,
    };
  });

  const moved: TrendMove[] = managers.flatMap((m) => {
    const score = m.changes.find((c) => c.metric === 'score');
    if (!score?.meaningful || score.change === null || Math.abs(score.change) < options.movedPoints) return [];
    // the KPI whose weighted change moved the score most
    let best: { kpi: ScorecardKpi; change: number; impact: number } | null = null;
    for (const c of m.changes) {
      if (c.metric === 'score' || c.metric === 'visits' || !c.meaningful || c.change === null) continue;
      const impact = Math.abs(c.change * weights[c.metric]);
      if (best === null || impact > best.impact) best = { kpi: c.metric, change: c.change, impact };
    }
    const [from, to] = [score.from ?? 0, score.to ?? 0]; // both known: the change is meaningful
    return [
      {
        managerId: m.managerId,
        from,
        to,
        change: score.change,
        kpi: best?.kpi ?? null,
        kpiChange: best?.change ?? null,
      },
    ];
  });
  moved.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.managerId < b.managerId ? -1 : 1));

  return {
    ...base,
    periods: periods.map(({ report }) => ({
      from: report.period.from,
      to: report.period.to,
      days: dayNumberOf(report.period.to) - dayNumberOf(report.period.from) + 1,
      title: report.title,
    })),
    managers,
    moved,
  };
}
