import { convertLngLat } from './convert-crs.js';
import type { Crs } from './schemas/crs.js';

/** A GeoJSON position: `[lng, lat]` or `[lng, lat, altitude]`. */
type Pos = number[];

/** The GeoJSON geometries {@link convertGeometryCrs} converts (GeometryCollection is not supported). */
export type ConvertibleGeometry =
  | { type: 'Point'; coordinates: Pos }
  | { type: 'MultiPoint'; coordinates: Pos[] }
  | { type: 'LineString'; coordinates: Pos[] }
  | { type: 'MultiLineString'; coordinates: Pos[][] }
  | { type: 'Polygon'; coordinates: Pos[][] }
  | { type: 'MultiPolygon'; coordinates: Pos[][][] };

function convertPos(p: Pos, from: Crs, to: Crs): Pos {
  const [lng, lat] = convertLngLat(p[0] ?? NaN, p[1] ?? NaN, from, to);
  return p.length > 2 ? [lng, lat, ...p.slice(2)] : [lng, lat];
}

/**
 * Converts every position of a GeoJSON geometry between coordinate systems (e.g. a retailer's GCJ-02
 * geofence polygon to WGS84 before testing a GNSS fix against it). Returns a new geometry of the same
 * type; altitudes are kept; `bbox` is dropped (it would be stale). Each vertex is converted on its
 * own; the offsets vary slowly (metres per km), so edges stay straight enough for geofences.
 *
 * @param geometry - a Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon.
 * @param from - its system (`undefined` = WGS84).
 * @param to - the target system (`undefined` = WGS84).
 * @returns a new geometry in `to`.
 * @throws {BeatplanError} `UNSUPPORTED_CRS` when `from` or `to` is unknown.
 * @example
 * const fence = { type: 'Polygon' as const, coordinates: [[[116.41, 39.91], [116.42, 39.91], [116.42, 39.92], [116.41, 39.91]]] };
 * convertGeometryCrs(fence, 'GCJ02', 'WGS84'); // the same ring, shifted ~600 m south-west
 */
export function convertGeometryCrs<G extends ConvertibleGeometry>(
  geometry: G,
  from: Crs | undefined,
  to: Crs | undefined,
): G {
  const f = from ?? 'WGS84';
  const t = to ?? 'WGS84';
  const c = (p: Pos): Pos => convertPos(p, f, t);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: c(geometry.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(c) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((r) => r.map(c)) } as G;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((r) => r.map(c))) } as G;
  }
}
