import { describe, expect, it, vi } from 'vitest';
import { solve, solveSync, TspError } from '@beatplan/tsp';

/** Seeded points on a 10 km square (a deterministic LCG, so the test needs no generator). */
function grid(n: number, seed: number): number[][] {
  let s = seed >>> 0;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 10000;
  const pts = Array.from({ length: n }, () => [r(), r()] as const);
  return pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
}

/** A 60-stop day: travel seconds, 10-20 minute services, two-hour windows across the day. */
function day(n: number) {
  const time = grid(n, 7).map((row) => row.map((m) => Math.round(m / 8)));
  const serviceS = time.map((_, v) => (v === 0 ? 0 : 600 + ((v * 37) % 600)));
  const windows = time.map((_, v) =>
    v === 0
      ? null
      : ([8 * 3600 + ((v * 3571) % (8 * 3600)), 8 * 3600 + ((v * 3571) % (8 * 3600)) + 7200] as [number, number]),
  );
  return { time, options: { serviceS, windows, startAt: 8 * 3600, endBy: 24 * 3600, dropInfeasible: true } };
}

/**
 * Runs `work` on a clock that stands still until `expire()` moves it far past any time limit, so the
 * test, not the machine's load, decides when the time runs out. (With the real clock a loaded machine
 * could spend a 100 ms limit before the warm-start route existed — compiling the module, reading the
 * matrix — and the solve would rightly throw TIME_LIMIT.)
 */
function onStoppedClock<T>(work: (expire: () => void) => T): T {
  vi.useFakeTimers({ toFake: ['performance'] });
  try {
    return work(() => vi.advanceTimersByTime(3_600_000));
  } finally {
    vi.useRealTimers();
  }
}

/** Counts event-loop turns (setImmediate callbacks) while `work` runs; `onTurn(k)` runs at each. */
async function countTurns<T>(
  work: Promise<T>,
  onTurn: (k: number) => void,
): Promise<{ turns: number[]; result: unknown }> {
  let k = 0;
  let done = false;
  const turns: number[] = [];
  const tick = () => {
    if (done) return;
    onTurn(++k);
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work.then(
    (v) => v,
    (e: unknown) => e,
  );
  done = true;
  turns.push(k);
  return { turns, result };
}

describe('anytime rule: timeLimitMs returns the best route known, an abort throws ABORTED', () => {
  it('exact: the time limit returns the warm-start route with exact false instead of throwing', () => {
    const m = grid(23, 1);
    let sawExact = false;
    const r = onStoppedClock((expire) =>
      solveSync(
        { matrix: m },
        {
          method: 'exact',
          timeLimitMs: 100,
          // the time runs out once the DP has begun, i.e. after the warm start's route exists
          onProgress: (p) => {
            if (p.method === 'exact' && !sawExact) {
              sawExact = true;
              expire();
            }
          },
        },
      ),
    );
    expect(sawExact).toBe(true);
    expect(r.timedOut).toBe(true);
    expect(r.exact).toBe(false);
    expect(r.lowerBound).toBeNull();
    expect(r.gap).toBeNull();
    expect([...r.tour].sort((a, b) => a - b)).toEqual([...Array(23).keys()]);
  });

  it('auto: the same, and an exact result carries its bound (gap 0)', () => {
    const timed = onStoppedClock((expire) =>
      solveSync(
        { matrix: grid(23, 2) },
        { exactMaxN: 23, timeLimitMs: 100, onProgress: (p) => p.method === 'exact' && expire() },
      ),
    );
    expect(timed).toMatchObject({ exact: false, timedOut: true, method: 'heuristic' });
    const done = solveSync({ matrix: grid(12, 2) });
    expect(done).toMatchObject({ exact: true, timedOut: false, gap: 0 });
    expect(done.lowerBound).toBe(done.length);
  });

  it('time windows: auto and exact return a route when the time limit ends the DP, never TIME_LIMIT', () => {
    const d = day(15);
    const r = onStoppedClock((expire) =>
      solveSync(
        { matrix: d.time },
        { ...d.options, timeLimitMs: 50, onProgress: (p) => p.method === 'exact' && expire() },
      ),
    );
    expect(r).toMatchObject({ exact: false, timedOut: true });
    expect(r.tour[0]).toBe(0);
    expect(r.tour.length + r.dropped!.length).toBe(15);
    const e = day(20);
    const x = onStoppedClock((expire) =>
      solveSync(
        { matrix: e.time },
        { ...e.options, method: 'exact', timeLimitMs: 100, onProgress: (p) => p.method === 'exact' && expire() },
      ),
    );
    expect(x).toMatchObject({ exact: false, timedOut: true });
    expect(x.tour.length + x.dropped!.length).toBe(20);
  });

  it('maxKicks is a deterministic budget: same seed, same route, with or without a generous time limit', () => {
    const m = grid(120, 3);
    const a = solveSync({ matrix: m }, { method: 'heuristic', seed: 9, maxKicks: 300 });
    const b = solveSync({ matrix: m }, { method: 'heuristic', seed: 9, maxKicks: 300, timeLimitMs: 600_000 });
    expect(b.tour).toEqual(a.tour);
    expect(b.timedOut).toBe(false);
    const d = day(40);
    const w1 = solveSync({ matrix: d.time }, { ...d.options, seed: 4, maxKicks: 50 });
    const w2 = solveSync({ matrix: d.time }, { ...d.options, seed: 4, maxKicks: 50 });
    expect(w2.tour).toEqual(w1.tour);
  });

  it('a 60-stop window solve yields to the event loop and aborts at the first turn after the signal', async () => {
    const d = day(60);
    const controller = new AbortController();
    let abortedAt = -1;
    const { turns, result } = await countTurns(
      solve({ matrix: d.time }, { ...d.options, method: 'heuristic', maxKicks: 1e9, signal: controller.signal }),
      (k) => {
        if (k === 5) {
          controller.abort();
          abortedAt = k;
        }
      },
    );
    expect(result).toBeInstanceOf(TspError);
    expect(result).toMatchObject({ code: 'ABORTED' });
    expect(abortedAt).toBe(5); // the event loop turned while the solve ran
    expect(turns[0]! - abortedAt).toBeLessThanOrEqual(2);
  });

  it('aborts while it still computes the distances of many points, within a turn or two', async () => {
    const points = Array.from({ length: 2500 }, (_, i) => ({ lng: 120 + (i % 50) / 100, lat: 30 + i / 5000 }));
    const controller = new AbortController();
    const { turns, result } = await countTurns(
      solve({ points }, { method: 'heuristic', signal: controller.signal }),
      (k) => k === 3 && controller.abort(),
    );
    expect(result).toMatchObject({ code: 'ABORTED' });
    expect(turns[0]! - 3).toBeLessThanOrEqual(2);
  });

  it('throws TIME_LIMIT only when time runs out before any route exists', () => {
    const points = Array.from({ length: 2500 }, (_, i) => ({ lng: 120 + (i % 50) / 100, lat: 30 + i / 5000 }));
    expect(() => solveSync({ points }, { timeLimitMs: 1 })).toThrow(
      expect.objectContaining({ code: 'TIME_LIMIT', path: ['options', 'timeLimitMs'] }) as Error,
    );
  });
});
