import { type DayTours, EPSILON_S, lateness, refreshTour } from './day-tours.js';

/**
 * Re-optimises slot k's estimated tour: 2-opt (a segment reversed, priced in O(1) on an asymmetric
 * matrix by prefix sums of both directions) and Or-opt (a string of 1–3 stops moved elsewhere, either
 * way round), first improvement, until neither finds a cheaper tour that is no later than the current
 * one (a tour on time stays on time). Deterministic. Sets the slot's travel and timeline.
 */
export function improveTour(t: DayTours, k: number): void {
  const tour = t.tours[k] as number[];
  let late = lateness(t, k, tour);
  const accept = (next: number[]): boolean => {
    const l = lateness(t, k, next);
    if (l > late + EPSILON_S) return false;
    late = Math.min(late, l);
    tour.splice(0, tour.length, ...next);
    return true;
  };
  while (twoOptOnce(t, tour, accept) || orOptOnce(t, tour, accept));
  refreshTour(t, k);
}

function twoOptOnce(t: DayTours, tour: readonly number[], accept: (next: number[]) => boolean): boolean {
  const c = t.time;
  const n = t.size;
  const seq = [0, ...tour, 0];
  const m = seq.length;
  const fwd = new Float64Array(m);
  const bwd = new Float64Array(m);
  for (let p = 1; p < m; p++) {
    const a = seq[p - 1] as number;
    const b = seq[p] as number;
    fwd[p] = (fwd[p - 1] as number) + (c[a * n + b] as number);
    bwd[p] = (bwd[p - 1] as number) + (c[b * n + a] as number);
  }
  for (let i = 1; i < m - 2; i++) {
    const a = seq[i - 1] as number;
    const b = seq[i] as number;
    for (let j = i + 1; j < m - 1; j++) {
      const e = seq[j] as number;
      const f = seq[j + 1] as number;
      const old = (c[a * n + b] as number) + (fwd[j] as number) - (fwd[i] as number) + (c[e * n + f] as number);
      const now = (c[a * n + e] as number) + (bwd[j] as number) - (bwd[i] as number) + (c[b * n + f] as number);
      if (now < old - EPSILON_S) {
        const next = [...tour.slice(0, i - 1), ...tour.slice(i - 1, j).reverse(), ...tour.slice(j)];
        if (accept(next)) return true;
      }
    }
  }
  return false;
}

function orOptOnce(t: DayTours, tour: readonly number[], accept: (next: number[]) => boolean): boolean {
  const c = t.time;
  const n = t.size;
  const L = tour.length;
  // seq[i + 1] = tour[i]; seq[0] = seq[L + 1] = the base
  const seq = new Int32Array(L + 2);
  for (let i = 0; i < L; i++) seq[i + 1] = tour[i] as number;
  for (let len = 1; len <= 3 && len < L; len++) {
    for (let i = 0; i + len <= L; i++) {
      const first = seq[i + 1] as number;
      const last = seq[i + len] as number;
      const p = seq[i] as number;
      const q = seq[i + len + 1] as number;
      const gain = (c[p * n + first] as number) + (c[last * n + q] as number) - (c[p * n + q] as number);
      let inner = 0;
      let innerRev = 0;
      for (let x = i + 1; x < i + len; x++) {
        const u = seq[x] as number;
        const v = seq[x + 1] as number;
        inner += c[u * n + v] as number;
        innerRev += c[v * n + u] as number;
      }
      // between tour[j] and tour[j + 1] (seq[j + 1], seq[j + 2]), j outside [i - 1, i + len - 1]
      for (let j = -1; j < L; j++) {
        if (j >= i - 1 && j <= i + len - 1) continue;
        const x = seq[j + 1] as number;
        const y = seq[j + 2] as number;
        const base = c[x * n + y] as number;
        const ahead = (c[x * n + first] as number) + (c[last * n + y] as number) - base;
        const back = (c[x * n + last] as number) + (c[first * n + y] as number) - base + innerRev - inner;
        if (Math.min(ahead, back) < gain - EPSILON_S) {
          const rest = [...tour.slice(0, i), ...tour.slice(i + len)];
          const seg = tour.slice(i, i + len);
          if (back < ahead) seg.reverse();
          const to = j < i ? j + 1 : j + 1 - len;
          if (accept([...rest.slice(0, to), ...seg, ...rest.slice(to)])) return true;
        }
      }
    }
  }
  return false;
}
