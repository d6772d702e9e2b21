import type { KeyedReason } from './generated/shared/issue-format.js';
import { customParams } from './generated/shared/reason-text.js';
import { tspReason } from './generated/shared/tsp-reasons.js';
import * as z from 'zod';
import { TspError, type TspIssue } from './errors.js';
import { yieldToEventLoop } from './generated/shared/yield-to-event-loop.js';
import { zodIssues } from './generated/shared/zod-issues.js';
import { failIndex } from './internal/fail-index.js';
import { AVOID_COST, toSearchCosts } from './internal/avoid-costs.js';
import { HELD_KARP_CORE, runHeldKarp, type HeldKarpExports } from './internal/held-karp.js';
import {
  BRANCH_AND_CUT_AUTO_MAX_N,
  BRANCH_AND_CUT_MAX_N,
  BRANCH_AND_CUT_MIN_N,
  ensureProofEngine,
  isProofEngineLoaded,
  runExactRoute,
} from './internal/branch-and-cut/exact-route.js';
import { acquireInstance } from './internal/instance-pool.js';
import { integerCostsTooLarge, tryIntegerCosts, type IntegerCosts } from './internal/integer-costs.js';
import { runIteratedLocalSearch } from './internal/iterated-local-search.js';
import { compileLocalSearch, LOCAL_SEARCH_CORE } from './internal/local-search-core.js';
import { normalizeInput, type SolveInput } from './internal/normalize-input.js';
import { SolveClock, type Pause } from './internal/solve-clock.js';
import { TIME_WINDOWS_CORE } from './internal/time-window-core.js';
import {
  buildTimeData,
  hasTimes,
  solveTimed,
  TimeOptionsShape,
  type DroppedStop,
  type RouteSchedule,
} from './internal/timed-solve.js';
import { compileCore, compileCoreSync, resolveBuild } from './internal/wasm.js';
import { routeLength } from './route-length.js';

export { AVOID_COST };
export type { LngLat, SolveInput } from './internal/normalize-input.js';
export type { DroppedStop, RouteSchedule };

/**
 * Largest n that `method: 'auto'` solves exactly (a closed tour then has 2^19 x 19 DP states).
 * Measured on a 2-core AMD EPYC with Node 20 (bench/RESULTS.md): exact n = 20 takes about 0.1 s in a
 * fresh process, each further node roughly doubles or triples the time and the memory.
 */
export const DEFAULT_EXACT_MAX_N = 20;
/**
 * The largest n the exact solver accepts for a closed tour or an open path to any end (one more
 * with a fixed end). n = 27 needs two DP layers of C(26, 13) rows and a 26·2^25-byte parent table,
 * 3.2 GB of wasm32's 4 GiB (about a minute on the 2-core EPYC of bench/RESULTS.md; n = 26 needs
 * 1.6 GB); m = 27 inner nodes would need 6.3 GB.
 */
export const EXACT_HARD_MAX_N = 27;

/**
 * The time-window heuristic's default budget for a day of `n` nodes, in kicks (used when neither `maxKicks`
 * nor `timeLimitMs` is given): 30 per stop up to 30 nodes, then half a kick per stop more for each node
 * above 30, up to 45 per stop from 60 nodes on; at least 100. Larger days get more kicks per stop because they
 * need them: on bench:windows' 15 quality days (against a fixed reference, seeds 1–60), each further kick per
 * stop brought about 2.3 more of 900 runs within 0.5 % of runs 100× longer, most of them on the 40–60-stop
 * days, and a 60-stop day has more room under its 150 ms target than a 30-stop day under its 30 ms
 * (bench/RESULTS.md).
 * @param n Nodes of the day, the start included: an integer ≥ 1.
 * @returns Kicks after the first local optimum (an integer ≥ 100).
 * @throws {TspError} `INVALID_INPUT` (path `['n']`) when `n` is not an integer ≥ 1.
 * @example
 * defaultWindowKicks(30); // 900
 * defaultWindowKicks(60); // 2700
 */
