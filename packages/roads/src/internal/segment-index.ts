import Flatbush from 'flatbush';

/** Segments of the chains and a Flatbush over their boxes, in (lng × cosLat0, lat) degrees. */
export function buildSegmentIndex(
  lngs: Float64Array,
  lats: Float64Array,
  chainStart: Uint32Array,
): { segChain: Uint32Array; segPoint: Uint32Array; index: Flatbush; cosLat0: number } {
  const chains = chainStart.length - 1;
  const segments = Math.max(0, lngs.length - chains);
  let latSum = 0;
  for (let i = 0; i < lats.length; i++) latSum += lats[i] as number;
  const cosLat0 = lats.length ? Math.cos(((latSum / lats.length) * Math.PI) / 180) : 1;
  const segChain = new Uint32Array(segments);
  const segPoint = new Uint32Array(segments);
  const index = new Flatbush(Math.max(1, segments));
  let s = 0;
  for (let c = 0; c < chains; c++) {
    for (let i = chainStart[c] as number; i + 1 < (chainStart[c + 1] as number); i++) {
      segChain[s] = c;
      segPoint[s++] = i;
      const x1 = (lngs[i] as number) * cosLat0;
      const x2 = (lngs[i + 1] as number) * cosLat0;
      const y1 = lats[i] as number;
      const y2 = lats[i + 1] as number;
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
  }
  if (segments === 0) index.add(0, 0, 0, 0); // Flatbush needs one item; segPoint is empty so it never matches
  index.finish();
  return { segChain, segPoint, index, cosLat0 };
}
