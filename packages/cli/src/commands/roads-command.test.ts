import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOsmExtract, osmExtractToPbf, osmExtractToXml } from '@beatplan/roads';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../test/run-captured.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCaptured(argv);
  return { code, out: stdout, err: stderr };
}

describe('beatplan roads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beatplan-roads-'));
  const osm = join(dir, 'city.osm');
  const pbf = join(dir, 'city.osm.pbf');
  const graph = join(dir, 'city.car.bpg');
  const points = join(dir, 'points.json');
  const pts = [
    { lng: 120.158, lat: 30.268 },
    { lng: 120.163, lat: 30.273 },
    { lng: 120.151, lat: 30.279 },
    { lng: 120.166, lat: 30.262, crs: 'GCJ02' },
  ];
  beforeAll(async () => {
    const city = generateOsmExtract({ seed: 3, lines: 20, villages: 1 });
    writeFileSync(osm, osmExtractToXml(city).join(''));
    writeFileSync(pbf, await osmExtractToPbf(city));
    writeFileSync(points, JSON.stringify(pts));
  });

  it('roads build prints one JSON line {nodes, edges, ms, ...} and writes the graph file (XML and PBF)', async () => {
    const a = await run('roads', 'build', pbf, '--profile', 'car', '--out', graph);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(a.out);
    expect(r).toMatchObject({
      nodes: expect.any(Number),
      edges: expect.any(Number),
      ms: expect.any(Number),
      profile: 'car',
    });
    expect(r.nodes).toBeGreaterThan(300);
    expect(readFileSync(graph).subarray(0, 8).toString()).toBe('BPROADS1');
    const b = await run('roads', 'build', osm, '--profile', 'foot', '--out', join(dir, 'city.foot.bpg'));
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).profile).toBe('foot');
  });

  it('roads matrix prints {distancesM, durationsS, snapped, unreachable}; solve --roads routes on road metres', async () => {
    await run('roads', 'build', pbf, '--out', graph);
    const m = await run('roads', 'matrix', graph, points);
    expect(m.err).toBe('');
    const r = JSON.parse(m.out);
    expect(r.distancesM).toHaveLength(16);
    expect(r.durationsS).toHaveLength(16);
    expect(r.snapped).toHaveLength(4);
    expect(r.unreachable).toEqual([]);
    const instance = join(dir, 'day.json');
    writeFileSync(instance, JSON.stringify({ points: pts }));
    const s = await run('solve', instance, '--roads', graph);
    expect(s.err).toBe('');
    const sol = JSON.parse(s.out);
    expect(sol.costSource).toBe('road-graph:car');
    let length = 0;
    for (let k = 0; k < 4; k++) length += r.distancesM[sol.tour[k] * 4 + sol.tour[(k + 1) % 4]];
    expect(sol.length).toBeCloseTo(length, 6);
  });

  it('bad usage exits 2, bad files exit 1 naming the file', async () => {
    expect((await run('roads', 'build', pbf, '--profile', 'plane', '--out', graph)).code).toBe(2);
    expect((await run('roads', 'build', pbf)).code).toBe(2);
    expect((await run('roads', 'fly')).code).toBe(2);
    const missing = await run('roads', 'build', join(dir, 'none.osm'), '--out', graph);
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/file not found/) });
    writeFileSync(join(dir, 'bad.bpg'), 'not a graph at all, just some bytes to be long enough .........');
    const bad = await run('roads', 'matrix', join(dir, 'bad.bpg'), points);
    expect(bad).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bad\.bpg: graphFile: not a beatplan road graph file/),
    });
    const far = join(dir, 'far.json');
    writeFileSync(far, JSON.stringify({ points: [pts[0], { lng: 121.5, lat: 31.2 }] }));
    const off = await run('solve', far, '--roads', graph);
    expect(off).toMatchObject({ code: 1, err: expect.stringMatching(/points\[1\] is \d+ m from the nearest road/) });
  });
});
