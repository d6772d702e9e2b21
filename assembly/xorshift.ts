// xorshift32 (Marsaglia): the pseudo-random step of the seeded WebAssembly searches
// (local-search.ts, time-windows.ts). Each core keeps its own state and seeds it itself.

/** The next state after x (never 0 when x is not 0). */
@inline export function xorshift32(x: u32): u32 {
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return x;
}
