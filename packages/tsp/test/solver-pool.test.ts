// The worker-thread pool of `@beatplan/tsp/pool` (issue 11 item 5), on the built worker file (vitest
// resolves `@beatplan/tsp/pool` to dist/, see vitest.config.ts): the same routes as `solve` whatever
// the number of workers, solver errors passed on with their code and issues, abort, progress, and a
// worker that runs out of memory or crashes failing its route with a typed error.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@beatplan/core';
import { solve, type TspError, type SolveInput, type SolveOptions } from '@beatplan/tsp';
import { createSolverPool, defaultPoolWorkers, type SolverPool } from '@beatplan/tsp/pool';
import { createSolverPoolOn } from '../src/internal/pool/solver-pool.js';

/** A seeded day with opening windows: n - 1 stops around a base, travel seconds = metres / 5. */
function windowDay(seed: number, n: number): { input: SolveInput; options: SolveOptions } {
  const random = seededRandom(seed);
  const pts = Array.from({ length: n }, () => [random() * 8000, random() * 8000] as const);
  const matrix = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  const windows = pts.map((_, i): [number, number] | null => {
    if (i === 0 || random() < 0.5) return null;
    const open = 32_400 + Math.floor(random() * 6) * 3600;
    return [open, open + 7200];
  });
  return {
    input: { matrix },
    options: {
      timeMatrix: matrix.map((row) => row.map((m) => Math.ceil(m / 5))),
      serviceS: pts.map((_, i) => (i === 0 ? 0 : 600)),
      windows,
      startAt: 30_600,
      endBy: 64_800,
      dropInfeasible: true,
      seed,
      maxKicks: 60,
    },
  };
}