export function defaultWindowKicks(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new TspError('INVALID_INPUT', [{ path: ['n'], value: n, ...tspReason('tsp.node_count') }]);
  }
  const perStop = 30 + Math.min(30, Math.max(0, n - 30)) / 2;
  return Math.max(100, Math.round(perStop * n));
}

const SolveOptionsSchema = z
  .object({
    method: z.enum(['auto', 'exact', 'heuristic']).default('auto'),
    start: z.number().int().nonnegative().default(0),
    end: z.union([z.number().int().nonnegative(), z.literal('any')]).optional(),
    timeLimitMs: z
      .number()
      .positive()
      .max(2 ** 31)
      .optional(),
    seed: z.number().int().default(1),
    maxKicks: z.number().int().nonnegative().optional(),
    exactMaxN: z.number().int().min(1).max(EXACT_HARD_MAX_N).default(DEFAULT_EXACT_MAX_N),
    wasm: z.enum(['auto', 'simd', 'scalar']).default('auto'),
    signal: z
      .custom<AbortSignal>((v) => v instanceof AbortSignal, customParams(tspReason('tsp.signal_type')))
      .optional(),
    onProgress: z
      .custom<(p: SolveProgress) => void>(
        (v) => typeof v === 'function',
        customParams(tspReason('tsp.on_progress_type')),
      )
      .optional(),
    ...TimeOptionsShape,
  })
  .strict();

/**
 * Options of {@link solve}.
 * - `method` (default `'auto'`): `'exact'` a proven optimum: the Held-Karp DP below n = 18, above it a
 *   branch-and-cut on the subtour LP (HiGHS, loaded on first use from `@beatplan/tsp/proof`; up to
 *   n = 1000, measured to 200; only the async `solve` loads it, `solveSync` keeps the DP to n = 27);
 *   with time options the time-window DP (n <= 20). `'heuristic'` iterated local search. `'auto'` the DP
 *   up to `exactMaxN` nodes and the heuristic above; with `timeLimitMs` and n <= 200 the heuristic's
 *   route (default kick budget) is then proven by the branch-and-cut in the time left.
 * - `start` (default 0): the first node. `end` (default: back to `start`, a closed tour): a node for an
 *   open path that ends there, or `'any'` for an open path that may end anywhere.
 * - `timeLimitMs`: "use up to this much time". The heuristic keeps perturbing and improving until it
 *   runs out (unless `maxKicks` ends it first); when it runs out, every method returns the best route
 *   known with `exact: false` (and `timedOut: true`). Only when it runs out before any route exists
 *   (while a huge matrix is still being read) does `solve` throw `TIME_LIMIT`.
 * - `maxKicks` (CLI `--kicks`): the heuristic's deterministic budget, in kicks after its first local
 *   optimum (perturbations of the tour, each repaired by local search). Default: 50·n, at least
 *   1000 (with a schedule: {@link defaultWindowKicks}, 30–45 per stop) when no `timeLimitMs` is given;
 *   unbounded when one is. With a schedule the kicks are cut into m = round(maxKicks / max(100, 15·n))
 *   equal lanes (one when m < 2): each lane starts again from the first local optimum, as a run with its
 *   own seed would, and the best route of all lanes is returned; under a time limit, lanes of max(100, 15·n) kicks
 *   until it runs out.
 * - `seed` (default 1): same input, seed and `maxKicks`, same route, on every machine. Under a time
 *   limit the search stops wherever the clock says, so the route may differ from machine to machine.
 * - `exactMaxN` (default {@link DEFAULT_EXACT_MAX_N}): the largest n that `'auto'` solves exactly.
 * - `wasm` (default `'auto'`): the WebAssembly build, SIMD when the engine validates it.
 * - `signal`: an AbortSignal; when it fires, `solve` throws `ABORTED` (every method, every stage).
 * - `onProgress`: called between chunks of work with {@link SolveProgress}.
 *
 * Every stage works in chunks of a few milliseconds (reading and validating the matrix, distances
 * between points, neighbour lists, the first tour, the search, the DP): `solve` yields to the event
 * loop between them and sees a time limit or an abort within a chunk.
 *
 * Costs at or above {@link AVOID_COST} (2^30) mean "avoid this edge": the route uses as few of them as
 * it can and the other costs are optimised as usual.
 *
 * Schedules (any of these makes the route a timed schedule and adds `schedule` to the result):
 * - `serviceS`: service time in seconds at every node (one number for all, or one per node; the
 *   start node is left at `startAt` without service).
 * - `windows`: per node, `null` (always open), one `[open, close]` or several, not overlapping;
 *   service must START inside a window (the manager waits if he is early, and may finish after it
 *   closes). Seconds on the same clock as `startAt`.
 * - `timeMatrix`: travel seconds i -> j (n x n or flat, finite, >= 0). Or `speedKmh` (km/h, the one speed
 *   unit): travel seconds = cost / (speedKmh / 3.6) (for costs in metres). Without either, a matrix's costs are taken as seconds;
 *   points (metres) need one of them.
 * - `startAt` (default 0): departure from the start. `endBy` (default none, later than `startAt`): the
 *   latest finish (the return to the start of a closed tour, the end of the last service of an open path).
 * - `dropInfeasible` (default false): when no route serves every stop, return the route serving the
 *   most stops and list the others in `dropped`, instead of throwing `INFEASIBLE`.
 * - `travelWeight` (default 0): with times, the route minimises finish + travelWeight x travel
 *   seconds — each second of driving counts 1 + travelWeight times, a second of waiting once (0: the
 *   finish alone, ties by the cost). Above 0 only the heuristic runs (`'exact'` throws `INVALID_INPUT`,
 *   `'auto'` skips the DP, which is exact for the finish alone). `length` still sums the costs. No effect
 *   without time options. `planWeeklyBeats` routes beat days with 1 (bench/RESULTS.md, bench:days).
 * With times and `travelWeight` 0, the objective is the finish time (route duration): the exact method is a dynamic
 * program over (visited set, last stop) keeping the earliest departure, exact for that objective
 * (up to 20 nodes for a closed tour); `'auto'` uses it up to 16 nodes; the heuristic is an iterated
 * local search in WebAssembly (insertion, Or-opt, 2-opt and swap moves checked in O(1) at the
 * unchanged tail by forward slack and segment summaries; each kick a seeded ruin and recreate — a string
 * or a cluster of stops taken out and inserted again with the dropped ones — then local search with
 * ejections (a served stop taken out so that a dropped one fits, then put back), kept by simulated
 * annealing). `length` is still the cost of the route.
 */
