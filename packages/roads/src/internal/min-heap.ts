/** A binary min-heap of (key, item) pairs in typed arrays; stale entries are skipped by the caller (lazy deletion). */
export class MinHeap {
  keys = new Float64Array(1024);
  items = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const it = new Int32Array(this.size * 2);
      it.set(this.items);
      this.items = it;
    }
    const ks = this.keys;
    const is = this.items;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = ks[p] as number;
      if (pk <= key) break;
      ks[i] = pk;
      is[i] = is[p] as number;
      i = p;
    }
    ks[i] = key;
    is[i] = item;
  }

  /** The least key (the heap must not be empty). */
  topKey(): number {
    return this.keys[0] as number;
  }

  /** Removes and returns the item with the least key (the heap must not be empty). */
  pop(): number {
    const ks = this.keys;
    const is = this.items;
    const top = is[0] as number;
    const size = --this.size;
    if (size === 0) return top;
    const key = ks[size] as number;
    const item = is[size] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (ks[c + 1] as number) < (ks[c] as number)) c++;
      if (key <= (ks[c] as number)) break;
      ks[i] = ks[c] as number;
      is[i] = is[c] as number;
      i = c;
    }
    ks[i] = key;
    is[i] = item;
    return top;
  }
}
