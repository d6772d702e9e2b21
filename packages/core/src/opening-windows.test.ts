import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursOnDay, openingWindows, WEEKDAYS, WeeklyHoursSchema, type WeeklyHours } from '@beatplan/core';

const ktv: WeeklyHours = { mon: [{ from: '18:00', to: '02:00' }], tue: [{ from: '10:00', to: '12:00' }] };

describe('hoursOnDay: the one past-midnight rule', () => {
  it('runs an overnight interval on past 24:00 and opens the next day from 00:00', () => {
    expect(hoursOnDay(ktv, 'mon')).toEqual([[64_800, 93_600]]);
    expect(hoursOnDay(ktv, 'tue')).toEqual([
      [0, 7200],
      [36_000, 43_200],
    ]);
    expect(hoursOnDay(ktv, 'tue', { fromPreviousNight: false })).toEqual([[36_000, 43_200]]);
    expect(hoursOnDay(ktv, 'wed')).toEqual([]);
    expect(hoursOnDay({ sun: [{ from: '20:00', to: '00:00' }] }, 'sun')).toEqual([[72_000, 86_400]]);
    expect(hoursOnDay({ sun: [{ from: '20:00', to: '00:00' }] }, 'mon')).toEqual([]); // nothing after midnight
    expect(hoursOnDay({ sun: [{ from: '22:00', to: '03:00' }] }, 'mon')).toEqual([[0, 10_800]]); // wraps the week
  });
  it('merges what touches: 08:00–24:00 after a night to 02:00 is one interval', () => {
    const h: WeeklyHours = { mon: [{ from: '08:00', to: '24:00' }], tue: [{ from: '00:00', to: '24:00' }] };
    expect(hoursOnDay(h, 'mon')).toEqual([[28_800, 86_400]]);
  });
});

describe('openingWindows', () => {
  it('is the docs example', () => {
    const hours = {
      mon: [
        { from: '08:00', to: '12:00' },
        { from: '14:00', to: '20:00' },
      ],
    };
    expect(openingWindows(hours, 'mon', { serviceS: 1800 })).toEqual([
      [28_800, 41_400],
      [50_400, 70_200],
    ]);
    expect(openingWindows(hours, 'mon', { serviceS: 1800, within: [[30_600, 63_000]] })).toEqual([
      [30_600, 41_400],
      [50_400, 61_200],
    ]);
    expect(openingWindows(hours, 'sun')).toEqual([]);
    expect(openingWindows(undefined, 'sun')).toBeNull();
    expect(openingWindows(undefined, 'sun', { serviceS: 600, within: [[0, 3600]] })).toEqual([[0, 3000]]);
  });
  it('lets a late visit at a KTV end after midnight, and a visit of the night run from 00:00', () => {
    expect(openingWindows(ktv, 'mon', { serviceS: 1800 })).toEqual([[64_800, 91_800]]);
    expect(openingWindows(ktv, 'tue', { serviceS: 1800 })).toEqual([
      [0, 5400],
      [36_000, 41_400],
    ]);
  });

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ from: hhmm(a), to: hhmm(b) }));
  const hours = fc
    .dictionary(fc.constantFrom(...WEEKDAYS), fc.array(interval, { maxLength: 3 }))
    .filter((h) => WeeklyHoursSchema.safeParse(h).success);

  it('gives windows in which a visit fits the opening hours and the within intervals', () => {
    fc.assert(
      fc.property(hours, fc.constantFrom(...WEEKDAYS), fc.integer({ min: 0, max: 7200 }), (h, day, serviceS) => {
        const open = hoursOnDay(h, day);
        const within: [number, number][] = [[30_600, 63_000]];
        const windows = openingWindows(h, day, { serviceS, within }) ?? [];
        for (const [from, to] of windows) {
          expect(from).toBeLessThanOrEqual(to);
          // start and end of the visit lie in one open interval and in the working interval
          for (const start of [from, to]) {
            expect(open.some(([a, b]) => start >= a && start + serviceS <= b)).toBe(true);
            expect(start >= 30_600 && start + serviceS <= 63_000).toBe(true);
          }
        }
        for (let k = 1; k < windows.length; k++) expect(windows[k]![0]).toBeGreaterThan(windows[k - 1]![1]);
      }),
    );
  });
});

function hhmm(quarter: number): string {
  const m = quarter * 15;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
