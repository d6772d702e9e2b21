// Helpers shared by the bench scripts.

/** mulberry32, the benches' data generator: core's `seededRandom` (floats in [0, 1) from a 32-bit seed). */
export { seededRandom as mulberry32 } from '@beatplan/core';

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * A fixed CPU-bound loop (3·10⁷ Math.sin), timed before and after the runs: on a shared VM the same
 * work can take 40 % longer for minutes at a time. Compare the probe across reports before comparing
 * their figures; a probe that moved between the start and the end marks a run to repeat.
 */
export function speedProbeMs() {
  const xs = new Float64Array(1e6);
  for (let i = 0; i < xs.length; i++) xs[i] = i / xs.length;
  const t0 = process.hrtime.bigint();
  let sum = 0;
  for (let k = 0; k < 30; k++) for (let i = 0; i < xs.length; i++) sum += Math.sin(xs[i]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return sum === 0 ? NaN : ms;
}