export type SolveOptions = z.input<typeof SolveOptionsSchema>;

/** Progress report: which method runs, the fraction done (exact) or the best length so far (heuristic). */
export interface SolveProgress {
  method: 'exact' | 'heuristic';
  fraction?: number;
  bestLength?: number;
  /** Branch-and-cut: the proven lower bound so far (input units, for costs rounded as `costScale` says). */
  lowerBound?: number;
  /** Branch-and-cut: (bestLength - lowerBound) / bestLength. */
  gap?: number;
  elapsedMs: number;
}

/** The answer of {@link solve}. */
export interface SolveResult {
  /** 0-based node indices in visiting order, each exactly once, beginning with `start`. */
  tour: number[];
  /**
   * The cost of the tour in the input's units (metres for points), closing edge included for a closed
   * tour; summed from the given costs in float64 (Infinity if that sum overflows).
   */
  length: number;
  /** True when the tour is proven optimal (for costs rounded to 1/`costScale` of their unit). */
  exact: boolean;
  /** A proven lower bound on `length` (`length` itself when `exact`), null when none is known. */
  lowerBound: number | null;
  /** `(length - lowerBound) / length`, 0 when `exact`, null without a lower bound. */
  gap: number | null;
  /** True when the time limit ended the search (the route is the best one known then). */
  timedOut: boolean;
  method: 'exact' | 'heuristic';
  closed: boolean;
  n: number;
  start: number;
  /** The last node of the route (`start` for a closed tour). */
  end: number;
  /** The exact solver's integer costs are the input costs times this, rounded (1 for integer costs). */
  costScale: number;
  /** Why a branch-and-cut route is not proven (the time limit, a numerical failure of the LP engine), in English. */
  reason?: string;
  /**
   * The same reason as data (`{ key: 'tsp.unproven_time' }`, …), for other languages: `@beatplan/core`'s
   * `formatReason(reasonData, { locale: 'zh-CN' })` writes it in Chinese.
   */
  reasonData?: KeyedReason;
  /** Wall time of the solve in milliseconds (validation included). */
  ms: number;
  /** With time options: arrival, wait, service start and departure at every stop (seconds). */
  schedule?: RouteSchedule;
  /**
   * With `dropInfeasible`: the stops that could not be served (not in `tour`), each `{ node, reason }`,
   * in node order; `[]` when every stop is served.
   */
  dropped?: DroppedStop[];
}

