import {
  FLAG_CODES,
  REASON_CODES,
  REASON_EFFECT,
  VISIT_STATUSES,
  type FlagCode,
  type ReasonCode,
  type VisitStatus,
} from '../verify-codes.js';
import { failEvidence } from './evidence-bug.js';

// Reasons and flags are carried as bit masks while a batch is judged (bit k = the k-th code of
// REASON_CODES / FLAG_CODES), and turned into code arrays, in canonical order, at the end.

function bits<C extends string>(codes: readonly C[]): Readonly<Record<C, number>> {
  return Object.freeze(Object.fromEntries(codes.map((c, k) => [c, 1 << k])) as Record<C, number>);
}

/** Bit of each reason code. */
export const REASON = bits(REASON_CODES);
/** Bit of each flag code. */
export const FLAG = bits(FLAG_CODES);

/** Mask of the reasons that reject a visit. */
const REJECTING = REASON_CODES.reduce((m, c) => (REASON_EFFECT[c] === 'rejected' ? m | REASON[c] : m), 0);

/** Mask of the reasons that make a visit incomplete (unless a reason rejects it). */
const INCOMPLETE = REASON_CODES.reduce((m, c) => (REASON_EFFECT[c] === 'incomplete' ? m | REASON[c] : m), 0);

/** Every subset of the codes as a frozen array, indexed by its mask (512 reason and 128 flag lists). */
function expand<C extends string>(codes: readonly C[]): (readonly C[])[] {
  const out: (readonly C[])[] = [];
  for (let mask = 0; mask < 1 << codes.length; mask++) out.push(Object.freeze(codes.filter((_, k) => mask & (1 << k))));
  return out;
}

const REASON_LISTS = expand(REASON_CODES);
const FLAG_LISTS = expand(FLAG_CODES);

/** The reason codes of a mask, in canonical order (a shared frozen array). */
export function reasonList(mask: number): readonly ReasonCode[] {
  return REASON_LISTS[mask] ?? failEvidence('REASON_LISTS', mask);
}

/** The flag codes of a mask, in canonical order (a shared frozen array). */
export function flagList(mask: number): readonly FlagCode[] {
  return FLAG_LISTS[mask] ?? failEvidence('FLAG_LISTS', mask);
}

/**
 * `VISIT_STATUSES.indexOf(statusOf(mask))`: 1 rejected if any reason rejects, else 3 incomplete if a
 * reason says so (no end fix), else 2 unverifiable if any reason, else 0 verified.
 */
export function statusCodeOf(mask: number): 0 | 1 | 2 | 3 {
  return mask & REJECTING ? 1 : mask & INCOMPLETE ? 3 : mask !== 0 ? 2 : 0;
}

/** The status a reason mask leads to (see {@link statusCodeOf}). */
export function statusOf(mask: number): VisitStatus {
  return VISIT_STATUSES[statusCodeOf(mask)];
}
