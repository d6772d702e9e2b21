import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWindowKicks, TspError } from '@beatplan/tsp';

describe('defaultWindowKicks', () => {
  it('gives 30 kicks per stop up to 30 nodes, 45 from 60 on, at least 100, never fewer for a larger day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        const k = defaultWindowKicks(n);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(100);
        expect(k).toBeGreaterThanOrEqual(defaultWindowKicks(Math.max(1, n - 1)));
        if (n * 30 >= 100) {
          expect(k).toBeGreaterThanOrEqual(30 * n);
          expect(k).toBeLessThanOrEqual(45 * n);
        }
        if (n <= 30) expect(k).toBe(Math.max(100, 30 * n));
        if (n >= 60) expect(k).toBe(45 * n);
      }),
    );
    expect(defaultWindowKicks(40)).toBe(1400);
  });

  it('refuses a count of nodes that is not an integer >= 1 with INVALID_INPUT naming n', () => {
    for (const n of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let caught: unknown;
      try {
        defaultWindowKicks(n);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TspError);
      const err = caught as TspError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.path).toEqual(['n']);
      expect(Object.is(err.issues[0]?.value, n)).toBe(true);
      expect(err.message).toContain('integer >= 1');
    }
  });
});
