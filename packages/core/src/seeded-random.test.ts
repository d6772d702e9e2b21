import { describe, expect, it } from 'vitest';
import { seededRandom } from '@beatplan/core';

describe('seededRandom', () => {
  it('gives the same sequence for a seed, uniform in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });

  it('is mulberry32 (regression: the first outputs for seed 1 never change)', () => {
    const r = seededRandom(1);
    expect([r(), r(), r()].map((x) => Math.round(x * 1e9))).toEqual([627073941, 2735721, 527447040]);
  });
});
