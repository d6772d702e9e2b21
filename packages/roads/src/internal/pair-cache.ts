import { LRUCache } from 'lru-cache';

/** Metres and seconds of one cached pair; `[-1, -1]` for a pair the service found no route for. */
export type CachedPair = readonly [distanceM: number, durationS: number];

/**
 * A bounded LRU of pair answers (lru-cache), keyed by the two points rounded to `decimals` decimal
 * degrees in the service's coordinates. Keys hold coordinates only: never a key, URL or header.
 */
export class PairCache {
  private readonly lru: LRUCache<string, CachedPair>;

  constructor(
    maxPairs: number,
    private readonly decimals: number,
  ) {
    this.lru = new LRUCache<string, CachedPair>({ max: maxPairs });
  }

  /** The key of the pair a → b (service coordinates, `[lng, lat]`). */
  key(a: readonly [number, number], b: readonly [number, number]): string {
    const d = this.decimals;
    return `${a[0].toFixed(d)},${a[1].toFixed(d)};${b[0].toFixed(d)},${b[1].toFixed(d)}`;
  }

  get(key: string): CachedPair | undefined {
    return this.lru.get(key);
  }

  set(key: string, value: CachedPair): void {
    this.lru.set(key, value);
  }

  /** Pairs held now. */
  get size(): number {
    return this.lru.size;
  }
}
