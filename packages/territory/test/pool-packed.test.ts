// planManyBeats planning whole managers in the threads of `@beatplan/tsp/pool`, as a user gets it: `npm
// pack` of the built package, unpacked into node_modules/@beatplan/territory of a fresh folder whose other
// packages are links to this repository's (no network), imported by name in a child Node process from ESM
// and from CommonJS: the task module the worker threads load must be in the tarball and be found.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type PackedInstall } from '../../../test/install-packed.js';

let packed: PackedInstall | undefined;
let app = '';

beforeAll(() => {
  packed = installPacked('territory', ['core', 'tsp']);
  app = packed.app;
  expect(packed.files).toContain('dist/plan-beats-task.js');
});
afterAll(() => packed?.remove());

// two managers, two workers: each planned whole in a worker (the task module), then checked against the
// same plans made in this thread
const PLAN = `
  const day = [{ from: '09:00', to: '17:00' }];
  const hours = { mon: day, tue: day, wed: day, thu: day, fri: day };
  const jobs = [0, 1].map((m) => ({
    manager: { id: 'M' + m, name: 'M' + m, base: { lng: 120 + m * 0.1, lat: 30 }, workingHours: hours },
    retailers: Array.from({ length: 12 }, (_, i) => ({
      id: 'R' + m + '-' + i, name: 'Shop', location: { lng: 120 + m * 0.1 + 0.01 * Math.cos(i), lat: 30 + 0.01 * Math.sin(i) },
      segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 1, orderVolume: 10,
    })),
  }));
  const pool = createSolverPool({ workers: 2 });
  let tasks = 0;
  const solver = { workers: 2, solve: pool.solve, runTask: (...a) => (tasks++, pool.runTask(...a)) };
  const options = { startDate: '2025-03-03', weeks: 1, seed: 1 };
  const many = await planManyBeats(jobs, { ...options, solver });
  await pool.close();
  const here = await planManyBeats(jobs, options);
  console.log(JSON.stringify({ tasks, visits: many.map((b) => b.totals.visits), same: JSON.stringify(many) === JSON.stringify(here) }));
`;
const expected = { tasks: 2, visits: [12, 12], same: true };

describe('@beatplan/territory planManyBeats on the pool, from the packed tarball', () => {
  it('plans whole managers in worker threads when imported as ESM', () => {
    const imports = `import { createSolverPool } from '@beatplan/tsp/pool';\nimport { planManyBeats } from '@beatplan/territory';`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `${imports}\n${PLAN}`], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('plans whole managers in worker threads when required as CommonJS', () => {
    const requires = `const { createSolverPool } = require('@beatplan/tsp/pool');\nconst { planManyBeats } = require('@beatplan/territory');`;
    const out = execFileSync(process.execPath, ['-e', `${requires}\n(async () => {${PLAN}})();`], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(expected);
  });
});
