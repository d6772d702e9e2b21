import { isBeatplanError } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { failEvidence } from './evidence-bug.js';

describe('failEvidence', () => {
  it('throws an INTERNAL error naming the array and the index', () => {
    let caught: unknown;
    try {
      failEvidence('fixLng', 12);
    } catch (e) {
      caught = e;
    }
    expect(isBeatplanError(caught, 'INTERNAL')).toBe(true);
    expect((caught as Error).message).toContain('geofence fixLng 12');
  });
});
