import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acquireInstance } from './instance-pool.js';
import { simulateRoute } from './schedule.js';
import { compileTimeWindows, type TimeWindowExports } from './time-window-core.js';
import { endFor, setUpDay, timeDataOf, windowInstance } from '../../test/window-instances.js';

/** The ejection chains of the time-window kernel (assembly/time-window-eject.ts: ejectInsert). */

/** The working route and its dropped stops. */
function work(core: TimeWindowExports): { route: number[]; dropped: number[]; finish: number } {
  const mem = core.memory.buffer;
  return {
    route: [...new Int32Array(mem, core.workRoutePtr(), core.workRouteLength())],
    dropped: [...new Int32Array(mem, core.workDroppedPtr(), core.workDroppedCount())],
    finish: core.workFinishTime(),
  };
}

const problem = windowInstance(
  { minN: 4, maxN: 14, maxWindowS: 150, minEndByS: 150, maxEndByS: 700, disjoint: false },
  () => fc.record({ seed: fc.nat(), depth: fc.integer({ min: 1, max: 4 }) }),
);

describe('ejection chains of the time-window kernel', () => {
  it('leave the route unchanged, or serve one stop more, or as many with a finish no later; every stop served or dropped once, every window and endBy kept', () => {
    const instance = acquireInstance<TimeWindowExports>(compileTimeWindows('auto'));
    const core = instance.exports;
    let kept = 0;
    let oneMore = 0;
    try {
      fc.assert(
        fc.property(problem, (x) => {
          const start = 0;
          const end = endFor(x.endKind, start, x.n - 1);
          const td = timeDataOf(x);
          core.setChainDepth(x.depth);
          if (!setUpDay(core, td, start, end, x.seed, 10 * x.n)) return;
          while (core.step(1000) === 0);
          const closed = end === start;
          // a child of two elite routes has not been through the descent: its dropped stops are the chains' work
          if (core.crossoverOnce() === 0) return;
          for (let call = 0; call < 6; call++) {
            const before = work(core);
            const took = core.ejectOnce();
            const after = work(core);
            if (took === 0) {
              expect(after).toEqual(before);
              return;
            }
            kept++;
            if (after.dropped.length < before.dropped.length) {
              expect(after.dropped.length).toBe(before.dropped.length - 1);
              oneMore++;
            } else {
              expect(after.dropped.length).toBe(before.dropped.length);
              expect(after.finish).toBeLessThanOrEqual(before.finish + 1e-9);
            }
            expect(after.route[0]).toBe(start);
            if (typeof end === 'number' && end !== start) expect(after.route.at(-1)).toBe(end);
            expect([...after.route, ...after.dropped].sort((a, b) => a - b)).toEqual([...Array(td.n).keys()]);
            const sim = simulateRoute(td, after.route, closed);
            expect(sim.feasible).toBe(true);
            expect(Math.abs(sim.finish - after.finish)).toBeLessThanOrEqual(1e-6);
          }
        }),
        { numRuns: 300, seed: 13 },
      );
    } finally {
      core.setChainDepth(-1); // the pooled instance goes back with the default depth
      instance.release();
    }
    expect(kept).toBeGreaterThan(30);
    expect(oneMore).toBeGreaterThan(5);
  });
});
