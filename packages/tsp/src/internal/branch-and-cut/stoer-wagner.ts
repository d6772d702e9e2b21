// Global minimum cut of a small weighted undirected graph (Stoer & Wagner, JACM 44(4), 1997).
// Each phase orders the (super)nodes by maximum adjacency; the last node t, merged into the one
// before it, gives the "cut of the phase" {t} against the rest with value key[t]. The smallest cut of
// the n - 1 phases is a global minimum cut. The separation keeps EVERY phase cut below a threshold:
// each is a set S with x(δ(S)) < 2, so one call yields many violated subtour constraints.
// O(m^3) on a dense m·m matrix, which is fine after shrinking (m is a few dozen at n = 200).
import { failIndex } from '../fail-index.js';

/** A set of original nodes and the weight of the edges that leave it. */
export interface CutSet {
  nodes: number[];
  value: number;
}

/**
 * Runs the Stoer–Wagner phases on a dense symmetric weight matrix of `m` supernodes and returns every
 * phase cut lighter than `threshold`, plus the global minimum cut (whatever its weight).
 * @param m Number of supernodes (at least 2).
 * @param w Row-major m·m weights, symmetric, diagonal ignored. Overwritten (merged rows).
 * @param groups The original nodes of each supernode (copied, not changed).
 * @param threshold Phase cuts below this are returned.
 * @returns `{ cuts, min }`: the light phase cuts (each the merged group of the phase's last node) and
 *   the global minimum cut.
 * @example
 * // two triangles joined by one edge of weight 0.5
 * const w = new Float64Array(36); // fill w[i*6+j] ...
 * minCutPhases(6, w, [[0],[1],[2],[3],[4],[5]], 2).min.value; // 0.5
 */
export function minCutPhases(
  m: number,
  w: Float64Array,
  groups: readonly number[][],
  threshold: number,
): { cuts: CutSet[]; min: CutSet } {
  const members = groups.map((g) => [...g]);
  const active: number[] = [];
  for (let i = 0; i < m; i++) active.push(i);
  const key = new Float64Array(m);
  const added = new Uint8Array(m);
  const cuts: CutSet[] = [];
  let min: CutSet = { nodes: [...(members[0] ?? [])], value: Infinity };
  while (active.length > 1) {
    for (const v of active) {
      key[v] = 0;
      added[v] = 0;
    }
    let prev = -1;
    let last = active[0] ?? 0;
    for (let k = 0; k < active.length; k++) {
      let best = -1;
      let bestKey = -1;
      for (const v of active) {
        const kv = key[v] ?? failIndex('key', v);
        if (!added[v] && kv > bestKey) {
          bestKey = kv;
          best = v;
        }
      }
      added[best] = 1;
      prev = last;
      last = best;
      const row = best * m;
      for (const v of active)
        if (!added[v]) key[v] = (key[v] ?? failIndex('key', v)) + (w[row + v] ?? failIndex('w', row + v));
    }
    const value = key[last] ?? failIndex('key', last);
    const phase = members[last] ?? [];
    if (value < threshold) cuts.push({ nodes: [...phase], value });
    if (value < min.value) min = { nodes: [...phase], value };
    // merge `last` into `prev`
    for (const v of active) {
      if (v === prev || v === last) continue;
      const sum = (w[prev * m + v] ?? failIndex('w', prev * m + v)) + (w[last * m + v] ?? failIndex('w', last * m + v));
      w[prev * m + v] = sum;
      w[v * m + prev] = sum;
    }
    (members[prev] ?? []).push(...phase);
    active.splice(active.indexOf(last), 1);
  }
  return { cuts, min };
}
