import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { measureReportRoutes } from '@beatplan/reports';
import { loadRoadGraph, roadCosts } from '@beatplan/roads';
import { writeRoadCity } from '../../test/road-city.js';
import { runCaptured } from '../../test/run-captured.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const smallCity = `${root}packages/reports/test/in/small-city.json`;
const dir = mkdtempSync(join(tmpdir(), 'beatplan-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const arrayFile = join(dir, 'array.json');
writeFileSync(arrayFile, '[1, 2]');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCaptured(argv);
  return { code, out: stdout, err: stderr };
}

describe('beatplan report', () => {
  it('writes the HTML, JSON, SVG and CSV outputs and prints what it wrote', async () => {
    const html = join(dir, 'report.html');
    const json = join(dir, 'report.json');
    const svg = join(dir, 'map.svg');
    const csv = join(dir, 'csv');
    const { code, out, err } = await run(
      'report',
      smallCity,
      '--html',
      html,
      '--json',
      json,
      '--svg',
      svg,
      '--csv',
      csv,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as { managers: number; ranking: string[]; written: string[] };
    expect(summary).toMatchObject({ managers: 3, ranking: ['M1', 'M2', 'M3'] });
    expect(summary.written).toContain(html);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({
      title: 'Small city — week 10 <test>',
      counts: { managers: 3 },
    });
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="map"/);
    expect(readdirSync(csv).sort()).toEqual([
      'attention-visits.csv',
      'attention.csv',
      'balance-managers.csv',
      'balance.csv',
      'classes.csv',
      'decision-cells.csv',
      'decision-effort.csv',
      'decision-gaps.csv',
      'findings.csv',
      'managers.csv',
      'regions.csv',
      'repartition.csv',
      'scorecard.csv',
      'segments.csv',
      'trend.csv',
    ]);
  });

  it('follows the managers over earlier reports (--previous) or over the weeks of the data (--trend week)', async () => {
    const data = JSON.parse(readFileSync(smallCity, 'utf8')) as Record<string, any>;
    const week1: Record<string, any> = { ...data, period: undefined };
    const shifted = JSON.parse(JSON.stringify(week1).replace(/2025-03-0(\d)/g, (_, d) => `2025-03-1${d}`));
    const both = join(dir, 'two-weeks.json');
    writeFileSync(
      both,
      JSON.stringify({
        ...week1,
        plans: [...week1.plans, ...shifted.plans],
        visits: [...week1.visits, ...shifted.visits.map((v: any) => ({ ...v, id: `${v.id}b` }))],
        verdicts: [...week1.verdicts, ...shifted.verdicts.map((v: any) => ({ ...v, visitId: `${v.visitId}b` }))],
        inspections: [],
        contradictions: [],
        repartition: undefined,
      }),
    );
    const cut = await run('report', both, '--trend', 'week');
    expect(cut.err).toBe('');
    const report = JSON.parse(cut.out) as { period: { from: string }; trend: { periods: { from: string }[] } };
    expect(report.period.from).toBe('2025-03-10');
    expect(report.trend.periods.map((p) => p.from)).toEqual(['2025-03-03', '2025-03-10']);

    const last = join(dir, 'last-week.json');
    expect((await run('report', smallCity, '--json', last)).code).toBe(0);
    const next = join(dir, 'next-week.json');
    writeFileSync(next, JSON.stringify({ ...shifted, inspections: [], contradictions: [], repartition: undefined }));
    const html = join(dir, 'trend.html');
    const withPrevious = await run('report', next, '--previous', last, '--html', html, '--csv', join(dir, 'trend-csv'));
    expect(withPrevious.err).toBe('');
    expect(readFileSync(html, 'utf8')).toContain('<table class="rank-history-table"');
    expect(readdirSync(join(dir, 'trend-csv'))).toContain('trend-changes.csv');
    // the same week twice overlaps: the issue names the earlier report's own file
    const twice = await run('report', next, '--previous', last, '--previous', last);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain(`${last}: previous[1].period: overlaps the period 2025-03-03 – 2025-03-07`);
    expect((await run('report', next, '--trend', 'day')).err).toMatch(/--trend must be week or month, received "day"/);
  });

  it('recomputes the scorecard with --what-if weights beside the real one', async () => {
    const { code, out } = await run('report', smallCity, '--what-if', 'route=5;completion=0,verification=1');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      whatIf: { label: string; weights: Record<string, number>; ranking: string[] }[];
    };
    expect(report.whatIf.map((w) => w.label)).toEqual(['route 5', 'completion 0, verification 1']);
    expect(report.whatIf[0]!.weights.route).toBe(5);
    expect(report.whatIf[1]!.ranking).toHaveLength(3);
    expect((await run('report', smallCity, '--what-if', 'speed=2')).code).toBe(2);
  });

  it('writes the report in Chinese with --lang zh-CN (needs attention, map, scorecard explanations)', async () => {
    const html = join(dir, 'zh.html');
    const { code } = await run('report', smallCity, '--html', html, '--lang', 'zh-CN');
    expect(code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(text).toContain('需要关注');
    expect(text).toContain('各项指标的含义');
  });

  it('puts a tile layer under the map only with --tiles, and refuses a template that is not https', async () => {
    const html = join(dir, 'tiles.html');
    const ok = await run(
      'report',
      smallCity,
      '--html',
      html,
      '--tiles',
      'https://t.example/{z}/{x}/{y}.png',
      '--tiles-attribution',
      '© T',
    );
    expect(ok.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<image href="https:\/\/t\.example\/\d+\/\d+\/\d+\.png"/);
    const bad = await run('report', smallCity, '--html', html, '--tiles', 'http://t.example/{z}/{x}/{y}.png');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--tiles: .*https/);
    expect((await run('report', smallCity, '--tiles-attribution', 'x')).code).toBe(2);
  });

  it('prints the whole report when no output is named, with --weights and --title applied', async () => {
    const { code, out } = await run(
      'report',
      smallCity,
      '--weights',
      'completion=1,verification=0,route=0',
      '--title',
      'Week 10',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out) as { title: string; weights: Record<string, number> };
    expect(report.title).toBe('Week 10');
    expect(report.weights).toEqual({
      completion: 1,
      verification: 0,
      timeOnSite: 1,
      route: 0,
      inspection: 1,
      integrity: 1,
    });
  });

  it('lists every problem of an invalid file on one line and exits 1, writing nothing', async () => {
    const bad = join(dir, 'bad.json');
    const data = JSON.parse(readFileSync(smallCity, 'utf8')) as Record<string, any>;
    data.retailers[2].location.lat = 123.4;
    data.visits[0].retailerId = 'NOPE';
    data.managers[1].name = '';
    data.bogus = 1;
    data.inspections[0].satisfaction = 9;
    data.retailers[3].segment = 'kiosk';
    data.visits[1].managerId = 'M9';
    writeFileSync(bad, JSON.stringify(data));
    const html = join(dir, 'never.html');
    const { code, out, err } = await run('report', bad, '--html', html);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('beatplan report: invalid input, 5 problems listed above');
    for (const line of lines.slice(0, -1)) expect(line.startsWith(`${bad}: `)).toBe(true);
    for (const part of [
      'retailers[2].location.lat: latitude must be within [-90, 90], received 123.4',
      'managers[1].name',
      'bogus',
      'inspections[0].satisfaction',
      'retailers[3].segment',
    ]) {
      expect(err).toContain(part);
    }
    expect(readdirSync(dir)).not.toContain('never.html');
    data.retailers[2].location.lat = 30.3;
    for (const key of ['bogus']) delete data[key];
    data.managers[1].name = 'Zhang Min';
    data.inspections[0].satisfaction = 4;
    data.retailers[3].segment = 'retail';
    writeFileSync(bad, JSON.stringify(data));
    const refs = await run('report', bad);
    expect(refs.code).toBe(1);
    expect(refs.err).toContain(`${bad}: visits[0].retailerId: unknown retailer: not in retailers, received "NOPE"\n`);
    expect(refs.err).toContain(`${bad}: visits[1].managerId: unknown manager`);
    expect(refs.err).toContain('beatplan report: invalid input, 2 problems listed above');
  });

  const failures: [string, string[], number, RegExp][] = [
    ['a missing file', ['report', 'nope.json'], 1, /nope\.json: file not found/],
    ['no file', ['report'], 2, /expected one data file/],
    ['an unknown option', ['report', smallCity, '--pdf', 'x'], 2, /Unknown option '--pdf'/],
    ['an unknown KPI weight', ['report', smallCity, '--weights', 'speed=2'], 2, /unknown KPI "speed"/],
    [
      'a malformed weight',
      ['report', smallCity, '--weights', 'completion=-1'],
      2,
      /--weights must be kpi=number pairs/,
    ],
    [
      'all weights zero',
      ['report', smallCity, '--weights', 'completion=0,verification=0,timeOnSite=0,route=0,inspection=0,integrity=0'],
      1,
      /weights: at least one weight must be greater than 0/,
    ],
    ['a JSON array', ['report', arrayFile], 1, /array\.json: the report data must be a JSON object/],
  ];
  for (const [what, argv, exitCode, message] of failures) {
    it(`fails with every problem on its own line, then one summary line, for ${what}`, async () => {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(exitCode);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err.trim().split('\n').at(-1)).toMatch(/^beatplan report: /);
    });
  }
});

