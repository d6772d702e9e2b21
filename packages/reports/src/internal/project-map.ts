import { EARTH_RADIUS_M } from '@beatplan/core';

/** A projection from WGS84 lng/lat to SVG user units (x right, y down). */
export interface MapProjection {
  width: number;
  height: number;
  /** The latitude (degrees) whose cosine scales longitudes. */
  lat0: number;
  /** SVG units per metre (along a meridian, and along the parallel lat0). */
  unitsPerMetre: number;
  project(lng: number, lat: number): [number, number];
}

/** Metres per degree of latitude on the mean sphere. */
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

/**
 * Equirectangular projection scaled by cos(lat0), lat0 the middle latitude of the bounding box:
 * x = pad + s · (lng − minLng) · cos(lat0), y = pad + s · (maxLat − lat), with one scale s for both
 * axes fitting the box into `width` (the height follows the box's aspect, between `minHeight` and
 * `maxHeight`; a box too tall is fitted into `maxHeight` and centred). Distances are true to a few
 * per mille across a city. A box smaller than 0.005° (one point) is widened to 0.005°.
 */
export function fitProjection(
  points: Iterable<readonly [number, number]>,
  width = 800,
  pad = 24,
  minHeight = 320,
  maxHeight = 900,
): MapProjection {
  let minLng = Infinity,
    maxLng = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const [lng, lat] of points) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (minLng > maxLng) [minLng, maxLng, minLat, maxLat] = [0, 0, 0, 0];
  const grow = (lo: number, hi: number): [number, number] =>
    hi - lo >= 0.005 ? [lo, hi] : [(lo + hi) / 2 - 0.0025, (lo + hi) / 2 + 0.0025];
  [minLng, maxLng] = grow(minLng, maxLng);
  [minLat, maxLat] = grow(minLat, maxLat);
  const lat0 = (minLat + maxLat) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const spanX = (maxLng - minLng) * k;
  const spanY = maxLat - minLat;
  let s = (width - 2 * pad) / spanX;
  let height = Math.max(minHeight, Math.min(maxHeight, spanY * s + 2 * pad));
  if (spanY * s + 2 * pad > maxHeight) s = (maxHeight - 2 * pad) / spanY;
  height = Math.round(height);
  const offX = (width - spanX * s) / 2;
  const offY = (height - spanY * s) / 2;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height,
    lat0,
    unitsPerMetre: s / METRES_PER_DEGREE,
    project: (lng, lat) => [r(offX + (lng - minLng) * k * s), r(offY + (maxLat - lat) * s)],
  };
}
