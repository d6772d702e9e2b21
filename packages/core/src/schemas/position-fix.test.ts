import { describe, expect, it } from 'vitest';
import { fixInput, thrown } from '../../test/helpers.js';
import { parseOrThrow } from '../parse-or-throw.js';
import { PositionFixSchema } from './position-fix.js';
import { TimestampSchema } from './timestamp.js';

describe('TimestampSchema', () => {
  it.each([
    ['2025-03-03T09:00:00+08:00', 1740963600000],
    ['2025-03-03T01:00:00Z', 1740963600000],
    ['2025-03-03T09:00+0800', 1740963600000],
    ['2025-03-03T09:00:00.250+08', 1740963600250],
    ['2025-03-02T20:00:00-05:00', 1740963600000],
    [1740963600000, 1740963600000],
  ])('reads %j as %d', (input, ms) => {
    expect(TimestampSchema.parse(input)).toBe(ms);
  });
  it.each([
    [
      '2025-03-03T09:00:00',
      'at: date-time must carry a UTC offset (Z or +08:00): a local time is ambiguous, received "2025-03-03T09:00:00"',
    ],
    ['2025-02-29T09:00:00Z', 'at: is not a valid calendar date-time, received "2025-02-29T09:00:00Z"'],
    [
      'yesterday',
      'at: must be an ISO 8601 date-time with offset (2025-03-03T09:00:00+08:00) or epoch milliseconds, received "yesterday"',
    ],
    [
      1740963600,
      'at: time must be between 2000-01-01 and 2100-01-01 in epoch milliseconds (this looks like epoch seconds), received 1740963600',
    ],
    [Number.NaN, 'at: must be epoch milliseconds or an ISO 8601 date-time with offset, received NaN'],
    [true, 'at: must be epoch milliseconds or an ISO 8601 date-time with offset, received true'],
  ])('rejects %j', (input, message) => {
    expect(thrown(() => parseOrThrow(TimestampSchema, input, ['at'])).message).toBe(message);
  });
});

describe('PositionFixSchema', () => {
  it('parses a fix and normalises at to epoch ms', () => {
    const fix = PositionFixSchema.parse(fixInput({ mock: false, accuracyConfidence: 0.95, crs: 'WGS84' }));
    expect(fix).toEqual({
      lng: 116.404,
      lat: 39.915,
      accuracyM: 8,
      source: 'gnss',
      at: 1740963600000,
      mock: false,
      accuracyConfidence: 0.95,
      crs: 'WGS84',
    });
  });
  it('lists every problem of a bad fix with its path', () => {
    const e = thrown(() =>
      parseOrThrow(
        PositionFixSchema,
        fixInput({ lat: 123.4, accuracyM: -1, source: 'gps', accuracyConfidence: 68, Mock: true }),
        ['visits', 3, 'start'],
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'visits.3.start.lat',
      'visits.3.start.accuracyM',
      'visits.3.start.accuracyConfidence',
      'visits.3.start.source',
      'visits.3.start.Mock',
    ]);
    expect(e.message).toContain('visits[3].start.lat: latitude must be within [-90, 90], received 123.4');
    expect(e.message).toContain(
      'visits[3].start.source: source must be one of "gnss", "cell", "wifi", "manual", received "gps"',
    );
  });
  it('requires accuracy, source and time', () => {
    const e = thrown(() => parseOrThrow(PositionFixSchema, { lng: 1, lat: 2 }));
    expect(e.issues).toEqual([
      { path: ['accuracyM'], message: 'accuracy is required', reason: { key: 'required' } },
      { path: ['source'], message: 'source is required', reason: { key: 'required' } },
      { path: ['at'], message: 'time is required', reason: { key: 'required' } },
    ]);
  });
});
