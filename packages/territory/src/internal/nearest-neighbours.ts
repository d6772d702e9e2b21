/** The k nearest neighbours of every point: `index[i*k + r]` (−1 when fewer exist) and `dist` in metres. */
export interface Neighbours {
  k: number;
  index: Int32Array;
  dist: Float64Array;
}

/**
 * Finds the k nearest other points of every point on the plane with a uniform grid (about two points
 * per cell), ring by ring until no unseen point can be closer than the k-th found. O(n·k) for spread
 * points. Ties are broken by the lower index, so the result is deterministic.
 */
export function findNearestNeighbours(x: Float64Array, y: Float64Array, k: number): Neighbours {
  const n = x.length;
  const index = new Int32Array(n * k).fill(-1);
  const dist = new Float64Array(n * k).fill(Infinity);
  if (n < 2 || k < 1) return { k, index, dist };
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const w = Math.max(maxX - minX, 1),
    h = Math.max(maxY - minY, 1);
  const cell = Math.max(Math.sqrt((w * h * 2) / n), Math.max(w, h) / 2048, 1e-6);
  const gx = Math.floor(w / cell) + 1,
    gy = Math.floor(h / cell) + 1;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(gx * gy + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.floor((y[i]! - minY) / cell) * gx + Math.floor((x[i]! - minX) / cell);
    cellOf[i] = c;
    start[c + 1]!++;
  }
  for (let c = 0; c < gx * gy; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, gx * gy);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[cellOf[i]!]!++] = i;
  const maxRing = Math.max(gx, gy);
  for (let i = 0; i < n; i++) {
    const cx = cellOf[i]! % gx,
      cy = Math.floor(cellOf[i]! / gx);
    const base = i * k;
    let found = 0;
    for (let r = 0; r <= maxRing; r++) {
      for (let yy = cy - r; yy <= cy + r; yy++) {
        if (yy < 0 || yy >= gy) continue;
        const onEdgeRow = yy === cy - r || yy === cy + r;
        for (let xx = cx - r; xx <= cx + r; xx += onEdgeRow ? 1 : 2 * r || 1) {
          if (xx < 0 || xx >= gx) continue;
          const c = yy * gx + xx;
          for (let m = start[c]!; m < start[c + 1]!; m++) {
            const j = members[m]!;
            if (j === i) continue;
            const d = Math.hypot(x[j]! - x[i]!, y[j]! - y[i]!);
            if (found === k && (d > dist[base + k - 1]! || (d === dist[base + k - 1]! && j > index[base + k - 1]!)))
              continue;
            let pos = found < k ? found++ : k - 1;
            while (
              pos > 0 &&
              (dist[base + pos - 1]! > d || (dist[base + pos - 1]! === d && index[base + pos - 1]! > j))
            ) {
              dist[base + pos] = dist[base + pos - 1]!;
              index[base + pos] = index[base + pos - 1]!;
              pos--;
            }
            dist[base + pos] = d;
            index[base + pos] = j;
          }
        }
      }
      if (found === k && dist[base + k - 1]! <= r * cell) break;
    }
  }
  return { k, index, dist };
}
