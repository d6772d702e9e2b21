// `@beatplan/tsp/pool` as a user gets it: `npm pack` of the built package (`npm run build`, which
// `npm ci` runs), unpacked into node_modules/@beatplan/tsp of a fresh folder whose other packages are
// links to this repository's installed dependencies (no network), then imported by name in a child
// Node process, from ESM and from CommonJS: the worker file must be in the tarball and be found.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type PackedInstall } from '../../../test/install-packed.js';

let packed: PackedInstall | undefined;
let app = '';

beforeAll(() => {
  packed = installPacked('tsp');
  app = packed.app;
  expect(packed.files).toContain('dist/pool-worker.js');
  expect(packed.files).toContain('dist/pool.d.ts');
});
afterAll(() => packed?.remove());

const ROUTE = `
  const pool = createSolverPool({ workers: 2 });
  const m = [[0, 2, 9], [1, 0, 6], [15, 7, 0]];
  const rs = await Promise.all([1, 2, 3].map((seed) => pool.solve({ matrix: m }, { seed })));
  const e = await pool.solve({ matrix: [[0, 1], [1]] }).catch((x) => x);
  await pool.close();
  console.log(JSON.stringify({ tours: rs.map((r) => r.tour), error: [e.name, e.code] }));
`;
const expected = {
  tours: [
    [0, 2, 1],
    [0, 2, 1],
    [0, 2, 1],
  ],
  error: ['TspError', 'INVALID_INPUT'],
};

describe('@beatplan/tsp/pool from the packed tarball', () => {
  it('solves in worker threads when imported as ESM', () => {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `import { createSolverPool } from '@beatplan/tsp/pool';\n${ROUTE}`],
      { cwd: app, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('solves in worker threads when required as CommonJS', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', `const { createSolverPool } = require('@beatplan/tsp/pool');\n(async () => {${ROUTE}})();`],
      { cwd: app, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(expected);
  });
});
