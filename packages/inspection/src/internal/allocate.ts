/**
 * Proportional allocation of `size` among strata of the given sizes (`cap`) with largest-remainder (Hamilton)
 * rounding: stratum h gets floor(q_h) with q_h = size · N_h / N, and the size − Σ floor(q_h) units
 * left go one each to the strata with the largest remainders q_h − floor(q_h); equal remainders go
 * to the larger stratum, then to the earlier one (strata come sorted by key). Every allocation is
 * then within one of its quota, never above its stratum, and the allocations sum to `size`.
 * The caller guarantees 0 ≤ size ≤ N. Returns each stratum with its `count`, in the same order.
 */
export function allocateProportional<S extends { cap: number }>(
  strata: readonly S[],
  size: number,
): (S & { count: number })[] {
  const total = strata.reduce((a, s) => a + s.cap, 0);
  if (total === 0) return strata.map((s) => ({ ...s, count: 0 }));
  // exact integer arithmetic: quota_h = size·N_h / N as quotient and remainder
  const state = strata.map((s, h) => {
    const count = Math.floor((size * s.cap) / total);
    return { s, h, n: s.cap, count, rem: size * s.cap - count * total };
  });
  let left = size - state.reduce((a, s) => a + s.count, 0);
  const order = [...state].sort((a, b) => b.rem - a.rem || b.n - a.n || a.h - b.h);
  for (const s of order) {
    if (left === 0) break;
    if (s.count < s.n) {
      s.count++;
      left--;
    }
  }
  return state.map(({ s, count }) => ({ ...s, count }));
}

/**
 * Allocation of `size` among strata in proportion to their summed selection weights (so that
 * weighting towards low verification rates also moves sample size between strata, not only within
 * them), each capped at its number of eligible retailers: quotas q_h = size · W_h / ΣW over the strata
 * not yet capped, a stratum whose quota reaches its cap gets the cap and the rest is shared again;
 * then largest-remainder rounding as in {@link allocateProportional}. With equal weights this equals
 * the count-proportional allocation up to float rounding of the remainders. Returns each stratum with
 * its `count`, in the same order.
 */
export function allocateByWeight<S extends { weight: number; cap: number }>(
  strata: readonly S[],
  size: number,
): (S & { count: number })[] {
  const state = strata.map((s, h) => ({ s, h, weight: s.weight, cap: s.cap, quota: 0, count: 0 }));
  const open = new Set(state.filter((s) => s.cap > 0 && s.weight > 0));
  let left = size;
  for (let changed = true; changed && open.size; ) {
    changed = false;
    const sum = [...open].reduce((a, s) => a + s.weight, 0);
    for (const s of open) s.quota = (left * s.weight) / sum;
    for (const s of [...open]) {
      if (s.quota >= s.cap) {
        s.quota = s.cap;
        left -= s.cap;
        open.delete(s);
        changed = true;
      }
    }
  }
  for (const s of state) s.count = Math.floor(s.quota + 1e-9);
  let rest = size - state.reduce((a, s) => a + s.count, 0);
  const order = [...state].sort((a, b) => b.quota - b.count - (a.quota - a.count) || b.cap - a.cap || a.h - b.h);
  for (const s of order) {
    if (rest <= 0) break;
    if (s.count < s.cap) {
      s.count++;
      rest--;
    }
  }
  return state.map(({ s, count }) => ({ ...s, count }));
}
