// `beatplan plan --workers n` (issue 11 item 5): the days routed in n worker threads give the same
// files as `--workers 0` (every day in this thread, one manager after the other), byte for byte.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

const fixtures = new URL('../../../territory/test/in/', import.meta.url);
const retailersCsv = new URL('small-city.csv', fixtures).pathname;
const managersJson = new URL('small-city-managers.json', fixtures).pathname;
const dir = mkdtempSync(join(tmpdir(), 'beatplan-plan-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function plan(workers: string) {
  let stdout = '';
  let stderr = '';
  const out = join(dir, `w${workers}`);
  const args = ['plan', retailersCsv, '--managers', managersJson, '--weeks', '2', '--start', '2025-03-03'];
  const code = await runCli([...args, '--out', out, '--seed', '3', '--workers', workers], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  const files = ['visit-plans.json', 'visit-plans.csv', 'territories.geojson'].map((f) =>
    code === 0 ? readFileSync(join(out, f), 'utf8') : '',
  );
  return { code, stderr, files };
}

describe('beatplan plan --workers', () => {
  it('writes the same plan with 0, 1, 2 and 3 workers', async () => {
    const inThread = await plan('0');
    expect(inThread.stderr).toBe('');
    expect(inThread.code).toBe(0);
    expect(JSON.parse(inThread.files[0]!).length).toBe(30);
    for (const workers of ['1', '2', '3']) {
      const pooled = await plan(workers);
      expect(pooled.code).toBe(0);
      expect(pooled.files).toEqual(inThread.files);
    }
  });

  it('refuses a count that is not a whole number in [0, 256] (exit 2)', async () => {
    for (const bad of ['1.5', '257', 'many']) {
      const r = await plan(bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--workers must be/);
    }
  });
});
