/**
 * Proportional allocation of `size` among strata of the given sizes with largest-remainder (Hamilton)
 * rounding: stratum h gets floor(q_h) with q_h = size · N_h / N, and the size − Σ floor(q_h) units
 * left go one each to the strata with the largest remainders q_h − floor(q_h); equal remainders go
 * to the larger stratum, then to the earlier one (strata come sorted by key). Every allocation is
 * then within one of its quota, never above its stratum, and the allocations sum to `size`.
 * The caller guarantees 0 ≤ size ≤ N.
 */
export function allocateProportional(sizes: readonly number[], size: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  // exact integer arithmetic: quota_h = size·N_h / N as quotient and remainder
  const out = sizes.map((n) => Math.floor((size * n) / total));
  const rem = sizes.map((n, h) => size * n - out[h]! * total);
  let left = size - out.reduce((a, b) => a + b, 0);
  const order = sizes.map((_, h) => h).sort((a, b) => rem[b]! - rem[a]! || sizes[b]! - sizes[a]! || a - b);
  for (const h of order) {
    if (left === 0) break;
    if (out[h]! < sizes[h]!) {
      out[h]!++;
      left--;
    }
  }
  return out;
}
