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

  // the definitions, the KPI list and the column help used to show the default formula whatever was asked
  const definitionOf = (html: string, term: string) =>
    html.match(new RegExp(`<dt>${term}</dt><dd>([^<]*)</dd>`))?.[1] ?? '';
  const kpiDefOf = (html: string, label: string) =>
    html.match(new RegExp(`<li><b>${label}</b> [^:]*: ([^<]*)</li>`))?.[1];

  it('shows the definitions the checklist in force made, in English and Chinese (regression: always ÷ 3)', () => {
    const r = buildReport(input);
    const en = renderReportHtml(r);
    expect(definitionOf(en, 'Inspection score')).toBe(
      'mean over the inspections at the manager’s retailers of (prices tagged + policy material displayed) ÷ 2. ' +
        'The inspection checklist in force does not ask satisfaction: the score leaves it out (never counted as 0 or “no”), and the mean satisfaction is not measured.',
    );
    expect(definitionOf(en, 'Integrity')).toMatch(
      /^not measured: the inspection checklist in force does not ask whether/,
    );
    expect(kpiDefOf(en, 'Inspection score')).toBe(
      'mean inspection score (prices tagged and policy material; satisfaction not asked)',
    );
    expect(kpiDefOf(en, 'Integrity')).toMatch(/^not measured: the checklist does not ask whether the manager visited/);
    expect(en).not.toContain('(satisfaction − 1) ÷ 4');
    expect(en).toContain(
      'The inspection checklist in force does not ask whether the manager visited: no inspection can',
    );
    const zh = renderReportHtml(r, { locale: 'zh-CN' });
    expect(definitionOf(zh, '检查得分')).toBe(
      '对该客户经理所辖零售户的检查求平均：(明码标价 + 政策资料展示) ÷ 2。当前检查表不问满意度：得分不计未问的项（从不按“否”或 0 计），平均满意度不予计算。',
    );
    expect(definitionOf(zh, '诚信度')).toMatch(/^不予计算：当前检查表不问客户经理是否来访/);
    expect(kpiDefOf(zh, '检查得分')).toBe('检查平均得分（明码标价和政策资料；未问满意度）');
    expect(zh).toContain('当前检查表不问客户经理是否来访：检查无法与已核验拜访相矛盾。');
    // the default checklist keeps its texts
    const dflt = renderReportHtml(buildReport(hand));
    expect(definitionOf(dflt, 'Inspection score')).toContain(
      '(prices tagged + policy material displayed + (satisfaction − 1) ÷ 4) ÷ 3.',
    );
    expect(definitionOf(dflt, 'Integrity')).toMatch(/^1 − min\(1, contradictions ÷ inspections\)/);
  });

  it('every checklist: the formula the definitions state, evaluated on the answers, is the score the report computed', () => {
    const ids = SEED_ITEMS.map((s) => s.id);
    // all 16 subsets of the seed items, each asked by both inspections of scorecard-hand.json
    for (let mask = 0; mask < 16; mask++) {
      const asked = ids.filter((_, i) => mask & (1 << i));
      const r = buildReport({
        ...hand,
        checklist: asked.map((id) => ({ id })),
        inspections: hand.inspections.map((rec: Record<string, unknown>) =>
          strip(
            rec,
            ids.filter((id) => !asked.includes(id)),
          ),
        ),
        contradictions: [],
      });
      const html = renderReportHtml(r);
      const zh = renderReportHtml(r, { locale: 'zh-CN' });
      const inspection = definitionOf(html, 'Inspection score');
      for (const [i, rec] of (hand.inspections as Record<string, any>[]).entries()) {
        const m = r.managers[i]; // I1 is M1's only inspection, I2 M2's
        if (m?.inspectionScore === null) {
          expect(inspection, `${asked}`).toMatch(/^not measured: /);
          expect(definitionOf(zh, '检查得分')).toMatch(/^不予计算：/);
          continue;
        }
        const formula = (inspection.match(/ of (.*?)\.(?: |$)/)?.[1] ?? '')
          .replace('prices tagged', String(rec.pricesTagged ? 1 : 0))
          .replace('policy material displayed', String(rec.policyMaterialDisplayed ? 1 : 0))
          .replace('satisfaction', String(rec.satisfaction))
          .replaceAll('÷', '/')
          .replaceAll('−', '-');
        expect(formula, `${asked}`).toMatch(/^[-+/() 0-9]+$/);
        expect(Function(`return ${formula}`)(), `${asked}: ${inspection}`).toBeCloseTo(m?.inspectionScore ?? NaN, 4);
      }
      const visit = asked.includes('managerVisitConfirmed');
      expect(definitionOf(html, 'Integrity').startsWith('not measured'), `${asked}`).toBe(!visit);
      expect(definitionOf(zh, '诚信度').startsWith('不予计算'), `${asked}`).toBe(!visit);
      expect(r.managers.every((m) => (m.kpis.integrity === null) === !visit)).toBe(true);
    }
  });

  it('with nothing to act on, "needs attention" does not claim inspections checked the visits when none asked', () => {
    // scorecard-hand.json's one verified visit, its day's plan cut to that stop: nothing to act on
    const calm = {
      plans: [{ ...hand.plans[0], stops: [hand.plans[0].stops[0]] }],
      visits: [hand.visits[0]],
      verdicts: [hand.verdicts[0]],
      contradictions: [],
    };
    const intro = (html: string) => html.match(/<section id="attention"><h2>[^<]*<\/h2><p class="note">([^<]*)/)?.[1];
    const r = buildReport({ ...input, ...calm });
    expect(r.attention.items).toEqual([]);
    expect(intro(renderReportHtml(r))).toBe(
      'Nothing needs attention in this period: every visit was verified without a flag and every planned stop was visited (the inspection checklist does not ask whether the manager visited, so no inspection can contradict a visit).',
    );
    expect(intro(renderReportHtml(r, { locale: 'zh-CN' }))).toContain(
      '检查表不问客户经理是否来访，因此检查无法与拜访相矛盾',
    );
    expect(intro(renderReportHtml(buildReport({ ...hand, ...calm })))).toContain(
      ', no inspection contradicts a visit,',
    );
  });
});
