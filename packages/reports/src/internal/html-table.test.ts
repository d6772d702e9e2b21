import { describe, expect, it } from 'vitest';
import { type Column, renderTable } from './html-table.js';

/** Twenty wide columns: more than one A4 landscape page, so the table is split into parts. */
const columns: Column<number>[] = Array.from({ length: 20 }, (_, k) => ({
  header: `column number ${k}`,
  cell: (row) => `${row} ${'x'.repeat(20)}`,
}));

describe('renderTable', () => {
  it('captions the parts of a split table in the report’s language', () => {
    const en = renderTable('t', columns, [1, 2], { locale: 'en' });
    const zh = renderTable('t', columns, [1, 2], { locale: 'zh-CN' });
    const parts = [...en.matchAll(/data-part="(\d+)\/(\d+)"/g)];
    expect(parts.length).toBeGreaterThan(1);
    const n = parts.length;
    expect(en).toContain(`<caption>part 1 of ${n}</caption>`);
    expect(zh).toContain(`<caption>第 1 部分，共 ${n} 部分</caption>`);
    expect(zh).not.toContain('part 1 of');
    // the tables themselves are the same
    expect(zh.replace(/<caption>[^<]*<\/caption>/g, '')).toBe(en.replace(/<caption>[^<]*<\/caption>/g, ''));
  });

  it('writes no caption when the table fits', () => {
    expect(renderTable('t', columns.slice(0, 2), [1], { locale: 'zh-CN' })).not.toContain('<caption>');
  });
});
