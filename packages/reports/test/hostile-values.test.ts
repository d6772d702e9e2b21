import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, formatCsv, renderMapSvg, renderReportHtml, reportToCsv } from '@beatplan/reports';

const city = () =>
  JSON.parse(readFileSync(new URL('./in/small-city.json', import.meta.url), 'utf8')) as Record<string, any>;
// Characters XML 1.0 forbids everywhere (C0 controls but tab, LF, CR; U+FFFE/U+FFFF).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

// Regressions (issue 15, defect 5).
describe('hostile values', () => {
  it('a C0 control character in a text leaves the standalone SVG and the HTML well-formed', () => {
    const data = city();
    data.title = 'Week\u0001 10';
    data.managers[0].name = 'Li\u0000\u0008 Wei\ud800';
    data.retailers[0].name = 'Happy\u001b[31m Mart';
    data.territories[0].name = 'North\u000c';
    const report = buildReport(data);
    for (const text of [renderMapSvg(report), renderReportHtml(report)]) {
      expect(text).not.toMatch(NOT_XML);
      expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(text).toContain('Li\ufffd\ufffd Wei\ufffd');
    }
  });

  it('values too large to add up never print as Infinity or NaN in the CSV or the charts', () => {
    const data = city();
    for (const r of data.retailers) r.orderVolume = 1e308;
    data.repartition.before[0].workloadMinutes = 1e308;
    data.repartition.after[0].workloadMinutes = 1e308;
    const report = buildReport(data);
    for (const text of [...Object.values(reportToCsv(report)), renderReportHtml(report), renderMapSvg(report)]) {
      expect(text).not.toMatch(/Infinity|NaN/);
    }
    expect(formatCsv(['a', 'b'], [[Number.POSITIVE_INFINITY, Number.NaN]])).toBe('a,b\r\n,\r\n');
  });
});
