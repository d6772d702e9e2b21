// `@beatplan/tsp/pool` as a user gets it: `npm pack` of the built package (`npm run build`, which
// `npm ci` runs), unpacked into node_modules/@beatplan/tsp of a fresh folder whose other packages are
// links to this repository's installed dependencies (no network), then imported by name in a child
// Node process, from ESM and from CommonJS: the worker file must be in the tarball and be found.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const rootModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));
let app = '';

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'beatplan-pool-packed-'));
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '@beatplan'), { recursive: true });
  for (const name of readdirSync(rootModules))
    if (name !== '@beatplan' && !name.startsWith('.')) symlinkSync(join(rootModules, name), join(modules, name));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', app], {
      cwd: packageDir,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]!.files.map((f) => f.path);
  expect(files).toContain('dist/pool-worker.js');
  expect(files).toContain('dist/pool.d.ts');
  mkdirSync(join(modules, '@beatplan', 'tsp'));
  execFileSync('tar', [
    '-xzf',
    join(app, packed[0]!.filename),
    '-C',
    join(modules, '@beatplan', 'tsp'),
    '--strip-components=1',
  ]);
});
afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

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
