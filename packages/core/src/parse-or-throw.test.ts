import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { fromZodError, parseOrThrow, tryParse } from './parse-or-throw.js';
import { CoordinatesSchema } from './schemas/coordinates.js';
import { PositionFixSchema } from './schemas/position-fix.js';
import { thrown } from '../test/helpers.js';

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(CoordinatesSchema, { lng: 1, lat: 2 })).toEqual({ lng: 1, lat: 2 });
  });
  it('reproduces the message of the conventions', () => {
    const e = thrown(() => parseOrThrow(CoordinatesSchema, { lng: 116.4, lat: 123.4 }, ['retailers', 12, 'location']));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('retailers[12].location.lat: latitude must be within [-90, 90], received 123.4');
    expect(e.path).toEqual(['retailers', 12, 'location', 'lat']);
    expect(e.value).toBe(123.4);
    expect(e.cause).toBeInstanceOf(z.ZodError);
  });
  it('lists every problem, missing fields without a value, unknown fields one by one', () => {
    const e = thrown(() => parseOrThrow(CoordinatesSchema, { lat: 'x', lon: 1, CRS: 'GCJ02' }));
    expect(e.issues).toEqual([
      { path: ['lng'], message: 'longitude is required', reason: { key: 'required' } },
      {
        path: ['lat'],
        message: 'latitude must be a finite number',
        value: 'x',
        reason: { key: 'type', expected: 'number' },
      },
      { path: ['lon'], message: 'unknown field', reason: { key: 'unknown_field' } },
      { path: ['CRS'], message: 'unknown field', reason: { key: 'unknown_field' } },
    ]);
  });
  it('the docs example: an ISO time becomes epoch ms', () => {
    const fix = parseOrThrow(
      PositionFixSchema,
      { lng: 116.4, lat: 39.9, accuracyM: 12, source: 'gnss', at: '2025-03-03T09:00:00+08:00' },
      ['visit', 'start'],
    );
    expect(fix.at).toBe(1740963600000);
  });
});

describe('tryParse', () => {
  it('returns a discriminated result', () => {
    const bad = tryParse(CoordinatesSchema, { lng: 200, lat: 0 }, ['fix']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('fix.lng: longitude must be within [-180, 180], received 200');
    expect(tryParse(CoordinatesSchema, { lng: 0, lat: 0 })).toEqual({ ok: true, data: { lng: 0, lat: 0 } });
  });
});

describe('fromZodError', () => {
  it('rewrites zod default messages and finds values in the input', () => {
    const S = z.object({
      n: z.number().int().min(1),
      m: z.number().min(1),
      missing: z.string(),
      e: z.enum(['a', 'b']),
      s: z.string().min(1),
      arr: z.array(z.number()).min(2),
    });
    const input = { n: 0.5, m: 0, e: 'c', s: '', arr: [1] };
    const r = S.safeParse(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = fromZodError(r.error, ['root'], input);
    expect(issues).toEqual([
      { path: ['root', 'n'], message: 'must be an integer', value: 0.5, reason: { key: 'type', expected: 'int' } },
      {
        path: ['root', 'm'],
        message: 'must be at least 1',
        value: 0,
        reason: { key: 'min', minimum: 1, inclusive: true },
      },
      { path: ['root', 'missing'], message: 'is required', reason: { key: 'required' } },
      {
        path: ['root', 'e'],
        message: 'must be one of "a", "b"',
        value: 'c',
        reason: { key: 'one_of', values: ['"a"', '"b"'] },
      },
      { path: ['root', 's'], message: 'must not be empty', value: '', reason: { key: 'not_empty' } },
      {
        path: ['root', 'arr'],
        message: 'must have at least 2 items',
        value: [1],
        reason: { key: 'min_items', minimum: 2 },
      },
    ]);
  });
  it('the docs example', () => {
    const r = CoordinatesSchema.safeParse({ lng: 116.4, lat: 123.4 });
    if (r.success) throw new Error('expected failure');
    expect(fromZodError(r.error, ['location'], { lng: 116.4, lat: 123.4 })).toEqual([
      {
        path: ['location', 'lat'],
        message: 'latitude must be within [-90, 90]',
        value: 123.4,
        reason: { key: 'max', maximum: 90, inclusive: true },
      },
    ]);
  });
});
