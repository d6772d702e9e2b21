import { uniformFor } from './fnv1a64.js';

/** One candidate of a weighted draw. */
export interface Candidate {
  id: string;
  weight: number;
}

/**
 * Weighted random sampling without replacement, Efraimidis & Spirakis (2006) "A-Res": each candidate
 * gets the key ln(u) / w with u uniform in (0, 1) (the log of u^(1/w), same order), and the `k`
 * largest keys are drawn. With equal weights this is simple random sampling. u comes from
 * `uniformFor(seed, id)`, so the draw depends on the seed and the candidate set only, not on their
 * order. Equal keys (practically impossible) are broken by id. Returns the drawn candidates in key order.
 */
export function weightedSample<C extends Candidate>(candidates: readonly C[], k: number, seed: number): C[] {
  return candidates
    .map((c) => ({ c, id: c.id, key: Math.log(uniformFor(seed, c.id)) / c.weight }))
    .sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k)
    .map(({ c }) => c);
}
