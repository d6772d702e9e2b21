import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '../parse-or-throw.js';
import { thrown } from '../../test/helpers.js';
import { CoordinatesSchema } from './coordinates.js';

describe('CoordinatesSchema', () => {
  it('accepts a point with or without crs and keeps a missing crs missing', () => {
    expect(CoordinatesSchema.parse({ lng: 116.404, lat: 39.915, crs: 'GCJ02' })).toEqual({
      lng: 116.404,
      lat: 39.915,
      crs: 'GCJ02',
    });
    expect(CoordinatesSchema.parse({ lng: 0, lat: 0 })).not.toHaveProperty('crs');
  });
  it('accepts every in-range point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        (lng, lat) => CoordinatesSchema.safeParse({ lng, lat }).success,
      ),
    );
  });
  it.each([
    [{ lng: 181, lat: 0 }, 'lng: longitude must be within [-180, 180], received 181'],
    [{ lng: 0, lat: -90.5 }, 'lat: latitude must be within [-90, 90], received -90.5'],
    [{ lng: Number.NaN, lat: 0 }, 'lng: longitude must be a finite number, received NaN'],
    [{ lng: 0, lat: Number.POSITIVE_INFINITY }, 'lat: latitude must be a finite number, received Infinity'],
    [{ lng: '116.4', lat: 0 }, 'lng: longitude must be a finite number, received "116.4"'],
    [{ lng: 0, lat: 0, crs: 'wgs84' }, 'crs: crs must be one of "WGS84", "GCJ02", "BD09", received "wgs84"'],
    [{ lon: 0, lat: 0 }, 'lng: longitude is required; lon: unknown field'],
  ])('rejects %j', (input, message) => {
    expect(thrown(() => parseOrThrow(CoordinatesSchema, input)).message).toBe(message);
  });
});
