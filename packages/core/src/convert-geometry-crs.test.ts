import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from './convert-crs.js';
import { convertGeometryCrs } from './convert-geometry-crs.js';

describe('convertGeometryCrs', () => {
  const ring = [
    [116.41, 39.91],
    [116.42, 39.91],
    [116.42, 39.92],
    [116.41, 39.91],
  ];
  it('converts every vertex of a polygon and keeps it closed', () => {
    const out = convertGeometryCrs(
      { type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] } as never,
      'GCJ02',
      'WGS84',
    ) as {
      type: string;
      coordinates: number[][][];
    };
    expect(out.type).toBe('Polygon');
    expect(out).not.toHaveProperty('bbox');
    const outer = out.coordinates[0] ?? [];
    expect(outer[0]).toEqual(gcj02ToWgs84(116.41, 39.91));
    expect(outer[0]).toEqual(outer[3]);
    expect(ring[0]).toEqual([116.41, 39.91]); // input untouched
  });
  it('keeps altitudes, handles points, lines and multipolygons, and is the identity for equal systems', () => {
    const p = convertGeometryCrs({ type: 'Point', coordinates: [116.41, 39.91, 50] }, 'GCJ02', 'BD09');
    expect(p.coordinates).toHaveLength(3);
    expect(p.coordinates[2]).toBe(50);
    const l = convertGeometryCrs({ type: 'LineString', coordinates: ring }, undefined, 'WGS84');
    expect(l.coordinates).toEqual(ring);
    const mp = convertGeometryCrs({ type: 'MultiPolygon', coordinates: [[ring]] }, 'WGS84', 'GCJ02');
    expect(mp.coordinates[0]?.[0]).toHaveLength(4);
  });
});
