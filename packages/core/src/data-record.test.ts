import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  dataRecord,
  dataRecordSchema,
  formatErrorMessage,
  formatIssue,
  IdSchema,
  parseOrThrow,
  tryParse,
} from '@beatplan/core';
import { thrown } from '../test/helpers.js';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('dataRecord', () => {
  it('keeps every name as a plain key and serialises to JSON', () => {
    const r = dataRecord(NAMES.map((n, i) => [n, i] as const));
    expect(Object.keys(r)).toEqual(NAMES);
    for (const [i, n] of NAMES.entries()) expect(r[n]).toBe(i);
    expect(JSON.parse(JSON.stringify(r))).toEqual(Object.fromEntries(NAMES.map((n, i) => [n, i])));
    expect(dataRecord().toString).toBeUndefined();
  });
});

describe('dataRecordSchema', () => {
  const Rates = dataRecordSchema(IdSchema, z.number().min(0).max(1), 'rates must be an object');
  it('keeps a JSON __proto__ key (z.record drops it) and never reads Object.prototype', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...NAMES, 'M1'), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (keys, v) => {
          const json = `{${keys.map((k) => `"${k}":${v}`).join(',')}}`;
          const out = Rates.parse(JSON.parse(json));
          expect(Object.keys(out).sort()).toEqual([...keys].sort());
          for (const k of keys) expect(out[k]).toBe(v);
          for (const n of NAMES) if (!keys.includes(n)) expect(out[n]).toBeUndefined();
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });
  it('names the key in an issue', () => {
    const r = tryParse(z.object({ rates: Rates }), { rates: JSON.parse('{"constructor": 2, " x": 0.5}') });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.issues.map((i) => i.path)).toEqual([
        ['rates', 'constructor'],
        ['rates', ' x'],
      ]);
    expect(Rates.safeParse([1]).success).toBe(false);
  });
  it('keeps each issue’s reason, so that it reads in Chinese', () => {
    const e = thrown(() => parseOrThrow(z.object({ rates: Rates }), { rates: JSON.parse('{" x": 1.5}') }));
    expect(e.issues.map((i) => formatIssue(i))).toEqual([
      'rates. x: id must not start or end with white space, received 1.5',
    ]);
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe('rates. x：id 的首尾不能有空白字符，实际为 1.5');
    const big = thrown(() => parseOrThrow(Rates, { M1: 1.5 }, ['rates']));
    expect(big.issues[0]?.reason).toEqual({ key: 'max', maximum: 1, inclusive: true });
    expect(
      formatErrorMessage(
        thrown(() => parseOrThrow(Rates, 7, ['rates'])),
        { locale: 'zh-CN' },
      ),
    ).toMatch(/^rates：.*\p{Script=Han}.*，实际为 7$/u);
    expect(thrown(() => parseOrThrow(Rates, 7, ['rates'])).message).toBe('rates: rates must be an object, received 7');
  });
});
