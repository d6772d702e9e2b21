/**
 * The C nearest centres of every point in power distance |x − c_j|² − ω_j, through a uniform grid over
 * the centres: rings of cells around the point are searched until no centre further out can enter
 * (its power distance is at least (ring distance)² − max ω). The answer is exactly the brute force's —
 * the first C centres in (power distance, index) order among those `allowed` — in O(C + centres near
 * the point) per point instead of O(k); ties go to the lower index, as a scan of j = 0..k−1 gives them.
 */
export class NearestCentres {
  private readonly cellM: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Centres of cell c: order[start[c] .. start[c + 1]). */
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  private readonly maxOmega: number;

  constructor(
    private readonly cx: Float64Array,
    private readonly cy: Float64Array,
    private readonly omega: Float64Array,
  ) {
    const k = cx.length;
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity,
      maxOmega = -Infinity;
    for (let j = 0; j < k; j++) {
      minX = Math.min(minX, cx[j] as number);
      maxX = Math.max(maxX, cx[j] as number);
      minY = Math.min(minY, cy[j] as number);
      maxY = Math.max(maxY, cy[j] as number);
      maxOmega = Math.max(maxOmega, omega[j] as number);
    }
    // about two centres per cell, and at most about 2·sqrt(k) + 1 cells along the longer side (centres
    // on a line would otherwise make a grid of needle cells)
    const span = Math.max(maxX - minX, maxY - minY, 1);
    const area = Math.max((maxX - minX) * (maxY - minY), 1);
    this.cellM = Math.max(Math.sqrt((2 * area) / Math.max(k, 1)), span / (2 * Math.sqrt(k) + 1));
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.floor((maxX - minX) / this.cellM) + 1);
    this.rows = Math.max(1, Math.floor((maxY - minY) / this.cellM) + 1);
    this.maxOmega = maxOmega;
    const cellOf = new Int32Array(k);
    const count = new Int32Array(this.cols * this.rows + 1);
    for (let j = 0; j < k; j++) {
      const c = this.cell(cx[j] as number, cy[j] as number);
      cellOf[j] = c;
      count[c + 1] = (count[c + 1] as number) + 1;
    }
    for (let c = 0; c < this.cols * this.rows; c++) count[c + 1] = (count[c + 1] as number) + (count[c] as number);
    this.start = Int32Array.from(count);
    this.order = new Int32Array(k);
    const fill = Int32Array.from(count);
    for (let j = 0; j < k; j++) {
      const c = cellOf[j] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      this.order[at] = j;
    }
  }

  private cell(x: number, y: number): number {
    const col = Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cellM)));
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellM)));
    return row * this.cols + col;
  }

  /**
   * Writes the nearest centres of (x, y) to `topJ` (ascending power distance, then index) and their
   * power distances to `topD`; returns how many were found (fewer than C only when fewer are allowed).
   */
  nearest(
    x: number,
    y: number,
    C: number,
    allowed: (j: number) => boolean,
    topD: Float64Array,
    topJ: Int32Array,
  ): number {
    const col = Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cellM)));
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellM)));
    const maxRing = Math.max(col, this.cols - 1 - col, row, this.rows - 1 - row);
    let found = 0;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const edge = r === row - ring || r === row + ring;
        for (let c = col - ring; c <= col + ring; c += edge ? 1 : 2 * ring) {
          if (c >= 0 && c < this.cols) found = this.scanCell(r * this.cols + c, x, y, C, allowed, topD, topJ, found);
          if (ring === 0) break;
        }
      }
      // every centre beyond this ring is at least ring·cell away from the point
      const reach = ring * this.cellM;
      if (found === C && reach * reach - this.maxOmega > (topD[C - 1] as number)) break;
    }
    return found;
  }

  private scanCell(
    cell: number,
    x: number,
    y: number,
    C: number,
    allowed: (j: number) => boolean,
    topD: Float64Array,
    topJ: Int32Array,
    found: number,
  ): number {
    for (let e = this.start[cell] as number; e < (this.start[cell + 1] as number); e++) {
      const j = this.order[e] as number;
      if (!allowed(j)) continue;
      const d = (x - (this.cx[j] as number)) ** 2 + (y - (this.cy[j] as number)) ** 2 - (this.omega[j] as number);
      if (found === C && (d > (topD[C - 1] as number) || (d === topD[C - 1] && j > (topJ[C - 1] as number)))) continue;
      let pos = found < C ? found++ : C - 1;
      while (pos > 0 && ((topD[pos - 1] as number) > d || (topD[pos - 1] === d && (topJ[pos - 1] as number) > j))) {
        topD[pos] = topD[pos - 1] as number;
        topJ[pos] = topJ[pos - 1] as number;
        pos--;
      }
      topD[pos] = d;
      topJ[pos] = j;
    }
    return found;
  }
}
