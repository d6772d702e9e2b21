import { formatErrorMessage, parseOrThrow } from '@beatplan/core';
import { CellTableOptionsSchema, NetworkScanSchema } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../../core/test/helpers.js';

// Issue 13: the refinements of positioning's schemas carry keyed reasons, so they read in Chinese.
describe('positioning refinements in Chinese', () => {
  it('an empty scan, a quote as delimiter and a bbox upside down', () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => parseOrThrow(NetworkScanSchema, { at: '2026-03-02T09:15:00+08:00', cells: [], wifi: [] }, ['scan']),
        'scan.cells: a scan needs at least one cell or access point, received an array of 0',
        'scan.cells：一次扫描至少需要一个基站或接入点，实际为 含 0 项的数组',
      ],
      [
        () => parseOrThrow(CellTableOptionsSchema, { delimiter: '"' }, ['options']),
        'options.delimiter: delimiter must not be a quote or a line break, received "\\""',
        'options.delimiter：分隔符不能是引号或换行符，实际为 "\\""',
      ],
      [
        () => parseOrThrow(CellTableOptionsSchema, { filter: { bbox: [120, 29, 121, 28] } }, ['options']),
        'options.filter.bbox: bbox minLat must not exceed maxLat, received an array of 4',
        'options.filter.bbox：bbox 的 minLat 不能大于 maxLat，实际为 含 4 项的数组',
      ],
    ];
    for (const [parse, en, zh] of cases) {
      const e = thrown(parse);
      expect(e.message).toBe(en);
      expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(zh);
    }
  });
});
