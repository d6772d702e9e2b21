// The linear program of the branch-and-cut, kept in one persistent HiGHS model (warm-started dual
// simplex): one column per edge in the LP (0 <= x_e <= 1), one row per node (x(δ(v)) = 2), and one
// row per cut (subtour x(δ(S)) >= 2; blossom x(δ(H) \ F) - x(F) >= 1 - |F|). Columns are added by
// pricing, rows by separation; rows that stay slack with a zero dual for a while are dropped.
import type { Basis, Highs, Model } from 'highs';
import { failIndex } from '../fail-index.js';
import { edgeKey, type SymmetricInstance } from './symmetric-instance.js';

/**
 * A cut row Σ_e a_e·x_e >= rhs: a_e is 1 for each of the sets `inside` (S, or the handle H) and `toothSets`
 * (a comb's teeth) that e crosses, minus 2 when e is one of `teeth` (a blossom's tooth edges, which cross H).
 */
export interface Cut {
  inside: Uint8Array;
  teeth: Set<number>;
  /** A comb's teeth as node sets (absent for subtour and blossom rows). */
  toothSets?: Uint8Array[];
  rhs: number;
  /** LP solves in a row with a zero dual and positive slack. */
  idle: number;
}

/** HiGHS model status codes (highs.constants.modelStatus). */
export const LP_OPTIMAL = 7;
export const LP_INFEASIBLE = 8;
export const LP_ITERATION_LIMIT = 14;

/** Coefficient of edge {a, b} (key) in a cut. */
export function cutCoefficient(cut: Cut, a: number, b: number, key: number): number {
  let c = 0;
  if (cut.inside[a] !== cut.inside[b]) c = cut.teeth.has(key) ? -1 : 1;
  if (cut.toothSets) for (const t of cut.toothSets) if (t[a] !== t[b]) c++;
  return c;
}

/** A solved LP: x per column and the duals (degree rows first, then the cuts). */
export interface LpPoint {
  x: Float64Array;
  rowDual: Float64Array;
  rowValue: Float64Array;
  objective: number;
}

/** The branch-and-cut's LP. */
export class CutLp {
  readonly n: number;
  readonly colKey: number[] = [];
  readonly colOf: Int32Array;
  readonly cuts: Cut[] = [];
  private readonly model: Model;
  private iterationLimit: number;

