import { customReason, type KeyedReason, type Retailer } from '@beatplan/core';
import * as z from 'zod';
import type { RetailerWorkload } from './workload-model.js';

const tolerance = z.number().gt(0).max(1);

/**
 * Per-attribute balance limits of the partition (`balance` option), each with its own tolerance:
 * - sums, relative to the mean over managers: `count` (retailers), `workload` (weekly minutes),
 *   `orders` (orderCount), `volume` (orderVolume), `orderingRetailers` (retailers with orderCount > 0);
 * - shares, in absolute points of the territory's retailers: `grade` (every grade value), `segment`
 *   (every segment): each territory's share of each value within ± tolerance of the share overall.
 */
export const BalanceLimitsSchema = z
  .strictObject({
    count: tolerance.optional(),
    workload: tolerance.optional(),
    orders: tolerance.optional(),
    volume: tolerance.optional(),
    orderingRetailers: tolerance.optional(),
    grade: tolerance.optional(),
    segment: tolerance.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, customReason('territory.balance_empty'));

/** An attribute the partition can balance (`balance` option, `PartitionResult.limits`). */
export type BalanceAttribute = keyof z.output<typeof BalanceLimitsSchema>;

/** The sum attributes, in the order they are reported. */
export const SUM_ATTRIBUTES = ['count', 'workload', 'orders', 'volume', 'orderingRetailers'] as const;

/** One limit and how the partition met it (`PartitionResult.limits`). */
export interface BalanceLimitResult {
  attribute: BalanceAttribute;
  /** For `grade`/`segment`: the grade or segment value whose share this limit bounds. */
  key?: string;
  tolerance: number;
  /**
   * Largest |deviation| over the managers: (sum − mean) / mean for sums, share − overall share for
   * shares (0.03 = 3 points).
   */
  maxDeviation: number;
  /** The manager with the largest |deviation|. */
  worstManagerId: string;
  /**
   * `'met'`: every manager within the tolerance. `'infeasible'`: no assignment can meet it (see
   * `reason`). `'missed'`: not met by this partition, though no proof says it cannot be.
   */
  status: 'met' | 'missed' | 'infeasible';
  /** Why the limit is infeasible, or which manager misses it by how much (English). */
  reason?: string;
  /**
   * The same reason as data (key and parameters), for other languages: core's
   * `formatReason(reasonData, { locale: 'zh-CN' })` writes it in Chinese.
   */
  reasonData?: KeyedReason;
}

/** One limit as the search sees it: a value per retailer, summed per territory. */
export interface Limit {
  attribute: BalanceAttribute;
  key?: string;
  kind: 'sum' | 'share';
  tolerance: number;
  value: Float64Array;
  /** Sum of `value` over the assigned retailers. */
  total: number;
}

/** The limits named by the `balance` option, over the retailers (shares: one limit per value, sorted). */
export function buildLimits(
  retailers: readonly Retailer[],
  workload: readonly RetailerWorkload[],
  balance: z.output<typeof BalanceLimitsSchema>,
): Limit[] {
  const n = retailers.length;
  const limits: Limit[] = [];
  const sum = (attribute: BalanceAttribute, get: (i: number) => number) => {
    const tol = balance[attribute];
    if (tol === undefined) return;
    const value = Float64Array.from({ length: n }, (_, i) => get(i));
    limits.push({ attribute, kind: 'sum', tolerance: tol, value, total: 0 });
  };
  sum('count', () => 1);
  sum('workload', (i) => workload[i]?.weeklyMinutes ?? 0);
  sum('orders', (i) => retailers[i]?.orderCount ?? 0);
  sum('volume', (i) => retailers[i]?.orderVolume ?? 0);
  sum('orderingRetailers', (i) => ((retailers[i]?.orderCount ?? 0) > 0 ? 1 : 0));
  const share = (attribute: 'grade' | 'segment', get: (r: Retailer) => string | undefined) => {
    const tol = balance[attribute];
    if (tol === undefined) return;
    const keys = [...new Set(retailers.map(get).filter((v) => v !== undefined))];
    keys.sort((a, b) => (attribute === 'grade' ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const value = Float64Array.from(retailers, (r) => (get(r) === key ? 1 : 0));
      limits.push({ attribute, key, kind: 'share', tolerance: tol, value, total: 0 });
    }
  };
  share('grade', (r) => (r.grade === undefined ? undefined : String(r.grade)));
  share('segment', (r) => r.segment);
  return limits;
}
