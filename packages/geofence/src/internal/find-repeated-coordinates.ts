import { FLAG } from './code-masks.js';
import { scratchI32, scratchU8 } from './scratch.js';
import { KIND_ABSENT, KIND_SOURCE_CRS, SOURCE_CODE, type Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** A 32-bit hash of exact coordinates (−0 and 0 hash alike, as they compare equal). */
function hashCoordinates(lng: number, lat: number): number {
  f64[0] = lng + 0;
  const lng0 = u32[0] ?? failEvidence('u32', 0);
  const lng1 = u32[1] ?? failEvidence('u32', 1);
  f64[0] = lat + 0;
  const lat0 = u32[0] ?? failEvidence('u32', 0);
  const lat1 = u32[1] ?? failEvidence('u32', 1);
  let h = Math.imul(lng0 ^ Math.imul(lng1, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ lat0 ^ (h >>> 15), 0xc2b2ae35) ^ Math.imul(lat1, 0x27d4eb2f);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * REPEATED_COORDINATES: GNSS fixes with exactly the same `lng`, `lat` and `crs` (as sent, before any
 * conversion) at two or more different retailers flag every visit that has one. Real GNSS fixes at
 * different places never agree to the last digit; a replayed or copied position does. Cell and WiFi
 * fixes are skipped: estimates from the same tower or access points legitimately repeat; so is the
 * end slot of a visit without an end fix (a copy of its start fix).
 *
 * Linear time: an open-addressing hash table of fix slots keyed by the coordinates' bits; each fix
 * points to the first fix with its coordinates, which records whether they were seen at another
 * retailer. Reads only the evidence's flat arrays; no allocation per fix.
 */
export function findRepeatedCoordinates(ev: Evidence): void {
  const slots = 2 * ev.n;
  let size = 16;
  while (size < 2 * slots) size *= 2;
  const mask = size - 1;
  const table = scratchI32(size).fill(-1); // first fix slot of each distinct coordinate
  const first = scratchI32(slots).fill(-1); // each GNSS fix → the first fix with its coordinates
  const mixed = scratchU8(slots).fill(0); // on first fixes: seen at two or more retailers
  const { rawLng, rawLat, fixKind, fence } = ev;
  let any = false;
  for (let slot = 0; slot < slots; slot++) {
    const bits = fixKind[slot] ?? failEvidence('fixKind', slot);
    const kind = bits & KIND_SOURCE_CRS;
    if ((kind & 3) !== SOURCE_CODE.gnss || (bits & KIND_ABSENT) !== 0) continue;
    const lng = rawLng[slot] ?? failEvidence('rawLng', slot);
    const lat = rawLat[slot] ?? failEvidence('rawLat', slot);
    let b = hashCoordinates(lng, lat) & mask;
    for (;;) {
      const other = table[b] ?? failEvidence('table', b);
      if (other < 0) {
        table[b] = slot;
        first[slot] = slot;
        break;
      }
      if (
        rawLng[other] === lng &&
        rawLat[other] === lat &&
        ((fixKind[other] ?? failEvidence('fixKind', other)) & KIND_SOURCE_CRS) === kind
      ) {
        first[slot] = other;
        if (fence[other >> 1] !== fence[slot >> 1]) {
          mixed[other] = 1;
          any = true;
        }
        break;
      }
      b = (b + 1) & mask;
    }
  }
  if (!any) return;
  first.forEach((f, slot) => {
    if (f >= 0 && mixed[f])
      ev.flags[slot >> 1] = (ev.flags[slot >> 1] ?? failEvidence('flags', slot >> 1)) | FLAG.REPEATED_COORDINATES;
  });
}
