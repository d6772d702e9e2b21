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

/**
 * The interleaved A/B loop of the `*-compare` benches: for each of `rounds` rounds and each item, one
 * measurement per side, the sides back to back and their order alternating between rounds (old, new,
 * then new, old, …), so that a slow spell of a shared machine falls on both sides alike.
 *
 * @param {object} o
 * @param {number} o.rounds - rounds (≥ 1).
 * @param {readonly unknown[]} [o.items] - what is measured in each round, in this order (default one item, `null`).
 * @param {readonly string[]} [o.sides] - the two sides, in the first round's order (default `['old', 'new']`).
 * @param {(side: string, item: unknown, round: number) => unknown} o.measure - one measurement (e.g. a child process).
 * @param {(round: number, samples: Map<unknown, Record<string, unknown[]>>) => void} [o.afterRound] - checks, progress.
 * @returns {Map<unknown, Record<string, unknown[]>>} item → side → the measurements in round order.
 */
export function interleave({ rounds, items = [null], sides = ['old', 'new'], measure, afterRound }) {
  const samples = new Map(items.map((item) => [item, Object.fromEntries(sides.map((side) => [side, []]))]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const item of items) {
      for (const side of order) samples.get(item)[side].push(measure(side, item, round));
    }
    afterRound?.(round, samples);
  }
  return samples;
}
