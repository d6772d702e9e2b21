import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../test/run-captured.js';

// The shared TSPLIB set (packages/tsp/test/data/tsplib): instances, .opt.tour files and optima.json.
const TSPLIB = fileURLToPath(new URL('../../../tsp/test/data/tsplib/', import.meta.url));

const run = (...argv: string[]) => runCaptured(argv);

/** A folder holding copies of some files of the shared set. */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'beatplan-bench-'));
  for (const name of names) copyFileSync(join(TSPLIB, name), join(dir, name));
  return dir;
}

interface Row {
  instance: string;
  n: number;
  method: string;
  seed: number;
  length: number;
  optimum: number | null;
  gap: number;
  gapTo: string;
  exact: boolean;
  lowerBound: number | null;
  timeToBestMs: number;
  timeMs: number;
}

describe('beatplan bench', () => {
  it('runs a folder of the shared TSPLIB set with each method and seed: table, JSON and CSV, optima from --optima and .opt.tour', async () => {
    const dir = folderWith('burma14.tsp', 'ulysses16.tsp', 'ulysses16.opt.tour', 'gr17.tsp', 'berlin52.tsp');
    const out = join(dir, 'result');
    const { code, stdout, stderr } = await run(
      'bench',
      dir,
      '--optima',
      join(TSPLIB, 'optima.json'),
      '--seeds',
      '1-2',
      '--methods',
      'exact,heuristic',
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { runs: Row[]; settings: unknown };
    expect(report.settings).toEqual({
      methods: ['exact', 'heuristic'],
      seeds: [1, 2],
      timeLimitMs: null,
      optima: join(TSPLIB, 'optima.json'),
    });
    const optimum = { burma14: 3323, ulysses16: 6859, gr17: 2085, berlin52: 7542 } as Record<string, number>;
    expect(report.runs.map((r) => [r.instance, r.method, r.seed])).toEqual(
      ['berlin52', 'burma14', 'gr17', 'ulysses16'].flatMap((i) =>
        ['exact', 'heuristic'].flatMap((m) => [1, 2].map((s) => [i, m, s])),
      ),
    );
    for (const r of report.runs) {
      expect(r.optimum).toBe(optimum[r.instance]);
      expect(r.gapTo).toBe('optimum');
      expect(r.gap).toBe((r.length - r.optimum!) / r.optimum!);
      expect(r.length).toBeGreaterThanOrEqual(r.optimum!);
      expect(r.timeToBestMs).toBeLessThanOrEqual(r.timeMs);
      if (r.method === 'exact') expect([r.exact, r.length, r.lowerBound]).toEqual([true, r.optimum, r.optimum]);
    }
    const csv = readFileSync(`${out}.csv`, 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'instance,n,method,seed,length,optimum,gap,gapTo,exact,lowerBound,timeToBestMs,timeMs,timedOut,file',
    );
    expect(csv).toHaveLength(1 + report.runs.length);
    const table = stdout.split('\n');
    expect(table[0]).toMatch(/^instance\s+n\s+method\s+seed\s+length\s+optimum\s+gap/);
    expect(table.filter((l) => /^ulysses16\s+16\s+exact/.test(l))).toHaveLength(2);
    expect(stderr.trim().split('\n')).toHaveLength(report.runs.length);
  });

  it('without a known optimum, the gap is to the best length found; a .opt.tour alone is an optimum', async () => {
    const dir = folderWith('ulysses16.tsp', 'ulysses16.opt.tour', 'gr17.tsp');
    const out = join(dir, 'r');
    expect((await run('bench', dir, '--methods', 'heuristic', '--out', out)).code).toBe(0);
    const runs = (JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { runs: Row[] }).runs;
    expect(runs.map((r) => [r.instance, r.optimum, r.gapTo])).toEqual([
      ['gr17', null, 'best'],
      ['ulysses16', 6859, 'optimum'],
    ]);
    expect(runs[0]!.gap).toBe(0);
  });

  it('an optimum that disagrees with the instance is an error: a tour of another size, or another length than --optima', async () => {
    const dir = folderWith('burma14.tsp');
    copyFileSync(join(TSPLIB, 'ulysses16.opt.tour'), join(dir, 'burma14.opt.tour'));
    const wrongSize = await run('bench', join(dir, 'burma14.tsp'), '--out', join(dir, 'x'));
    expect(wrongSize.code).toBe(1);
    expect(wrongSize.stderr).toContain('a tour of 16 nodes for an instance of 14: not this instance');
    const other = folderWith('ulysses16.tsp', 'ulysses16.opt.tour');
    const optima = join(other, 'optima-wrong.json');
    writeFileSync(optima, JSON.stringify({ ulysses16: 6000 }));
    const wrongLength = await run('bench', join(other, 'ulysses16.tsp'), '--optima', optima, '--out', join(other, 'x'));
    expect(wrongLength.code).toBe(1);
    expect(wrongLength.stderr).toContain('its tour costs 6859, the --optima file says 6000 for ulysses16');
  });

  it('usage errors exit 2: no instance, an unknown method, bad seeds', async () => {
    expect((await run('bench')).code).toBe(2);
    expect((await run('bench', TSPLIB, '--methods', 'fast')).stderr).toContain('--methods must list');
    expect((await run('bench', TSPLIB, '--seeds', '5-x')).code).toBe(2);
    expect((await run('bench', join(TSPLIB, 'nothing.tsp'))).stderr).toContain('no such file or folder');
  });
});
