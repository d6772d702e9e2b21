import { readFileSync } from 'node:fs';
import { buildReport, renderReportHtml, SCORECARD_KPIS } from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePoints } from './scorecard-extras.js';

const city = JSON.parse(readFileSync(new URL('../../test/in/small-city.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const WEIGHT = fc.constantFrom(0, 0.5, 1, 2, 3, 10);
const WEIGHTS = fc.record(Object.fromEntries(SCORECARD_KPIS.map((k) => [k, WEIGHT])) as Record<string, typeof WEIGHT>);

describe('fair evaluation: weights made visible', () => {
  it('points per KPI add up to the score, for any weights', () => {
    fc.assert(
      fc.property(WEIGHTS, (weights) => {
        if (SCORECARD_KPIS.every((k) => weights[k] === 0)) return;
        const report = buildReport({ ...city, weights });
        for (const m of report.managers) {
          const points = [...scorePoints(m, report.weights).values()].filter((p) => p !== null);
          if (m.score === null) expect(points).toEqual([]);
          else expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(m.score, 2);
        }
      }),
      { seed: 20261207, numRuns: 30 },
    );
  });

  it('a what-if scorecard is the report built with those weights; the named weights replace the report’s', () => {
    fc.assert(
      fc.property(WEIGHTS, (alt) => {
        if (SCORECARD_KPIS.every((k) => alt[k] === 0)) return;
        const report = buildReport({ ...city, weights: { route: 2 }, whatIf: [{ weights: alt }] });
        const direct = buildReport({ ...city, weights: { route: 2, ...alt } });
        const w = report.whatIf[0]!;
        expect(w.weights).toEqual(direct.weights);
        expect(w.ranking).toEqual(direct.ranking);
        expect(w.managers).toEqual(
          direct.managers.map((m) => ({ managerId: m.managerId, score: m.score, coverage: m.coverage, rank: m.rank })),
        );
      }),
      { seed: 20261207, numRuns: 30 },
    );
  });

  it('shows the definitions, the points and the what-if table in the HTML', () => {
    const html = renderReportHtml(buildReport({ ...city, whatIf: [{ label: 'routes count', weights: { route: 6 } }] }));
    expect(html).toContain('What each KPI measures');
    expect(html).toMatch(/<table class="points-table"/);
    expect(html).toMatch(/<table class="whatif-table"/);
    expect(html).toContain('<th class="num" title="completion 3, verification 3, timeOnSite 1, route 6');
    expect(renderReportHtml(buildReport(city))).not.toContain('whatif-table');
  });
});
