import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acquireInstance } from './instance-pool.js';
import { simulateRoute } from './schedule.js';
import { compileTimeWindows, type TimeWindowExports } from './time-window-core.js';
import { endFor, setUpDay, timeDataOf, windowInstance } from '../../test/window-instances.js';

/**
 * The lanes of the time-window kernel (assembly/time-windows.ts): a budget of m lanes gives the best route of m runs
 * with the seeds seed + k x LANE_SEED_STEP (k = 0..m-1), each with the lane's kicks.
 */

const LANE_SEED_STEP = 0x6a09e667;

const problem = windowInstance(
  { minN: 12, maxN: 30, maxWindowS: 120, minEndByS: 300, maxEndByS: 1200, disjoint: false },
  () => fc.record({ seed: fc.nat(), lanes: fc.integer({ min: 2, max: 4 }) }),
);

interface Outcome {
  route: number[];
  dropped: number[];
  finish: number;
  cost: number;
  kicks: number;
}

/** Sets the day up with `kicks`, runs it to the end and reads the best route. */
function run(
  core: TimeWindowExports,
  x: Parameters<typeof timeDataOf>[0],
  seed: number,
  kicks: number,
): Outcome | null {
  const start = 0;
  const end = endFor(x.endKind, start, x.n - 1);
  if (!setUpDay(core, timeDataOf(x), start, end, seed, kicks)) return null;
  while (core.step(1000) === 0);
  const mem = core.memory.buffer;
  return {
    route: [...new Int32Array(mem, core.bestRoutePtr(), core.bestRouteLength())],
    dropped: [...new Int32Array(mem, core.bestDroppedPtr(), core.bestDroppedCount())],
    finish: core.bestFinishTime(),
    cost: core.bestRouteCost(),
    kicks: core.kickCount(),
  };
}

describe('lanes of the time-window kernel', () => {
  it('give the best route of runs with one seed per lane (the first of equals), feasible, after the whole budget', () => {
    const instance = acquireInstance<TimeWindowExports>(compileTimeWindows('auto'));
    const core = instance.exports;
    let differ = 0;
    try {
      fc.assert(
        fc.property(problem, (x) => {
          // below 100 kicks per lane the kernel takes 100 (n <= 30: one kick per stop is under it)
          const laneKicks = 100;
          core.setLaneKicks(1);
          const all = run(core, x, x.seed, x.lanes * laneKicks);
          if (all === null) return;
          core.setLaneKicks(0);
          let best: Outcome | null = null;
          const finishes = new Set<number>();
          for (let k = 0; k < x.lanes; k++) {
            const one = run(core, x, (x.seed + k * LANE_SEED_STEP) >>> 0, laneKicks) as Outcome;
            finishes.add(one.finish);
            // the kernel's order: fewer dropped, then an earlier finish, then a cheaper route (setUpDay's eps 1e-9)
            const better =
              best === null ||
              one.dropped.length < best.dropped.length ||
              (one.dropped.length === best.dropped.length &&
                (one.finish < best.finish - 1e-9 ||
                  (Math.abs(one.finish - best.finish) <= 1e-9 && one.cost < best.cost - 1e-9)));
            if (better) best = one;
          }
          if (finishes.size > 1) differ++;
          expect(all.kicks).toBe(x.lanes * laneKicks);
          expect(all.route).toEqual(best?.route);
          expect(all.dropped).toEqual(best?.dropped);
          expect(all.finish).toBe(best?.finish);
          expect(simulateRoute(timeDataOf(x), all.route, x.endKind === 'closed').feasible).toBe(true);
        }),
        { numRuns: 100, seed: 13, endOnFailure: true },
      );
    } finally {
      core.setLaneKicks(-1);
      instance.release();
    }
    // the lanes are not all alike: on some days their routes differ
    expect(differ).toBeGreaterThan(5);
  });
});
