import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTsplib, routeLength, solveSync } from '@beatplan/tsp';

const data = (path: string) => readFileSync(new URL(`../test/data/${path}`, import.meta.url), 'utf8');
/** The published optimum, by the file's base name (some NAME lines carry a suffix: `ulysses16.tsp`). */
const optimumOf = (file: string): number => optima[file.replace(/^.*\//, '').replace(/\.a?tsp$/, '')]!.optimum;
const optima = {
  ...(JSON.parse(data('tsplib/optima.json')) as Record<string, { optimum: number }>),
  ...(JSON.parse(data('tsplib-atsp/optima.json')) as Record<string, { optimum: number }>),
};

describe('exact DP reaches the published TSPLIB optimum (n <= 22)', () => {
  const instances = [
    'tsplib/burma14.tsp',
    'tsplib/ulysses16.tsp',
    'tsplib/gr17.tsp',
    'tsplib/gr21.tsp',
    'tsplib/ulysses22.tsp',
    'tsplib-atsp/br17.atsp',
  ];
  for (const file of instances) {
    it(file, () => {
      const inst = parseTsplib(data(file));
      const r = solveSync({ matrix: inst.matrix, n: inst.n }, { method: 'exact' });
      expect(r.exact).toBe(true);
      expect(r.length).toBe(optimumOf(file));
      expect([...r.tour].sort((a, b) => a - b)).toEqual([...Array(inst.n).keys()]);
      expect(routeLength({ matrix: inst.matrix, n: inst.n }, r.tour)).toBe(r.length);
    });
  }

  it('the scalar build agrees on gr21 and on br17 (whose diagonal holds 9999)', () => {
    for (const file of ['tsplib/gr21.tsp', 'tsplib-atsp/br17.atsp']) {
      const inst = parseTsplib(data(file));
      expect(solveSync({ matrix: inst.matrix, n: inst.n }, { method: 'exact', wasm: 'scalar' }).length).toBe(
        optimumOf(file),
      );
    }
  });
});
