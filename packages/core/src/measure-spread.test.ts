import { describe, expect, it } from 'vitest';
import { measureSpread } from '@beatplan/core';

describe('measureSpread', () => {
  it('runs its JSDoc example', () => {
    expect(measureSpread([300, 400, 500])).toEqual({
      n: 3,
      min: 300,
      max: 500,
      mean: 400,
      sd: 81.6497,
      maxToMinRatio: 1.6667,
      cv: 0.2041,
    });
  });

  it('uses the population standard deviation and stays JSON-safe when a figure is 0', () => {
    expect(measureSpread([2, 4, 4, 4, 5, 5, 7, 9])).toMatchObject({ mean: 5, sd: 2, cv: 0.4, maxToMinRatio: 4.5 });
    expect(measureSpread([0, 10])).toMatchObject({ maxToMinRatio: null, cv: 1 });
    expect(measureSpread([0, 0])).toMatchObject({ maxToMinRatio: 1, cv: 0 });
    expect(measureSpread([])).toEqual({ n: 0, min: 0, max: 0, mean: 0, sd: 0, maxToMinRatio: 1, cv: 0 });
  });
});
