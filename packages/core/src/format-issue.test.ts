import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { BEATPLAN_ERROR_CODES, BeatplanError } from './beatplan-error.js';
import { describeErrorCode, formatErrorMessage, formatIssue } from './format-issue.js';
import { parseOrThrow } from './parse-or-throw.js';
import { CoordinatesSchema } from './schemas/coordinates.js';
import { CustomerManagerSchema } from './schemas/customer-manager.js';
import { RetailerSchema } from './schemas/retailer.js';

describe('formatIssue in another language', () => {
  it('renders a schema error from its reason: path and value as they are, the words in Chinese', () => {
    const e = thrown(() => parseOrThrow(CoordinatesSchema, { lng: 116.4, lat: 123.4 }, ['retailers', 12, 'location']));
    expect(e.issues[0]?.reason).toEqual({ key: 'max', maximum: 90, inclusive: true });
    expect(formatIssue(e.issues[0] ?? { path: [], message: '' })).toBe(e.message);
    expect(formatIssue(e.issues[0] ?? { path: [], message: '' }, { locale: 'zh-CN' })).toBe(
      'retailers[12].location.lat：必须不大于 90，实际为 123.4',
    );
  });

  it('writes every kind of zod reason without English words (missing, type, enum, size, unknown key)', () => {
    const e = thrown(() =>
      parseOrThrow(RetailerSchema, { id: '', name: 5, segment: 'kiosk', location: { lng: 1, lat: 2 }, extra: 1 }),
    );
    const zh = e.issues.map((i) => formatIssue(i, { locale: 'zh-CN' }));
    expect(e.issues.every((i) => i.reason !== undefined)).toBe(true);
    for (const line of zh) expect(line.replace(/^[\w.[\]]+：/, '').replace(/"[^"]*"/g, '')).not.toMatch(/[a-z]{3,}/);
    expect(zh).toContain('extra：未知字段');
  });

  it('keeps the English message of an issue without a reason, and translates the words around it', () => {
    const issue = { path: ['lat'], row: 3, message: 'latitude must be a number', value: [1, 2] };
    expect(formatIssue(issue, { locale: 'zh-CN' })).toBe(
      '第 3 行，lat：latitude must be a number，实际为 含 2 项的数组',
    );
    expect(formatIssue({ path: [], row: 7, message: 'duplicate id' }, { locale: 'zh-CN' })).toBe(
      '第 7 行：duplicate id',
    );
  });

  it('formats a number limit through Intl, without grouping', () => {
    const e = thrown(() => parseOrThrow(CustomerManagerSchema, { id: 'M', name: 'x', maxDailyMinutes: 5000 }));
    const issue = e.issues.find((i) => i.path[0] === 'maxDailyMinutes');
    expect(issue && formatIssue(issue, { locale: 'zh-CN' })).toBe('maxDailyMinutes：必须不大于 1440，实际为 5000');
  });
});

describe('formatErrorMessage', () => {
  it('equals the message in English, and counts what it does not show in Chinese', () => {
    const issues = Array.from({ length: 7 }, (_, k) => ({
      path: ['id'],
      row: k + 1,
      message: 'is required',
      reason: { key: 'required' as const },
    }));
    const e = new BeatplanError('IMPORT_FAILED', issues, { omittedIssues: 3 });
    expect(formatErrorMessage(e)).toBe(e.message);
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(
      `${[1, 2, 3, 4, 5].map((r) => `第 ${r} 行，id：为必填项`).join('；')}（另有 5 项）`,
    );
  });
});

describe('describeErrorCode', () => {
  it('names every code in every locale, differently in each', () => {
    for (const code of BEATPLAN_ERROR_CODES) {
      const en = describeErrorCode(code);
      const zh = describeErrorCode(code, { locale: 'zh-CN' });
      expect(en).toMatch(/^[\w (),]+$/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeErrorCode('IMPORT_FAILED', { locale: 'zh-CN' })).toBe('导入失败');
  });
});
