import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importRetailersCsv, importRetailersGeoJson, retailersToCsv, retailersToGeoJson } from '@beatplan/core';
import { PROTOTYPE_NAMES } from './data-key-names.js';

const HEADER =
  'id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume,manager_id,region';

// Issue 15, defect 1: ids and property names spelled like Object.prototype members.
describe('names of Object.prototype members', () => {
  it('are ids, managers and regions like any other through CSV and GeoJSON', () => {
    const names = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, 'R1'), { minLength: 1 });
    fc.assert(
      fc.property(names, fc.constantFrom(...PROTOTYPE_NAMES), (ids, other) => {
        const csv = `${HEADER}\n${ids.map((id) => `${id},Shop,120.1,30.2,retail,B,10,weekly,1,2,${other},${other}`).join('\n')}\n`;
        const { retailers } = importRetailersCsv(csv);
        expect(retailers.map((r) => [r.id, r.managerId, r.region])).toEqual(ids.map((id) => [id, other, other]));
        expect(importRetailersCsv(retailersToCsv(retailers)).retailers).toEqual(retailers);
        expect(importRetailersGeoJson(JSON.parse(JSON.stringify(retailersToGeoJson(retailers)))).retailers).toEqual(
          retailers,
        );
      }),
      { numRuns: 50, seed: 15 },
    );
  });

  it('as GeoJSON property names are unknown properties, not aliases', () => {
    for (const name of PROTOTYPE_NAMES) {
      const feature = JSON.parse(
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[120.1,30.2]},"properties":{"id":"R1","name":"Shop","segment":"retail","class":"B","serviceMinutes":10,"visitFrequency":"weekly","orderCount":1,"orderVolume":2,${JSON.stringify(name)}:1}}`,
      );
      const collection = { type: 'FeatureCollection', features: [feature] };
      expect(() => importRetailersGeoJson(collection)).toThrow(`properties.${name}: unknown property`);
      expect(importRetailersGeoJson(collection, { ignoreUnknownProperties: true }).retailers[0]?.id).toBe('R1');
    }
  });
});
