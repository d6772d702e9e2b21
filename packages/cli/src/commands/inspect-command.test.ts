import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retailersToCsv, type Retailer } from '@beatplan/core';
import { redrawSample } from '@beatplan/inspection';
import { describe, expect, it } from 'vitest';
import { writeRoadCity } from '../../test/road-city.js';
import { runCaptured } from '../../test/run-captured.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCaptured(argv);
  return { code, out: stdout, err: stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'beatplan-inspect-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const retailers: Retailer[] = Array.from({ length: 24 }, (_, i) => ({
  id: `R${String(i + 1).padStart(2, '0')}`,
  name: `Shop ${i + 1}`,
  location: { lng: 116.38 + (i % 6) * 0.008, lat: 39.89 + Math.floor(i / 6) * 0.008 },
  segment: (['retail', 'chain_supermarket', 'hotel_entertainment'] as const)[i % 3]!,
  class: 'B',
  serviceMinutes: 15,
  visitFrequency: 'weekly',
  orderCount: i,
  orderVolume: 100 * i,
  managerId: `M${(i % 3) + 1}`,
  ...(i < 4 ? { openingHours: { wed: [{ from: '10:00', to: '12:00' }] } } : {}),
}));
const csv = file('retailers.csv', retailersToCsv(retailers));
const json = file('retailers.json', { retailers });

