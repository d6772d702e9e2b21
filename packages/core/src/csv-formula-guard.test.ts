import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCsvFormula, unguardCsvFormula } from '@beatplan/core';

describe('guardCsvFormula', () => {
  it('defuses every formula start and leaves other text alone', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(guardCsvFormula(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(guardCsvFormula("''=x")).toBe("'''=x");
    expect(guardCsvFormula("'tis")).toBe("'tis");
    expect(guardCsvFormula('Mart = shop')).toBe('Mart = shop');
  });
  it('is undone exactly by unguardCsvFormula, for any text', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^'*[=+\-@\t\r]?.*$/));
    fc.assert(
      fc.property(text, (t) => {
        const guarded = guardCsvFormula(t);
        expect(unguardCsvFormula(guarded)).toBe(t);
        expect(/^[=+\-@\t\r]/.test(guarded)).toBe(false);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
