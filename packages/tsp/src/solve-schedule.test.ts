import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveSync, TspError } from '@beatplan/tsp';

/** A plain re-simulation of a schedule, independent of the solver's own code. */
function resimulate(
  time: number[][],
  service: number[],
  windows: ([number, number] | null)[],
  tour: number[],
  startAt: number,
  closed: boolean,
): { starts: number[]; finish: number; ok: boolean } {
  let t = startAt;
  let ok = true;
  const starts = [startAt];
  for (let k = 1; k < tour.length; k++) {
    const v = tour[k]!;
    let s = t + time[tour[k - 1]!]![v]!;
    const w = windows[v];
    if (w) {
      if (s < w[0]) s = w[0];
      if (s > w[1]) ok = false;
    }
    starts.push(s);
    t = s + service[v]!;
  }
  const finish = closed ? t + time[tour[tour.length - 1]!]![tour[0]!]! : t;
  return { starts, finish, ok };
}

const day = () =>
  fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc.record({
      time: fc.array(fc.array(fc.integer({ min: 60, max: 1800 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
      service: fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: n, maxLength: n }),
      windows: fc.array(
        fc.option(
          fc
            .tuple(fc.integer({ min: 0, max: 6 * 3600 }), fc.integer({ min: 1800, max: 4 * 3600 }))
            .map(([o, len]) => [32400 + o, 32400 + o + len] as [number, number]),
          { freq: 3 },
        ),
        { minLength: n, maxLength: n },
      ),
    }),
  );

describe('solve with service times and time windows', () => {
  it('gives a schedule that a plain re-simulation confirms; exact and heuristic agree on small instances', () => {
    let compared = 0;
    let agreed = 0;
    fc.assert(
      fc.property(day(), ({ time, service, windows }) => {
        const n = time.length;
        const w = windows.map((x, v) => (v === 0 ? null : x));
        const base = {
          serviceS: service.map((s, v) => (v === 0 ? 0 : s)),
          windows: w,
          startAt: 32400,
          endBy: 32400 + 12 * 3600,
          dropInfeasible: true,
        } as const;
        const exact = solveSync({ matrix: time }, { ...base, method: 'exact' });
        const heur = solveSync({ matrix: time }, { ...base, method: 'heuristic', maxKicks: 200 });
        for (const r of [exact, heur]) {
          expect(r.schedule).toBeDefined();
          expect([...r.tour, ...r.dropped!.map((d) => d.node)].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
          const sim = resimulate(time, base.serviceS, w, r.tour, 32400, true);
          expect(sim.ok).toBe(true);
          expect(r.schedule!.finish).toBe(sim.finish);
          expect(r.schedule!.stops.slice(0, r.tour.length).map((s) => s.start)).toEqual(sim.starts);
          expect(r.schedule!.finish).toBeLessThanOrEqual(base.endBy);
        }
        if (exact.dropped!.length === 0) {
          expect(heur.dropped!.length === 0 ? heur.schedule!.finish : Infinity).toBeGreaterThanOrEqual(
            exact.schedule!.finish,
          );
          compared++;
          if (heur.dropped!.length === 0 && heur.schedule!.finish === exact.schedule!.finish) agreed++;
        }
      }),
      { numRuns: 60, seed: 31 },
    );
    expect(agreed / compared).toBeGreaterThanOrEqual(0.9);
  });

  it('names the stops that cannot be served, or drops them when asked', () => {
    const matrix = [
      [0, 600, 600, 600],
      [600, 0, 600, 600],
      [600, 600, 0, 600],
      [600, 600, 600, 0],
    ];
    // stop 3 opens only after the day must end
    const options = {
      serviceS: 300,
      windows: [null, [0, 10_000], [0, 10_000], [20_000, 21_000]] as ([number, number] | null)[],
      startAt: 0,
      endBy: 15_000,
    };
    const error = (() => {
      try {
        solveSync({ matrix }, options);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TspError);
    expect(error).toMatchObject({ code: 'INFEASIBLE', path: ['options', 'windows', 3] });
    const partial = solveSync({ matrix }, { ...options, dropInfeasible: true });
    expect(partial.dropped).toEqual([
      {
        node: 3,
        reason: 'no order serves it with the other stops within the time windows and endBy',
        reasonData: { key: 'tsp.unserved', because: 'proven' },
      },
    ]);
    expect(partial.tour).toHaveLength(3);
    expect(partial.schedule!.finish).toBeLessThanOrEqual(15_000);
  });

  it('waits for a window and reports arrival, wait, start and departure', () => {
    const r = solveSync(
      {
        matrix: [
          [0, 100],
          [100, 0],
        ],
      },
      { serviceS: [0, 50], windows: [null, [500, 900]], startAt: 0, endBy: 2000 },
    );
    expect(r.exact).toBe(true);
    expect(r.schedule!.stops[1]).toEqual({ node: 1, arrival: 100, wait: 400, start: 500, departure: 550 });
    expect(r.schedule).toMatchObject({ finish: 650, durationS: 650, waitS: 400, serviceS: 50, travelS: 200 });
    expect(r.length).toBe(200);
  });

  it('uses a separate travel-time matrix and open paths', () => {
    const cost = [
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    const timeMatrix = [
      [0, 100, 10],
      [10, 0, 100],
      [100, 10, 0],
    ];
    const r = solveSync({ matrix: cost }, { timeMatrix, end: 'any', startAt: 0 });
    expect(r.tour).toEqual([0, 2, 1]);
    expect(r.schedule!.finish).toBe(20);
  });

  it('travelWeight trades waiting for driving: the least finish + w x travel seconds', () => {
    // node 1 opens at 100; going there first drives 60 s and finishes at 150, the other order 100 s and 100
    const time = [
      [0, 10, 50],
      [10, 0, 50],
      [50, 50, 0],
    ];
    const opts = { end: 'any' as const, startAt: 0, windows: [null, [100, 200] as [number, number], null] };
    const fastest = solveSync({ matrix: time }, opts);
    expect(fastest.tour).toEqual([0, 2, 1]);
    expect(solveSync({ matrix: time }, { ...opts, travelWeight: 0 }).tour).toEqual(fastest.tour);
    const weighted = solveSync({ matrix: time }, { ...opts, travelWeight: 3 });
    expect(weighted.tour).toEqual([0, 1, 2]);
    expect(weighted.schedule).toMatchObject({ finish: 150, travelS: 60 });
    expect(weighted).toMatchObject({ exact: false, method: 'heuristic', length: 60 });
    expect(() => solveSync({ matrix: time }, { ...opts, method: 'exact', travelWeight: 1 })).toThrow(
      /options.travelWeight/,
    );
    expect(() => solveSync({ matrix: time }, { ...opts, travelWeight: -1 })).toThrow(/options.travelWeight/);
  });

  it('travelWeight: same seed and maxKicks, same route, with auto and heuristic alike', () => {
    const n = 30;
    let s = 5;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 10000;
    const pts = Array.from({ length: n }, () => [r(), r()] as const);
    const time = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]) / 8)));
    const windows = pts.map((_, v) => (v % 3 ? null : ([32400 + v * 600, 32400 + v * 600 + 5400] as [number, number])));
    const opts = { startAt: 30600, serviceS: 600, windows, dropInfeasible: true, travelWeight: 1, maxKicks: 60 };
    for (const method of ['auto', 'heuristic'] as const) {
      const a = solveSync({ matrix: time }, { ...opts, method, seed: 3 });
      const b = solveSync({ matrix: time }, { ...opts, method, seed: 3 });
      expect(b.tour).toEqual(a.tour);
      expect(a.method).toBe('heuristic');
    }
  });

  it('rejects malformed time options with the field named', () => {
    expect(() =>
      solveSync(
        {
          matrix: [
            [0, 1],
            [1, 0],
          ],
        },
        { serviceS: [1, 2, 3] },
      ),
    ).toThrow(/options.serviceS/);
    expect(() =>
      solveSync(
        {
          matrix: [
            [0, 1],
            [1, 0],
          ],
        },
        { windows: [null, [5, 1]] },
      ),
    ).toThrow(/options.windows/);
    expect(() =>
      solveSync(
        {
          matrix: [
            [0, 1],
            [1, 0],
          ],
        },
        { timeMatrix: [[0, 1]] },
      ),
    ).toThrow(/options.timeMatrix/);
    expect(() => solveSync({ matrix: new Int32Array(22 * 22), n: 22 }, { method: 'exact', serviceS: 1 })).toThrow(
      TspError,
    );
  });

  it('keeps the plain result unchanged when no time option is given', () => {
    const r = solveSync({
      matrix: [
        [0, 2, 9],
        [1, 0, 6],
        [15, 7, 0],
      ],
    });
    expect(r.schedule).toBeUndefined();
    expect(r.dropped).toBeUndefined();
  });
});
