import { describe, expect, it } from 'vitest';
import { isBeatplanError } from './beatplan-error.js';
import { getKnown } from './get-known.js';

describe('getKnown', () => {
  const byId = new Map<string, number>([
    ['a', 0],
    ['constructor', 2],
  ]);

  it('returns the stored value, falsy values included', () => {
    expect(getKnown(byId, 'a')).toBe(0);
    expect(getKnown(byId, 'constructor')).toBe(2);
  });

  it('throws INTERNAL naming the key when the map has no value for it', () => {
    let caught: unknown;
    try {
      getKnown(byId, 'toString', 'retailer');
    } catch (e) {
      caught = e;
    }
    expect(isBeatplanError(caught, 'INTERNAL')).toBe(true);
    expect((caught as Error).message).toContain('retailer toString was checked but is missing');
  });
});

describe('getKnown on a list', () => {
  it('returns the item at an index, of arrays and typed arrays', () => {
    expect(getKnown(['base', 'R1', 'R2'], 2, 'route node')).toBe('R2');
    expect(getKnown(new Float64Array([0.5, 0]), 1)).toBe(0);
  });

  it('throws INTERNAL for an index outside the list', () => {
    for (const index of [-1, 3, 1.5]) {
      let caught: unknown;
      try {
        getKnown(['base', 'R1', 'R2'], index, 'route node');
      } catch (e) {
        caught = e;
      }
      expect(isBeatplanError(caught, 'INTERNAL')).toBe(true);
    }
  });
});
