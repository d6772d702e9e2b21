import { describe, expect, it } from 'vitest';
import { retailerInput, thrown } from '../test/helpers.js';
import { importRetailersGeoJson } from './import-retailers-geojson.js';
import { retailersToGeoJson } from './retailers-to-geojson.js';
import { RetailerSchema } from './schemas/retailer.js';

describe('importRetailersGeoJson', () => {
  it('the docs example', () => {
    const { retailers } = importRetailersGeoJson({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'R1',
          geometry: { type: 'Point', coordinates: [116.41, 39.92] },
          properties: {
            name: 'Happy Mart',
            crs: 'GCJ02',
            segment: 'retail',
            class: 'B',
            serviceMinutes: 15,
            visitFrequency: 'weekly',
            orderCount: 12,
            orderVolume: 3400,
          },
        },
      ],
    });
    expect(retailers[0]).toMatchObject({ id: 'R1', location: { lng: 116.41, lat: 39.92, crs: 'GCJ02' } });
  });
  it('rejects what is not a FeatureCollection, and bad JSON text', () => {
    expect(thrown(() => importRetailersGeoJson({ type: 'Feature' })).message).toBe(
      'must be a GeoJSON FeatureCollection with a features array, received an object',
    );
    const e = thrown(() => importRetailersGeoJson('{ nope'));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toMatch(/^not valid JSON/);
  });
  it('applies defaultCrs and ignores unknown properties on request', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.41, 39.92] },
          properties: { ...retailerInput({ location: undefined }), fax: '1' },
        },
      ],
    };
    delete (fc.features[0]!.properties as Record<string, unknown>).location;
    const { retailers } = importRetailersGeoJson(fc, { defaultCrs: 'BD09', ignoreUnknownProperties: true });
    expect(retailers[0]?.location).toEqual({ lng: 116.41, lat: 39.92, crs: 'BD09' });
    expect(thrown(() => importRetailersGeoJson(fc)).issues).toMatchObject([
      { row: 1, path: ['features', 0, 'properties', 'fax'], message: 'unknown property' },
    ]);
  });
});

describe('retailersToGeoJson', () => {
  it('writes [lng, lat] points and reads back to equal retailers', () => {
    const retailers = [
      RetailerSchema.parse(retailerInput()),
      RetailerSchema.parse(
        retailerInput({
          id: 'R2',
          location: { lng: 116.5, lat: 39.9 },
          managerId: 'M1',
          region: 'Chaoyang',
          geofence: {
            type: 'Polygon',
            coordinates: [
              [
                [116.499, 39.899],
                [116.501, 39.899],
                [116.501, 39.901],
                [116.499, 39.899],
              ],
            ],
          },
        }),
      ),
    ];
    const fc = retailersToGeoJson(retailers);
    expect(fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [116.41, 39.92] });
    expect(fc.features[0]?.properties.crs).toBe('GCJ02');
    expect(fc.features[1]?.properties).not.toHaveProperty('crs');
    expect(importRetailersGeoJson(fc).retailers).toEqual(retailers);
    expect(importRetailersGeoJson(JSON.stringify(fc)).retailers).toEqual(retailers);
  });
});
