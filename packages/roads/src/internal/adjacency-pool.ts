/**
 * Per-node lists of (target, key) in two shared typed arrays, for a graph that changes while it is
 * contracted: node v's list is tgt/key[start[v] .. start[v] + len[v]). A full list moves to the end of
 * the pool with twice the room (the old room is not reused); the pool doubles when it is full.
 */
export class AdjacencyPool {
  readonly start: Int32Array;
  readonly len: Int32Array;
  readonly cap: Int32Array;
  tgt: Int32Array;
  key: Float64Array;
  used = 0;

  /** @param n - nodes; @param hint - expected entries (the initial pool size). */
  constructor(n: number, hint: number) {
    this.start = new Int32Array(n);
    this.len = new Int32Array(n);
    this.cap = new Int32Array(n);
    const size = Math.max(1024, 2 * hint + 4 * n);
    this.tgt = new Int32Array(size);
    this.key = new Float64Array(size);
  }

  private relocate(v: number): void {
    const cap = Math.max(4, (this.cap[v] as number) * 2);
    if (this.used + cap > this.tgt.length) {
      const size = Math.max(this.tgt.length * 2, this.used + cap);
      const t = new Int32Array(size);
      t.set(this.tgt.subarray(0, this.used));
      this.tgt = t;
      const k = new Float64Array(size);
      k.set(this.key.subarray(0, this.used));
      this.key = k;
    }
    const s = this.start[v] as number;
    const l = this.len[v] as number;
    this.tgt.copyWithin(this.used, s, s + l);
    this.key.copyWithin(this.used, s, s + l);
    this.start[v] = this.used;
    this.cap[v] = cap;
    this.used += cap;
  }

  /** Appends (t, k) to v's list. */
  push(v: number, t: number, k: number): void {
    if (this.len[v] === this.cap[v]) this.relocate(v);
    const at = (this.start[v] as number) + (this.len[v] as number);
    this.tgt[at] = t;
    this.key[at] = k;
    this.len[v] = (this.len[v] as number) + 1;
  }

  /** Pool index of t in v's list, or −1. */
  find(v: number, t: number): number {
    const s = this.start[v] as number;
    const end = s + (this.len[v] as number);
    for (let i = s; i < end; i++) if (this.tgt[i] === t) return i;
    return -1;
  }

  /** Removes t from v's list (the last entry takes its place). */
  remove(v: number, t: number): void {
    const at = this.find(v, t);
    if (at < 0) return;
    const last = (this.start[v] as number) + (this.len[v] as number) - 1;
    this.tgt[at] = this.tgt[last] as number;
    this.key[at] = this.key[last] as number;
    this.len[v] = (this.len[v] as number) - 1;
  }

  /** Empties v's list. */
  clear(v: number): void {
    this.len[v] = 0;
  }
}
