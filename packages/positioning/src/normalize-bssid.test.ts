import { normalizeBssid } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';

describe('normalizeBssid', () => {
  it('example from the JSDoc', () => {
    expect(normalizeBssid('AA-BB-CC-0D-0E-0F')).toBe('aa:bb:cc:0d:0e:0f');
    expect(normalizeBssid('aabb.cc0d.0e0f')).toBe('aa:bb:cc:0d:0e:0f');
  });

  it('reads every common spelling and rejects the rest', () => {
    for (const s of ['aa:bb:cc:0d:0e:0f', ' AABBCC0D0E0F ', 'aa:bb:cc:d:e:f'])
      expect(normalizeBssid(s)).toBe('aa:bb:cc:0d:0e:0f');
    for (const s of ['aa:bb:cc:dd:ee', 'gg:bb:cc:dd:ee:ff', '', 'aa:bb:cc:dd:ee:ff:00'])
      expect(thrown(() => normalizeBssid(s)).code).toBe('INVALID_INPUT');
  });
});
