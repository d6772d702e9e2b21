import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { formatOpeningHours, parseOpeningHours } from './opening-hours.js';
import { WEEKDAYS, type WeeklyHours } from './schemas/weekly-hours.js';

describe('parseOpeningHours', () => {
  it('reads the docs example', () => {
    const h = parseOpeningHours('mon-fri 08:00-12:00,14:00-20:00; sat 09:00-13:00; sun closed');
    expect(h?.mon).toEqual([
      { from: '08:00', to: '12:00' },
      { from: '14:00', to: '20:00' },
    ]);
    expect(h?.fri).toEqual(h?.mon);
    expect(h?.sat).toEqual([{ from: '09:00', to: '13:00' }]);
    expect(h?.sun).toEqual([]);
  });
  it('accepts daily, lists, wrapping ranges, case and spaces', () => {
    expect(Object.keys(parseOpeningHours('Daily 18:00-02:00') ?? {})).toEqual([...WEEKDAYS]);
    expect(Object.keys(parseOpeningHours('MON , wed 08:00 - 12:00; fri-sun 10:00-22:00') ?? {})).toEqual([
      'mon',
      'wed',
      'fri',
      'sat',
      'sun',
    ]);
    expect(parseOpeningHours('  ')).toBeUndefined();
  });
  it.each([
    [
      'monday 08:00-12:00',
      'unknown day "monday" (use mon, tue, wed, thu, fri, sat, sun, daily or a range like mon-fri), received "monday 08:00-12:00"',
    ],
    ['mon 8-12', '"8-12" is not an interval "HH:MM-HH:MM", received "mon 8-12"'],
    ['mon 08:00-12:00; mon-fri 09:00-10:00', 'mon is given twice, received "mon 08:00-12:00; mon-fri 09:00-10:00"'],
    ['08:00-12:00', '"08:00-12:00" must be "<days> <intervals>", e.g. "mon-fri 08:00-20:00", received "08:00-12:00"'],
    ['mon 08:00-12:00,11:00-13:00', 'mon[1]: intervals of a day must not overlap, received an object'],
  ])('rejects %j', (text, message) => {
    const e = thrown(() => parseOpeningHours(text));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(message);
  });
});

describe('formatOpeningHours', () => {
  it('groups equal consecutive days (docs example)', () => {
    const t = { from: '08:00', to: '20:00' };
    expect(formatOpeningHours({ mon: [t], tue: [t], sun: [] })).toBe('mon-tue 08:00-20:00; sun closed');
    expect(formatOpeningHours(Object.fromEntries(WEEKDAYS.map((d) => [d, [t]])))).toBe('daily 08:00-20:00');
  });
  it('parse(format(h)) equals h for any non-empty weekly hours', () => {
    const hhmm = fc
      .integer({ min: 0, max: 1439 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const day = fc.oneof(
      fc.constant([]),
      fc
        .tuple(hhmm, hhmm)
        .filter(([a, b]) => a !== b)
        .map(([from, to]) => [{ from, to }]),
    );
    const week = fc
      .record(
        Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<
          string,
          fc.Arbitrary<{ from: string; to: string }[]>
        >,
        {
          requiredKeys: [],
        },
      )
      .filter((h) => Object.keys(h).length > 0);
    fc.assert(
      fc.property(week, (h) => {
        const ordered: WeeklyHours = {};
        for (const d of WEEKDAYS) if (h[d]) ordered[d] = h[d];
        expect(parseOpeningHours(formatOpeningHours(ordered))).toEqual(ordered);
      }),
    );
  });
});
