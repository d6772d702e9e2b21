/**
 * What a batch learns about its visits, as flat typed arrays (visit i; fix slots 2i = start and
 * 2i + 1 = end), so that judging 10⁶ visits allocates a handful of arrays, not millions of objects.
 */
export interface Evidence {
  readonly n: number;
  /** Index of each visit's fence in the retailer index. */
  readonly fence: Int32Array;
  readonly reasons: Uint16Array;
  readonly flags: Uint16Array;
  /** Reported distances, 0.1 m; NaN = null (no fence). */
  readonly distanceStart: Float64Array;
  readonly distanceEnd: Float64Array;
  readonly confidence: Float64Array;
  readonly dwellS: Float64Array;
  /** Fix positions in WGS84 and their 95 % radii, per fix slot. */
  readonly fixLng: Float64Array;
  readonly fixLat: Float64Array;
  readonly fixR95: Float64Array;
  /**
   * Each fix as sent, copied once while judging so that the batch passes read flat arrays instead
   * of chasing visit objects: time (epoch ms), raw coordinates (in the fix's own crs), accuracy, and
   * `fixKind` = source code (bits 0–1, see `SOURCE_CODE`) | crs code << 2 (0 WGS84, 1 GCJ02, 2 BD09).
   */
  readonly fixAt: Float64Array;
  readonly rawLng: Float64Array;
  readonly rawLat: Float64Array;
  readonly accuracyM: Float64Array;
  readonly fixKind: Uint8Array;
}

/** Source codes of `fixKind`: gnss 0, cell 1, wifi 2, manual 3. */
export const SOURCE_CODE = { gnss: 0, cell: 1, wifi: 2, manual: 3 } as const;
/** Crs codes of `fixKind` (>> 2): WGS84 (or absent) 0, GCJ02 1, BD09 2. */
export const CRS_CODE = { WGS84: 0, GCJ02: 1, BD09: 2 } as const;

/** Allocates the evidence arrays of a batch of `n` visits. */
export function createEvidence(n: number): Evidence {
  return {
    n,
    fence: new Int32Array(n),
    reasons: new Uint16Array(n),
    flags: new Uint16Array(n),
    distanceStart: new Float64Array(n),
    distanceEnd: new Float64Array(n),
    confidence: new Float64Array(n),
    dwellS: new Float64Array(n),
    fixLng: new Float64Array(2 * n),
    fixLat: new Float64Array(2 * n),
    fixR95: new Float64Array(2 * n),
    fixAt: new Float64Array(2 * n),
    rawLng: new Float64Array(2 * n),
    rawLat: new Float64Array(2 * n),
    accuracyM: new Float64Array(2 * n),
    fixKind: new Uint8Array(2 * n),
  };
}
