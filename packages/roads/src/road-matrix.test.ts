import { gcj02ToWgs84, isBeatplanError, MAX_TRAVEL_MATRIX_POINTS, seededRandom, wgs84ToGcj02 } from '@beatplan/core';
import {
  buildRoadGraph,
  generateOsmExtract,
  type OsmExtract,
  osmExtractToPbf,
  type RoadGraph,
  roadCosts,
  roadMatrix,
  roadMatrixDijkstra,
  roadPath,
  roadTable,
} from '@beatplan/roads';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, nid, town, xmlBytes } from '../test/tiny-extract.js';

const res = (id: number, refs: number[], more: [string, string][] = []) => ({
  id,
  refs,
  tags: [['highway', 'residential'], ...more] as [string, string][],
});

function expectSameMatrix(a: { durationsS: Float64Array; distancesM: Float64Array }, b: typeof a): void {
  expect(Array.from(a.durationsS)).toEqual(Array.from(b.durationsS));
  expect(Array.from(a.distancesM)).toEqual(Array.from(b.distancesM));
}

/** A random town: lattice streets with random classes, oneways, maxspeeds, missing blocks and restrictions. */
const randomTown = fc
  .record({
    seed: fc.integer(),
    dropped: fc.double({ min: 0, max: 0.4, noNaN: true }),
    oneway: fc.double({ min: 0, max: 0.6, noNaN: true }),
    restrictions: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ seed, dropped, oneway, restrictions }): OsmExtract => {
    const r = seededRandom(seed);
    const ways: OsmExtract['ways'] = [];
    let id = 100;
    const classes = ['residential', 'primary', 'tertiary', 'service', 'living_street'];
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 5; i++) {
        for (const [di, dj] of [
          [1, 0],
          [0, 1],
        ] as const) {
          if (i + di > 4 || j + dj > 4 || r() < dropped) continue;
          const tags: [string, string][] = [['highway', classes[Math.floor(r() * classes.length)] as string]];
          const u = r();
          if (u < oneway / 2) tags.push(['oneway', 'yes']);
          else if (u < oneway) tags.push(['oneway', '-1']);
          if (r() < 0.3) tags.push(['maxspeed', String(10 + Math.floor(r() * 60))]);
          ways.push({ id: id++, refs: [nid(i, j), nid(i + di, j + dj)], tags });
        }
      }
    }
    const relations: OsmExtract['relations'] = [];
    for (let k = 0; k < restrictions && ways.length > 1; k++) {
      const a = ways[Math.floor(r() * ways.length)] as OsmExtract['ways'][number];
      const via = a.refs[r() < 0.5 ? 0 : 1] as number;
      const others = ways.filter((w) => w !== a && w.refs.includes(via));
      const b = others[Math.floor(r() * others.length)];
      if (!b) continue;
      relations.push({
        id: 900 + k,
        members: [
          { type: 'way', ref: a.id, role: 'from' },
          { type: 'node', ref: via, role: 'via' },
          { type: 'way', ref: b.id, role: 'to' },
        ],
        tags: [
          ['type', 'restriction'],
          ['restriction', r() < 0.7 ? 'no_left_turn' : 'only_straight_on'],
        ],
      });
    }
    return town(ways, relations);
  });

const randomPoints = fc.array(
  fc.record({ x: fc.double({ min: -30, max: 430, noNaN: true }), y: fc.double({ min: -30, max: 430, noNaN: true }) }),
  { minLength: 2, maxLength: 12 },
);

describe('roadMatrix equals a plain Dijkstra, cell for cell', () => {
  it('on random towns with oneways, speeds and turn restrictions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(randomTown, randomPoints, async (ex, pts) => {
        if (!ex.ways.length) return;
        const g = await buildRoadGraph(xmlBytes(ex));
        const points = pts.map(({ x, y }) => at(0, 0, x, y));
        const fast = roadMatrix(g, points);
        const slow = roadMatrixDijkstra(g, points);
        expectSameMatrix(fast, slow);
        expect(fast.unreachable).toEqual(slow.unreachable);
        const p = roadPath(g, points[0] as (typeof points)[number], points[1] as (typeof points)[number]);
        expect(p.reachable ? p.durationS : -1).toBe(fast.durationsS[1]);
        expect(p.reachable ? p.distanceM : -1).toBe(fast.distancesM[1]);
      }),
      { numRuns: 60 },
    );
  });

  it('on a generated city (river, ring road, restrictions, hills), 60 random points', async () => {
    const g = await buildRoadGraph(await osmExtractToPbf(generateOsmExtract({ seed: 11, lines: 36 })));
    const r = seededRandom(3);
    const pts = Array.from({ length: 60 }, () => ({
      lng: 120.16 + (r() - 0.5) * 0.05,
      lat: 30.27 + (r() - 0.5) * 0.05,
    }));
    const fast = roadMatrix(g, pts);
    expectSameMatrix(fast, roadMatrixDijkstra(g, pts));
    expect(fast.unreachable.length).toBeLessThan(60 * 59);
    // Road cost is never below the straight line and the matrix is asymmetric somewhere (oneways).
    let asymmetric = 0;
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 60; j++) if (fast.durationsS[i * 60 + j] !== fast.durationsS[j * 60 + i]) asymmetric++;
    expect(asymmetric).toBeGreaterThan(0);
  });
});