describe('beatplan report --lang zh-CN', () => {
  it('writes a refinement’s reason (the weights) in Chinese (issue 13)', async () => {
    const zero = 'completion=0,verification=0,timeOnSite=0,route=0,inspection=0,integrity=0';
    const { code, err } = await run('report', smallCity, '--weights', zero, '--lang', 'zh-CN');
    expect(code).toBe(1);
    expect(err).toMatch(/weights：至少一个权重必须大于 0/);
    expect(err).not.toMatch(/at least one weight/);
  });
});

describe('beatplan report --roads', () => {
  it('measures the route figures on a road graph file, as measureReportRoutes does; a missing file is named', async () => {
    const { graphFile, retailers } = await writeRoadCity(dir, { seed: 5, every: 31, offset: 2, count: 5 });
    const at = (hhmm: string) => `2025-03-05T${hhmm}:00+08:00`;
    const fix = (r: (typeof retailers)[number], time: string) => ({
      ...r.location,
      accuracyM: 8,
      source: 'gnss',
      at: at(time),
    });
    const input = {
      retailers: retailers.map((r) => ({ ...r, managerId: 'M1' })),
      managers: [{ id: 'M1', name: 'Li', base: retailers[0]!.location, workingHours: {} }],
      plans: [
        {
          managerId: 'M1',
          date: '2025-03-05',
          stops: retailers.slice(1).map((r, i) => ({
            retailerId: r.id,
            arrival: at(`1${i}:00`),
            departure: at(`1${i}:20`),
          })),
          distanceM: 5000,
          durationS: 7200,
        },
      ],
      visits: [retailers[3]!, retailers[1]!].map((r, i) => ({
        id: `V${i}`,
        managerId: 'M1',
        retailerId: r.id,
        start: fix(r, `1${i}:00`),
        end: fix(r, `1${i}:15`),
      })),
    };
    const data = join(dir, 'road-report.json');
    writeFileSync(data, JSON.stringify(input));
    const out = join(dir, 'road-report.out.json');
    const onRoads = await run('report', data, '--json', out, '--roads', graphFile);
    expect(onRoads.err).toBe('');
    expect(onRoads.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.routeCostSource).toEqual({ kind: 'roads', source: 'road-graph:car' });
    const routes = await measureReportRoutes(input, roadCosts(loadRoadGraph(readFileSync(graphFile))));
    const m = report.managers[0];
    expect(m.plannedRouteDistanceM).toBe(routes.days[0]?.planned?.distanceM);
    expect(m.travelledRouteDistanceM).toBe(routes.days[0]?.travelled?.distanceM);
    expect(m.plannedRouteDistanceM).toBeGreaterThan(m.plannedStraightDistanceM);
    expect(m.distanceRatio).toBe(Math.round((m.travelledRouteDistanceM / m.plannedRouteDistanceM) * 10_000) / 10_000);
    const straight = await run('report', data, '--json', out);
    expect(JSON.parse(readFileSync(out, 'utf8')).routeCostSource).toBeNull();
    expect(straight.code).toBe(0);
    const missing = await run('report', data, '--roads', join(dir, 'nope.bpg'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.bpg: file not found/);
  });
});
