import { isBeatplanError } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { measureCompactness } from './measure-compactness.js';

describe('measureCompactness', () => {
  it('runs the JSDoc example: a square scores π/4', () => {
    const c = measureCompactness([
      [120.1, 30.2],
      [120.12, 30.2],
      [120.12, 30.22],
      [120.1, 30.22],
    ]);
    expect(c.polsbyPopper).toBeCloseTo(Math.PI / 4, 2);
    expect(c.diameterM).toBeGreaterThan(2900);
    expect(c.diameterM).toBeLessThan(3000);
    expect(c.hull?.type).toBe('Polygon');
  });

  it('scores a near-disc close to 1 and a thin strip close to 0', () => {
    const disc = Array.from(
      { length: 64 },
      (_, i) => [120 + 0.01 * Math.cos((i * Math.PI) / 32), 30 + 0.01 * Math.sin((i * Math.PI) / 32)] as const,
    );
    expect(measureCompactness(disc).polsbyPopper).toBeGreaterThan(0.98);
    const strip = [
      [120, 30],
      [120.2, 30],
      [120.2, 30.001],
      [120, 30.001],
    ] as const;
    expect(measureCompactness(strip).polsbyPopper).toBeLessThan(0.05);
  });

  it('gives 0 for fewer than three points or a line, with the diameter still measured', () => {
    expect(measureCompactness([]).polsbyPopper).toBe(0);
    const two = measureCompactness([
      [120, 30],
      [120.01, 30],
    ]);
    expect(two.polsbyPopper).toBe(0);
    expect(two.diameterM).toBeGreaterThan(900);
    expect(two.hull).toBeNull();
  });

  it('rejects a point that is not [lng, lat]', () => {
    try {
      measureCompactness([
        [120, 30],
        [Number.NaN, 30],
      ]);
      expect.unreachable();
    } catch (e) {
      expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as { path: unknown }).path).toEqual(['points', 1]);
    }
  });
});
