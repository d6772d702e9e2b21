import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, formatCsv, reportToCsv } from '@beatplan/reports';

/** A strict RFC 4180 reader, to check that what formatCsv writes reads back to the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('formatCsv', () => {
  it('runs its JSDoc example', () => {
    expect(formatCsv(['id', 'name'], [['R1', 'Wang "Big" Mart, East']])).toBe(
      'id,name\r\nR1,"Wang ""Big"" Mart, East"\r\n',
    );
  });

  it('quotes commas, quotes, line breaks and edge spaces, and reads back to the same cells', () => {
    const cells = [
      'plain',
      'a,b',
      'say "hi"',
      'two\nlines',
      'cr\r\nlf',
      ' lead',
      'trail ',
      '<script>alert(1)</script>',
      '',
      'a=1+2',
    ];
    const text = formatCsv(
      cells.map((_, i) => `c${i}`),
      [cells, [1.5, 0, -2, true, false, null, undefined, 'x', 'y', 'z']],
    );
    expect(readCsv(text)).toEqual([
      cells.map((_, i) => `c${i}`),
      cells,
      ['1.5', '0', '-2', 'true', 'false', '', '', 'x', 'y', 'z'],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

describe('formatCsv against CSV injection', () => {
  it('defuses text that a spreadsheet would run as a formula; numbers stay as they are', () => {
    const risky = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTAB', '\r=1'];
    const text = formatCsv(
      ['name'],
      risky.map((r) => [r]),
    );
    expect(
      readCsv(text)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(risky.map((r) => `'${r}`));
    expect(formatCsv(['name', 'delta'], [['=HYPERLINK("http://x")', -3]])).toBe(
      'name,delta\r\n"\'=HYPERLINK(""http://x"")",-3\r\n',
    );
    expect(formatCsv(['a', 'b'], [['a-b', -0.5]])).toBe('a,b\r\na-b,-0.5\r\n');
  });
});

describe('reportToCsv', () => {
  const report = buildReport(JSON.parse(readFileSync(new URL('../test/in/small-city.json', import.meta.url), 'utf8')));
  const tables = reportToCsv(report);

  it('writes every table with a header and one row per manager or group', () => {
    expect(Object.keys(tables)).toEqual([
      'findings',
      'attention',
      'attention-visits',
      'managers',
      'scorecard',
      'balance',
      'balance-managers',
      'segments',
      'regions',
      'classes',
      'repartition',
      'trend',
      'decision-effort',
      'decision-gaps',
      'decision-cells',
    ]);
    expect(readCsv(tables.trend!)).toHaveLength(1 + report.managers.length); // one period
    const attention = readCsv(tables.attention!);
    expect(attention).toHaveLength(1 + report.attention.items.length);
    expect(attention[1]!.slice(0, 3)).toEqual([
      '1',
      report.attention.items[0]!.severity,
      report.attention.items[0]!.kind,
    ]);
    expect(readCsv(tables['attention-visits']!)).toHaveLength(1 + report.attention.visits.length);
    const managers = readCsv(tables.managers!);
    expect(managers).toHaveLength(1 + report.managers.length);
    expect(managers[0]!.slice(0, 3)).toEqual(['managerId', 'name', 'region']);
    expect(managers.every((r) => r.length === managers[0]!.length)).toBe(true);
    expect(managers[3]![1]).toBe('Wang <Fang> & "Co"');
    expect(readCsv(tables.segments!).map((r) => r[0])).toEqual([
      'segment',
      'retail',
      'chain_supermarket',
      'hotel_entertainment',
    ]);
    expect(readCsv(tables.scorecard!)[1]).toEqual(['', 'weight', '', '3', '3', '1', '1', '1', '1', '', '']);
  });

  it('matches the report figures cell for cell', () => {
    const rows = readCsv(tables.managers!);
    const header = rows[0]!;
    report.managers.forEach((m, i) => {
      const row = rows[i + 1]!;
      expect(Number(row[header.indexOf('score')])).toBe(m.score);
      expect(row[header.indexOf('completionRate')]).toBe(String(m.completionRate));
      expect(row[header.indexOf('visits')]).toBe(String(m.visits));
    });
  });

  it('writes the header rows in Chinese with locale zh-CN, every column named, the cells unchanged', () => {
    const zh = reportToCsv(report, { locale: 'zh-CN' });
    expect(Object.keys(zh)).toEqual(Object.keys(tables));
    const han = /\p{Script=Han}/u;
    // every table, the trend and decision tables included
    const all = Object.entries(zh);
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const [name, text] of all) {
      const header = text.slice(0, text.indexOf('\r\n')).split(',');
      expect(
        header.filter((h) => !han.test(h)),
        name,
      ).toEqual([]);
      const en = tables[name] as string;
      expect(text.slice(text.indexOf('\r\n')), name).toBe(en.slice(en.indexOf('\r\n')));
    }
    expect(zh.managers?.startsWith('客户经理编号,名称,区域,零售户数,')).toBe(true);
    expect(zh.trend?.startsWith('客户经理编号,名称,从,到,在任,拜访,检查次数,')).toBe(true);
    expect(zh['decision-gaps']?.startsWith('零售户编号,名称,客户经理编号,最近客户经理编号,公里\r\n')).toBe(true);
  });
});
