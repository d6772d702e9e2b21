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
 * Projects points (WGS84 degrees) to metres on a plane tangent at their mean latitude.
 * Good to ~0.1 % over a city or a province (the scale error grows with the latitude span).
 */
export function projectToPlane(
  points: readonly { lng: number; lat: number }[],
  origin?: { lng: number; lat: number },
): PlanarPoints {
  const n = points.length;
  let lng0 = origin?.lng ?? 0;
  let lat0 = origin?.lat ?? 0;
  if (!origin && n > 0) {
    for (const p of points) {
      lng0 += p.lng;
      lat0 += p.lat;
    }
    lng0 /= n;
    lat0 /= n;
  }
  const kx = Math.cos(lat0 * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (const [i, p] of points.entries()) {
    x[i] = (p.lng - lng0) * kx;
    y[i] = (p.lat - lat0) * ky;
  }
  return { x, y, lng0, lat0 };
}
