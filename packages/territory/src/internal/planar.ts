import { EARTH_RADIUS_M } from '@beatplan/core';

const RAD = Math.PI / 180;

/** Points projected to a local plane in metres (equirectangular about the mean latitude). */
export interface PlanarPoints {
  x: Float64Array;
  y: Float64Array;
  /** Longitude, latitude (degrees) of the plane's origin. */
  lng0: number;
  lat0: number;
}

/**
 * Projects `[lng, lat]` pairs (WGS84 degrees) to metres on a plane tangent at their mean latitude.
 * Good to ~0.1 % over a city or a province (the scale error grows with the latitude span).
 */
export function projectToPlane(
  lngs: ArrayLike<number>,
  lats: ArrayLike<number>,
  origin?: { lng: number; lat: number },
): PlanarPoints {
  const n = lngs.length;
  let lng0 = origin?.lng ?? 0;
  let lat0 = origin?.lat ?? 0;
  if (!origin && n > 0) {
    for (let i = 0; i < n; i++) {
      lng0 += lngs[i]!;
      lat0 += lats[i]!;
    }
    lng0 /= n;
    lat0 /= n;
  }
  const kx = Math.cos(lat0 * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (lngs[i]! - lng0) * kx;
    y[i] = (lats[i]! - lat0) * ky;
  }
  return { x, y, lng0, lat0 };
}
