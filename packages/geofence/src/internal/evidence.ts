import { convertAccuracy, normalizeAccuracy } from '@beatplan/core';
import { failEvidence } from './evidence-bug.js';
import { scratchF64, scratchI32, scratchU8 } from './scratch.js';

/**
 * What a batch learns about its visits, as flat typed arrays (visit i; fix slots 2i = start and
 * 2i + 1 = end), so that judging 10⁶ visits allocates a handful of arrays, not millions of objects.
 * Filled from visit objects or from columns (`fill-evidence.ts`); every later pass reads only these.
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
  /** What proved a verified visit: 1 + the source code of the fix whose precision proved it; 0 otherwise. */
  readonly precision: Uint8Array;
  /** Fix positions in WGS84 and their 95 % radii, per fix slot. */
  readonly fixLng: Float64Array;
  readonly fixLat: Float64Array;
  readonly fixR95: Float64Array;
  /** Cosine of each fix's WGS84 latitude (for `haversineCosM`). */
  readonly fixCos: Float64Array;
  /** Per fix slot, from `judgeFixes`: reason bits, distance to report (m), signed distance to the fence's edge (m), containment probability. */
  readonly fixReasons: Uint8Array;
  readonly fixDistance: Float64Array;
  readonly fixSigned: Float64Array;
  readonly fixProbability: Float64Array;
  /** Per fix slot, from `judgeFixes`: standard error per axis, metres (the 95 % radius × the source's accuracy factor / 2.448). */
  readonly fixSigma: Float64Array;
  /**
   * Each fix as sent: time (epoch ms), raw coordinates (in the fix's own crs), accuracy, and
   * `fixKind` = source code (bits 0–1, see `SOURCE_CODE`) | crs code << 2 (0 WGS84, 1 GCJ02, 2 BD09)
   * | `KIND_MOCK` when the device said the location was mocked | `KIND_ABSENT` on the end slot of a
   * visit without an end fix (the slot then holds a copy of the start fix: the day passes read it as
   * the visit's last known position, at its start time, and `judgeVisit` ignores it).
   */
  readonly fixAt: Float64Array;
  readonly rawLng: Float64Array;
  readonly rawLat: Float64Array;
  readonly accuracyM: Float64Array;
  readonly fixKind: Uint8Array;
}

/** The fix sources in code order: code k is `FIX_SOURCES[k]` (public as `FIX_SOURCE_CODES`). */
export const FIX_SOURCES = ['gnss', 'cell', 'wifi', 'manual'] as const;
/** The coordinate systems in code order: code k is `CRS_NAMES[k]` (public as `CRS_CODES`). */
export const CRS_NAMES = ['WGS84', 'GCJ02', 'BD09'] as const;

const codesOf = <T extends string>(names: readonly T[]): Readonly<Record<T, number>> =>
  Object.freeze(Object.fromEntries(names.map((name, k) => [name, k])) as Record<T, number>);

/** Source codes of `fixKind` (bits 0–1): gnss 0, cell 1, wifi 2, manual 3. */
export const SOURCE_CODE = codesOf(FIX_SOURCES);
/** Crs codes of `fixKind` (>> 2): WGS84 (or absent) 0, GCJ02 1, BD09 2. */
export const CRS_CODE = codesOf(CRS_NAMES);
/** `fixKind` bit of a mocked fix. */
export const KIND_MOCK = 16;
/** `fixKind` bit of an end slot whose visit has no end fix (the slot holds a copy of the start fix). */
export const KIND_ABSENT = 32;
/** `fixKind` bits of what the fix is (source and crs), without the mock bit. */
export const KIND_SOURCE_CRS = 15;

/**
 * The 95 % radius per metre of reported accuracy when a fix has no `accuracyConfidence`, by source
 * code (core's `normalizeAccuracy` defaults; the radius is linear in the accuracy).
 */
const DEFAULT_R95_FACTOR = (['gnss', 'cell', 'wifi', 'manual'] as const).map((source) =>
  normalizeAccuracy({ accuracyM: 1, source }),
);

/**
 * The 95 % radius of a fix: `accuracyM` at `confidence` (NaN = the source's default) converted as
 * core's `normalizeAccuracy` does. NaN accuracy gives NaN (never a usable radius).
 */
export function r95Of(accuracyM: number, source: number, confidence: number): number {
  if (Number.isNaN(confidence))
    return accuracyM * (DEFAULT_R95_FACTOR[source & 3] ?? failEvidence('DEFAULT_R95_FACTOR', source & 3));
  if (!(accuracyM >= 0 && accuracyM < Infinity && confidence > 0 && confidence < 1)) return NaN;
  return convertAccuracy(accuracyM, confidence, 0.95);
}

/**
 * Allocates the evidence of a batch of `n` visits: the verdict arrays fresh (callers may keep them),
 * the fix slots and fence numbers in the batch's scratch memory (internal; filled completely before
 * they are read). Call within a batch (after `beginScratch()`).
 */
export function createEvidence(n: number): Evidence {
  return {
    n,
    fence: scratchI32(n),
    reasons: new Uint16Array(n),
    flags: new Uint16Array(n),
    distanceStart: new Float64Array(n),
    distanceEnd: new Float64Array(n),
    confidence: new Float64Array(n),
    dwellS: new Float64Array(n),
    precision: new Uint8Array(n),
    fixLng: scratchF64(2 * n),
    fixLat: scratchF64(2 * n),
    fixR95: scratchF64(2 * n),
    fixCos: scratchF64(2 * n),
    fixReasons: scratchU8(2 * n),
    fixDistance: scratchF64(2 * n),
    fixSigned: scratchF64(2 * n),
    fixProbability: scratchF64(2 * n),
    fixSigma: scratchF64(2 * n),
    fixAt: scratchF64(2 * n),
    rawLng: scratchF64(2 * n),
    rawLat: scratchF64(2 * n),
    accuracyM: scratchF64(2 * n),
    fixKind: scratchU8(2 * n),
  };
}

/**
 * The ids a batch is grouped and reported by: visit ids (ties in start order), and each visit's
 * manager as an index into `managerIds` (distinct ids).
 */
export interface BatchKeys {
  readonly ids: readonly string[];
  readonly manager: Int32Array;
  readonly managerIds: readonly string[];
}
