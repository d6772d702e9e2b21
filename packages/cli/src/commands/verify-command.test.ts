import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../test/run-captured.js';

const SAMPLE = fileURLToPath(new URL('../../../../examples/data/sample-visits.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'beatplan-verify-'));

/** Runs the CLI with captured streams. */
const run = (...argv: string[]) => runCaptured(argv);

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const fix = (at: string, over: Record<string, unknown> = {}) => ({
  lng: 120.165896,
  lat: 30.27186,
  accuracyM: 8,
  source: 'gnss',
  at,
  ...over,
});

describe('beatplan verify', () => {
  it('verifies the shipped sample day and prints { verdicts, summary } as one JSON object', async () => {
    const { code, stdout, stderr } = await run('verify', SAMPLE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout) as {
      verdicts: { visitId: string; status: string; flags: string[] }[];
      summary: { days: unknown[]; totals: Record<string, number> };
    };
    expect(out.verdicts).toHaveLength(12);
    const status = Object.fromEntries(out.verdicts.map((v) => [v.visitId, v.status]));
    expect(status).toMatchObject({
      V01: 'verified',
      V04: 'verified',
      V05: 'unverifiable',
      V06: 'rejected',
      V07: 'rejected',
      V10: 'unverifiable',
    });
    expect(out.verdicts.find((v) => v.visitId === 'V10')!.flags).toEqual(['MOCK_LOCATION', 'IMPOSSIBLE_SPEED']);
    expect(out.summary.days).toHaveLength(2);
  });

  it('judges a visit without its end fix incomplete and the rest of the file normally (exit 0)', async () => {
    const good = { id: 'V1', managerId: 'M1', retailerId: 'R1' };
    const path = file('incomplete.json', {
      retailers: [{ id: 'R1', location: { lng: 120.165896, lat: 30.27186 } }],
      visits: [
        { ...good, start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00') },
        { ...good, id: 'V2', start: fix('2026-11-30T10:00:00+08:00') },
      ],
    });
    const { code, stdout, stderr } = await run('verify', path);
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout) as {
      verdicts: { visitId: string; status: string; reasons: string[]; dwellS: number | null }[];
      summary: { totals: Record<string, number> };
    };
    expect(out.verdicts.map((v) => [v.visitId, v.status, v.reasons, v.dwellS])).toEqual([
      ['V1', 'verified', [], 720],
      ['V2', 'incomplete', ['NO_END_FIX'], null],
    ]);
    expect(out.summary.totals).toMatchObject({ total: 2, verified: 1, incomplete: 1 });
  });

  it('--lenient judges the good visits, lists the bad records in "rejected" and on stderr, and exits 3', async () => {
    const good = { id: 'V1', managerId: 'M1', retailerId: 'R1' };
    const path = file('lenient.json', {
      retailers: [{ id: 'R1', location: { lng: 120.165896, lat: 30.27186 } }],
      visits: [
        { ...good, start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00') },
        { ...good, id: 'V2', end: fix('2026-11-30T10:00:00+08:00') },
      ],
    });
    const { code, stdout, stderr } = await run('verify', path, '--lenient');
    expect(code).toBe(3);
    const out = JSON.parse(stdout) as {
      verdicts: { visitId: string; status: string }[];
      rejected: { path: (string | number)[]; id: string }[];
    };
    expect(out.verdicts.map((v) => [v.visitId, v.status])).toEqual([['V1', 'verified']]);
    expect(out.rejected.map((r) => [r.path, r.id])).toEqual([[['visits', 1], 'V2']]);
    expect(stderr).toContain(`${path}: visits[1].start: a visit needs its start fix (visit "V2")`);
    expect(stderr.trim().split('\n').at(-1)).toContain('1 record rejected');
    // nothing rejected: exit 0; strict (the default) still refuses the whole file
    expect((await run('verify', SAMPLE, '--lenient')).code).toBe(0);
    expect((await run('verify', path)).code).toBe(1);
  });

  it('lists every problem of an invalid file on stderr (path and reason) and exits 1', async () => {
    const path = file('bad.json', {
      retailers: [{ id: 'R1', location: { lng: 120.1, lat: 123.4 } }],
      visits: [
        {
          id: 'V1',
          managerId: 'M1',
          retailerId: 'R1',
          start: fix('2026-11-30T09:00:00+08:00', { source: 'gps' }),
          end: fix('2026-11-30 09:10'),
        },
      ],
      policy: { radiusM: 0 },
      extra: true,
    });
    const { code, stdout, stderr } = await run('verify', path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      `${path}: extra: unknown field (expected retailers, visits, policy, planned)`,
      `${path}: retailers[0].location.lat: latitude must be within [-90, 90], received 123.4`,
      `${path}: visits[0].start.source: source must be one of "gnss", "cell", "wifi", "manual", received "gps"`,
      `${path}: visits[0].end.at: date-time must carry a UTC offset (Z or +08:00): a local time is ambiguous, received "2026-11-30 09:10"`,
      `${path}: policy.radiusM: radius must be greater than 0 m, received 0`,
    ]);
    expect(lines.at(-1)).toBe('beatplan verify: invalid input, 5 problems listed above');
  });

  it('writes the schemas’ refinements (time, dwell) in Chinese with --lang zh-CN (issue 13)', async () => {
    const path = file('bad-zh.json', {
      retailers: [{ id: 'R1', location: { lng: 120.1, lat: 28 } }],
      visits: [
        {
          id: 'V1',
          managerId: 'M1',
          retailerId: 'R1',
          start: fix('2026-11-30 09:00'),
          end: fix('x', { at: 1764464400 }),
        },
      ],
      policy: { minDwellS: 600, maxDwellS: 300 },
    });
    const { code, stderr } = await run('verify', path, '--lang', 'zh-CN');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').slice(0, -1)).toEqual([
      `${path}：visits[0].start.at：日期时间必须带 UTC 偏移（Z 或 +08:00）：本地时间有歧义，实际为 "2026-11-30 09:00"`,
      `${path}：visits[0].end.at：时间必须是 2000-01-01 至 2100-01-01 之间的纪元毫秒数（这看起来像纪元秒数），实际为 1764464400`,
      `${path}：policy.maxDwellS：最长停留时间必须大于最短停留时间，实际为 300`,
    ]);
  });

  it('reports a visit for an unknown retailer and exits 1', async () => {
    const path = file('unknown.json', {
      retailers: [],
      visits: [
        {
          id: 'V1',
          managerId: 'M1',
          retailerId: 'R9',
          start: fix('2026-11-30T09:00:00+08:00'),
          end: fix('2026-11-30T09:10:00+08:00'),
        },
      ],
    });
    const { code, stderr } = await run('verify', path);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}: visits[0].retailerId: no retailer with this id was given, received "R9"`);
  });

  it('refuses what is not a verify file: missing file, bad JSON, an array (exit 1); no file or two (exit 2)', async () => {
    expect((await run('verify', join(dir, 'nope.json'))).stderr).toContain('file not found');
    expect((await run('verify', file('syntax.json', '{"visits": ['))).stderr).toMatch(/not valid JSON/);
    const array = await run('verify', file('array.json', []));
    expect(array.code).toBe(1);
    expect(array.stderr).toContain('must be a JSON object');
    expect((await run('verify')).code).toBe(2);
    expect((await run('verify', 'a.json', 'b.json')).code).toBe(2);
    expect((await run('verify', '--pretty', 'a.json')).code).toBe(2);
  });
});
