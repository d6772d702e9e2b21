import { readFileSync } from 'node:fs';
import { BEATPLAN_ERROR_CODES } from '@beatplan/core';
import { describe, expect, it } from 'vitest';

// docs/errors.md is the one table of error codes: it must list exactly BEATPLAN_ERROR_CODES, in order.
const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it('tables every error code, in BEATPLAN_ERROR_CODES order, and every CLI exit code', () => {
    const codes = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(codes).toEqual([...BEATPLAN_ERROR_CODES]);
    const exits = [...doc.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(exits).toEqual([0, 1, 2, 3, 70]);
  });
});
