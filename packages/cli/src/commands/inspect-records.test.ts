import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured as run, tempDirForFile } from '../../test/run-captured.js';

const retailersCsv = new URL('../../../territory/test/in/small-city.csv', import.meta.url).pathname;
const provincial = new URL('../../../reports/test/in/small-city-provincial.json', import.meta.url).pathname;
const dir = tempDirForFile('inspect-records');
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

// A province's checklist without any seed item, and one record under it at R00001 (120.125531, 30.245124).
const checklist = [
  { id: 'stock', label: '库存充足', type: 'yes_no' },
  { id: 'clean', label: '店面整洁', type: 'scale', min: 1, max: 10 },
];
const fix = { lng: 120.125531, lat: 30.245124, accuracyM: 6, source: 'gnss', at: '2025-03-08T09:59:00+08:00' };
const record = {
  id: 'I1',
  retailerId: 'R00001',
  inspectorId: 'X1',
  at: '2025-03-08T10:00:00+08:00',
  fix,
  answers: [
    { itemId: 'stock', value: true },
    { itemId: 'clean', value: 8 },
  ],
};

describe('beatplan inspect record / cross-check with a checklist file', () => {
  it('records inspections under a checklist without the seed items; the default checklist refuses them', async () => {
    const checklistFile = write('checklist.json', checklist);
    const recordsFile = write('records.json', [record, { ...record, id: 'I2', channel: 'phone', fix: undefined }]);
    const ok = await run(['inspect', 'record', recordsFile, '--retailers', retailersCsv, '--checklist', checklistFile]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const recorded = JSON.parse(ok.stdout);
    expect(recorded.map((r: { record: { id: string } }) => r.record.id)).toEqual(['I1', 'I2']);
    expect(recorded[0].fixVerdict.status).toBe('verified');
    expect(recorded[1].fixVerdict).toBeNull();
    const noChecklist = await run(['inspect', 'record', recordsFile, '--retailers', retailersCsv]);
    expect(noChecklist.code).toBe(1);
    expect(noChecklist.stderr).toContain(
      `${recordsFile}: records[0].pricesTagged: record I1 does not answer the checklist item pricesTagged ("prices tagged")`,
    );
    const extra = write('extra.json', { records: [{ ...record, satisfaction: 4 }] });
    const refused = await run(['inspect', 'record', extra, '--retailers', retailersCsv, '--checklist', checklistFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'records[0].satisfaction: record I1 answers satisfaction, which the checklist in force does not ask',
    );
    const badChecklist = write('bad-checklist.json', [{ id: 'satisfaction', required: false }]);
    const bad = await run(['inspect', 'record', recordsFile, '--retailers', retailersCsv, '--checklist', badChecklist]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${badChecklist}: checklist[0].required`);
  });

  it('cross-checks without the visit question: records not asked, the phone check apart', async () => {
    const input = write('week.json', {
      period: { from: '2025-03-03T00:00:00+08:00', to: '2025-03-08T00:00:00+08:00' },
      records: [record, { ...record, id: 'I2', channel: 'phone', fix: undefined }],
      visits: [],
      verdicts: [],
    });
    const r = await run(['inspect', 'cross-check', input, '--checklist', write('checklist2.json', { checklist })]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.records.map((x: { outcome: string }) => x.outcome)).toEqual(['not_asked', 'not_asked']);
    expect(report.totals).toMatchObject({ inspected: 1, notAsked: 1, contradictions: 0, agreement: null });
    expect(report.phone.totals).toMatchObject({ inspected: 1, notAsked: 1 });
    const refused = await run(['inspect', 'cross-check', input]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${input}: records[0].managerVisitConfirmed: record I1 does not answer`);
  });
});

describe('beatplan report --checklist', () => {
  it('scores what was asked and counts what was not; without the checklist the inspections are refused', async () => {
    const { checklist: list, ...data } = JSON.parse(readFileSync(provincial, 'utf8'));
    const dataFile = write('data.json', data);
    const checklistFile = write('report-checklist.json', list);
    const html = join(dir, 'report.html');
    const r = await run([
      'report',
      dataFile,
      '--checklist',
      checklistFile,
      '--json',
      join(dir, 'r.json'),
      '--html',
      html,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.totals.notAsked).toEqual({ satisfaction: 6, managerVisitConfirmed: 6 });
    expect(report.totals.meanSatisfaction).toBeNull();
    expect(readFileSync(html, 'utf8')).toContain('satisfaction: not asked in 6 inspections');
    const zh = await run(['report', dataFile, '--checklist', checklistFile, '--html', html, '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('满意度：6 次检查未问');
    const refused = await run(['report', dataFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${dataFile}: inspections[0].satisfaction: record I1 does not answer`);
  });
});
