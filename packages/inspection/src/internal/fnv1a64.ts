const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/**
 * FNV-1a, 64 bit, over the UTF-8 bytes of `text` (Fowler–Noll–Vo; offset basis 0xcbf29ce484222325,
 * prime 0x100000001b3). Not a cryptographic hash: it detects a changed input, it does not resist a
 * forger. Pure TypeScript, synchronous, the same on every engine.
 */
export function fnv1a64(text: string): bigint {
  let h = OFFSET;
  for (const byte of encoder.encode(text)) {
    h ^= BigInt(byte);
    h = (h * PRIME) & MASK;
  }
  return h;
}

/** `fnv1a64` as 16 lower-case hex digits. */
export function fnv1a64Hex(text: string): string {
  return fnv1a64(text).toString(16).padStart(16, '0');
}

/** The SplitMix64 finaliser (Steele, Lea, Flood 2014): spreads every input bit over the output. */
export function mix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/**
 * The uniform variate of one retailer in one draw: the top 53 bits of
 * `mix64(fnv1a64(seed + ':' + id))`, mapped to the open interval (0, 1). Counter-based: it depends on
 * the seed and the id only, so it does not change when other retailers are added or reordered.
 */
export function uniformFor(seed: number, id: string): number {
  const bits = mix64(fnv1a64(`${seed}:${id}`)) >> 11n;
  return (Number(bits) + 0.5) / 2 ** 53;
}
