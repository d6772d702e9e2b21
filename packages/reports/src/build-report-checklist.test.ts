import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SEED_ITEMS, type SeedItemId } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { buildReport, renderReportHtml, reportToCsv } from '@beatplan/reports';
import { thrown } from '../../core/test/helpers.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/in/${name}`, import.meta.url), 'utf8')) as Record<string, any>;
const hand = load('scorecard-hand.json');
const strip = (r: Record<string, unknown>, ids: readonly string[]) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !ids.includes(k)));

describe('buildReport under a provincial checklist', () => {
  // scorecard-hand.json without satisfaction and the visit question: M1's inspection (prices yes, policy no)
  // scores (1 + 0) / 2, M2's (yes, yes) 1; with the default checklist they score 0.5 and 1 (satisfaction 3 and 5).
  const checklist = [{ id: 'pricesTagged' }, { id: 'policyMaterialDisplayed' }];
  const input = {
    ...hand,
    checklist,
    inspections: hand.inspections.map((r: Record<string, unknown>) =>
      strip(r, ['satisfaction', 'managerVisitConfirmed']),
    ),
    contradictions: [],
  };

  it('scores what was asked and counts what was not (the old code refused these inspections)', () => {
    const r = buildReport(input);
    const [m1, m2] = r.managers;
    expect(m1).toMatchObject({ inspections: 1, inspectionScore: 0.5, pricesTaggedRate: 1, policyDisplayedRate: 0 });
    expect(m1).toMatchObject({
      meanSatisfaction: null,
      visitsDenied: 0,
      notAsked: { satisfaction: 1, managerVisitConfirmed: 1 },
    });
    expect(m1?.kpis).toMatchObject({ inspection: 0.5, integrity: null });
    expect(m2?.kpis).toMatchObject({ inspection: 1, integrity: null });
    expect(r.totals.notAsked).toEqual({ satisfaction: 2, managerVisitConfirmed: 2 });
    // the default checklist's report has no notAsked at all
    expect('notAsked' in buildReport(hand).totals).toBe(false);
  });

  it('says so in the HTML report, in English and Chinese, and in the managers CSV', () => {
    const r = buildReport(input);
    expect(renderReportHtml(r)).toContain(
      'satisfaction: not asked in 2 inspections and manager visit confirmed: not asked in 2 inspections',
    );
    const zh = renderReportHtml(r, { locale: 'zh-CN' });
    expect(zh).toContain('满意度：2 次检查未问');
    expect(zh).toContain('检查表不问客户经理是否来访');
    const rows = reportToCsv(r).managers?.split('\r\n');
    expect(rows?.[0]?.endsWith(',contradictionsByKind,notAsked')).toBe(true);
    expect(rows?.[1]?.endsWith(',satisfaction:1 managerVisitConfirmed:1')).toBe(true);
    expect(reportToCsv(r, { locale: 'zh-CN' }).managers?.split('\r\n')[0]?.endsWith(',未问的基础项')).toBe(true);
    expect(renderReportHtml(buildReport(hand))).not.toContain('not asked');
  });

  it('refuses an inspection that does not fit the checklist, naming the record and the item', () => {
    const e = thrown(() => buildReport({ ...hand, checklist }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'inspections.0.satisfaction',
      'inspections.0.managerVisitConfirmed',
      'inspections.1.satisfaction',
      'inspections.1.managerVisitConfirmed',
    ]);
    expect(e.issues[0]?.message).toBe('record I1 answers satisfaction, which the checklist in force does not ask');
    // without a checklist, the default one asks all four seed items
    const { checklist: _, ...noChecklist } = input;
    expect(thrown(() => buildReport(noChecklist)).issues[0]?.path).toEqual(['inspections', 0, 'satisfaction']);
  });

  it('property: every rate uses only the inspections that asked, and equals a recomputation from the records', () => {
    const ids = SEED_ITEMS.map((s) => s.id);
    const answer = fc.record({
      pricesTagged: fc.boolean(),
      policyMaterialDisplayed: fc.boolean(),
      satisfaction: fc.integer({ min: 1, max: 5 }),
      managerVisitConfirmed: fc.constantFrom('yes', 'no', 'unsure'),
      retailerId: fc.constantFrom('R1', 'R2', 'R3'),
    });
    fc.assert(
      fc.property(fc.subarray(ids), fc.array(answer, { maxLength: 12 }), (asked, answers) => {
        const base = hand.inspections[0] as Record<string, unknown>;
        const inspections = answers.map((a, k) => ({
          ...strip(base, ids),
          id: `I${k}`,
          retailerId: a.retailerId,
          ...Object.fromEntries(asked.map((id) => [id, a[id]])),
        }));
        const r = buildReport({ ...hand, checklist: asked.map((id) => ({ id })), inspections, contradictions: [] });
        const had = (id: SeedItemId) => (asked.includes(id) ? answers : []);
        const mean = (xs: number[]) =>
          xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e4) / 1e4 : null;
        expect(r.totals.pricesTaggedRate).toBe(mean(had('pricesTagged').map((a) => (a.pricesTagged ? 1 : 0))));
        expect(r.totals.policyDisplayedRate).toBe(
          mean(had('policyMaterialDisplayed').map((a) => (a.policyMaterialDisplayed ? 1 : 0))),
        );
        expect(r.totals.meanSatisfaction).toBe(mean(had('satisfaction').map((a) => a.satisfaction)));
        expect(r.totals.visitsDenied).toBe(
          had('managerVisitConfirmed').filter((a) => a.managerVisitConfirmed === 'no').length,
        );
        const scored = ['pricesTagged', 'policyMaterialDisplayed', 'satisfaction'].filter((id) =>
          asked.includes(id as SeedItemId),
        );
        const score = (a: (typeof answers)[number]) =>
          scored
            .map((id) => (id === 'satisfaction' ? (a.satisfaction - 1) / 4 : a[id as 'pricesTagged'] ? 1 : 0))
            .reduce((x, y) => x + y, 0) / scored.length;
        const expected = scored.length ? mean(answers.map(score)) : null;
        if (expected === null) expect(r.totals.inspectionScore).toBeNull();
        else expect(r.totals.inspectionScore).toBeCloseTo(expected, 3);
        const leftOut = ids.filter((id) => !asked.includes(id));
        expect(r.totals.notAsked).toEqual(
          leftOut.length ? Object.fromEntries(leftOut.map((id) => [id, answers.length])) : undefined,
        );
      }),
      { numRuns: 60 },
    );
  });
});