  constructor(
    highs: Highs,
    private readonly inst: SymmetricInstance,
    readonly iterationsPerSlice: number,
  ) {
    this.iterationLimit = iterationsPerSlice;
    this.n = inst.n;
    this.colOf = new Int32Array(inst.n * inst.n).fill(-1);
    this.model = highs.createModel();
    this.model.options.set({
      output_flag: false,
      presolve: 'off',
      solver: 'simplex',
      simplex_iteration_limit: iterationsPerSlice,
    });
    const n = inst.n;
    this.model.addRows({
      lower: new Float64Array(n).fill(2),
      upper: new Float64Array(n).fill(2),
      matrix: {
        format: 'csr',
        numRows: n,
        numCols: 0,
        starts: new Int32Array(n + 1),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    });
  }

  /** Adds the edges (keys) that are not columns yet, with bounds [lower, upper]. */
  addColumns(keys: readonly number[], lower = 0, upper = 1): void {
    const fresh = keys.filter((k) => this.colOf[k] === -1);
    if (!fresh.length) return;
    const n = this.n;
    const starts = new Int32Array(fresh.length + 1);
    const indices: number[] = [];
    const values: number[] = [];
    const cost = new Float64Array(fresh.length);
    fresh.forEach((key, j) => {
      const a = Math.floor(key / n);
      const b = key % n;
      cost[j] = this.inst.cost[key] ?? failIndex('cost', key);
      indices.push(a, b);
      values.push(1, 1);
      this.cuts.forEach((cut, r) => {
        const c = cutCoefficient(cut, a, b, key);
        if (c) {
          indices.push(n + r);
          values.push(c);
        }
      });
      starts[j + 1] = indices.length;
      this.colOf[key] = this.colKey.length;
      this.colKey.push(key);
    });
    this.model.addCols({
      cost,
      lower: new Float64Array(fresh.length).fill(lower),
      upper: new Float64Array(fresh.length).fill(upper),
      matrix: {
        format: 'csc',
        numRows: n + this.cuts.length,
        numCols: fresh.length,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
  }

  /** Adds cut rows (their coefficients on the current columns). */
  addCuts(cuts: readonly Cut[]): void {
    if (!cuts.length) return;
    const n = this.n;
    const starts = new Int32Array(cuts.length + 1);
    const indices: number[] = [];
    const values: number[] = [];
    cuts.forEach((cut, r) => {
      this.colKey.forEach((key, j) => {
        const c = cutCoefficient(cut, Math.floor(key / n), key % n, key);
        if (c) {
          indices.push(j);
          values.push(c);
        }
      });
      starts[r + 1] = indices.length;
    });
    this.model.addRows({
      lower: Float64Array.from(cuts, (c) => c.rhs),
      upper: new Float64Array(cuts.length).fill(Infinity),
      matrix: {
        format: 'csr',
        numRows: cuts.length,
        numCols: this.colKey.length,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    this.cuts.push(...cuts);
  }

  /** Drops the cuts idle for `maxIdle` solves or more; returns how many. */
  dropIdleCuts(maxIdle: number): number {
    const drop: number[] = [];
    this.cuts.forEach((c, r) => {
      if (c.idle >= maxIdle) drop.push(this.n + r);
    });
    if (!drop.length) return 0;
    this.model.deleteRows({ kind: 'set', indices: Int32Array.from(drop) });
    const keep = this.cuts.filter((c) => c.idle < maxIdle);
    this.cuts.length = 0;
    this.cuts.push(...keep);
    return drop.length;
  }

  /** Sets the bounds of an edge's column (adding the column when it is missing). */
  setBounds(key: number, lower: number, upper: number): void {
    const col = this.colOf[key] ?? failIndex('colOf', key);
    if (col === -1) this.addColumns([key], lower, upper);
    else this.model.changeColBounds(col, lower, upper);
  }

  /** The current simplex basis (to come back to after a strong-branching trial). */
  saveBasis(): Basis {
    return this.model.getBasis();
  }

  /** Installs a basis saved by `saveBasis` (same rows and columns). */
  restoreBasis(basis: Basis): void {
    this.model.setBasis(basis);
  }

  /** The objective value of the last run (for an unfinished dual simplex: its current dual objective). */
  objective(): number {
    return this.model.getObjectiveValue();
  }

  /** Runs the simplex for at most one slice of iterations; returns the HiGHS model status. */
  runSlice(iterations = this.iterationsPerSlice): number {
    if (iterations !== this.iterationLimit) {
      this.model.options.set({ simplex_iteration_limit: iterations });
      this.iterationLimit = iterations;
    }
    return this.model.run().modelStatus;
  }

  /** The current solution; marks idle cuts unless `trial` (a strong-branching trial's solution). */
  point(trial = false): LpPoint {
    const s = this.model.getSolution();
    const n = this.n;
    if (!trial)
      this.cuts.forEach((cut, r) => {
        const slack = (s.rowValue[n + r] ?? failIndex('rowValue', n + r)) - cut.rhs;
        const dual = s.rowDual[n + r] ?? failIndex('rowDual', n + r);
        cut.idle = Math.abs(dual) < 1e-9 && slack > 1e-6 ? cut.idle + 1 : 0;
      });
    return { x: s.colValue, rowDual: s.rowDual, rowValue: s.rowValue, objective: this.model.getObjectiveValue() };
  }

  /** Releases the HiGHS model (WebAssembly memory). */
  dispose(): void {
    this.model.dispose();
  }
}

export { edgeKey };
