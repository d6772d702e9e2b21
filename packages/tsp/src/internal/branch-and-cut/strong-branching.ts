// The branching rule: reliability branching (strong branching with pseudocosts) on the fractional edges.
// The `candidates` fractional edges nearest x = 1/2 (ties: the costlier edge) are scored; the edge with
// the best product of its two children's bound gains is chosen (the product rule of Achterberg, Koch &
// Martin 2005, "Branching rules revisited"). An edge's gains come from a trial each way in the node's
// LP (x_e = 1, then x_e = 0: a warm-started dual simplex of at most `trialIterations` iterations from
// the node's optimal basis, no new cuts or columns; gain = the LP objective's rise), or, once the edge
// has had `reliability` trials each way anywhere in the tree, from its pseudocosts (the mean gain per
// unit change of x_e). A trial whose objective comes within 1 of the best tour also computes the
// child's proven bound (the Lagrangian bound of its duals over all edges, lagrangian-bound.ts), so a
// child that cannot beat the best tour is never queued. The generator yields after every trial.
import { type CutLp, LP_INFEASIBLE, LP_ITERATION_LIMIT, LP_OPTIMAL } from './cut-lp.js';
import { lagrangianBound } from './lagrangian-bound.js';
import { INTEGRALITY_EPS } from './support-graph.js';
import type { SymmetricInstance } from './symmetric-instance.js';

/** The chosen edge and the proven bounds of its children (x_e = 1 first, then x_e = 0). */
export interface BranchChoice {
  key: number;
  bounds: [number, number];
}

/** What the trials need from the search. */
export interface StrongBranchingHost {
  lp: CutLp;
  inst: SymmetricInstance;
  /** Per edge key: -1 free, 0 or 1 fixed at this node (changed during a trial, restored after). */
  fixed: Int8Array;
  /** Cost of the best tour. */
  upper: number;
  /** Per edge key: the trials' bound gains per unit change of x_e so far (pseudocosts). */
  pseudo: Map<number, Pseudocost>;
}

/** Sums and counts of an edge's trial gains per unit of x (up: to 1, down: to 0). */
export interface Pseudocost {
  up: number;
  upCount: number;
  down: number;
  downCount: number;
}

/**
 * Chooses the branching edge of a node whose LP is solved (see the header).
 * @param host The search's LP, instance, fixings and best cost.
 * @param x The node's LP solution (per column).
 * @param nodeBound The node's proven bound.
 * @param candidates Edges tried at most (1 turns strong branching off: the edge nearest 1/2).
 * @param trialIterations Dual simplex iterations per trial.
 * @param reliability Trials of an edge each way after which its pseudocosts replace new trials.
 * @returns The edge (-1 when x is integral) and its children's proven bounds (at least `nodeBound`).
 */
export function* strongBranch(
  host: StrongBranchingHost,
  x: Float64Array,
  nodeBound: number,
  candidates: number,
  trialIterations: number,
  reliability: number,
): Generator<void, BranchChoice> {
  const { lp, inst, fixed } = host;
  const cand: { key: number; x: number; dist: number; cost: number }[] = [];
  lp.colKey.forEach((key, j) => {
    const v = x[j] ?? 0;
    if (v > INTEGRALITY_EPS && v < 1 - INTEGRALITY_EPS)
      cand.push({ key, x: v, dist: Math.abs(v - 0.5), cost: inst.cost[key] ?? 0 });
  });
  cand.sort((a, b) => a.dist - b.dist || b.cost - a.cost);
  const nearest: BranchChoice = { key: cand[0]?.key ?? -1, bounds: [nodeBound, nodeBound] };
  if (cand.length <= 1 || candidates <= 1) return nearest;
  const n = inst.n;
  // the node's LP may have changed since its solve (bounds fixed by reduced cost): re-solve (warm, ~0 iterations)
  if (lp.runSlice() !== LP_OPTIMAL) return nearest;
  const basis = lp.saveBasis();
  const z0 = lp.objective();
  const gap = Math.max(host.upper - nodeBound, 1e-9);
  let best = nearest;
  let bestScore = -1;
  for (const { key, x: xe } of cand.slice(0, candidates)) {
    const bounds: [number, number] = [nodeBound, nodeBound];
    const gains: [number, number] = [0, 0];
    const pc = host.pseudo.get(key) ?? { up: 0, upCount: 0, down: 0, downCount: 0 };
    host.pseudo.set(key, pc);
    const known = pc.upCount >= reliability && pc.downCount >= reliability;
    if (known) {
      gains[0] = (pc.up / pc.upCount) * (1 - xe);
      gains[1] = (pc.down / pc.downCount) * xe;
    }
    for (const value of known ? [] : ([1, 0] as const)) {
      fixed[key] = value;
      lp.setBounds(key, value, value);
      const status = lp.runSlice(trialIterations);
      if (status === LP_OPTIMAL || status === LP_ITERATION_LIMIT) {
        const z = lp.objective();
        // the score: the restricted LP's objective, nearer the child's LP than a bound cut short
        gains[1 - value] = Math.max(0, z - z0);
        if (value === 1) {
          pc.up += gains[0] / (1 - xe);
          pc.upCount++;
        } else {
          pc.down += gains[1] / xe;
          pc.downCount++;
        }
        if (z > host.upper - 1) {
          // the child may be closed: its proven bound (over all edges) decides
          const p = lp.point(true);
          const lb = lagrangianBound(inst, lp.cuts, p.rowDual.subarray(0, n), p.rowDual.subarray(n), fixed);
          if (Number.isFinite(lb.bound)) bounds[1 - value] = Math.max(nodeBound, lb.bound - lb.margin);
        }
      } else if (status === LP_INFEASIBLE) gains[1 - value] = gap; // infeasible without the other columns
      fixed[key] = -1;
      lp.setBounds(key, 0, 1);
      lp.restoreBasis(basis);
      yield;
    }
    const g1 = Math.min(gap, gains[0]);
    const g0 = Math.min(gap, gains[1]);
    const score = Math.max(g1, 1e-6 * gap) * Math.max(g0, 1e-6 * gap);
    if (score > bestScore) {
      bestScore = score;
      best = { key, bounds };
    }
    if (bounds[0] >= host.upper && bounds[1] >= host.upper) break; // both children closed
  }
  return best;
}
