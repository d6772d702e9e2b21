import { describe, expect, it } from 'vitest';
import { TspError } from '../errors.js';
import { failIndex } from './fail-index.js';

describe('failIndex', () => {
  it('throws an INTERNAL TspError naming the array and the index', () => {
    expect(() => failIndex('cost', 7)).toThrow(TspError);
    expect(() => failIndex('cost', 7)).toThrow(/cost\[7\]/);
    try {
      failIndex('tour', 3);
    } catch (e) {
      expect((e as TspError).code).toBe('INTERNAL');
    }
  });
});
