// The hook between `solve` and the branch-and-cut: which sizes it takes, loading the engine on first
// need (a dynamic import of the `@beatplan/tsp/proof` entry), and the drive loop with its anytime rule.
import type { KeyedReason } from '../../generated/shared/issue-format.js';
import { tspReason } from '../../generated/shared/tsp-reasons.js';
import { TspError } from '../../errors.js';
import { routeCost } from '../route-cost.js';
import type { SolveClock } from '../solve-clock.js';
import type { ProofEngine } from './proof-engine.js';

/**
 * From this n on `method: 'exact'` proves routes by branch-and-cut instead of the Held-Karp DP
 * (measured crossover, bench/proof.mjs and bench/RESULTS.md).
 */
export const BRANCH_AND_CUT_MIN_N = 18;
/** The largest n `method: 'exact'` accepts without time windows (the LP holds up to n² edges). */
export const BRANCH_AND_CUT_MAX_N = 1000;
/** The largest n that `method: 'auto'` with a `timeLimitMs` tries to prove after the heuristic. */
export const BRANCH_AND_CUT_AUTO_MAX_N = 200;

let engine: ProofEngine | null = null;

/** True once the branch-and-cut is loaded (then the synchronous solveSync can use it too). */
export function isProofEngineLoaded(): boolean {
  return engine !== null;
}

/** Loads the branch-and-cut (and HiGHS) once; later calls return at once. */
export async function ensureProofEngine(): Promise<void> {
  if (engine) return;
  const { loadProofEngine } = await import('../../proof.js');
  engine = await loadProofEngine();
}

/** What the drive loop returns: the route, whether it is proven, the bound and gap (integer costs). */
export interface ExactRouteOutcome {
  tour: number[];
  exact: boolean;
  /** Proven lower bound on the integer cost of every route, null when none. */
  lower: number | null;
  /** (upper - lower) / upper, null without a bound. */
  gap: number | null;
  reason?: string;
  reasonData?: KeyedReason;
  timedOut: boolean;
}

function timeRanOut(): { reason: string; reasonData: KeyedReason } {
  const { message, reason } = tspReason('tsp.unproven_time');
  return { reason: message, reasonData: reason };
}

/**
 * Runs the branch-and-cut from the heuristic's route until it proves it, the time runs out (the best
 * route, unproven, with the bound so far) or the signal fires (`ABORTED`, thrown by the clock).
 * @throws {TspError} `TOO_LARGE` when the engine was not loaded (the synchronous solveSync), `ABORTED`,
 *   `INTERNAL` when the proven route's cost disagrees with the search's.
 */
export function* runExactRoute(args: {
  n: number;
  icost: Int32Array;
  start: number;
  end: number | 'any';
  route: number[];
  clock: SolveClock;
  onProgress: (upper: number, lower: number | null) => void;
}): Generator<'yield', ExactRouteOutcome> {
  if (!engine)
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        ...tspReason('tsp.bnc_async', { max: BRANCH_AND_CUT_MIN_N - 1 }),
        value: args.n,
      },
    ]);
  const { n, icost, start, end } = args;
  const steps = engine.prove({ n, icost, start, end }, args.route);
  const gapOf = (upper: number, lower: number | null) =>
    lower === null ? null : upper > 0 ? Math.max(0, (upper - lower) / upper) : 0;
  let last = { route: args.route, upper: Infinity, lower: null as number | null };
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) {
        const out = next.value;
        const check = routeCost(icost, n, out.route, end === start);
        if (check !== out.upper)
          throw new TspError('INTERNAL', [
            { path: [], ...tspReason('tsp.bnc_cost_mismatch', { check, upper: out.upper }) },
          ]);
        return {
          tour: out.route,
          exact: out.proven,
          lower: out.proven ? out.upper : out.lower,
          gap: out.proven ? 0 : gapOf(out.upper, out.lower),
          ...(out.reason === undefined ? {} : { reason: out.reason, reasonData: out.reasonData }),
          timedOut: false,
        };
      }
      last = next.value;
      args.onProgress(last.upper, last.lower);
      if (args.clock.expired())
        return {
          tour: last.route,
          exact: false,
          lower: last.lower,
          gap: gapOf(last.upper, last.lower),
          ...timeRanOut(),
          timedOut: true,
        };
      yield 'yield';
    }
  } finally {
    steps.return(undefined as never);
  }
}