type Options = z.output<typeof SolveOptionsSchema>;

function parseOptions(options: SolveOptions | undefined): Options {
  const parsed = SolveOptionsSchema.safeParse(options ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new TspError('INVALID_INPUT', zodIssues(parsed.error, ['options'], options ?? {}), { cause: parsed.error });
}

function checkNodes(opts: Options, n: number): void {
  const timed = hasTimes(opts);
  const issues: TspIssue[] = [];
  if (opts.start >= n)
    issues.push({
      path: ['options', 'start'],
      value: opts.start,
      ...tspReason('tsp.start_index', { max: n - 1 }),
    });
  if (typeof opts.end === 'number' && opts.end >= n)
    issues.push({
      path: ['options', 'end'],
      value: opts.end,
      ...tspReason('tsp.end_index', { max: n - 1 }),
    });
  if (issues.length) throw new TspError('INVALID_INPUT', issues);
  const end = opts.end ?? opts.start;
  const exactMax = timed ? EXACT_HARD_MAX_N + (end === opts.start || end === 'any' ? 0 : 1) : BRANCH_AND_CUT_MAX_N;
  if (opts.method === 'exact' && n > exactMax) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        ...tspReason('tsp.exact_max', { max: exactMax, timed }),
        value: n,
      },
    ]);
  }
}

/**
 * Whether the branch-and-cut proves the route: `exact` from BRANCH_AND_CUT_MIN_N on (solveSync: only
 * past the DP's reach, or when the engine is already loaded), `auto` with a time limit above
 * `exactMaxN` up to BRANCH_AND_CUT_AUTO_MAX_N. Never with time options (out of scope for proofs).
 */
function usesBranchAndCut(opts: Options, n: number, async: boolean): boolean {
  if (hasTimes(opts)) return false;
  const end = opts.end ?? opts.start;
  const dpMax = EXACT_HARD_MAX_N + (end === opts.start || end === 'any' ? 0 : 1);
  if (opts.method === 'exact') return n >= (async || isProofEngineLoaded() ? BRANCH_AND_CUT_MIN_N : dpMax + 1);
  return (
    async &&
    opts.method === 'auto' &&
    opts.timeLimitMs !== undefined &&
    n > opts.exactMaxN &&
    n >= BRANCH_AND_CUT_MIN_N &&
    n <= BRANCH_AND_CUT_AUTO_MAX_N
  );
}

/** The heuristic's kick budget: `maxKicks`, else unbounded under a time limit, else the default. */
function kickBudget(opts: Options, fallback: number): number {
  return opts.maxKicks ?? (opts.timeLimitMs === undefined ? fallback : Infinity);
}

/** What solveSteps yields when the async `solve` must load the branch-and-cut before it goes on. */
const LOAD_PROOF_ENGINE = 'load-proof-engine';

