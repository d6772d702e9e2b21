// One source, shared with @beatplan/tsp (copied into packages/tsp/src/generated/shared/ by `npm run build`):
// the one seeded PRNG for new code.
/**
 * A seeded pseudo-random number generator (mulberry32: 32-bit state, only 32-bit integer
 * arithmetic), for every randomized algorithm and every synthetic data set of beatplan: the same
 * seed gives the same sequence on every machine. Not for cryptography.
 *
 * @param seed Any number; only its low 32 bits are used.
 * @returns A function returning numbers uniform in [0, 1).
 * @throws Never.
 * @example
 * const random = seededRandom(42);
 * const a = random(); // the same value on every machine for seed 42
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