describe('beatplan inspect', () => {
  it('treats an unknown option as a usage error (exit 2)', async () => {
    for (const sub of ['draw', 'route']) {
      const { code, out, err } = await run('inspect', sub, 'some-file.json', '--bogus');
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/Unknown option '--bogus'.*usage: beatplan inspect/);
    }
  });

  it('draws a plan with its seed and fingerprint, reproducibly, from CSV or JSON', async () => {
    const a = await run('inspect', 'draw', csv, '--size', '9', '--stratify', 'manager', '--seed', '11');
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    const plan = JSON.parse(a.out);
    expect(plan).toMatchObject({
      type: 'beatplan.inspection-plan',
      seed: 11,
      spec: { stratifyBy: 'manager', size: 9 },
    });
    expect(plan.fingerprint).toMatch(/^fnv1a64:/);
    expect(plan.strata.map((s: { drawn: number }) => s.drawn)).toEqual([3, 3, 3]);
    expect(
      JSON.parse((await run('inspect', 'draw', json, '--size', '9', '--stratify', 'manager', '--seed', '11')).out),
    ).toEqual(plan);
    expect(redrawSample(plan, retailers)).toEqual(plan);
    const unseeded = JSON.parse(
      (await run('inspect', 'draw', json, '--per-stratum', '2', '--stratify', 'segment')).out,
    );
    expect(Number.isInteger(unseeded.seed)).toBe(true);
    expect(unseeded.retailerIds).toHaveLength(6);
  });

  it('excludes retailers inspected since a date and weights by verification rates', async () => {
    const history = file(
      'history.json',
      retailers.slice(0, 20).map((r) => ({ retailerId: r.id, at: '2025-03-01T10:00:00+08:00' })),
    );
    const rates = file('rates.json', { M1: 0.1, M2: 0.9 });
    const { code, out } = await run(
      'inspect',
      'draw',
      json,
      '--size',
      '4',
      '--exclude-since',
      '2025-02-01',
      '--history',
      history,
      '--rates',
      rates,
      '--alpha',
      '3',
      '--seed',
      '1',
    );
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(plan.retailerIds.sort()).toEqual(['R21', 'R22', 'R23', 'R24']);
    expect(plan.spec.weighting).toEqual({ verificationRates: { M1: 0.1, M2: 0.9 }, alpha: 3 });
  });

  it('routes a plan from its base on a date, honouring opening hours', async () => {
    const plan = file('plan.json', JSON.parse((await run('inspect', 'draw', json, '--size', '12', '--seed', '5')).out));
    const { code, out, err } = await run(
      'inspect',
      'route',
      plan,
      '--retailers',
      csv,
      '--base',
      '116.40,39.90',
      '--date',
      '2025-03-05',
      '--max-stops',
      '6',
      '--days',
      '3',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const route = JSON.parse(out) as {
      days: { date: string; stops: { retailerId: string; start: string; departure: string }[] }[];
      dropped: unknown[];
    };
    expect(route.dropped).toEqual([]);
    expect(route.days.map((d) => d.date)).toEqual(['2025-03-05', '2025-03-06']);
    for (const s of route.days.flatMap((d) => d.stops)) {
      if (Number(s.retailerId.slice(1)) <= 4)
        expect(s.start >= '2025-03-05T10:00' && s.departure <= '2025-03-05T12:00:00+08:00').toBe(true);
    }
  });

  const bad = file('bad.json', [
    { ...retailers[0], segment: 'shop' },
    { ...retailers[1], serviceMinutes: -5 },
    retailers[2],
  ]);
  const failures: [string, string[], number, RegExp][] = [
    [
      'every bad retailer',
      ['inspect', 'draw', bad, '--size', '1'],
      1,
      /bad\.json: retailers\[0\]\.segment: segment must be one of .*\n.*bad\.json: retailers\[1\]\.serviceMinutes: service minutes must be greater than 0, received -5\n/,
    ],
    [
      'a size above the retailers',
      ['inspect', 'draw', json, '--size', '30'],
      1,
      /size exceeds the 24 eligible retailers/,
    ],
    ['no size', ['inspect', 'draw', json], 2, /give exactly one of --size and --per-stratum/],
    [
      'an unknown stratum field',
      ['inspect', 'draw', json, '--size', '2', '--stratify', 'colour'],
      2,
      /--stratify must be one of manager, segment, class/,
    ],
    [
      'history without a date',
      ['inspect', 'draw', json, '--size', '2', '--history', json],
      2,
      /--exclude-since and --history go together/,
    ],
    ['an unknown option', ['inspect', 'draw', json, '--size', '2', '--colour'], 2, /Unknown option '--colour'/],
    ['a bad base', ['inspect', 'route', json, '--retailers', json, '--base', 'home'], 2, /--base must be "lng,lat"/],
    [
      'a plan that is not a plan',
      ['inspect', 'route', json, '--retailers', json, '--base', '116.4,39.9', '--date', '2025-03-05'],
      1,
      /retailers\.json: plan\.type: type must be "beatplan\.inspection-plan"/,
    ],
    ['a missing file', ['inspect', 'draw', 'nope.csv', '--size', '1'], 1, /nope\.csv: file not found/],
    ['no subcommand', ['inspect'], 2, /expected "draw" or "route" or "adjust"/],
  ];
  for (const [what, argv, exitCode, message] of failures) {
    it(`fails with every problem on its own line, then one summary line, for ${what}`, async () => {
      const { code, out, err } = await run(...argv);
      expect(err).toMatch(message);
      expect(code).toBe(exitCode);
      expect(out).toBe('');
      const lines = err.trim().split('\n');
      expect(lines.at(-1)).toMatch(/^beatplan inspect: /);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+: \S.*: /);
    });
  }
});

describe('beatplan inspect route --roads', () => {
  it('routes the sample on a road graph file and says so; a missing graph file is named', async () => {
    const { graphFile, retailers } = await writeRoadCity(dir, { seed: 5, every: 29, offset: 3, count: 6 });
    const rFile = join(dir, 'road-retailers.json');
    const pFile = join(dir, 'road-plan.json');
    writeFileSync(rFile, JSON.stringify(retailers));
    writeFileSync(pFile, JSON.stringify(retailers.map((r) => r.id)));
    const base = `${retailers[0]!.location.lng},${retailers[0]!.location.lat}`;
    const args = ['inspect', 'route', pFile, '--retailers', rFile, '--base', base, '--date', '2025-03-05'];
    const onRoads = await run(...args, '--roads', graphFile);
    expect(onRoads.err).toBe('');
    const route = JSON.parse(onRoads.out);
    expect(route.costSource).toEqual({ kind: 'roads', source: 'road-graph:car' });
    expect(route.days.flatMap((d: { stops: unknown[] }) => d.stops)).toHaveLength(6);
    expect(JSON.parse((await run(...args)).out).costSource.kind).toBe('straight-line');
    const missing = await run(...args, '--roads', join(dir, 'nope.bpg'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.bpg: file not found/);
  });
});