/** The whole solve as a generator; `solve` and `solveSync` drive it (async: yielding to the event loop). */
function* solveSteps(
  input: SolveInput,
  options: SolveOptions | undefined,
  t0: number,
  async: boolean,
): Generator<Pause | typeof LOAD_PROOF_ENGINE, SolveResult> {
  const opts = parseOptions(options);
  const clock = new SolveClock(t0, opts.timeLimitMs, opts.signal);
  clock.check('begin');
  const costs = yield* normalizeInput(input, clock);
  const { n, cost } = costs;
  checkNodes(opts, n);
  const end = opts.end ?? opts.start;
  const closed = end === opts.start;
  const search = yield* toSearchCosts(costs, clock);
  const finish = (tour: number[], exact: boolean, costScale: number, timedOut: boolean): SolveResult => {
    const length = routeLength({ matrix: cost, n }, tour, closed);
    const proven = exact && search.avoided === 0;
    return {
      tour,
      length,
      exact,
      lowerBound: proven ? length : null,
      gap: proven ? 0 : null,
      timedOut,
      method: exact ? 'exact' : 'heuristic',
      closed,
      n,
      start: opts.start,
      end: end === 'any' ? (tour[tour.length - 1] ?? failIndex('tour', tour.length - 1)) : end,
      costScale,
      ms: performance.now() - t0,
    };
  };

  if (hasTimes(opts)) {
    const td = yield* buildTimeData(costs, opts, 'points' in input, clock);
    const timed = yield* solveTimed({
      cost: search.cost,
      td,
      start: opts.start,
      end,
      method: opts.method,
      exactMaxN: opts.exactMaxN,
      dropInfeasible: opts.dropInfeasible ?? false,
      seed: opts.seed,
      maxKicks: kickBudget(opts, defaultWindowKicks(n)),
      travelWeight: opts.travelWeight,
      clock,
      wasm: opts.wasm,
      onProgress: (fraction) => opts.onProgress?.({ method: 'exact', fraction, elapsedMs: clock.elapsedMs() }),
      onImprove: (bestLength) => opts.onProgress?.({ method: 'heuristic', bestLength, elapsedMs: clock.elapsedMs() }),
    });
    const { tour, exact, dropped, schedule, timedOut } = timed;
    return {
      ...finish(tour, exact, 1, timedOut),
      schedule,
      ...(opts.dropInfeasible ? { dropped } : {}),
    };
  }

  // The exact solver's int32 costs; where no faithful rescaling exists, 'auto' takes the heuristic.
  let ints: IntegerCosts | null = null;
  const proof = usesBranchAndCut(opts, n, async);
  if (opts.method === 'exact' || (opts.method === 'auto' && n <= opts.exactMaxN) || proof) {
    ints = tryIntegerCosts(search.cost, n);
    if (!ints && opts.method === 'exact') throw integerCostsTooLarge(search.cost, n);
  }
  // The heuristic runs first under 'auto' and 'exact' too: a fast warm start that is the answer if
  // the time limit ends the exact solver.
  const heuristic = yield* runIteratedLocalSearch(
    compileLocalSearch(opts.wasm),
    { n, cost: search.cost, start: opts.start, end },
    {
      seed: opts.seed,
      maxKicks:
        ints && !proof
          ? 0
          : proof
            ? (opts.maxKicks ?? Math.max(1000, 50 * n))
            : kickBudget(opts, Math.max(1000, 50 * n)),
      clock,
      onImprove: (bestLength) => opts.onProgress?.({ method: 'heuristic', bestLength, elapsedMs: clock.elapsedMs() }),
    },
  );
  if (!ints || heuristic.timedOut) return finish(heuristic.tour, false, 1, heuristic.timedOut);
  if (proof) {
    if (!isProofEngineLoaded()) yield LOAD_PROOF_ENGINE;
    const { scale } = ints;
    const out = yield* runExactRoute({
      n,
      icost: ints.icost,
      start: opts.start,
      end,
      route: heuristic.tour,
      clock,
      onProgress: (upper, lower) =>
        opts.onProgress?.({
          method: 'exact',
          bestLength: upper / scale,
          ...(lower === null ? {} : { lowerBound: lower / scale, gap: upper > 0 ? (upper - lower) / upper : 0 }),
          elapsedMs: clock.elapsedMs(),
        }),
    });
    const result = finish(out.tour, out.exact, scale, out.timedOut);
    // with avoided edges the search costs are not the input's: no bound on `length` is claimed
    if (search.avoided > 0) return result;
    return {
      ...result,
      lowerBound: out.exact ? result.length : out.lower === null ? null : out.lower / scale,
      gap: out.gap,
      ...(out.reason === undefined ? {} : { reason: out.reason, reasonData: out.reasonData }),
    };
  }

  const module = compileCoreSync(HELD_KARP_CORE, resolveBuild(HELD_KARP_CORE, opts.wasm));
  const instance = acquireInstance<HeldKarpExports>(module);
  try {
    const steps = runHeldKarp(instance.exports, { n, icost: ints.icost, start: opts.start, end });
    for (;;) {
      const next = steps.next();
      if (next.done) {
        const { tour, cost: dpCost } = next.value;
        const check = routeLength({ matrix: ints.icost, n }, tour, closed);
        if (check !== dpCost)
          throw new TspError('INTERNAL', [
            { path: [], ...tspReason('tsp.exact_cost_mismatch', { check, dp: dpCost }) },
          ]);
        return finish(tour, true, ints.scale, false);
      }
      opts.onProgress?.({ method: 'exact', fraction: next.value, elapsedMs: clock.elapsedMs() });
      yield 'yield';
      if (clock.expired()) return finish(heuristic.tour, false, 1, true);
    }
  } finally {
    instance.release();
  }
}

