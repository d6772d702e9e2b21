import { EARTH_RADIUS_M } from '@beatplan/core';

const RAD = Math.PI / 180;

/**
 * A pointy-top hex grid on a local equirectangular plane around `lat0` (metres east and north of
 * `lng0`, `lat0`); `widthM` is a cell's width, flat side to flat side (circumradius widthM ÷ √3).
 */
export function hexGrid(lng0: number, lat0: number, widthM: number) {
  const k = Math.cos(lat0 * RAD);
  const size = widthM / Math.sqrt(3);
  const toXY = (lng: number, lat: number): [number, number] => [
    EARTH_RADIUS_M * (lng - lng0) * RAD * k,
    EARTH_RADIUS_M * (lat - lat0) * RAD,
  ];
  const toLngLat = (x: number, y: number): [number, number] => [
    lng0 + x / (EARTH_RADIUS_M * RAD * k),
    lat0 + y / (EARTH_RADIUS_M * RAD),
  ];
  /** The axial coordinates of the cell holding a point (cube rounding). */
  const cellOf = (lng: number, lat: number): [number, number] => {
    const [x, y] = toXY(lng, lat);
    const q = ((Math.sqrt(3) / 3) * x - y / 3) / size;
    const r = ((2 / 3) * y) / size;
    let [rq, rr, rs] = [Math.round(q), Math.round(r), Math.round(-q - r)];
    const [dq, dr, ds] = [Math.abs(rq - q), Math.abs(rr - r), Math.abs(rs + q + r)];
    if (dq > dr && dq > ds) rq = -rr - rs;
    else if (dr > ds) rr = -rq - rs;
    return [rq + 0, rr + 0]; // no -0
  };
  const centreXY = (q: number, r: number): [number, number] => [size * Math.sqrt(3) * (q + r / 2), size * 1.5 * r];
  /** The six corners of a cell, WGS84, starting at the top. */
  const corners = (q: number, r: number): [number, number][] => {
    const [cx, cy] = centreXY(q, r);
    return Array.from({ length: 6 }, (_, i) => {
      const a = (Math.PI / 3) * i + Math.PI / 2;
      return toLngLat(cx + size * Math.cos(a), cy + size * Math.sin(a));
    });
  };
  return {
    toXY,
    cellOf,
    centre: (q: number, r: number) => toLngLat(...centreXY(q, r)),
    corners,
    /** A cell's area, km². */
    areaKm2: ((3 * Math.sqrt(3)) / 2) * (size / 1000) ** 2,
  };
}
