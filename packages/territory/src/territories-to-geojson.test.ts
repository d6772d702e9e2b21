import { describe, expect, it } from 'vitest';
import { clusteredCity } from '../test/helpers.js';
import { partitionTerritories } from './partition-territories.js';
import { territoriesToGeoJson } from './territories-to-geojson.js';

describe('territoriesToGeoJson', () => {
  it('runs the JSDoc example: one hull feature per territory with its figures', () => {
    const { retailers, managers } = clusteredCity(80, 3, 4);
    const result = partitionTerritories(retailers, managers);
    const fc = territoriesToGeoJson(result);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.managerId)).toEqual(managers.map((m) => m.id));
    for (const f of fc.features) {
      expect(f.geometry?.type).toBe('Polygon');
      expect(f.properties.retailers).toBe(
        result.territories.find((t) => t.managerId === f.properties.managerId)!.retailerIds.length,
      );
    }
  });
});