describe('roadMatrix: rules of the road', () => {
  let plain: RoadGraph;
  beforeAll(async () => {
    plain = await buildRoadGraph(
      xmlBytes(town([res(1, [nid(0, 0), nid(1, 0), nid(2, 0)]), res(2, [nid(2, 0), nid(2, 1)])])),
    );
  });

  it('measures along the road: 150 m at 20 km/h is 27 s', () => {
    const m = roadMatrix(plain, [at(0, 0, 50, 0), at(2, 0, 0, 0)]);
    expect(m.distancesM[1]).toBeCloseTo(150, 0);
    expect(m.durationsS[1]).toBeCloseTo(27, 0);
    expect(m.source).toBe('road-graph:car');
    expect(m.snapped[0]).toMatchObject({ onNetwork: true, distanceM: expect.closeTo(0, 1) });
  });

  it('one-way streets make the matrix asymmetric; reverse oneway too', async () => {
    // Square 0,0 → 1,0 → 1,1 → 0,1 → 0,0 with the bottom side one-way eastwards.
    const sq = (ow: string) =>
      town([
        res(1, [nid(0, 0), nid(1, 0)], [['oneway', ow]]),
        res(2, [nid(1, 0), nid(1, 1)]),
        res(3, [nid(1, 1), nid(0, 1)]),
        res(4, [nid(0, 1), nid(0, 0)]),
      ]);
    const pts = [at(0, 0, 10, 0), at(1, 0, -10, 0)];
    const east = roadMatrix(await buildRoadGraph(xmlBytes(sq('yes'))), pts);
    expect(east.distancesM[1]).toBeCloseTo(80, 0);
    expect(east.distancesM[2]).toBeCloseTo(320, 0); // around the block
    const west = roadMatrix(await buildRoadGraph(xmlBytes(sq('-1'))), pts);
    expect(west.distancesM[1]).toBeCloseTo(320, 0);
    expect(west.distancesM[2]).toBeCloseTo(80, 0);
    const foot = roadMatrix(await buildRoadGraph(xmlBytes(sq('yes')), { profile: 'foot' }), pts);
    expect(foot.distancesM[2]).toBeCloseTo(80, 0); // walkers ignore oneway
  });

  it('honours a no_left_turn relation for car, not for foot', async () => {
    // West arm a (0,1)→(1,1), north arm b (1,1)→(1,2), and a detour (1,1)→(2,1)→(2,2)→(1,2).
    const ways = [
      res(1, [nid(0, 1), nid(1, 1)]),
      res(2, [nid(1, 1), nid(1, 2)]),
      res(3, [nid(1, 1), nid(2, 1), nid(2, 2), nid(1, 2)]),
    ];
    const rel = {
      id: 50,
      members: [
        { type: 'way' as const, ref: 1, role: 'from' },
        { type: 'node' as const, ref: nid(1, 1), role: 'via' },
        { type: 'way' as const, ref: 2, role: 'to' },
      ],
      tags: [
        ['type', 'restriction'],
        ['restriction', 'no_left_turn'],
      ] as [string, string][],
    };
    const pts = [at(0, 1, 50, 0), at(1, 2, 0, -50)];
    const free = roadMatrix(await buildRoadGraph(xmlBytes(town(ways))), pts);
    const car = await buildRoadGraph(xmlBytes(town(ways, [rel])));
    expect(car.buildStats?.restrictionsApplied).toBe(1);
    const turned = roadMatrix(car, pts);
    expect(free.distancesM[1]).toBeCloseTo(100, 0);
    expect(turned.distancesM[1]).toBeCloseTo(50 + 300 + 50, 0); // the detour around the block
    expect(turned.distancesM[2]).toBeCloseTo(100, 0); // the way back is not restricted
    const except = { ...rel, tags: [...rel.tags, ['except', 'motorcar']] as [string, string][] };
    expect(roadMatrix(await buildRoadGraph(xmlBytes(town(ways, [except]))), pts).distancesM[1]).toBeCloseTo(100, 0);
    const foot = roadMatrix(await buildRoadGraph(xmlBytes(town(ways, [rel])), { profile: 'foot' }), pts);
    expect(foot.distancesM[1]).toBeCloseTo(100, 0);
    const path = roadPath(car, pts[0] as { lng: number; lat: number }, pts[1] as { lng: number; lat: number });
    expect(path.coordinates.length).toBeGreaterThanOrEqual(5);
    expect(path.distanceM).toBe(turned.distancesM[1]);
  });

  it('a point exactly on a junction leaves and reaches it by any road, even if its snapped road is one-way away (regression: pgRouting cross-check)', async () => {
    // The one-way way is listed first so that the junction (1, 1) snaps onto it, at its start.
    const ex = town([
      res(1, [nid(1, 1), nid(2, 1)], [['oneway', 'yes']]),
      res(2, [nid(0, 1), nid(1, 1)]),
      res(3, [nid(1, 1), nid(1, 2)]),
      res(4, [nid(3, 0), nid(2, 1)], [['oneway', '-1']]),
    ]);
    const g = await buildRoadGraph(xmlBytes(ex));
    const pts = [at(1, 1), at(0, 1, 50, 0), at(1, 2, 0, -30), at(2, 1)];
    const m = roadMatrix(g, pts);
    expect(m.distancesM[1]).toBeCloseTo(50, 0);
    expect(m.distancesM[2]).toBeCloseTo(70, 0);
    expect(m.distancesM[4]).toBeCloseTo(50, 0);
    expect(m.distancesM[3 * 4 + 0]).toBe(-1); // (2, 1) has only one-way roads leading away from (1, 1)... and into it
    expectSameMatrix(m, roadMatrixDijkstra(g, pts));
    const p = roadPath(g, at(1, 2, 0, -30), at(1, 1));
    expect(p.distanceM).toBe(m.distancesM[2 * 4 + 0]);
    expect(p.coordinates.at(-1)?.[1]).toBeCloseTo(at(1, 1).lat, 6);
  });

  it('reports a point off the network (beyond maxSnapM) and routes none of its pairs', () => {
    const m = roadMatrix(plain, [at(0, 0), at(2, 0), at(0, 4)], { maxSnapM: 200 });
    expect(m.snapped[2]).toMatchObject({ onNetwork: false, distanceM: expect.closeTo(360.6, 0) }); // to (2, 1)
    expect(m.unreachable).toEqual([
      { from: 0, to: 2 },
      { from: 1, to: 2 },
      { from: 2, to: 0 },
      { from: 2, to: 1 },
    ]);
    expect(m.durationsS[2]).toBe(-1);
    expect(roadPath(plain, at(0, 0), at(0, 4), { maxSnapM: 200 }).reachable).toBe(false);
  });

  it('accepts GCJ-02 points (converted by core)', () => {
    const w = at(1, 0, 10, 0);
    const [lng, lat] = wgs84ToGcj02(w.lng, w.lat);
    expect(gcj02ToWgs84(lng, lat)[0]).toBeCloseTo(w.lng, 5);
    const m = roadMatrix(plain, [at(0, 0), { lng, lat, crs: 'GCJ02' }]);
    expect(m.distancesM[1]).toBeCloseTo(110, 0);
  });

  it('empty and one-point lists are clear results; too many points are refused before computing', () => {
    expect(roadMatrix(plain, [])).toMatchObject({ n: 0, unreachable: [] });
    expect(Array.from(roadMatrix(plain, [at(0, 0)]).durationsS)).toEqual([0]);
    const many = Array.from({ length: MAX_TRAVEL_MATRIX_POINTS + 1 }, () => at(0, 0));
    let error: unknown;
    try {
      roadMatrix(plain, many);
    } catch (e) {
      error = e;
    }
    expect(isBeatplanError(error, 'INVALID_INPUT')).toBe(true);
    expect(() => roadMatrix(plain, [{ lng: 500, lat: 0 }])).toThrow(/^points\[0\]\.lng: longitude must be within/);
  });

  it('one-to-many tables equal the matrix rows; roadCosts answers async and sync alike, and aborts', async () => {
    const pts = [at(0, 0, 20, 0), at(1, 0, 30, 0), at(2, 0, 0, 60)];
    const m = roadMatrix(plain, pts);
    const t = roadTable(plain, [pts[0] as (typeof pts)[number]], pts);
    expect(Array.from(t.durationsS)).toEqual(Array.from(m.durationsS.subarray(0, 3)));
    const costs = roadCosts(plain);
    expect(costs.source).toBe('road-graph:car');
    expectSameMatrix(await costs.matrix(pts), costs.matrixSync(pts));
    const ac = new AbortController();
    ac.abort();
    await expect(costs.matrix(pts, { signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
