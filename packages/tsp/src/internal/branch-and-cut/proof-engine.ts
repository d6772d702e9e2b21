// The branch-and-cut as `solve` drives it: a route problem on integer costs and a first route in,
// progress out between slices of work, and the proven (or best) route at the end.
import type { KeyedReason } from '../../generated/shared/issue-format.js';
import type { BranchAndCutOutcome, BranchAndCutSettings, BranchAndCutState } from './branch-and-cut.js';
import { DEFAULT_BRANCH_AND_CUT_SETTINGS } from './branch-and-cut.js';
import { reduceToSymmetric, type RouteProblem } from './route-to-symmetric.js';
import type { SymmetricInstance } from './symmetric-instance.js';

/** Reported between slices of work (integer costs, as `icost`). */
export interface ProofProgress {
  /** The best route so far (start first). */
  route: number[];
  /** Its integer cost. */
  upper: number;
  /** Proven lower bound on every route's integer cost; null before the first LP bound. */
  lower: number | null;
  nodes: number;
}

/** The end of a proof: `proven` means no route costs less than `upper`. */
export interface ProofOutcome extends ProofProgress {
  proven: boolean;
  /** Why the route is not proven (the LP engine failed, the search tree grew past its bound), in English. */
  reason?: string;
  /**
   * The same reason as data (`{ key: 'tsp.unproven_…', … }`), for other languages: `@beatplan/core`'s
   * `formatReason(reasonData, { locale: 'zh-CN' })` writes it in Chinese.
   */
  reasonData?: KeyedReason;
  cuts: number;
  rootLower: number | null;
}

/** The loaded branch-and-cut. */
export interface ProofEngine {
  /**
   * The branch-and-cut on a route problem, started from `route` (its cost is the first upper bound).
   * Drive it with `next()` until done; stop early with `return()` (releases the LP).
   */
  prove(
    problem: RouteProblem,
    route: readonly number[],
    settings?: Partial<BranchAndCutSettings>,
  ): Generator<ProofProgress, ProofOutcome>;
}

type Runner = (
  inst: SymmetricInstance,
  tour: readonly number[],
  settings: BranchAndCutSettings,
) => Generator<BranchAndCutState, BranchAndCutOutcome>;

/** Reduces the route problem to a symmetric tour (route-to-symmetric.ts) and runs the search on it. */
export function* proveRouteSteps(
  run: Runner,
  problem: RouteProblem,
  route: readonly number[],
  settings: Partial<BranchAndCutSettings> = {},
): Generator<ProofProgress, ProofOutcome> {
  const reduction = reduceToSymmetric(problem);
  const steps = run(reduction.inst, reduction.fromRoute(route), { ...DEFAULT_BRANCH_AND_CUT_SETTINGS, ...settings });
  const report = (s: BranchAndCutState): ProofProgress => ({
    route: reduction.toRoute(s.tour),
    upper: s.upper,
    lower: Number.isFinite(s.lower) ? s.lower : null,
    nodes: s.nodes,
  });
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) {
        const s = next.value;
        return {
          ...report(s),
          proven: s.proven,
          ...(s.reason === undefined ? {} : { reason: s.reason.message, reasonData: s.reason.reason }),
          cuts: s.cuts,
          rootLower: Number.isFinite(s.rootLower) ? s.rootLower : null,
        };
      }
      yield report(next.value);
    }
  } finally {
    steps.return(undefined as never);
  }
}
