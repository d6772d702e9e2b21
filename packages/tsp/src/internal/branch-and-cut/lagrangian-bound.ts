// A lower bound that does not trust the LP solver. For ANY duals (u_v free for the degree rows,
// y_r >= 0 for the cut rows) weak duality gives, for every tour x (0 <= x_e <= 1, rows satisfied):
//     c·x >= Σ_v 2·u_v + Σ_r rhs_r·y_r + Σ_e min over x_e in [lo_e, hi_e] of rc_e·x_e,
// with rc_e = c_e - u_a - u_b - Σ_r a_re·y_r over EVERY allowed edge, in the LP or not. So HiGHS's
// duals (clamped to their signs) give a valid bound whatever their accuracy, edges outside the LP
// are priced in, and [lo, hi] carries the branching and the reduced-cost fixing. The sum is in
// doubles; `margin` bounds its rounding error (1e-9 of the sum of absolute terms, far above the
// ~1e-12 that 10^5 additions can lose), and proofs use bound - margin.
import { failIndex } from '../fail-index.js';
import type { Cut } from './cut-lp.js';
import type { SymmetricInstance } from './symmetric-instance.js';

/** The bound and the reduced cost of every edge (indexed by key; only allowed i < j are set). */
export interface LagrangianBound {
  bound: number;
  margin: number;
  rc: Float64Array;
}

/**
 * Computes the Lagrangian bound of duals over all allowed edges.
 * @param inst The instance.
 * @param cuts The cut rows, in the order of `cutDual`.
 * @param nodeDual u_v, one per node (degree rows).
 * @param cutDual y_r, one per cut (negative values are taken as 0).
 * @param fixed Per edge key: 1 fixed to 1, 0 fixed to 0 (or eliminated), -1 free.
 * @returns The bound, its rounding margin and the reduced costs.
 * @example
 * // not run: `inst` stands for a prepared instance
 * const { bound, margin } = lagrangianBound(inst, lp.cuts, u, y, fixed); // tours cost >= bound - margin
 */
export function lagrangianBound(
  inst: SymmetricInstance,
  cuts: readonly Cut[],
  nodeDual: ArrayLike<number>,
  cutDual: ArrayLike<number>,
  fixed: Int8Array,
): LagrangianBound {
  const { n, cost, allowed } = inst;
  const rc = new Float64Array(n * n);
  const dual = (v: number) => nodeDual[v] ?? failIndex('nodeDual', v);
  const costOf = (key: number) => cost[key] ?? failIndex('cost', key);
  for (let a = 0; a < n; a++) {
    const ua = dual(a);
    for (let b = a + 1; b < n; b++) {
      const key = a * n + b;
      if (allowed[key]) rc[key] = costOf(key) - ua - dual(b);
    }
  }
  let bound = 0;
  let abs = 0;
  for (let v = 0; v < n; v++) {
    bound += 2 * dual(v);
    abs += Math.abs(2 * dual(v));
  }
  const inside: number[] = [];
  const outside: number[] = [];
  cuts.forEach((cut, r) => {
    const y = cutDual[r] ?? failIndex('cutDual', r);
    if (!(y > 0)) return;
    bound += cut.rhs * y;
    abs += Math.abs(cut.rhs * y);
    for (const set of cut.toothSets ? [cut.inside, ...cut.toothSets] : [cut.inside]) {
      inside.length = 0;
      outside.length = 0;
      for (let v = 0; v < n; v++) (set[v] ? inside : outside).push(v);
      for (const a of inside) {
        for (const b of outside) {
          const key = a < b ? a * n + b : b * n + a;
          rc[key] = (rc[key] ?? failIndex('rc', key)) - y;
        }
      }
    }
    for (const key of cut.teeth) rc[key] = (rc[key] ?? failIndex('rc', key)) + 2 * y;
  });
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const key = a * n + b;
      if (!allowed[key]) continue;
      const f = fixed[key];
      const r = rc[key] ?? failIndex('rc', key);
      const term = f === 1 ? r : f === 0 ? 0 : Math.min(0, r);
      bound += term;
      abs += Math.abs(term) + Math.abs(costOf(key)) * (f === 0 ? 0 : 1e-3);
    }
  }
  return { bound, margin: 1e-9 * (abs + Math.abs(bound)) + 1e-9, rc };
}
