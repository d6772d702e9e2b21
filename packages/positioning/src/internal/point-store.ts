import { getKnown } from '@beatplan/core';

/**
 * Compact storage for a table of located transmitters (cell towers, WiFi access points): one typed
 * array per needed column, plus an open-addressing hash index (linear probing, load ≤ 0.5) from an
 * exact two-part numeric key to the row. No per-row objects: about 45 bytes per row plus 8–16 bytes of
 * index, and no `Map` size limit (V8 caps a Map at 2^24 entries; an OpenCellID world file has more).
 *
 * Key: `hi` and `lo` are non-negative integers below 2^53 (exact in a double). Rows with the same key
 * but a different `tag` (the radio type of a cell) are distinct rows; the same key and tag is a
 * duplicate.
 */
export class PointStore {
  size = 0;
  hi: Float64Array;
  lo: Float64Array;
  lng: Float64Array;
  lat: Float64Array;
  range: Float32Array;
  samples: Uint32Array;
  tag: Uint8Array;
  private slots: Int32Array;
  private mask: number;

  constructor(expectedRows = 1024) {
    const cap = Math.max(16, Math.ceil(expectedRows));
    this.hi = new Float64Array(cap);
    this.lo = new Float64Array(cap);
    this.lng = new Float64Array(cap);
    this.lat = new Float64Array(cap);
    this.range = new Float32Array(cap);
    this.samples = new Uint32Array(cap);
    this.tag = new Uint8Array(cap);
    let slots = 32;
    while (slots < cap * 2) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /**
   * Adds a row, or on a duplicate key+tag keeps the row with more samples (ties: the later one).
   * Returns `true` when the row was new, `false` for a duplicate.
   */
  add(hi: number, lo: number, tag: number, lng: number, lat: number, range: number, samples: number): boolean {
    let s = hashKey(hi, lo) & this.mask;
    for (;;) {
      const r = this.slots[s]! - 1;
      if (r < 0) break;
      if (this.hi[r] === hi && this.lo[r] === lo && this.tag[r] === tag) {
        if (samples >= this.samples[r]!) this.write(r, hi, lo, tag, lng, lat, range, samples);
        return false;
      }
      s = (s + 1) & this.mask;
    }
    if (this.size === this.hi.length) this.growColumns(this.size * 2);
    const row = this.size++;
    this.write(row, hi, lo, tag, lng, lat, range, samples);
    this.slots[s] = row + 1;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return true;
  }

  /** The stored values of a row (one found by {@link find}). */
  pointAt(row: number): { lng: number; lat: number; rangeM: number; samples: number; tag: number } {
    return {
      lng: getKnown(this.lng, row, 'row'),
      lat: getKnown(this.lat, row, 'row'),
      rangeM: getKnown(this.range, row, 'row'),
      samples: getKnown(this.samples, row, 'row'),
      tag: getKnown(this.tag, row, 'row'),
    };
  }

  /** Calls `visit(row)` for every row with this key (any tag), in probe order. */
  find(hi: number, lo: number, visit: (row: number) => void): void {
    let s = hashKey(hi, lo) & this.mask;
    for (;;) {
      const r = this.slots[s]! - 1;
      if (r < 0) return;
      if (this.hi[r] === hi && this.lo[r] === lo) visit(r);
      s = (s + 1) & this.mask;
    }
  }

  /** Releases the unused tail of the columns (after loading). */
  trim(): void {
    if (this.hi.length > this.size + (this.size >> 3) + 16) this.growColumns(this.size);
  }

  private write(
    row: number,
    hi: number,
    lo: number,
    tag: number,
    lng: number,
    lat: number,
    range: number,
    samples: number,
  ): void {
    this.hi[row] = hi;
    this.lo[row] = lo;
    this.tag[row] = tag;
    this.lng[row] = lng;
    this.lat[row] = lat;
    this.range[row] = range;
    this.samples[row] = samples;
  }

  private growColumns(cap: number): void {
    const n = this.size;
    const copy = <T extends Float64Array | Float32Array | Uint32Array | Uint8Array>(
      a: T,
      make: (c: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a.subarray(0, n));
      return b;
    };
    this.hi = copy(this.hi, (c) => new Float64Array(c));
    this.lo = copy(this.lo, (c) => new Float64Array(c));
    this.lng = copy(this.lng, (c) => new Float64Array(c));
    this.lat = copy(this.lat, (c) => new Float64Array(c));
    this.range = copy(this.range, (c) => new Float32Array(c));
    this.samples = copy(this.samples, (c) => new Uint32Array(c));
    this.tag = copy(this.tag, (c) => new Uint8Array(c));
  }

  private rehash(slotCount: number): void {
    this.slots = new Int32Array(slotCount);
    this.mask = slotCount - 1;
    for (let r = 0; r < this.size; r++) {
      let s = hashKey(this.hi[r]!, this.lo[r]!) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = r + 1;
    }
  }
}

const TWO_32 = 4294967296;

/** A 32-bit mix of a two-part key (murmur3-style finaliser over the four 32-bit halves). */
function hashKey(hi: number, lo: number): number {
  let h = Math.imul((lo | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ ((lo / TWO_32) | 0) ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ (hi | 0) ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ ((hi / TWO_32) | 0) ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
