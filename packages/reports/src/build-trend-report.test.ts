import { readFileSync } from 'node:fs';
import { addDays } from '@beatplan/core';
import {
  buildReport,
  buildTrendReport,
  cutPeriods,
  renderReportHtml,
  reportToCsv,
  SCORECARD_KPIS,
  type Report,
} from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../core/test/helpers.js';

const SEED = 20261207;
const city = JSON.parse(readFileSync(new URL('../test/in/small-city.json', import.meta.url), 'utf8')) as Record<
  string,
  any
>;
const WEEK0 = { from: '2025-03-03', to: '2025-03-09' };
const STATUSES = ['verified', 'rejected', 'unverifiable'] as const;

/** The small city's week copied `weeks` times, a week apart (ids and dates shifted), verdicts by `statusOf`. */
function weeksOf(weeks: number, statusOf: (week: number, i: number) => string = () => 'keep'): Record<string, any> {
  const shift = (value: unknown, w: number) =>
    JSON.parse(JSON.stringify(value).replace(/2025-03-(0\d)/g, (d) => addDays(d, 7 * w)));
  const out: Record<string, any> = {
    ...city,
    plans: [],
    visits: [],
    verdicts: [],
    inspections: [],
    contradictions: [],
  };
  delete out.period;
  delete out.repartition;
  for (let w = 0; w < weeks; w++) {
    const tag = (id: string) => (w === 0 ? id : `${id}w${w}`);
    out.plans.push(...shift(city.plans, w));
    out.visits.push(...shift(city.visits, w).map((v: any) => ({ ...v, id: tag(v.id) })));
    out.verdicts.push(
      ...shift(city.verdicts, w).map((v: any, i: number) => {
        const s = statusOf(w, i);
        const own = { ...v, visitId: tag(v.visitId) };
        return s === 'keep' ? own : { ...own, status: s, reasons: s === 'verified' ? [] : ['OUT_OF_RANGE'], flags: [] };
      }),
    );
    out.inspections.push(...shift(city.inspections, w).map((r: any) => ({ ...r, id: tag(r.id) })));
    out.contradictions.push(
      ...shift(city.contradictions, w).map((c: any) => ({
        ...c,
        ...(c.inspectionId ? { inspectionId: tag(c.inspectionId) } : {}),
        ...(c.visitId ? { visitId: tag(c.visitId) } : {}),
        ...(c.visitIds ? { visitIds: c.visitIds.map(tag) } : {}),
      })),
    );
  }
  return out;
}
const weekOf = (w: number) => ({ from: addDays(WEEK0.from, 7 * w), to: addDays(WEEK0.to, 7 * w) });
const loose = { minVisits: 1, minInspections: 1, movedPoints: 5 };

