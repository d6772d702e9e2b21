import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRoadCity } from '../../test/road-city.js';
import { runCaptured, tempDirForFile } from '../../test/run-captured.js';

const fixtures = new URL('../../../territory/test/in/', import.meta.url);
const retailersCsv = new URL('small-city.csv', fixtures).pathname;
const managersJson = new URL('small-city-managers.json', fixtures).pathname;
const dir = tempDirForFile('plan');

const run = runCaptured;

describe('beatplan plan', () => {
  it('plans the fixture city: writes territories, visit plans (JSON, CSV) and the summary it prints', async () => {
    const out = join(dir, 'ok');
    const { code, stdout, stderr } = await run([
      'plan',
      retailersCsv,
      '--managers',
      managersJson,
      '--weeks',
      '1',
      '--start',
      '2025-03-03',
      '--out',
      out,
      '--seed',
      '3',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      retailers: 90,
      managers: 3,
      weeks: 1,
      startDate: '2025-03-03',
      seed: 3,
      balanced: true,
      moved: 0,
    });
    expect(summary.perManager).toHaveLength(3);
    expect(summary.perManager.reduce((a: number, m: { retailers: number }) => a + m.retailers, 0)).toBe(90);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    const territories = JSON.parse(readFileSync(join(out, 'territories.geojson'), 'utf8'));
    expect(territories.type).toBe('FeatureCollection');
    expect(territories.features).toHaveLength(3);
    const plans = JSON.parse(readFileSync(join(out, 'visit-plans.json'), 'utf8'));
    expect(plans).toHaveLength(15);
    const csv = readFileSync(join(out, 'visit-plans.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('manager_id,date,seq,retailer_id,arrival,departure,day_distance_m,day_duration_s');
    const visits = plans.reduce((a: number, p: { stops: unknown[] }) => a + p.stops.length, 0);
    expect(visits).toBe(summary.perManager.reduce((a: number, m: { visits: number }) => a + m.visits, 0));
  });

  it('writes the reasons of dropped visits and of the limits in Chinese with --lang zh-CN (issue 13)', async () => {
    const csv = readFileSync(retailersCsv, 'utf8').trimEnd().split('\n');
    const sunday = csv[1]!
      .replace(/^R00001,Shop 1,/, 'SUNDAY,Sunday shop,')
      .replace('daily 08:00-22:00', 'sun 09:00-18:00');
    const withSunday = join(dir, 'sunday.csv');
    writeFileSync(withSunday, `${[...csv, sunday].join('\n')}\n`);
    const args = ['plan', withSunday, '--managers', managersJson, '--weeks', '1', '--start', '2025-03-03'];
    const balance = ['--seed', '3', '--balance', 'count=0.001'];
    const en = JSON.parse((await run([...args, ...balance, '--out', join(dir, 'sun-en')])).stdout);
    const zh = JSON.parse((await run([...args, ...balance, '--out', join(dir, 'sun-zh'), '--lang', 'zh-CN'])).stdout);
    const sundayOf = (s: { dropped: { retailerId: string }[] }) => s.dropped.find((d) => d.retailerId === 'SUNDAY');
    expect(sundayOf(en)).toMatchObject({
      reason: 'not open on any working day of the manager during his working hours',
      reasonData: { key: 'territory.not_open' },
    });
    expect(sundayOf(zh)).toMatchObject({
      reason: '在客户经理的任何工作日的工作时间内都不营业',
      reasonData: { key: 'territory.not_open' },
    });
    const missed = en.limits.findIndex((l: { reason?: string }) => l.reason);
    expect(missed).toBeGreaterThanOrEqual(0);
    expect(zh.limits[missed].reason).toMatch(/\p{Script=Han}/u);
    expect(zh.limits[missed].reasonData).toEqual(en.limits[missed].reasonData);
  });

  it('exits 1 listing every problem of both files', async () => {
    const badCsv = join(dir, 'bad.csv');
    const text = readFileSync(retailersCsv, 'utf8').split('\n');
    text[1] = text[1]!.replace(',retail,', ',grocer,');
    text[3] = text[3]!.replace(/^(R\d+,[^,]+,)[^,]+/, '$1999');
    writeFileSync(badCsv, text.join('\n'));
    const badManagers = join(dir, 'bad-managers.json');
    writeFileSync(
      badManagers,
      JSON.stringify([{ id: 'M1', name: 'x', base: { lng: 120, lat: 95 }, workingHours: {} }]),
    );
    const { code, stderr } = await run(['plan', badCsv, '--managers', badManagers, '--out', join(dir, 'bad')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/3 problems/);
    expect(stderr).toMatch(/row 1.*segment/);
    expect(stderr).toMatch(/row 3.*lng/);
    expect(stderr).toMatch(/bad-managers\.json.*managers\[0\]\.base\.lat/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('lists all 60 problems of 60 bad managers, none cut (was: the first 50, then "(and 10 more)")', async () => {
    const badManagers = join(dir, 'sixty-bad-managers.json');
    const managers = Array.from({ length: 60 }, (_, i) => ({
      id: `M${i}`,
      name: 'x',
      base: { lng: 120, lat: 95 },
      workingHours: {},
    }));
    writeFileSync(badManagers, JSON.stringify(managers));
    const { code, stderr } = await run(['plan', retailersCsv, '--managers', badManagers, '--out', join(dir, 'bad60')]);
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((l) => /managers\[\d+\]\.base\.lat/.test(l));
    expect(lines).toHaveLength(60);
    expect(stderr).toMatch(/60 problems listed above/);
    expect(stderr).not.toMatch(/more\)/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['plan', retailersCsv])).code).toBe(2);
    expect((await run(['plan', retailersCsv, '--managers', managersJson, '--weeks', 'two'])).code).toBe(2);
    expect((await run(['plan'])).stderr).toMatch(/usage: beatplan plan/);
  });
});

describe('beatplan plan --roads', () => {
  it('plans on a road graph file and says so in the summary; without it, on straight lines', async () => {
    const { graphFile, retailers } = await writeRoadCity(dir, { seed: 5, every: 23, offset: 5, count: 12 });
    const day = [{ from: '08:30', to: '17:30' }];
    const managers = [{ id: 'M1', name: 'Li', base: retailers[0]!.location, workingHours: { mon: day, tue: day } }];
    const rFile = join(dir, 'road-retailers.json');
    const mFile = join(dir, 'road-managers.json');
    writeFileSync(rFile, JSON.stringify(retailers));
    writeFileSync(mFile, JSON.stringify(managers));
    const args = (out: string) => [
      'plan',
      rFile,
      '--managers',
      mFile,
      '--weeks',
      '1',
      '--start',
      '2025-03-03',
      '--out',
      out,
    ];
    const onRoads = await run([...args(join(dir, 'roads')), '--roads', graphFile]);
    expect(onRoads.stderr).toBe('');
    expect(onRoads.code).toBe(0);
    const summary = JSON.parse(onRoads.stdout);
    expect(summary.costSource).toEqual({ kind: 'roads', source: 'road-graph:car' });
    expect(summary.perManager[0].visits).toBe(12);
    const straight = JSON.parse((await run(args(join(dir, 'straight')))).stdout);
    expect(straight.costSource).toEqual({ kind: 'straight-line', source: 'straight-line' });
    expect(summary.perManager[0].distanceKm).not.toBe(straight.perManager[0].distanceKm);
    const missing = await run([...args(join(dir, 'none')), '--roads', join(dir, 'nope.bpg')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.bpg: file not found/);
  });

  it('--weights sets the weights of the balanced sum (count only: equal retailer counts); bad ones are usage errors', async () => {
    const out = join(dir, 'weights');
    const args = ['plan', retailersCsv, '--managers', managersJson, '--weeks', '1', '--start', '2025-03-03'];
    const r = await run([...args, '--out', out, '--seed', '3', '--weights', 'count=1', '--tolerance', '0.05']);
    expect(r.stderr).toBe('');
    const counts = JSON.parse(r.stdout).perManager.map((m: { retailers: number }) => m.retailers);
    expect(Math.max(...counts) / Math.min(...counts)).toBeLessThanOrEqual(1.1);
    for (const bad of ['count=0', 'grade=1', 'count=1,count=2', 'count', 'orders=-1']) {
      const b = await run([...args, '--out', join(dir, 'w-bad'), '--weights', bad]);
      expect(b.code, bad).toBe(2);
      expect(b.stderr).toContain('--weights must be name=number pairs');
    }
  });

  it('--balance sets per-attribute limits, reported in the summary; bad ones are usage errors (in the run language)', async () => {
    const out = join(dir, 'balance');
    const args = ['plan', retailersCsv, '--managers', managersJson, '--weeks', '1', '--start', '2025-03-03'];
    const r = await run([
      ...args,
      '--out',
      out,
      '--seed',
      '3',
      '--balance',
      'count=0.1,orders=0.2,segment=0.3,orderingDays=0.5',
    ]);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    const names = summary.limits.map((l: { attribute: string; key?: string }) => l.attribute + (l.key ?? ''));
    expect(names.slice(0, 2)).toEqual(['count', 'orders']);
    expect(names.slice(2).every((n: string) => n.startsWith('segment'))).toBe(true);
    for (const l of summary.limits) {
      expect(['met', 'missed', 'infeasible']).toContain(l.status);
      if (l.status === 'met') expect(l.maxDeviation).toBeLessThanOrEqual(l.tolerance);
    }
    expect(summary.balanced).toBe(summary.limits.every((l: { status: string }) => l.status === 'met'));
    for (const m of summary.perManager) expect(m.orderingStopsPerDay).toHaveLength(m.days);
    const file = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(file.limits).toEqual(summary.limits);
    for (const bad of ['orders=0', 'colour=0.1', 'orders=0.1,orders=0.2', 'orders', 'orders=1.5']) {
      const b = await run([...args, '--out', join(dir, 'b-bad'), '--balance', bad]);
      expect(b.code, bad).toBe(2);
      expect(b.stderr).toContain('--balance must be name=tolerance pairs');
    }
    const zh = await run([...args, '--out', join(dir, 'b-bad'), '--lang', 'zh-CN', '--balance', 'x=1']);
    expect(zh.stderr).toContain('--balance 必须是');
  });
});
