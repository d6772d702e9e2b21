import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acquireInstance } from './instance-pool.js';
import { simulateRoute, type TimeData } from './schedule.js';
import { compileTimeWindows, type TimeWindowExports } from './time-window-core.js';
import { endFor, loadDay, timeDataOf, windowInstance } from '../../test/window-instances.js';

/** The Balas–Simonetti DP of the time-window kernel (assembly/time-window-bsdp.ts) against a brute force. */

/** Sets a problem up in the kernel; false when not even the empty route meets endBy. */
function setUp(core: TimeWindowExports, td: TimeData, start: number, end: number | 'any', k: number): boolean {
  core.setBsdpK(k);
  expect(loadDay(core, td)).toBe(1);
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  core.setCostWeight(0);
  return core.setup(start, fixedEnd, end === start ? 1 : 0, td.startAt, td.endBy, 1, 0, 0, 1e-9) === 1;
}

/** Every order of seq's inner places in which place a comes before place b whenever a + k <= b. */
function restrictedOrders(m: number, k: number): number[][] {
  const out: number[][] = [];
  const grow = (prefix: number[], used: Set<number>): void => {
    if (prefix.length === m) {
      out.push([...prefix]);
      return;
    }
    for (let b = 1; b <= m; b++) {
      if (used.has(b)) continue;
      // b may come now only if every place a <= b - k is already placed
      let ok = true;
      for (let a = 1; a <= b - k; a++) if (!used.has(a)) ok = false;
      if (!ok) continue;
      used.add(b);
      prefix.push(b);
      grow(prefix, used);
      prefix.pop();
      used.delete(b);
    }
  };
  grow([], new Set());
  return out;
}

const problem = windowInstance(
  { minN: 3, maxN: 8, maxWindowS: 150, minEndByS: 150, maxEndByS: 900, disjoint: true },
  (n) => fc.record({ k: fc.integer({ min: 2, max: 6 }), shuffle: fc.array(fc.nat(), { minLength: n, maxLength: n }) }),
);

describe('Balas–Simonetti DP neighbourhood (time-window kernel)', () => {
  it('finds the earliest finish over every order in which no stop passes one k or more places ahead (brute force), with and without pruning', () => {
    const instance = acquireInstance<TimeWindowExports>(compileTimeWindows('auto'));
    const core = instance.exports;
    let compared = 0;
    try {
      fc.assert(
        fc.property(problem, (x) => {
          const start = 0;
          const end = endFor(x.endKind, start, x.n - 1);
          const td = timeDataOf(x);
          if (!setUp(core, td, start, end, x.k)) return;
          const closed = end === start;
          const fixedEnd = typeof end === 'number' && end !== start ? end : -1;
          // the sequence: the start, the inner stops in a random order, the fixed end
          const inner = [...Array(x.n).keys()].filter((v) => v !== start && v !== fixedEnd);
          inner.sort((a, b) => (x.shuffle[a] as number) - (x.shuffle[b] as number) || a - b);
          const seq = [start, ...inner, ...(fixedEnd >= 0 ? [fixedEnd] : [])];
          new Int32Array(core.memory.buffer, core.bsdpSequencePtr(), seq.length).set(seq);
          const found = core.bsdpReorder(seq.length, Infinity) === 1;
          let best = Infinity;
          for (const order of restrictedOrders(inner.length, x.k)) {
            const route = [start, ...order.map((p) => seq[p] as number), ...(fixedEnd >= 0 ? [fixedEnd] : [])];
            const sim = simulateRoute(td, route, closed);
            if (sim.feasible) best = Math.min(best, sim.finish);
          }
          expect(found).toBe(best < Infinity);
          if (!found) return;
          compared++;
          expect(core.bsdpFinishTime()).toBe(best);
          // its route is one of the restricted orders and re-simulates to that finish
          const route = Array.from(new Int32Array(core.memory.buffer, core.bsdpResultPtr(), seq.length));
          expect([...route].sort((a, b) => a - b)).toEqual([...seq].sort((a, b) => a - b));
          expect(route[0]).toBe(start);
          const place = new Map(seq.map((v, p) => [v, p]));
          for (let a = 0; a < route.length; a++)
            for (let b = a + 1; b < route.length; b++)
              expect((place.get(route[a] as number) as number) < (place.get(route[b] as number) as number) + x.k).toBe(
                true,
              );
          const sim = simulateRoute(td, route, closed);
          expect(sim.feasible).toBe(true);
          expect(sim.finish).toBe(best);
          // pruning by a lower bound against an incumbent as good as the optimum keeps the optimum
          expect(core.bsdpReorder(seq.length, best + 1e-9)).toBe(1);
          expect(core.bsdpFinishTime()).toBe(best);
        }),
        { numRuns: 300, seed: 41 },
      );
    } finally {
      core.setBsdpK(-1); // the pooled instance goes back with the default k
      instance.release();
    }
    expect(compared).toBeGreaterThan(100);
  });
});
