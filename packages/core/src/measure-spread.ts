/**
 * How evenly a figure is spread across managers: the one `Spread` of beatplan (territory's partition
 * spread and the reports' balance figures).
 *
 * - `n`, `min`, `max`, `mean`, `sd` (population standard deviation, √(Σ(x − mean)² / n)).
 * - `maxToMinRatio`: max / min; `null` when min is 0 and max > 0 (unbounded), 1 when all are 0.
 * - `cv`: coefficient of variation sd / mean (0 when the mean is 0).
 */
export interface Spread {
  n: number;
  min: number;
  max: number;
  mean: number;
  sd: number;
  maxToMinRatio: number | null;
  cv: number;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Measures the spread of a figure across managers (`@beatplan/territory`'s partition spread and
 * `@beatplan/reports`' balance figures both use it), with `maxToMinRatio` null instead of Infinity so
 * the result is valid JSON. Every figure is rounded to 4 decimals.
 *
 * @param values - one figure per manager (any unit; ≥ 0 expected for `maxToMinRatio` to make sense).
 * @returns the {@link Spread}; all zeros (and `maxToMinRatio` 1) for an empty list.
 * @throws never.
 * @example
 * measureSpread([300, 400, 500]); // { n: 3, min: 300, max: 500, mean: 400, sd: 81.6497, maxToMinRatio: 1.6667, cv: 0.2041 }
 */
export function measureSpread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { n: 0, min: 0, max: 0, mean: 0, sd: 0, maxToMinRatio: 1, cv: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  const sd = Math.sqrt(sq / n);
  const maxToMinRatio = min > 0 ? max / min : max > 0 ? null : 1;
  return {
    n,
    min: round4(min),
    max: round4(max),
    mean: round4(mean),
    sd: round4(sd),
    maxToMinRatio: maxToMinRatio === null ? null : round4(maxToMinRatio),
    cv: mean !== 0 ? round4(sd / Math.abs(mean)) : 0,
  };
}
