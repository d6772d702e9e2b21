import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';
import { buildReport, renderMapSvg, renderReportHtml, reportToCsv } from '@beatplan/reports';

const cityText = readFileSync(new URL('./in/small-city.json', import.meta.url), 'utf8');
const city = JSON.parse(cityText) as { contradictions: { kind: string; retailerId: string }[] };
const plain = buildReport(JSON.parse(cityText));

/** The small city with managers, three retailers and the contradiction kinds renamed. */
function renamed(managers: readonly string[], retailers: readonly string[], kinds: readonly string[]): unknown {
  let text = cityText;
  ['M1', 'M2', 'M3'].forEach((id, i) => {
    text = text.replaceAll(`"${id}"`, JSON.stringify(managers[i]));
  });
  ['R11', 'R12', 'R21'].forEach((id, i) => {
    text = text.replaceAll(`"${id}"`, JSON.stringify(retailers[i]));
  });
  const data = JSON.parse(text) as { contradictions: { kind: string }[] };
  data.contradictions.forEach((c, i) => {
    c.kind = kinds[i % kinds.length] ?? c.kind;
  });
  return data;
}

// Regression (issue 15, defect 1): counts per kind became "function Object() { [native code] }1"
// when a contradiction kind was named `constructor`.
describe('ids and kinds named like Object.prototype members', () => {
  it('give the same figures, true counts per kind, and every manager in CSV, HTML and SVG', () => {
    const three = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        three,
        three,
        fc.array(fc.constantFrom(...PROTOTYPE_NAMES), { minLength: 1, maxLength: 3 }),
        (ms, rs, kinds) => {
          const report = buildReport(renamed(ms, rs, kinds));
          expect(report.totals.visits).toBe(plain.totals.visits);
          expect(report.totals.verified).toBe(plain.totals.verified);
          expect(report.managers.map((m) => m.managerId).sort()).toEqual([...ms].sort());
          const expected = new Map<string, number>();
          city.contradictions.forEach((_, i) => {
            const k = kinds[i % kinds.length] ?? '';
            expected.set(k, (expected.get(k) ?? 0) + 1);
          });
          const counted = new Map<string, number>();
          for (const m of report.managers)
            for (const [k, n] of Object.entries(m.contradictionsByKind)) {
              expect(typeof n).toBe('number');
              counted.set(k, (counted.get(k) ?? 0) + n);
            }
          expect(counted).toEqual(expected);
          expect(Object.keys(report.totals.contradictionsByKind).sort()).toEqual([...expected.keys()].sort());

          const csv = reportToCsv(report).managers;
          for (const m of ms) expect(csv).toContain(`\r\n${m},`);
          expect(csv).not.toContain('native code');
          const html = renderReportHtml(report);
          expect(html).not.toContain('native code');
          expect(renderMapSvg(report)).not.toContain('native code');
        },
      ),
      { numRuns: 25, seed: 15 },
    );
  });
});
