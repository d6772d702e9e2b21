import fc from 'fast-check';
import { expect, it } from 'vitest';
import { TimestampSchema } from '@beatplan/core';
it('fast ISO path agrees with the regex path and Date', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
      fc.integer({ min: 0, max: 4 }),
      (date, off, style) => {
        const local = new Date(date.getTime() + off * 60000).toISOString().slice(0, 23);
        const sign = off < 0 ? '-' : '+';
        const a = Math.abs(off);
        const hh = String(Math.floor(a / 60)).padStart(2, '0');
        const mm = String(a % 60).padStart(2, '0');
        const zone = [`${sign}${hh}:${mm}`, `${sign}${hh}${mm}`, off === 0 ? 'Z' : `${sign}${hh}:${mm}`][style % 3];
        const text =
          style === 3
            ? `${local.slice(0, 19)}${zone}`
            : style === 4
              ? `${local.slice(0, 16)}${zone}`
              : `${local}${zone}`;
        const expected =
          style === 3
            ? Math.floor(date.getTime() / 1000) * 1000
            : style === 4
              ? Math.floor(date.getTime() / 60000) * 60000
              : date.getTime();
        expect(TimestampSchema.parse(text)).toBe(expected);
      },
    ),
    { numRuns: 2000, seed: 3 },
  );
  expect(TimestampSchema.parse('2025-03-03T09:00:00.57+08:00')).toBe(Date.UTC(2025, 2, 3, 1, 0, 0, 570));
  expect(TimestampSchema.parse('2025-03-03T09:00+08')).toBe(Date.UTC(2025, 2, 3, 1, 0));
  for (const bad of [
    '2025-02-29T09:00:00Z',
    '2025-03-03T24:00:00Z',
    '2025-03-03T09:00:00',
    '2025-03-03T09:00:00+0:00',
    '2025-03-03T09:00:00+08:',
    '2025-03-03T09:00:00.Z',
    '2025-13-03T09:00:00Z',
  ])
    expect(TimestampSchema.safeParse(bad).success, bad).toBe(false);
});

// Regression (issue 15, defect 3): the fast path read `21xx` as 21·100 + (-1) = 2099.
it('rejects a non-digit anywhere in the year, month, day or time', () => {
  const good = '2025-03-03T09:00:00Z';
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    for (const c of ['x', ' ', '/', ':', '-']) {
      const bad = `${good.slice(0, at)}${c}${good.slice(at + 1)}`;
      expect(TimestampSchema.safeParse(bad).success, bad).toBe(false);
    }
  }
  expect(TimestampSchema.safeParse('21xx-03-03T09:00:00Z').success).toBe(false);
});
