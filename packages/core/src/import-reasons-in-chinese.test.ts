// Issue 13: the retailer importers' own reasons (a bad cell, CRS, opening hours, GeoJSON property) are keyed, so a
// company importing its CSV or GeoJSON reads them in Chinese.
import { formatIssue, importRetailersCsv, importRetailersGeoJson, parseOpeningHours } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { retailerInput, thrown } from '../test/helpers.js';

const HEADER =
  'id,name,lng,lat,crs,segment,class,service_minutes,opening_hours,visit_frequency,order_count,order_volume,manager_id,region';

describe('the importers’ reasons in Chinese', () => {
  it('CSV: a bad number, CRS and opening hours', () => {
    const e = thrown(() =>
      importRetailersCsv(`${HEADER}\nR1,A,116.4 E,39.9,EPSG:3857,retail,A,15,daily 18-02,weekly,1,1,M1,X\n`),
    );
    expect(e.issues.every((i) => i.reason !== undefined)).toBe(true);
    expect(e.issues.map((i) => formatIssue(i, { locale: 'zh-CN' }))).toEqual([
      '第 1 行，lng：必须是数字，实际为 "116.4 E"',
      '第 1 行，crs：crs 必须是 "WGS84"、"GCJ02"、"BD09" 之一，实际为 "EPSG:3857"',
      '第 1 行，opening_hours："18-02" 不是 "HH:MM-HH:MM" 形式的时段，实际为 "daily 18-02"',
    ]);
  });

  it('GeoJSON: an unknown property; parseOpeningHours: a day given twice', () => {
    const { location: _, ...properties } = retailerInput();
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.41, 39.92] },
          properties: { ...properties, fax: '1' },
        },
      ],
    };
    const e = thrown(() => importRetailersGeoJson(fc));
    expect(e.issues.map((i) => formatIssue(i, { locale: 'zh-CN' }))).toEqual([
      '第 1 行，features[0].properties.fax：未知属性',
    ]);
    const hours = thrown(() => parseOpeningHours('mon 08:00-12:00; mon 14:00-18:00'));
    expect(hours.issues.map((i) => formatIssue(i, { locale: 'zh-CN' }))).toEqual([
      'mon 给出了两次，实际为 "mon 08:00-12:00; mon 14:00-18:00"',
    ]);
  });
});