const pools: SolverPool[] = [];
const pool = (workers: number, more: Parameters<typeof createSolverPool>[0] = {}) => {
  const p = createSolverPool({ workers, ...more });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('createSolverPool', () => {
  it('routes every day as solve does, with 1, 2 and 3 workers (same seed and kick budget, same route)', async () => {
    const days = Array.from({ length: 12 }, (_, k) => windowDay(100 + k, 8 + 3 * k));
    const inThread = await Promise.all(days.map((d) => solve(d.input, d.options)));
    const shape = (r: Awaited<ReturnType<typeof solve>>) => ({
      tour: r.tour,
      length: r.length,
      schedule: r.schedule,
      dropped: r.dropped,
      exact: r.exact,
    });
    for (const workers of [1, 2, 3]) {
      const p = pool(workers);
      expect(p.workers).toBe(workers);
      const routed = await Promise.all(days.map((d) => p.solve(d.input, d.options)));
      expect(routed.map(shape)).toEqual(inThread.map(shape));
    }
  });

  it('equals solve on random matrices (fast-check, plain tours and open paths)', async () => {
    const p = pool(2);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 40 }).chain((n) =>
          fc.record({
            matrix: fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            seed: fc.integer({ min: 1, max: 1000 }),
            open: fc.boolean(),
          }),
        ),
        async ({ matrix, seed, open }) => {
          const options: SolveOptions = { seed, maxKicks: 50, ...(open ? { end: 'any' } : {}) };
          const [a, b] = await Promise.all([p.solve({ matrix }, options), solve({ matrix }, options)]);
          expect([a.tour, a.length, a.exact]).toEqual([b.tour, b.length, b.exact]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("passes the solver's errors on as TspError with their code and issues", async () => {
    const p = pool(1);
    const e = await p.solve({ matrix: [[0, 1], [1]] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as TspError).name).toBe('TspError');
    expect((e as TspError).code).toBe('INVALID_INPUT');
    expect((e as TspError).path).toEqual(['matrix', 1]);
    const bad = await p.solve({ matrix: [[0]] }, { seed: 1.5 }).catch((x: unknown) => x);
    expect((bad as TspError).code).toBe('INVALID_INPUT');
    expect((bad as TspError).path).toEqual(['options', 'seed']);
    const cb = await p.solve({ matrix: [[0]] }, { onProgress: 3 as never }).catch((x: unknown) => x);
    expect((cb as TspError).path).toEqual(['options', 'onProgress']);
  });

  it('reports progress in the calling thread', async () => {
    const p = pool(1);
    const seen: number[] = [];
    const d = windowDay(7, 40);
    const r = await p.solve(d.input, { ...d.options, maxKicks: 400, onProgress: (x) => seen.push(x.elapsedMs) });
    expect(seen.length).toBeGreaterThan(0);
    expect(r.tour.length + (r.dropped?.length ?? 0)).toBe(40);
  });

  it('aborts a running and a queued route with ABORTED, and keeps working afterwards', async () => {
    const p = pool(1);
    const random = seededRandom(5);
    const points = Array.from({ length: 1500 }, () => ({ lng: 120 + random() * 0.3, lat: 30 + random() * 0.3 }));
    const controller = new AbortController();
    const running = p.solve({ points }, { timeLimitMs: 60_000, signal: controller.signal });
    const queued = p.solve({ points }, { timeLimitMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    for (const e of await Promise.all([running.catch((x: unknown) => x), queued.catch((x: unknown) => x)]))
      expect((e as TspError).code).toBe('ABORTED');
    const already = await p.solve({ points }, { signal: AbortSignal.abort() }).catch((x: unknown) => x);
    expect((already as TspError).code).toBe('ABORTED');
    expect(
      (
        await p.solve({
          matrix: [
            [0, 2, 9],
            [1, 0, 6],
            [15, 7, 0],
          ],
        })
      ).length,
    ).toBe(17);
  });

  it('fails a route whose worker runs out of memory with TOO_LARGE, then solves the next one', async () => {
    const p = pool(1, { resourceLimits: { maxOldGenerationSizeMb: 16 } });
    // 3000 rows of 3000 numbers: 72 MB of JavaScript arrays in the worker's heap
    const matrix = Array.from({ length: 3000 }, (_, i) =>
      Array.from({ length: 3000 }, (_, j) => ((i * 7 + j) % 97) + 1),
    );
    const e = await p.solve({ matrix }, { maxKicks: 1 }).catch((x: unknown) => x);
    expect((e as TspError).code).toBe('TOO_LARGE');
    expect((e as TspError).path).toEqual(['pool', 'resourceLimits']);
    expect(
      (
        await p.solve({
          matrix: [
            [0, 2, 9],
            [1, 0, 6],
            [15, 7, 0],
          ],
        })
      ).length,
    ).toBe(17);
  });

  it('fails a route whose worker crashes with INTERNAL', async () => {
    const crashing = fileURLToPath(new URL('./fixtures/crashing-worker.mjs', import.meta.url));
    const p = createSolverPoolOn(crashing, { workers: 1 });
    pools.push(p);
    const e = await p
      .solve({
        matrix: [
          [0, 1],
          [1, 0],
        ],
      })
      .catch((x: unknown) => x);
    expect((e as TspError).code).toBe('INTERNAL');
    expect((e as TspError).message).toMatch(/a solver worker failed: .*exited with code: 3/);
  });

  it('refuses bad options and a closed pool; closing rejects the routes still waiting with ABORTED', async () => {
    expect(() => createSolverPool({ workers: 0 })).toThrow(/options.workers: workers must be at least 1/);
    expect(() => createSolverPool({ threads: 2 } as never)).toThrow(/options.threads: unknown field/);
    expect(defaultPoolWorkers()).toBeGreaterThanOrEqual(1);
    const p = createSolverPool({ workers: 1 });
    const random = seededRandom(9);
    const points = Array.from({ length: 1500 }, () => ({ lng: 120 + random() * 0.3, lat: 30 + random() * 0.3 }));
    const waiting = [1, 2].map(() => p.solve({ points }, { timeLimitMs: 60_000 }).catch((x: unknown) => x));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await p.close();
    for (const e of await Promise.all(waiting)) expect((e as TspError).code).toBe('ABORTED');
    const e = await p.solve({ matrix: [[0]] }).catch((x: unknown) => x);
    expect((e as TspError).message).toBe('pool: the pool is closed');
  });

  it('runs task modules in its worker threads (runTask), with typed errors for what fails in a thread', async () => {
    const file = new URL('./fixtures/test-task.mjs', import.meta.url).href;
    const p = pool(2, { resourceLimits: { maxOldGenerationSizeMb: 16 } });
    const answers = await Promise.all(
      [1, 2, 3, 4].map((k) => p.runTask<{ echo: unknown; threadId: number }>(file, { echo: { k }, waitMs: 50 })),
    );
    expect(answers.map((a) => a.echo)).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }, { k: 4 }]);
    expect(answers.every((a) => a.threadId > 0)).toBe(true);
    const codeOf = async (task: unknown, options = {}) =>
      ((await p.runTask(file, task, options).catch((x: unknown) => x)) as TspError).code;
    expect(await codeOf({ exit: 3 })).toBe('INTERNAL');
    expect(await codeOf({ throw: 'task failed' })).toBe('INTERNAL');
    expect(await codeOf({ fillHeap: true })).toBe('TOO_LARGE');
    expect(await codeOf({ echo: () => 1 })).toBe('INVALID_INPUT');
    expect(await codeOf({ waitMs: 60_000 }, { signal: AbortSignal.timeout(100) })).toBe('ABORTED');
    expect(await codeOf({ echo: 1 }, { signal: AbortSignal.abort() })).toBe('ABORTED');
    // the workers that failed were replaced
    expect((await p.runTask<{ echo: number }>(file, { echo: 5 })).echo).toBe(5);
    await p.close();
    expect(await codeOf({ echo: 1 })).toBe('INVALID_INPUT');
  });
});
