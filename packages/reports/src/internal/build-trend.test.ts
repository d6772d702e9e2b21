import { readFileSync } from 'node:fs';
import { SEED_ITEMS, type SeedItemId } from '@beatplan/core';
import { buildReport, renderReportHtml, reportToCsv } from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const hand = JSON.parse(readFileSync(new URL('../../test/in/scorecard-hand.json', import.meta.url), 'utf8')) as Record<
  string,
  any
>;
const IDS = SEED_ITEMS.map((s) => s.id);
const SCORED: SeedItemId[] = ['pricesTagged', 'policyMaterialDisplayed', 'satisfaction'];
const WEEKS = [
  { from: '2025-03-03', to: '2025-03-09', day: '2025-03-05', tag: 'A' },
  { from: '2025-03-10', to: '2025-03-16', day: '2025-03-12', tag: 'B' },
] as const;
const managerOf = new Map((hand.retailers as { id: string; managerId: string }[]).map((r) => [r.id, r.managerId]));

const answer = fc.record({
  retailerId: fc.constantFrom('R1', 'R2', 'R3'),
  pricesTagged: fc.boolean(),
  policyMaterialDisplayed: fc.boolean(),
  satisfaction: fc.integer({ min: 1, max: 5 }),
  managerVisitConfirmed: fc.constantFrom('yes', 'no', 'unsure'),
});
const period = fc.record({
  asked: fc.subarray(IDS),
  answers: fc.array(answer, { maxLength: 9 }),
  contradict: fc.boolean(),
});

/** One week's report input: the inspections asked under its own checklist, one contradiction if `contradict`. */
type Period = { asked: SeedItemId[]; answers: Record<SeedItemId | 'retailerId', unknown>[]; contradict: boolean };

function weekInput(w: (typeof WEEKS)[number], p: Period) {
  const at = `${w.day}T10:00:00+08:00`;
  const base = hand.inspections[0] as Record<string, unknown>;
  const inspections = p.answers.map((a, k) => ({
    ...Object.fromEntries(Object.entries(base).filter(([key]) => !IDS.includes(key as SeedItemId))),
    id: `${w.tag}${k}`,
    retailerId: a.retailerId,
    at,
    fix: { ...(base.fix as object), at },
    ...Object.fromEntries(p.asked.map((id) => [id, a[id]])),
  }));
  const first = inspections[0];
  return {
    ...hand,
    period: { from: w.from, to: w.to },
    checklist: p.asked.map((id) => ({ id })),
    inspections,
    contradictions:
      p.contradict && first ? [{ retailerId: first.retailerId, kind: 'PHONE_DENIED', inspectionId: first.id }] : [],
  };
}

describe('the trend under checklists that leave seed items out', () => {
  it('property: the inspection KPIs rest on a recount of the inspections that asked what they score', () => {
    fc.assert(
      fc.property(period, period, fc.integer({ min: 1, max: 4 }), (a, b, minInspections) => {
        const trend = { minInspections, minVisits: 1 };
        const earlier = buildReport({ ...weekInput(WEEKS[0], a), trend });
        const r = buildReport({ ...weekInput(WEEKS[1], b), trend, previous: [earlier] });
        // recount from the records: a period's inspections at the manager's retailers that asked `items`
        const recount = (p: typeof a, managerId: string, items: SeedItemId[]) =>
          items.some((id) => p.asked.includes(id))
            ? p.answers.filter((x) => managerOf.get(x.retailerId) === managerId).length
            : 0;
        for (const m of r.trend.managers) {
          for (const [metric, items] of [
            ['inspection', SCORED],
            ['integrity', ['managerVisitConfirmed']],
          ] as const) {
            const c = m.changes.find((x) => x.metric === metric);
            const expected = Math.min(recount(a, m.managerId, [...items]), recount(b, m.managerId, [...items]));
            expect(c?.basis, `${m.managerId} ${metric}`).toBe(expected);
            expect(c?.meaningful).toBe(c?.change !== null && expected >= minInspections);
          }
          // each period's point says what its checklist left out, as its report did
          for (const [i, p] of [a, b].entries()) {
            const left = IDS.filter((id) => !p.asked.includes(id));
            const n = p.answers.filter((x) => managerOf.get(x.retailerId) === m.managerId).length;
            expect(m.points[i]?.notAsked).toEqual(
              left.length ? Object.fromEntries(left.map((id) => [id, n])) : undefined,
            );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('says so in the trend note and adds notAsked to the trend CSV; the default checklist keeps both as they were', () => {
    const ask = (asked: SeedItemId[]) => ({
      asked,
      answers: [
        {
          retailerId: 'R1',
          pricesTagged: true,
          policyMaterialDisplayed: true,
          satisfaction: 4,
          managerVisitConfirmed: 'yes',
        },
      ],
      contradict: false,
    });
    const earlier = buildReport(weekInput(WEEKS[0], ask(IDS)));
    const r = buildReport({ ...weekInput(WEEKS[1], ask(['pricesTagged'])), previous: [earlier] });
    expect(renderReportHtml(r)).toContain('A checklist left seed items out, so only the inspections that asked what');
    expect(renderReportHtml(r, { locale: 'zh-CN' })).toContain('有期间的检查表未包含部分基础项');
    const rows = reportToCsv(r).trend?.split('\r\n') ?? [];
    expect(rows[0]?.endsWith(',score,rank,notAsked')).toBe(true);
    expect(rows.slice(1, 3)).toEqual([
      expect.stringMatching(/^M1,Ann,2025-03-03,.*,$/), // the earlier week asked everything
      expect.stringMatching(/^M1,Ann,2025-03-10,.*,policyMaterialDisplayed:1 satisfaction:1 managerVisitConfirmed:1$/),
    ]);
    const plain = buildReport({ ...weekInput(WEEKS[1], ask(IDS)), previous: [earlier] });
    expect(renderReportHtml(plain)).not.toContain('A checklist left seed items out');
    expect(reportToCsv(plain).trend?.split('\r\n')[0]?.endsWith(',score,rank')).toBe(true);
  });
});
