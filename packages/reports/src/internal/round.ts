/** Rounds to 1 decimal (metres, seconds, minutes). */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Rounds to 4 decimals (rates, ratios). */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** a / b rounded to 4 decimals, or null when b is 0. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : round4(a / b));
