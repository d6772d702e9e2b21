import { issueReason, type ReasonedMessage } from '@beatplan/core';
import type { BalanceLimitResult, Limit } from './balance-limits.js';

/** Deviations are driven to within this fraction of each tolerance, so met limits keep a margin. */
const GOAL = 0.9;

/**
 * Per-territory sums of every limit's value and the territories' retailer counts, with the penalty of
 * a territory: Σ over limits of ((|deviation| − 0.9 · tolerance) / tolerance)² where positive — over
 * the limits no bound proves infeasible (the search does not chase those at the others' expense).
 */
export class LimitState {
  readonly sums: Float64Array;
  readonly sizes: Float64Array;
  private readonly mean: Float64Array;
  private readonly share: Float64Array;
  /** Per limit: why no assignment can meet it, or null. */
  private readonly proofs: (ReasonedMessage | null)[];

  /**
   * @param assignment Each retailer's territory (−1: none).
   * @param locked Each retailer's locked territory (−1: none).
   */
  constructor(
    readonly limits: readonly Limit[],
    readonly k: number,
    assignment: Int32Array,
    locked: Int32Array,
    private readonly managerIds: readonly string[],
  ) {
    const L = limits.length;
    this.sums = new Float64Array(L * k);
    this.sizes = new Float64Array(k);
    this.mean = new Float64Array(L);
    this.share = new Float64Array(L);
    let assigned = 0;
    assignment.forEach((j, i) => {
      if (j < 0) return;
      assigned++;
      this.sizes[j] = (this.sizes[j] as number) + 1;
      limits.forEach((l, m) => {
        this.sums[m * k + j] = (this.sums[m * k + j] as number) + (l.value[i] as number);
      });
    });
    limits.forEach((l, m) => {
      let total = 0;
      for (let j = 0; j < k; j++) total += this.sums[m * k + j] as number;
      l.total = total;
      this.mean[m] = total / Math.max(k, 1);
      this.share[m] = assigned > 0 ? total / assigned : 0;
    });
    this.proofs = limits.map((_, m) => this.infeasibility(m, locked, (i) => (assignment[i] as number) >= 0));
  }

  /** Deviation of limit m in territory j with sum `sum` and `size` retailers. */
  deviation(m: number, sum: number, size: number): number {
    const l = this.limits[m] as Limit;
    if (l.kind === 'share') return (size > 0 ? sum / size : 0) - (this.share[m] as number);
    const mean = this.mean[m] as number;
    return mean > 0 ? (sum - mean) / mean : 0;
  }

  /** Penalty of territory j after adding retailer `add` and removing `remove` (−1: none). */
  penalty(j: number, add = -1, remove = -1): number {
    return this.penaltyOf(j, add >= 0 ? [add] : [], remove >= 0 ? [remove] : []);
  }

  /** Penalty of territory j after adding the retailers `add` and removing the retailers `remove`. */
  penaltyOf(j: number, add: readonly number[], remove: readonly number[]): number {
    const size = (this.sizes[j] as number) + add.length - remove.length;
    let p = 0;
    for (let m = 0; m < this.limits.length; m++) {
      if (this.proofs[m] !== null) continue;
      const l = this.limits[m] as Limit;
      let sum = this.sums[m * this.k + j] as number;
      for (const i of add) sum += l.value[i] as number;
      for (const i of remove) sum -= l.value[i] as number;
      const e = (Math.abs(this.deviation(m, sum, size)) - GOAL * l.tolerance) / l.tolerance;
      if (e > 0) p += e * e;
    }
    return p;
  }

  /** Records retailer i moving from territory a to territory b. */
  move(i: number, a: number, b: number): void {
    this.sizes[a] = (this.sizes[a] as number) - 1;
    this.sizes[b] = (this.sizes[b] as number) + 1;
    this.limits.forEach((l, m) => {
      const v = l.value[i] as number;
      this.sums[m * this.k + a] = (this.sums[m * this.k + a] as number) - v;
      this.sums[m * this.k + b] = (this.sums[m * this.k + b] as number) + v;
    });
  }

  /**
   * The report of every limit: its largest deviation, worst manager, and status — `'infeasible'` when
   * a lower bound proves no assignment meets it.
   */
  report(): BalanceLimitResult[] {
    const k = this.k;
    const managerIds = this.managerIds;
    return this.limits.map((l, m) => {
      let worst = 0,
        worstJ = 0;
      for (let j = 0; j < k; j++) {
        const d = Math.abs(this.deviation(m, this.sums[m * k + j] as number, this.sizes[j] as number));
        if (d > worst) [worst, worstJ] = [d, j];
      }
      const out: BalanceLimitResult = {
        attribute: l.attribute,
        ...(l.key === undefined ? {} : { key: l.key }),
        tolerance: l.tolerance,
        maxDeviation: worst,
        worstManagerId: managerIds[worstJ] ?? '',
        status: worst <= l.tolerance + 1e-12 ? 'met' : 'missed',
      };
      if (out.status === 'met') return out;
      const proof = this.proofs[m];
      if (proof) return { ...out, status: 'infeasible', reason: proof.message, reasonData: proof.reason };
      const why = issueReason('territory.limit_deviates', { manager: out.worstManagerId, deviation: round(worst) });
      return { ...out, reason: why.message, reasonData: why.reason };
    });
  }

  /** A reason no assignment can meet limit m, or null when none of the bounds proves it. */
  private infeasibility(m: number, locked: Int32Array, assignable: (i: number) => boolean): ReasonedMessage | null {
    const managerIds = this.managerIds;
    const l = this.limits[m] as Limit;
    const k = this.k;
    let positive = 0;
    let big = -1;
    const lockedSum = new Float64Array(k);
    for (let i = 0; i < l.value.length; i++) {
      if (!assignable(i)) continue;
      const v = l.value[i] as number;
      if (v > 0) positive++;
      if (big < 0 || v > (l.value[big] as number)) big = i;
      const j = locked[i] as number;
      if (j >= 0) lockedSum[j] = (lockedSum[j] as number) + v;
    }
    if (l.kind === 'share') {
      const share = this.share[m] as number;
      return positive < k && share > l.tolerance
        ? issueReason('territory.limit_share_few', { positive, k, share: round(share) })
        : null;
    }
    const mean = this.mean[m] as number;
    if (mean <= 0) return null;
    const cap = (1 + l.tolerance) * mean;
    if (big >= 0 && (l.value[big] as number) > cap)
      return issueReason('territory.limit_one_retailer', {
        value: round(l.value[big] as number),
        tolerance: l.tolerance,
        mean: round(mean),
      });
    for (let j = 0; j < k; j++)
      if ((lockedSum[j] as number) > cap)
        return issueReason('territory.limit_locked', {
          manager: String(managerIds[j]),
          value: round(lockedSum[j] as number),
          tolerance: l.tolerance,
          mean: round(mean),
        });
    if (positive < k && l.tolerance < 1) return issueReason('territory.limit_positive_few', { positive, k });
    return null;
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
