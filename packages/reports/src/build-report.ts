import { getKnown, parseOrThrow, VISITS_PER_FOUR_WEEKS, type Retailer } from '@beatplan/core';
import { accumulateKpis } from './internal/accumulate-kpis.js';
import { buildMap } from './internal/build-map.js';
import { checkReferences } from './internal/check-references.js';
import { checkChecklist } from './internal/check-checklist.js';
import { findAttention } from './internal/find-attention.js';
import { computeBalance } from './internal/compute-balance.js';
import { computeGroupStats } from './internal/group-stats.js';
import { addSums, emptySums, finishFigures, normaliseKpis } from './internal/kpi-sums.js';
import { prepareData } from './internal/prepare-data.js';
import { round1 } from './internal/round.js';
import type { ManagerReport, Report } from './report.js';
import { ReportInputSchema, type ReportInputData } from './report-input.js';
import { computeScore, resolveWeights, SCORECARD_KPIS, type ScorecardWeights } from './scorecard.js';
import { rankScores } from './internal/rank-scores.js';
import { buildTrend } from './internal/build-trend.js';
import { buildDecision } from './internal/build-decision.js';

const NO_REGION = '(no region)';
/** The weights a what-if names (the others stay the report's). */
const resolvePartial = (w: ScorecardWeights) =>
  Object.fromEntries(SCORECARD_KPIS.flatMap((k) => (w[k] === undefined ? [] : [[k, w[k]]])));

/**
 * Computes the whole report from plain data: per-manager KPIs and weighted scorecard, totals,
 * workload balance (and its change after a re-partition), figures by segment, region and class, and
 * the map's geometry. A pure function: the same input gives the same report, with no I/O.
 *
 * Conventions: a visit belongs to its manager and to the local date (`utcOffsetMinutes`) of its start
 * fix; an inspection counts for the retailer's manager (its `managerId`, else its territory's); records
 * outside `period` are left out. The figures are defined in `KpiFigures`, the scorecard in
 * `computeScore` and `SCORECARD_KPIS`. Inspections are read under the input's `checklist` (default the
 * four seed items): a seed item it leaves out is counted as not asked (`notAsked`), never scored.
 *
 * @param input - the report's data, see {@link ReportInputSchema} (untrusted: validated here).
 * @returns the {@link Report}, JSON-safe.
 * @throws {BeatplanError} `INVALID_INPUT` listing every field that breaks the schema or every
 *   duplicated id; `UNKNOWN_REFERENCE` listing every id that refers to no given record.
 * @example
 * const report = buildReport({
 *   managers: [{ id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: {} }],
 *   retailers: [{ id: 'R1', name: 'Shop', location: { lng: 120.16, lat: 30.27 }, segment: 'retail', class: 'B',
 *     serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 4, orderVolume: 900, managerId: 'M1' }],
 * });
 * report.managers[0].retailers; // 1
 */
export function buildReport(input: ReportInputData | unknown): Report {
  const parsed = parseOrThrow(ReportInputSchema, input);
  checkReferences(parsed);
  const leftOut = checkChecklist(parsed);
  const data = prepareData(parsed);
  const weights = resolveWeights(parsed.weights);
  const { sums, days } = accumulateKpis(
    data,
    parsed.managers,
    parsed.undecidedPrecision,
    parsed.incompleteVisits,
    parsed.routes,
  );
  const routed = parsed.routes !== undefined;

  const assigned = new Map<string, Retailer[]>(parsed.managers.map((m) => [m.id, []]));
  for (const r of parsed.retailers) {
    const m = data.managerOfRetailer.get(r.id);
    if (m !== undefined) getKnown(assigned, m, 'manager').push(r);
  }
  const managers: ManagerReport[] = parsed.managers.map((m) => {
    const s = getKnown(sums, m.id, 'manager');
    const kpis = normaliseKpis(s);
    const mine = getKnown(assigned, m.id, 'manager');
    return {
      managerId: m.id,
      name: m.name,
      region: m.region ?? null,
      retailers: mine.length,
      assignedServiceMinutesPer4Weeks: round1(
        mine.reduce((a, r) => a + r.serviceMinutes * VISITS_PER_FOUR_WEEKS[r.visitFrequency], 0),
      ),
      days: getKnown(days, m.id, 'manager').size,
      ...finishFigures(s, routed, leftOut),
      kpis,
      ...computeScore(kpis, weights),
      rank: null,
    };
  });
  const { ranks, ranking } = rankScores(managers);
  for (const m of managers) m.rank = ranks.get(m.managerId) ?? null;
  const whatIf = parsed.whatIf.map((w) => {
    const alt = { ...weights, ...resolvePartial(w.weights) };
    const rows = managers.map((m) => ({ managerId: m.managerId, ...computeScore(m.kpis, alt) }));
    const ranked = rankScores(rows);
    return {
      label:
        w.label ??
        (SCORECARD_KPIS.filter((k) => alt[k] !== weights[k])
          .map((k) => `${k} ${alt[k]}`)
          .join(', ') ||
          'unchanged'),
      weights: alt,
      managers: rows.map((r) => ({ ...r, rank: ranked.ranks.get(r.managerId) ?? null })),
      ranking: ranked.ranking,
    };
  });

  const title = parsed.title ?? 'beatplan report';
  const trend = buildTrend({ title, period: data.period, managers }, parsed.previous, weights, parsed.trend);

  const regions = [...new Set(parsed.retailers.map((r) => r.region ?? NO_REGION))].sort((a, b) =>
    a === NO_REGION ? 1 : b === NO_REGION ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    title,
    period: data.period,
    utcOffsetMinutes: parsed.utcOffsetMinutes,
    weights,
    undecidedPrecision: parsed.undecidedPrecision,
    incompleteVisits: parsed.incompleteVisits,
    routeCostSource: parsed.routes?.costSource ?? null,
    counts: {
      retailers: parsed.retailers.length,
      managers: parsed.managers.length,
      plans: data.plans.length,
      visits: data.visits.length,
      verdicts: data.visits.filter((v) => v.verdict).length,
      inspections: data.inspections.length,
      contradictions: data.contradictions.length,
      territories: parsed.territories.length,
    },
    managers,
    ranking,
    whatIf,
    totals: finishFigures([...sums.values()].reduce(addSums, emptySums()), routed, leftOut),
    balance: computeBalance(managers, parsed.repartition),
    segments: computeGroupStats(data, ['retail', 'chain_supermarket', 'hotel_entertainment'], (r) => r.segment),
    regions: computeGroupStats(data, regions, (r) => r.region ?? NO_REGION),
    classes: computeGroupStats(data, ['A', 'B', 'C'], (r) => r.class),
    findings: data.contradictions.map(({ c, managerId }) => ({
      retailerId: c.retailerId,
      retailerName: data.retailerById.get(c.retailerId)?.name ?? c.retailerId,
      managerId,
      kind: c.kind,
      inspectionId: c.inspectionId ?? null,
      visitIds: [...new Set([...(c.visitId === undefined ? [] : [c.visitId]), ...(c.visitIds ?? [])])],
      message: c.message ?? null,
    })),
    attention: findAttention(data, parsed.utcOffsetMinutes, trend.moved),
    trend,
    decision: buildDecision(data, parsed.retailers, parsed.managers, managers, parsed.decision),
    map: buildMap(parsed, data),
  };
}
