import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DEFAULT_UTC_OFFSET_MINUTES,
  dateOfDayNumber,
  datesOfPeriod,
  dayNumberOf,
  formatLocalDateTime,
  instantOf,
  localDateOf,
  localDayNumberOf,
  localSecondsOf,
  secondsOfTime,
  TimestampSchema,
  UtcOffsetMinutesSchema,
  weekdayOf,
} from '@beatplan/core';
import { thrown } from '../test/helpers.js';

const offset = fc.integer({ min: -720, max: 840 });
const instant = fc.integer({ min: 946_684_800_000, max: 4_102_444_799_000 });

describe('the local calendar', () => {
  it('has one time-zone default, UTC+8, set in the schema', () => {
    expect(DEFAULT_UTC_OFFSET_MINUTES).toBe(480);
    expect(UtcOffsetMinutesSchema.parse(undefined)).toBe(480);
    expect(UtcOffsetMinutesSchema.safeParse(30.5).success).toBe(false);
    expect(UtcOffsetMinutesSchema.safeParse(841).success).toBe(false);
    expect(UtcOffsetMinutesSchema.safeParse(-721).success).toBe(false);
  });

  it('puts a 07:50 Beijing visit on its Beijing date (regression: the report dated it the day before)', () => {
    const at = Date.parse('2025-03-03T07:50:00+08:00');
    expect(localDateOf(at, 480)).toBe('2025-03-03');
    expect(localDateOf(at, 0)).toBe('2025-03-02');
    expect(localSecondsOf(at, 480)).toBe(7 * 3600 + 50 * 60);
    expect(formatLocalDateTime(at, 480)).toBe('2025-03-03T07:50:00+08:00');
    expect(formatLocalDateTime(at, -330)).toBe('2025-03-02T18:20:00-05:30');
    expect(weekdayOf('2025-03-03')).toBe('mon');
  });

  it('agrees with itself: date, seconds of day and instant round-trip at every offset', () => {
    fc.assert(
      fc.property(instant, offset, (at, off) => {
        const date = localDateOf(at, off);
        const s = localSecondsOf(at, off);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(86_400);
        expect(instantOf(date, s, off)).toBe(at);
        expect(dayNumberOf(date)).toBe(localDayNumberOf(at, off));
        expect(TimestampSchema.parse(formatLocalDateTime(at, off))).toBe(Math.round(at / 1000) * 1000);
      }),
    );
  });

  it('counts days, weekdays and periods like the UTC calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const date = dateOfDayNumber(day);
        expect(dayNumberOf(date)).toBe(day);
        const js = new Date(day * 86_400_000).getUTCDay(); // 0 = Sunday
        expect(weekdayOf(date)).toBe(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][js]);
      }),
    );
    expect(dayNumberOf('0001-01-01')).toBe(-719_162);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(datesOfPeriod('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(datesOfPeriod('2025-01-02', '2025-01-01')).toEqual([]);
    expect(secondsOfTime('24:00')).toBe(86_400);
  });

  it('refuses what is not a date with a BeatplanError, never a bare RangeError', () => {
    for (const bad of ['2025-02-30', '2025-3-3', '21xx-03-03', ''])
      expect(thrown(() => dayNumberOf(bad)).message).toBe(
        `date must be a real calendar date "YYYY-MM-DD", received ${JSON.stringify(bad)}`,
      );
    expect(thrown(() => dateOfDayNumber(Number.NaN)).code).toBe('INVALID_INPUT');
    expect(thrown(() => localDateOf(Number.POSITIVE_INFINITY, 480)).code).toBe('INVALID_INPUT');
    expect(thrown(() => dateOfDayNumber(2_932_897)).code).toBe('INVALID_INPUT');
  });
});
