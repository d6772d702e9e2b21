import Flatbush from 'flatbush';
import { SEGMENT_RUN } from './road-graph-data.js';

/** Local planar coordinates of the snapping index: x = (lng − lng0) × cosLat0, y = lat − lat0, degrees. */
export interface LocalFrame {
  lng0: number;
  lat0: number;
  cosLat0: number;
}

/**
 * Runs of up to {@link SEGMENT_RUN} consecutive segments of each chain and a Flatbush (Float32) over
 * their boxes in the local frame (centred on the network, so Float32 keeps millimetres). Each box is
 * widened by a few Float32 steps so that it still contains its segments after rounding: the index's
 * box distances stay lower bounds and the nearest-segment search exact.
 */
export function buildSegmentIndex(
  lngE7: Int32Array,
  latE7: Int32Array,
  chainStart: Uint32Array,
): LocalFrame & { runPoint: Uint32Array; index: Flatbush } {
  const chains = chainStart.length - 1;
  let loX = Number.POSITIVE_INFINITY;
  let loY = Number.POSITIVE_INFINITY;
  let hiX = Number.NEGATIVE_INFINITY;
  let hiY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lngE7.length; i++) {
    const x = lngE7[i] as number;
    const y = latE7[i] as number;
    if (x < loX) loX = x;
    if (x > hiX) hiX = x;
    if (y < loY) loY = y;
    if (y > hiY) hiY = y;
  }
  const lng0 = lngE7.length ? Math.round((loX + hiX) / 2) / 1e7 : 0;
  const lat0 = lngE7.length ? Math.round((loY + hiY) / 2) / 1e7 : 0;
  const cosLat0 = Math.cos((lat0 * Math.PI) / 180);
  const runs: number[] = [];
  for (let c = 0; c < chains; c++) {
    const last = (chainStart[c + 1] as number) - 1;
    for (let i = chainStart[c] as number; i < last; i += SEGMENT_RUN) runs.push(i);
  }
  const index = new Flatbush(Math.max(1, runs.length), 16, Float32Array);
  const extent = lngE7.length ? Math.max(1e-3, (hiX - loX) / 1e7, (hiY - loY) / 1e7) : 1;
  const pad = extent * 2 ** -20;
  for (const first of runs) {
    const c = chainOfPoint(chainStart, first);
    const last = Math.min(first + SEGMENT_RUN, (chainStart[c + 1] as number) - 1);
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let i = first; i <= last; i++) {
      const x = ((lngE7[i] as number) / 1e7 - lng0) * cosLat0;
      const y = (latE7[i] as number) / 1e7 - lat0;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    index.add(x0 - pad, y0 - pad, x1 + pad, y1 + pad);
  }
  if (runs.length === 0) index.add(0, 0, 0, 0); // Flatbush needs one item; runPoint is empty so it never matches
  index.finish();
  return { runPoint: Uint32Array.from(runs), index, lng0, lat0, cosLat0 };
}

/** The chain a point belongs to (binary search over the chain starts). */
export function chainOfPoint(chainStart: Uint32Array, point: number): number {
  let a = 0;
  let b = chainStart.length - 2;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if ((chainStart[m] as number) <= point) a = m;
    else b = m - 1;
  }
  return a;
}
