import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acquireInstance } from './instance-pool.js';
import { simulateRoute } from './schedule.js';
import { compileTimeWindows, type TimeWindowExports } from './time-window-core.js';
import { endFor, setUpDay, timeDataOf, windowInstance } from '../../test/window-instances.js';

/** The population of the time-window kernel (assembly/time-window-population.ts): its order crossover. */

const problem = windowInstance(
  { minN: 3, maxN: 14, maxWindowS: 150, minEndByS: 150, maxEndByS: 900, disjoint: false },
  () => fc.record({ seed: fc.nat(), children: fc.integer({ min: 1, max: 4 }) }),
);

describe('order crossover of two elite routes (time-window kernel)', () => {
  it('makes a child that serves or drops every stop once, starts at the start, ends at a fixed end, and keeps every window and endBy', () => {
    const instance = acquireInstance<TimeWindowExports>(compileTimeWindows('auto'));
    const core = instance.exports;
    let children = 0;
    try {
      fc.assert(
        fc.property(problem, (x) => {
          const start = 0;
          const end = endFor(x.endKind, start, x.n - 1);
          const td = timeDataOf(x);
          if (!setUpDay(core, td, start, end, x.seed, 20 * x.n)) return;
          while (core.step(1000) === 0);
          const closed = end === start;
          for (let c = 0; c < x.children; c++) {
            if (core.crossoverOnce() === 0) {
              expect(core.populationSize()).toBeLessThan(2);
              return;
            }
            children++;
            const mem = core.memory.buffer;
            const route = [...new Int32Array(mem, core.workRoutePtr(), core.workRouteLength())];
            const dropped = [...new Int32Array(mem, core.workDroppedPtr(), core.workDroppedCount())];
            expect(route[0]).toBe(start);
            if (typeof end === 'number' && end !== start) expect(route.at(-1)).toBe(end);
            expect([...route, ...dropped].sort((a, b) => a - b)).toEqual([...Array(td.n).keys()]);
            expect(simulateRoute(td, route, closed).feasible).toBe(true);
          }
        }),
        { numRuns: 300, seed: 11 },
      );
    } finally {
      instance.release();
    }
    expect(children).toBeGreaterThan(100);
  });
});

describe('kicks of the time-window kernel, step by step', () => {
  it('never lets the best route get worse, and keeps it feasible, where ruins often lose stops (a ruin that loses two is not searched)', () => {
    const instance = acquireInstance<TimeWindowExports>(compileTimeWindows('auto'));
    const core = instance.exports;
    let overFull = 0;
    try {
      fc.assert(
        fc.property(problem, (x) => {
          const start = 0;
          const end = endFor(x.endKind, start, x.n - 1);
          const td = timeDataOf(x);
          if (!setUpDay(core, td, start, end, x.seed, 30 * x.n)) return;
          const closed = end === start;
          let dropped = Infinity;
          let finish = Infinity;
          for (let done = 0; done === 0; ) {
            done = core.step(1);
            if (core.hasRoute() === 0) continue;
            const mem = core.memory.buffer;
            const route = [...new Int32Array(mem, core.bestRoutePtr(), core.bestRouteLength())];
            const out = [...new Int32Array(mem, core.bestDroppedPtr(), core.bestDroppedCount())];
            const f = core.bestFinishTime();
            // fewer dropped, or as many and no later
            expect(out.length < dropped || (out.length === dropped && f <= finish + 1e-9)).toBe(true);
            dropped = out.length;
            finish = f;
            expect([...route, ...out].sort((a, b) => a - b)).toEqual([...Array(td.n).keys()]);
            expect(simulateRoute(td, route, closed).feasible).toBe(true);
          }
          expect(core.kickCount()).toBe(30 * x.n);
          if (dropped > 0) overFull++;
        }),
        { numRuns: 100, seed: 12 },
      );
    } finally {
      instance.release();
    }
    expect(overFull).toBeGreaterThan(20);
  });
});
