import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../test/run-captured.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const data = (p: string) => `${root}packages/tsp/test/data/${p}`;
const input = (p: string) => `${root}packages/cli/test/in/${p}`;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCaptured(argv);
  return { code, out: stdout, err: stderr };
}

describe('beatplan solve', () => {
  it('prints one JSON object with the optimal gr21 tour', async () => {
    const { code, out, err } = await run('solve', data('tsplib/gr21.tsp'), '--method', 'exact');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(out) as {
      name: string;
      n: number;
      length: number;
      tour: number[];
      exact: boolean;
      ms: number;
    };
    expect(r).toMatchObject({ name: 'gr21', n: 21, length: 2707, exact: true });
    expect(r.tour[0]).toBe(0);
    expect([...r.tour].sort((a, b) => a - b)).toEqual([...Array(21).keys()]);
    expect(Object.keys(r)).toEqual(['name', 'n', 'length', 'tour', 'exact', 'lowerBound', 'gap', 'timedOut', 'ms']);
  });

  it('proves eil51 with --method exact (branch-and-cut): exact true, the bound and the time', async () => {
    const { code, out } = await run('solve', data('tsplib/eil51.tsp'), '--method', 'exact');
    expect(code).toBe(0);
    const r = JSON.parse(out) as { length: number; exact: boolean; lowerBound: number; gap: number; ms: number };
    expect(r).toMatchObject({ length: 426, exact: true, lowerBound: 426, gap: 0 });
    expect(r.ms).toBeGreaterThan(0);
  });

  it('solves an ATSP file, a JSON matrix and JSON points, with start and end options', async () => {
    expect(JSON.parse((await run('solve', data('tsplib-atsp/br17.atsp'), '--method', 'exact')).out)).toMatchObject({
      length: 39,
      exact: true,
    });
    const m = await run('solve', input('day-with-windows.json'), '--start', '2', '--end', 'any');
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out).tour[0]).toBe(2);
    const p = await run(
      'solve',
      `${root}examples/data/sample-day.json`,
      '--method',
      'heuristic',
      '--seed',
      '3',
      '--time-limit',
      '500',
    );
    expect(JSON.parse(p.out)).toMatchObject({ name: 'sample-day', n: 18, exact: false, timedOut: true });
    const k = [
      'solve',
      `${root}examples/data/sample-day.json`,
      '--method',
      'heuristic',
      '--seed',
      '3',
      '--kicks',
      '40',
    ];
    const [k1, k2] = [await run(...k), await run(...k)];
    expect(JSON.parse(k1.out)).toMatchObject({ exact: false, timedOut: false });
    expect(JSON.parse(k2.out).tour).toEqual(JSON.parse(k1.out).tour);
  });

  it('adds the schedule for a JSON instance with service times and windows', async () => {
    const { code, out } = await run('solve', input('day-with-windows.json'));
    expect(code).toBe(0);
    const r = JSON.parse(out) as { schedule: { stops: { node: number; start: number }[]; finish: number } };
    expect(r.schedule.stops[0]).toMatchObject({ node: 0, start: 30600 });
    const at = Object.fromEntries(r.schedule.stops.map((s) => [s.node, s.start]));
    expect(at[3]).toBeGreaterThanOrEqual(50400);
    expect(r.schedule.finish).toBeLessThanOrEqual(64800);
  });

  const failures: [string, string[], number, RegExp][] = [
    ['a missing file', ['solve', 'nope.tsp'], 1, /nope\.tsp: file not found/],
    ['an unknown edge weight type', ['solve', input('unknown-type.tsp')], 1, /EDGE_WEIGHT_TYPE/],
    [
      'a matrix that is not square',
      ['solve', input('not-square.json')],
      1,
      /matrix\[0\]: matrix is not square: row 0 has 3 entries, expected 2/,
    ],
    [
      'an unknown method',
      ['solve', data('tsplib/gr17.tsp'), '--method', 'fast'],
      2,
      /--method must be one of auto, exact, heuristic/,
    ],
    ['a non-integer seed', ['solve', data('tsplib/gr17.tsp'), '--seed', 'x'], 2, /--seed must be an integer/],
    ['a start out of range', ['solve', data('tsplib/gr17.tsp'), '--start', '99'], 1, /options\.start/],
    ['no file', ['solve'], 2, /expected one instance file/],
    ['an unknown command', ['fly'], 2, /unknown command "fly"/],
  ];
  for (const [what, argv, exitCode, message] of failures) {
    it(`fails with one line on stderr for ${what}`, async () => {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(exitCode);
      expect(out).toBe('');
      expect(err).toMatch(message);
    });
  }

  it('works as `npx beatplan` from the root (the built bin)', () => {
    expect(existsSync(`${root}packages/cli/dist/index.js`), 'run `npm run build` first (npm ci does it)').toBe(true);
    const out = execFileSync('npx', ['beatplan', 'solve', data('tsplib/gr21.tsp'), '--method', 'exact'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ name: 'gr21', length: 2707, exact: true });
    const bad = spawnSync('npx', ['beatplan', 'solve', 'missing.json'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('beatplan solve: missing.json: file not found');
  });
});
