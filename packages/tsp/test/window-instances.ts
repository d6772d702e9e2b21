// Small random time-window instances for the time-window kernel's property tests
// (src/internal/time-windows.test.ts, time-window-bsdp.test.ts, time-window-population.test.ts): one
// arbitrary, so the tests draw their days the same way, and one way to load a day into the kernel.
import fc from 'fast-check';
import type { TimeData } from '../src/internal/schedule.js';
import type { TimeWindowExports } from '../src/internal/time-window-core.js';

/** The ranges an instance is drawn from. */
export interface WindowInstanceRanges {
  /** Stops, the start included. */
  minN: number;
  maxN: number;
  /** The longest window, in seconds (windows open between 0 and 300 s). */
  maxWindowS: number;
  /** endBy is drawn from minEndByS..maxEndByS. */
  minEndByS: number;
  maxEndByS: number;
  /** Whether a stop's two windows must not touch (the kernel's callers guarantee it; the kernel takes either). */
  disjoint: boolean;
}

/** One drawn instance (see windowInstance). */
export interface WindowInstance {
  n: number;
  time: number[];
  service: number[];
  windows: ([number, number][] | null)[];
  endBy: number;
  endKind: 'closed' | 'any' | 'node';
}

/**
 * An instance: n stops, travel times 1–60 s, services 0–30 s, none, one or two windows per stop (sorted by
 * opening), endBy and the kind of end ('closed', 'any' or 'node'), with the fields `extra(n)` draws.
 */
export function windowInstance<E>(
  r: WindowInstanceRanges,
  extra: (n: number) => fc.Arbitrary<E>,
): fc.Arbitrary<WindowInstance & E> {
  const windows = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: r.maxWindowS })), {
      minLength: 1,
      maxLength: 2,
    })
    .map((ws) => ws.map(([o, len]) => [o, o + len] as [number, number]).sort((a, b) => a[0] - b[0]))
    .filter((ws) => !r.disjoint || ws.every((w, i) => i === 0 || w[0] > (ws[i - 1] as [number, number])[1]));
  return fc.integer({ min: r.minN, max: r.maxN }).chain((n) =>
    fc
      .tuple(
        fc.record({
          n: fc.constant(n),
          time: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n * n, maxLength: n * n }),
          service: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
          windows: fc.array(fc.option(windows, { freq: 2 }), { minLength: n, maxLength: n }),
          endBy: fc.integer({ min: r.minEndByS, max: r.maxEndByS }),
          endKind: fc.constantFrom<'closed' | 'any' | 'node'>('closed', 'any', 'node'),
        }),
        extra(n),
      )
      .map(([base, more]) => ({ ...base, ...more })),
  );
}

/** The kernel's TimeData of a drawn instance (the day starts at 0 s). */
export function timeDataOf(x: WindowInstance): TimeData {
  return {
    n: x.n,
    time: Float64Array.from(x.time),
    serviceS: Float64Array.from(x.service),
    windows: x.windows,
    startAt: 0,
    endBy: x.endBy,
  };
}

/**
 * Lays out the kernel's memory for td (K = min(6, n - 1) neighbours) and fills its times, costs (the times),
 * services and windows. Returns prepare()'s answer: 1, or 0 when memory cannot grow.
 */
export function loadDay(core: TimeWindowExports, td: TimeData): number {
  const { n } = td;
  let windowCount = 0;
  for (const w of td.windows) windowCount += w?.length ?? 0;
  if (core.prepare(n, windowCount, Math.min(6, n - 1)) !== 1) return 0;
  const mem = core.memory.buffer;
  new Float64Array(mem, core.timePtr(), n * n).set(td.time);
  new Float64Array(mem, core.costPtr(), n * n).set(td.time);
  new Float64Array(mem, core.servicePtr(), n).set(td.serviceS);
  const offsets = new Int32Array(mem, core.windowOffsetPtr(), n + 1);
  const flat = new Float64Array(mem, core.windowPtr(), 2 * windowCount);
  let at = 0;
  td.windows.forEach((w, v) => {
    offsets[v] = at;
    for (const [open, close] of w ?? []) {
      flat[2 * at] = open;
      flat[2 * at + 1] = close;
      at++;
    }
  });
  offsets[n] = at;
  return 1;
}

/** The route's end for an instance's end kind: the start (closed), 'any', or `endNode`. */
export function endFor(kind: WindowInstance['endKind'], start: number, endNode: number): number | 'any' {
  return kind === 'closed' ? start : kind === 'any' ? 'any' : endNode;
}

/**
 * Sets a problem up in the kernel for the tests of its parts: the day loaded (loadDay), the DP polish and the
 * population off, every stop to route in earliest-deadline order, the finish alone as the objective. Returns false
 * when not even the empty route meets endBy.
 */
export function setUpDay(
  core: TimeWindowExports,
  td: TimeData,
  start: number,
  end: number | 'any',
  seed: number,
  kicks: number,
): boolean {
  const { n } = td;
  core.setBsdpK(-1);
  core.setPopulationShare(-1);
  if (loadDay(core, td) !== 1) throw new Error('setUpDay: the kernel could not lay out its memory');
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  const deadline = (v: number) => td.windows[v]?.at(-1)?.[1] ?? Number.POSITIVE_INFINITY;
  const order = [...Array(n).keys()]
    .filter((v) => v !== start && v !== fixedEnd)
    .sort((a, b) => deadline(a) - deadline(b) || a - b);
  new Int32Array(core.memory.buffer, core.orderPtrOf(), order.length).set(order);
  core.setCostWeight(0);
  return (
    core.setup(start, fixedEnd, end === start ? 1 : 0, td.startAt, td.endBy, seed, order.length, kicks, 1e-9) === 1
  );
}