/** The async `solve` returns to the event loop at least this often (milliseconds of work). */
const YIELD_EVERY_MS = 10;

/**
 * Solves a travelling-salesman instance: the cheapest closed tour from `start`, or the cheapest open
 * path from `start` to `end` (a node, or `'any'`). Exact Held-Karp DP in WebAssembly for small n,
 * local search above. Compiles the WebAssembly lazily (once) and yields to the event loop while it
 * works, so it is safe on a browser's main thread and cancellable with an AbortSignal.
 *
 * @param input `{ matrix: number[][] }`, `{ matrix: Int32Array | Float64Array, n }` (row-major,
 *   `matrix[i*n+j]` = cost i -> j) or `{ points: {lng, lat}[] }` (great-circle metres). Costs must be
 *   finite and non-negative; the diagonal is ignored; asymmetric costs are welcome.
 * @param options See {@link SolveOptions}.
 * @returns See {@link SolveResult}.
 * @throws {TspError} `INVALID_INPUT` (which field and why), `TOO_LARGE`, `INFEASIBLE` (time windows),
 *   `ABORTED` (the signal fired), `TIME_LIMIT` (only when the time ran out before any route existed), `INTERNAL`.
 * @example
 * const { tour, length, exact } = await solve({ matrix: [[0, 2, 9], [1, 0, 6], [15, 7, 0]] });
 * // 0 -> 1 -> 2 -> 0 costs 2 + 6 + 15 = 23, 0 -> 2 -> 1 -> 0 costs 9 + 7 + 1 = 17:
 * // tour [0, 2, 1], length 17, exact true
 */
export async function solve(input: SolveInput, options?: SolveOptions): Promise<SolveResult> {
  const t0 = performance.now();
  const build = typeof options === 'object' && options?.wasm ? options.wasm : 'auto';
  // compiled here, asynchronously, so that the synchronous compiles inside find them cached (a bad
  // `wasm` option is reported by the options schema below)
  if (build === 'auto' || build === 'simd' || build === 'scalar') {
    await compileCore(LOCAL_SEARCH_CORE, resolveBuild(LOCAL_SEARCH_CORE, build));
    await compileCore(HELD_KARP_CORE, resolveBuild(HELD_KARP_CORE, build));
    await compileCore(TIME_WINDOWS_CORE, resolveBuild(TIME_WINDOWS_CORE, build));
  }
  const steps = solveSteps(input, options, t0, true);
  let lastYield = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    // the branch-and-cut (and HiGHS) load on first need only: a dynamic import of @beatplan/tsp/proof
    if (next.value === LOAD_PROOF_ENGINE) await ensureProofEngine();
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
}

/**
 * The synchronous form of {@link solve}, for Node and workers (it blocks while it works; an
 * AbortSignal can only stop it if it fires from another thread or was already aborted).
 * @throws {TspError} as {@link solve}.
 * @example
 * const { tour, length } = solveSync({ points: [{ lng: 2.35, lat: 48.85 }, { lng: 2.29, lat: 48.86 }] });
 */
export function solveSync(input: SolveInput, options?: SolveOptions): SolveResult {
  const steps = solveSteps(input, options, performance.now(), false);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
