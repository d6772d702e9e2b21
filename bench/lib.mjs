// Helpers shared by the bench scripts.

/** mulberry32, the benches' data generator: core's `seededRandom` (floats in [0, 1) from a 32-bit seed). */
export { seededRandom as mulberry32 } from '@beatplan/core';

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
