import { seededRandom } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { discProbability, halfPlaneProbability, normalCdf, SIGMA_PER_R95 } from './containment-probability.js';

/** mulberry32 */
const rng = seededRandom;

describe('containment probability', () => {
  it('σ per 95 % radius: a circular normal puts 95 % within r95', () => {
    const b = 1 / SIGMA_PER_R95; // r95 in σ
    expect(1 - Math.exp(-(b * b) / 2)).toBeCloseTo(0.95, 12);
  });

  it('normalCdf matches known values and never decreases', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(normalCdf(-9.5)).toBe(0);
    expect(normalCdf(9.5)).toBe(1);
    let last = 0;
    for (let x = -10; x <= 10; x += 0.0013) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
  });

  it('a fix at the centre of a disc: the Rayleigh law 1 − exp(−R²/2σ²)', () => {
    for (const b of [0.3, 1, 1.5, 2, 3, 5, 8, 11.9])
      expect(discProbability(0, b, 1)).toBeCloseTo(1 - Math.exp(-(b * b) / 2), 3);
  });

  it('agrees with a seeded Monte Carlo of the circular normal off centre', () => {
    const rand = rng(7);
    for (const [a, b] of [
      [1, 1],
      [2, 1.5],
      [3, 3],
      [0.5, 2.5],
      [6, 5],
      [14, 11],
    ] as const) {
      let inside = 0;
      const N = 40_000;
      for (let k = 0; k < N; k++) {
        const r = Math.sqrt(-2 * Math.log(1 - rand()));
        const t = 2 * Math.PI * rand();
        const x = a + r * Math.cos(t);
        const y = r * Math.sin(t);
        if (x * x + y * y <= b * b) inside++;
      }
      expect(Math.abs(discProbability(a, b, 1) - inside / N)).toBeLessThan(0.01);
    }
  });

  it('is scale-free and never rises with distance, across the table and its normal tail (R/σ ≥ 12)', () => {
    expect(discProbability(30, 100, 10)).toBeCloseTo(discProbability(3, 10, 1), 12);
    for (const b of [0.05, 0.7, 3.33, 11.95, 12, 12.05, 40, 400]) {
      let last = 1;
      for (let a = 0; a < b + 25; a += 0.017) {
        const p = discProbability(a, b, 1);
        expect(p).toBeLessThanOrEqual(last);
        expect(p).toBeGreaterThanOrEqual(0);
        last = p;
      }
    }
  });

  it('handles σ = 0 (a perfect fix) and NaN', () => {
    expect(discProbability(99, 100, 0)).toBe(1);
    expect(discProbability(101, 100, 0)).toBe(0);
    expect(halfPlaneProbability(-1, 0)).toBe(1);
    expect(discProbability(10, 100, NaN)).toBeNaN();
    expect(halfPlaneProbability(NaN, 5)).toBeNaN();
  });

  it('half-plane: Φ(−s/σ)', () => {
    expect(halfPlaneProbability(0, 10)).toBeCloseTo(0.5, 6);
    expect(halfPlaneProbability(-19.6, 10)).toBeCloseTo(0.975, 4);
  });
});
