import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { parseOrThrow } from '../parse-or-throw.js';
import { TimeIntervalSchema, WeeklyHoursSchema } from './weekly-hours.js';

describe('WeeklyHoursSchema', () => {
  it('accepts split days, overnight intervals, 24:00 and closed days', () => {
    const h = {
      mon: [
        { from: '08:00', to: '12:00' },
        { from: '14:00', to: '20:00' },
      ],
      fri: [{ from: '18:00', to: '02:00' }],
      sat: [{ from: '00:00', to: '24:00' }],
      sun: [],
    };
    expect(WeeklyHoursSchema.parse(h)).toEqual(h);
  });
  it.each([
    [{ from: '8:00', to: '12:00' }, 'from: from must be a time "HH:MM" (00:00–23:59), received "8:00"'],
    [{ from: '08:00', to: '24:30' }, 'to: to must be a time "HH:MM" (00:00–24:00), received "24:30"'],
    [{ from: '09:00', to: '09:00' }, 'interval must not be empty (from equals to), received an object'],
  ])('rejects the interval %j', (input, message) => {
    expect(thrown(() => parseOrThrow(TimeIntervalSchema, input)).message).toBe(message);
  });
  it('rejects overlapping intervals, an overnight interval before another, and unknown days', () => {
    const e = thrown(() =>
      parseOrThrow(WeeklyHoursSchema, {
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '20:00' },
        ],
        tue: [
          { from: '20:00', to: '02:00' },
          { from: '21:00', to: '23:00' },
        ],
        monday: [],
      }),
    );
    expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'mon.1: intervals of a day must not overlap',
      'tue.1: intervals of a day must not overlap',
      'monday: unknown field',
    ]);
  });
});
