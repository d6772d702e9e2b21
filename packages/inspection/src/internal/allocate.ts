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

/**
 * Allocation of `size` among strata in proportion to their summed selection weights (so that
 * weighting towards low verification rates also moves sample size between strata, not only within
 * them), each capped at its number of eligible retailers: quotas q_h = size · W_h / ΣW over the strata
 * not yet capped, a stratum whose quota reaches its cap gets the cap and the rest is shared again;
 * then largest-remainder rounding as in {@link allocateProportional}. With equal weights this equals
 * the count-proportional allocation up to float rounding of the remainders.
 */
export function allocateByWeight(weights: readonly number[], caps: readonly number[], size: number): number[] {
  const quota = weights.map(() => 0);
  const open = new Set(weights.map((_, h) => h).filter((h) => caps[h]! > 0 && weights[h]! > 0));
  let left = size;
  for (let changed = true; changed && open.size; ) {
    changed = false;
    const sum = [...open].reduce((a, h) => a + weights[h]!, 0);
    for (const h of open) quota[h] = (left * weights[h]!) / sum;
    for (const h of [...open]) {
      if (quota[h]! >= caps[h]!) {
        quota[h] = caps[h]!;
        left -= caps[h]!;
        open.delete(h);
        changed = true;
      }
    }
  }
  const out = quota.map((q) => Math.floor(q + 1e-9));
  let rest = size - out.reduce((a, b) => a + b, 0);
  const order = quota
    .map((_, h) => h)
    .sort((a, b) => quota[b]! - out[b]! - (quota[a]! - out[a]!) || caps[b]! - caps[a]! || a - b);
  for (const h of order) {
    if (rest <= 0) break;
    if (out[h]! < caps[h]!) {
      out[h]!++;
      rest--;
    }
  }
  return out;
}
