import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { thrown } from '../test/helpers.js';
import { BeatplanError } from './beatplan-error.js';
import { formatErrorMessage, formatIssue } from './format-issue.js';
import { REASONS, REASONS_EN } from './internal/reasons/all-reasons.js';
import { customReason, issueReason } from './issue-reason.js';
import { parseOrThrow } from './parse-or-throw.js';
import { IdSchema } from './schemas/id.js';
import { LOCALES } from './schemas/locale.js';
import { LocalDateSchema, PlannedStopSchema } from './schemas/visit-plan.js';
import { TimestampSchema } from './schemas/timestamp.js';
import { TimeIntervalSchema } from './schemas/weekly-hours.js';
import { TravelCostsSchema } from './travel-costs.js';

/** Parameters that name one of a few cases (a stage, a unit): a real case, since `[7]` names none. */
const CASES = new Map<string, Record<string, unknown>>([
  ['tsp.time_ran_out', { stage: 'read' }],
  ['tsp.dp_memory', { limit: 'wasm32', gib: 3.5 }],
  ['tsp.cannot_serve', { because: 'proven' }],
  ['tsp.unserved', { because: 'heuristic' }],
]);

/**
 * A reason of `key` with any parameters: each reads as `[7]` (which prints, joins, counts and compares
 * as 7), or as its case in CASES.
 */
const anyReason = (key: string) =>
  new Proxy(CASES.get(key) ?? {}, {
    get: (cases, name) => (name === 'key' ? key : typeof name === 'string' && name in cases ? cases[name] : [7]),
  });
const HAN = /\p{Script=Han}/u;

describe('the reason catalogue', () => {
  it('has every key in every locale, and renders each one (with parameters) in English and in Chinese', () => {
    const keys = Object.keys(REASONS_EN);
    expect(keys.length).toBeGreaterThan(40);
    for (const locale of LOCALES) expect(Object.keys(REASONS[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
      for (const locale of LOCALES) {
        const line = formatIssue({ path: ['x'], message: 'english', reason: anyReason(key) as never }, { locale });
        const text = line.slice(locale === 'en' ? 'x: '.length : 'x：'.length);
        if (locale === 'en') expect(line).toBe('x: english');
        else {
          expect(text, key).toMatch(HAN);
          expect(text, key).not.toMatch(/undefined|NaN(?!（缺省）)|\[object|english/);
        }
      }
      const en = REASONS_EN[key as keyof typeof REASONS_EN];
      const message = typeof en === 'string' ? en : (en as (p: unknown) => string)(anyReason(key));
      expect(message, key).not.toMatch(/undefined|NaN(?! \(absent\))|\[object|\p{Script=Han}/u);
    }
  });

  it('makes the English message and the reason as data; formatIssue writes the same reason in Chinese', () => {
    const why = issueReason('core.row_fields', { cells: 3, header: 4 });
    expect(why).toEqual({
      message: 'row has 3 fields, the header has 4',
      reason: { key: 'core.row_fields', cells: 3, header: 4 },
    });
    const issue = { path: [], row: 9, ...why };
    expect(formatIssue(issue)).toBe('row 9: row has 3 fields, the header has 4');
    expect(formatIssue(issue, { locale: 'zh-CN' })).toBe('第 9 行：该行有 3 个字段，表头有 4 个');
  });

  it('keeps a custom zod issue’s reason through parseOrThrow', () => {
    const Ring = z.array(z.number()).superRefine((ring, ctx) => {
      if (new Set(ring).size < 3) ctx.addIssue({ code: 'custom', input: ring, ...customReason('core.ring_corners') });
    });
    const e = thrown(() => parseOrThrow(Ring, [1, 1], ['ring']));
    expect(e.issues[0]).toEqual({
      path: ['ring'],
      message: 'ring must have at least 3 distinct corners',
      value: [1, 1],
      reason: { key: 'core.ring_corners' },
    });
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe('ring：环至少需要 3 个不同的顶点，实际为 含 2 项的数组');
  });

  it('falls back to the English message for a key this build does not know', () => {
    const e = new BeatplanError('INVALID_INPUT', [{ path: [], message: 'new words', reason: { key: 'tsp.newer' } }]);
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe('new words');
  });
});

describe('the schemas’ refinements', () => {
  const zh = (schema: z.ZodType, value: unknown) =>
    formatErrorMessage(
      thrown(() => parseOrThrow(schema, value, ['x'])),
      { locale: 'zh-CN' },
    );
  it('keep their English message and write it in Chinese from the catalogue', () => {
    const e = thrown(() => parseOrThrow(IdSchema, ' R1', ['id']));
    expect(e.issues[0]).toEqual({
      path: ['id'],
      message: 'id must not start or end with white space',
      value: ' R1',
      reason: { key: 'core.id_white_space' },
    });
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe('id：id 的首尾不能有空白字符，实际为 " R1"');
    expect(zh(LocalDateSchema, '2025-02-30')).toBe('x：日期必须是真实存在的日历日期 "YYYY-MM-DD"，实际为 "2025-02-30"');
    const [arrival, departure] = [Date.UTC(2025, 2, 3, 9), Date.UTC(2025, 2, 3, 8)];
    expect(zh(PlannedStopSchema, { retailerId: 'R1', arrival, departure })).toBe(
      `x.departure：离开时间不能早于到达时间，实际为 ${departure}`,
    );
    expect(zh(TimestampSchema, 1740963600)).toBe(
      'x：时间必须是 2000-01-01 至 2100-01-01 之间的纪元毫秒数（这看起来像纪元秒数），实际为 1740963600',
    );
    expect(zh(TimestampSchema, '2025-03-03 09:00')).toBe(
      'x：日期时间必须带 UTC 偏移（Z 或 +08:00）：本地时间有歧义，实际为 "2025-03-03 09:00"',
    );
    expect(zh(TimestampSchema, '2025-02-29T09:00:00Z')).toBe(
      'x：不是有效的日历日期时间，实际为 "2025-02-29T09:00:00Z"',
    );
    expect(zh(TravelCostsSchema, { source: 'x' })).toBe(
      'x：必须是 TravelCosts：{ source: string, matrix(points) }，实际为 对象',
    );
    expect(zh(TimeIntervalSchema, { from: '08:00', to: '25:00' })).toBe(
      'x.to：to 必须是 "HH:MM" 格式的时间（00:00–24:00），实际为 "25:00"',
    );
    expect(zh(TimeIntervalSchema, { from: '08:00', to: '08:00' })).toBe(
      'x：时间段不能为空（from 等于 to），实际为 对象',
    );
  });
});
