// Drives the time-window WebAssembly core (assembly/time-windows.ts): writes the travel times,
// costs, services and windows into its memory in chunks of rows, then runs its units of work
// (insertion, local-search passes, kicks) in chunks of a few milliseconds. Between chunks it yields
// and asks the clock: an abort throws ABORTED; a time limit ends the search with the best route
// once the first one is complete.
import { tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';
import { acquireInstance } from './instance-pool.js';
import { rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';
import type { TimeWindowOutcome, TimeWindowProblem } from './time-window-dp.js';
import type { TimeWindowExports } from './time-window-core.js';

export interface TimeWindowSearchControl {
  seed: number;
  /** Kicks after the first local optimum (Infinity: until the time limit). */
  maxKicks: number;
  /**
   * The weight w of the objective: 0, the earliest finish (ties by the cheaper route); w > 0, the least
   * finish + w x travel seconds (the core then prices routes on the travel times; ties by less travel).
   */
  travelWeight?: number;
  clock: SolveClock;
  /** Called with the best route's cost whenever the best route improves. */
  onImprove?: (cost: number) => void;
}

/**
 * Neighbours a move looks at (the best-correlated stops, assembly/time-windows.ts): by travel time, 6 gave routes as
 * good as 12 on the bench days in half the time; by correlation (lateness weight 1, before the DP polish), 5, 6 and 8
 * gave 448, 498 and 517 of 900 runs within 0.5 % at 0.82x, 1x and 1.32x the CPU of 6 (bench/RESULTS.md).
 */
const NEIGHBOURS = 6;
/** Target wall time of one call into the core. */
const CHUNK_MS = 4;

/**
 * Builds and improves a route with time windows in WebAssembly. Returns the best route found with
 * the stops it could not fit listed as dropped (none when every stop fits), and whether the time
 * limit ended the search; null when not even the empty route (start to end) meets endBy.
 * Deterministic for a seed when the kick budget ends the search.
 * @throws {TspError} `TOO_LARGE` when the matrices do not fit in WebAssembly memory; `ABORTED`.
 */
export function* runTimeWindowSearch(
  module: WebAssembly.Module,
  p: TimeWindowProblem,
  cost: Float64Array,
  control: TimeWindowSearchControl,
): Generator<Pause, (TimeWindowOutcome & { timedOut: boolean }) | null> {
  const instance = acquireInstance<TimeWindowExports>(module);
  try {
    return yield* search(instance.exports, p, cost, control);
  } finally {
    instance.release();
  }
}

function* search(
  core: TimeWindowExports,
  p: TimeWindowProblem,
  cost: Float64Array,
  control: TimeWindowSearchControl,
): Generator<Pause, (TimeWindowOutcome & { timedOut: boolean }) | null> {
  const { td, start, end } = p;
  const { n, time, serviceS, windows, startAt, endBy } = td;
  const { clock } = control;
  const travelWeight = control.travelWeight ?? 0;
  const weighted = travelWeight > 0;
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  let windowCount = 0;
  for (const w of windows) windowCount += w?.length ?? 0;
  if (core.prepare(n, windowCount, Math.min(NEIGHBOURS, n - 1)) !== 1)
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        ...tspReason('tsp.tw_memory', { n }),
        value: n,
      },
    ]);
  const mem = core.memory.buffer;
  const t = new Float64Array(mem, core.timePtr(), n * n);
  const c = new Float64Array(mem, core.costPtr(), n * n);
  const rows = rowsPerChunk(n);
  for (let from = 0; from < n; from += rows) {
    const to = Math.min(n, from + rows);
    t.set(time.subarray(from * n, to * n), from * n);
    c.set((weighted ? time : cost).subarray(from * n, to * n), from * n);
    yield 'yield';
    clock.expired();
  }
  new Float64Array(mem, core.servicePtr(), n).set(serviceS);
  const offsets = new Int32Array(mem, core.windowOffsetPtr(), n + 1);
  const flat = new Float64Array(mem, core.windowPtr(), 2 * windowCount);
  let at = 0;
  let maxTime = Math.abs(startAt);
  windows.forEach((w, v) => {
    offsets[v] = at;
    for (const [open, close] of w ?? []) {
      flat[2 * at] = open;
      flat[2 * at + 1] = close;
      maxTime = Math.max(maxTime, Math.abs(close));
      at++;
    }
  });
  offsets[n] = at;
  // earliest deadline first, then by index
  const deadline = (v: number) => windows[v]?.at(-1)?.[1] ?? Infinity;
  const order = [...Array(n).keys()]
    .filter((v) => v !== start && v !== fixedEnd)
    .sort((a, b) => deadline(a) - deadline(b) || a - b);
  new Int32Array(mem, core.orderPtrOf(), order.length).set(order);
  const budget = Number.isFinite(control.maxKicks) ? Math.min(control.maxKicks, 2 ** 31 - 1) : 2 ** 31 - 1;
  const eps = 1e-12 * (1 + maxTime + (Number.isFinite(endBy) ? Math.abs(endBy) : 0));
  core.setCostWeight(travelWeight);
  const ok = core.setup(
    start,
    fixedEnd,
    end === start ? 1 : 0,
    startAt,
    endBy,
    control.seed >>> 0,
    order.length,
    budget,
    eps,
  );
  if (!ok) return null;
  let timedOut = false;
  let best = Infinity;
  for (let units = 1; ; ) {
    const t0 = performance.now();
    const done = core.step(units);
    const ms = performance.now() - t0;
    // the chunk size only decides where the clock is read, never what the search does
    units = Math.max(1, Math.min(100_000, Math.round(ms > 0.05 ? (units * CHUNK_MS) / ms : units * 4)));
    const value = core.hasRoute() ? core.bestFinishTime() + travelWeight * core.bestRouteCost() : Infinity;
    if (value < best) {
      best = value;
      // weighted, the core's costs are the travel times: the route's cost is summed from the costs
      control.onImprove?.(weighted ? bestRouteCostOf(core, cost, n, end === start) : core.bestRouteCost());
    }
    if (done) break;
    yield 'yield';
    if (clock.expired() && core.hasRoute()) {
      timedOut = true;
      break;
    }
  }
  const route = Array.from(new Int32Array(core.memory.buffer, core.bestRoutePtr(), core.bestRouteLength()));
  const dropped = Array.from(new Int32Array(core.memory.buffer, core.bestDroppedPtr(), core.bestDroppedCount()));
  return { route, finish: core.bestFinishTime(), dropped: dropped.sort((a, b) => a - b), timedOut };
}

/** The cost of the core's best route on the caller's costs (closed: back to the start). */
function bestRouteCostOf(core: TimeWindowExports, cost: Float64Array, n: number, closed: boolean): number {
  const route = new Int32Array(core.memory.buffer, core.bestRoutePtr(), core.bestRouteLength());
  let sum = 0;
  for (let k = 0; k + 1 < route.length; k++) sum += cost[(route[k] as number) * n + (route[k + 1] as number)] as number;
  if (closed && route.length > 1) sum += cost[(route[route.length - 1] as number) * n + (route[0] as number)] as number;
  return sum;
}
