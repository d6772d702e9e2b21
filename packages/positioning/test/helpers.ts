/** Runs `f`, expects a BeatplanError, and returns it (core's test helper). */
export { thrown } from '../../core/test/helpers.js';

/** Awaits `p`, expects it to reject with a BeatplanError, and returns it (core's test helper). */
export { rejected } from '../../core/test/helpers.js';

/** Splits `data` into chunks whose sizes cycle through `sizes`. */
export function chunked<T extends string | Uint8Array>(data: T, sizes: readonly number[]): T[] {
  const out: T[] = [];
  let i = 0;
  let k = 0;
  while (i < data.length) {
    const n = sizes[k++ % sizes.length]!;
    out.push(data.slice(i, i + n) as T);
    i += n;
  }
  return out;
}

export const OCID_HEADER =
  'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal';