describe('cutPeriods', () => {
  it('cuts into whole calendar weeks (Monday to Sunday) and months', () => {
    expect(cutPeriods('2025-03-05', '2025-03-18', 'week')).toEqual([
      { from: '2025-03-03', to: '2025-03-09' },
      { from: '2025-03-10', to: '2025-03-16' },
      { from: '2025-03-17', to: '2025-03-23' },
    ]);
    expect(cutPeriods('2024-12-30', '2025-02-01', 'month')).toEqual([
      { from: '2024-12-01', to: '2024-12-31' },
      { from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-02-28' },
    ]);
  });
});

describe('the trend', () => {
  it('over several weeks equals the per-week reports, whatever order the earlier reports come in (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.constantFrom(...STATUSES), {
          minLength: 4 * city.verdicts.length,
          maxLength: 4 * city.verdicts.length,
        }),
        fc.record(Object.fromEntries(SCORECARD_KPIS.map((k) => [k, fc.integer({ min: 0, max: 5 })]))),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (weeks, statuses, w, order) => {
          const weights = SCORECARD_KPIS.some((k) => (w[k] ?? 0) > 0) ? w : { completion: 1 };
          const data = {
            ...weeksOf(weeks, (wk, i) => statuses[wk * city.verdicts.length + i]!),
            weights,
            trend: loose,
          };
          const report = buildTrendReport(data, { every: 'week' });
          const perWeek = Array.from({ length: weeks }, (_, k) => buildReport({ ...data, period: weekOf(k) }));
          expect(report.trend.periods.map((p) => ({ from: p.from, to: p.to }))).toEqual(
            perWeek.map((r) => r.period && { from: r.period.from, to: r.period.to }),
          );
          // the last period's report is the week's own report, its trend added
          const last = perWeek[weeks - 1]!;
          expect(report.managers).toEqual(last.managers);
          for (const m of report.trend.managers) {
            m.points.forEach((p, k) => {
              const own = perWeek[k]!.managers.find((x) => x.managerId === m.managerId)!;
              expect(p).toEqual({
                present: true,
                visits: own.visits,
                inspections: own.inspections,
                kpis: own.kpis,
                score: own.score,
                rank: own.rank,
              });
            });
            for (const c of m.changes) {
              expect(c.change).toBe(c.from === null || c.to === null ? null : Math.round((c.to - c.from) * 1e4) / 1e4);
              expect(c.meaningful).toBe(c.why === null);
              if (c.change === null) expect(c.why).toBe('missing');
              else if (c.basis === null || c.basis < 1) expect(c.why).toBe('basis');
              else if (c.metric !== 'score') expect(c.why).toBeNull();
            }
          }
          // the earlier reports' JSON, shuffled, give the same trend
          const earlier = perWeek.slice(0, -1).map((r) => JSON.parse(JSON.stringify(r)) as Report);
          const shuffled = [...earlier].sort(
            (a, b) => (order[earlier.indexOf(a)]! % 7) - (order[earlier.indexOf(b)]! % 7),
          );
          const fromJson = buildReport({ ...data, period: weekOf(weeks - 1), previous: shuffled });
          const untitled = (t: Report['trend']) => ({ ...t, periods: t.periods.map((p) => ({ ...p, title: '' })) });
          expect(untitled(fromJson.trend)).toEqual(untitled(report.trend));
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('scores every period with the report’s weights, whatever weights the earlier reports had', () => {
    const data = { ...weeksOf(2), trend: loose };
    const other = buildReport({ ...data, period: weekOf(0), weights: { completion: 9, route: 0 } });
    const mine = buildReport({ ...data, period: weekOf(0) });
    const a = buildReport({ ...data, period: weekOf(1), previous: [other] });
    const b = buildReport({ ...data, period: weekOf(1), previous: [mine] });
    expect(a.trend.managers).toEqual(b.trend.managers);
  });

  it('says so with one period only: no change, no mover, and the HTML tells the reader', () => {
    const report = buildReport(city);
    expect(report.trend.periods).toHaveLength(1);
    expect(report.trend.managers.every((m) => m.changes.length === 0 && m.rankChange === null)).toBe(true);
    expect(report.trend.moved).toEqual([]);
    const html = renderReportHtml(report);
    expect(html).toMatch(/<section id="trends"><h2>Trends<\/h2><p class="note" data-periods="1">Only one period/);
    expect(renderReportHtml(report, { locale: 'zh-CN' })).toContain('只有一个期间');
    expect(reportToCsv(report)['trend-changes']).toBeUndefined();
  });

  it('marks a change resting on fewer visits than minVisits as not meaningful (default 20)', () => {
    const report = buildTrendReport(weeksOf(2), { every: 'week' });
    expect(report.trend.minVisits).toBe(20);
    const score = report.trend.managers[0]!.changes.find((c) => c.metric === 'score')!;
    expect(score.basis).toBeLessThan(20);
    expect(score.meaningful).toBe(false);
    expect(renderReportHtml(report)).toMatch(
      /<span class="chg nm" data-meaningful="false" title="not meaningful: rests on \d+, fewer than 20/,
    );
  });

  it('lists the managers whose score moved most in "needs attention", with the KPI behind it', () => {
    // every visit of the second week fails: M1's score falls
    const data = {
      ...weeksOf(2, (w, i) => (w === 1 && city.verdicts[i].visitId.startsWith('V-M1') ? 'rejected' : 'keep')),
      trend: loose,
    };
    const report = buildTrendReport(data, { every: 'week' });
    const move = report.trend.moved.find((m) => m.managerId === 'M1')!;
    expect(move.change).toBeLessThanOrEqual(-5);
    expect(move.kpi).toBe('verification');
    const item = report.attention.items.find((i) => i.kind === 'figures_moved' && i.managerId === 'M1')!;
    expect(item).toMatchObject({ severity: 'medium', codes: [{ code: 'SCORE_DOWN', count: 1 }], move });
    const html = renderReportHtml(report);
    expect(html).toContain(
      '<li class="attention-item medium" data-kind="figures_moved" data-severity="medium" data-manager="M1"',
    );
    expect(html).toContain('href="#trend-M1"');
    expect(html).toContain('<tr id="trend-M1">');
    expect(html).toMatch(/score [\d.]+ → [\d.]+ \(−[\d.]+\) against 2025-03-03 – 2025-03-09/);
    expect(reportToCsv(report)['trend-changes']).toMatch(
      /^managerId,name,metric,from,to,change,basis,meaningful\r\nM1,/,
    );
  });

  it('follows a manager present in only some periods, and reads an older report without some figures', () => {
    const data = { ...weeksOf(2), trend: loose };
    const old = JSON.parse(JSON.stringify(buildReport({ ...data, period: weekOf(0) }))) as Record<string, any>;
    old.managers = old.managers.filter((m: any) => m.managerId !== 'M3');
    old.managers.push({ managerId: 'M0', name: 'Left', visits: 3, kpis: { completion: 1 } }); // left since; an older shape
    for (const m of old.managers) delete m.inspections;
    const report = buildReport({ ...data, period: weekOf(1), previous: [old] });
    const byId = new Map(report.trend.managers.map((m) => [m.managerId, m]));
    expect(report.trend.managers.map((m) => m.managerId)).toEqual(['M1', 'M2', 'M3', 'M0']);
    expect(byId.get('M3')!.points[0]).toMatchObject({ present: false, score: null });
    expect(byId.get('M3')!.changes.find((c) => c.metric === 'score')).toMatchObject({
      change: null,
      meaningful: false,
    });
    expect(byId.get('M0')!.points[1]!.present).toBe(false);
    expect(byId.get('M0')!.points[0]!.kpis).toMatchObject({ completion: 1, verification: null });
    // no inspection count in the older report: its inspection changes cannot be judged
    expect(byId.get('M1')!.changes.find((c) => c.metric === 'inspection')).toMatchObject({
      basis: null,
      meaningful: false,
    });
    expect(renderReportHtml(report)).toContain('>new</span>');
  });

  it('refuses overlapping periods, an earlier report not before the report, and a report without a period', () => {
    const data = { ...weeksOf(3), trend: loose };
    const [w0, w1] = [buildReport({ ...data, period: weekOf(0) }), buildReport({ ...data, period: weekOf(1) })];
    const twice = thrown(() => buildReport({ ...data, period: weekOf(2), previous: [w1, w0, w1] }));
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.issues.map((i) => i.path.join('.'))).toContain('previous.2.period');
    expect(twice.message).toMatch(/overlaps the period 2025-03-10 – 2025-03-16 of previous\.0/);
    const month = buildReport({ ...data, period: { from: '2025-03-01', to: '2025-03-12' } });
    expect(thrown(() => buildReport({ ...data, period: weekOf(2), previous: [w0, month] })).issues[0]!.message).toMatch(
      /overlaps/,
    );
    const later = thrown(() =>
      buildReport({ ...data, period: weekOf(1), previous: [buildReport({ ...data, period: weekOf(2) })] }),
    );
    expect(later.issues[0]).toMatchObject({ path: ['previous', 0, 'period'] });
    expect(later.issues[0]!.message).toMatch(/must end before the report's own period \(2025-03-10 – 2025-03-16\)/);
    const undated = thrown(() => buildReport({ ...data, period: weekOf(1), previous: [{ managers: [] }] }));
    expect(undated.issues[0]!.path).toEqual(['previous', 0, 'period']);
    expect(thrown(() => buildReport({ ...data, previous: Array(61).fill(w0) })).issues[0]!.path).toEqual(['previous']);
  });
});
