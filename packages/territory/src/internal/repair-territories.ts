import type { NeighbourGraph } from './neighbour-graph.js';

/** The state the repair passes work on (mutated in place). */
export interface RepairState {
  x: Float64Array;
  y: Float64Array;
  weight: Float64Array;
  target: Float64Array;
  locked: Int32Array;
  previous: Int32Array;
  baseX: Float64Array;
  baseY: Float64Array;
  centreX: Float64Array;
  centreY: Float64Array;
  maxRadius: number;
  tolerance: number;
  assignment: Int32Array;
  load: Float64Array;
  graph: NeighbourGraph;
  /** Cost (squared metres) of moving a retailer away from its previous manager. */
  movePenalty: number;
}

/** Whether retailer i may join territory j (within `maxRadius` of its base). */
export function canJoin(s: RepairState, i: number, j: number): boolean {
  return (
    s.maxRadius === Infinity || (s.x[i]! - s.baseX[j]!) ** 2 + (s.y[i]! - s.baseY[j]!) ** 2 <= s.maxRadius * s.maxRadius
  );
}

/** Moves retailer i to territory `to`, keeping the loads. */
export function move(s: RepairState, i: number, to: number): void {
  const from = s.assignment[i]!;
  s.load[from]! -= s.weight[i]!;
  s.load[to]! += s.weight[i]!;
  s.assignment[i] = to;
}

/**
 * Removes islands: a piece of a territory (connected in the neighbour graph) other than its largest
 * one, that touches other territories, joins the territory it touches most, when it is small (at most
 * a tenth of its territory's retailers and 5 % of its target load), holds no locked retailer, and the
 * move keeps both territories within the tolerance (balance comes first; with `allow`, when `allow` accepts
 * the move instead: the per-attribute limits' rule). A piece that touches no
 * other territory (a separate town) is not an island. Returns the number of retailers moved.
 */
export function removeIslands(
  s: RepairState,
  allow?: (list: readonly number[], from: number, to: number) => boolean,
): number {
  const n = s.x.length;
  const k = s.target.length;
  const { start, adj } = s.graph;
  const comp = new Int32Array(n).fill(-1);
  const compSize: number[] = [];
  const compOwner: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (comp[i]! >= 0 || s.assignment[i]! < 0) continue;
    const t = s.assignment[i]!;
    const id = compSize.length;
    compSize.push(0);
    compOwner.push(t);
    comp[i] = id;
    stack.push(i);
    while (stack.length) {
      const v = stack.pop()!;
      compSize[id]!++;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const u = adj[e]!;
        if (comp[u]! < 0 && s.assignment[u] === t) {
          comp[u] = id;
          stack.push(u);
        }
      }
    }
  }
  const main = new Int32Array(k).fill(-1);
  const members = new Int32Array(k);
  for (let c = 0; c < compSize.length; c++) {
    const t = compOwner[c]!;
    members[t]! += compSize[c]!;
    if (main[t]! < 0 || compSize[c]! > compSize[main[t]!]!) main[t] = c;
  }
  const byComp = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = comp[i]!;
    if (c < 0 || main[compOwner[c]!] === c) continue;
    let list = byComp.get(c);
    if (!list) byComp.set(c, (list = []));
    list.push(i);
  }
  let moved = 0;
  for (const [c, list] of [...byComp.entries()].sort((a, b) => a[0] - b[0])) {
    const t = compOwner[c]!;
    const pieceLoad = list.reduce((a, i) => a + s.weight[i]!, 0);
    if (list.length * 10 > members[t]! || pieceLoad > 0.05 * s.target[t]! || list.some((i) => s.locked[i]! >= 0))
      continue;
    const touches = new Map<number, number>();
    for (const i of list)
      for (let e = s.graph.start[i]!; e < s.graph.start[i + 1]!; e++) {
        const u = s.assignment[s.graph.adj[e]!]!;
        if (u !== t && u >= 0) touches.set(u, (touches.get(u) ?? 0) + 1);
      }
    let best = -1,
      bestCount = 0;
    for (const [u, count] of touches)
      if (count > bestCount || (count === bestCount && u < best)) [best, bestCount] = [u, count];
    if (best < 0 || !list.every((i) => canJoin(s, i, best))) continue;
    // never trade balance for contiguity: both territories must stay within the tolerance (or improve)
    if (allow ? !allow(list, t, best) : !keepsBalance(s, t, best, pieceLoad)) continue;
    for (const i of list) move(s, i, best);
    moved += list.length;
  }
  return moved;
}

/** Whether moving a piece of load `pieceLoad` from t to u keeps both within the tolerance (or improves). */
function keepsBalance(s: RepairState, t: number, u: number, pieceLoad: number): boolean {
  const devAfter = Math.max(
    Math.abs(s.load[t]! - pieceLoad - s.target[t]!) / s.target[t]!,
    Math.abs(s.load[u]! + pieceLoad - s.target[u]!) / s.target[u]!,
  );
  const devBefore = Math.max(
    Math.abs(s.load[t]! - s.target[t]!) / s.target[t]!,
    Math.abs(s.load[u]! - s.target[u]!) / s.target[u]!,
  );
  return devAfter <= Math.max(s.tolerance, devBefore);
}

/** The retailers of territory t, in index order. */
export function membersOf(s: RepairState, t: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.assignment.length; i++) if (s.assignment[i] === t) out.push(i);
  return out;
}

/**
 * The retailers outside territory t with a neighbour in it, in index order: the only ones that can move
 * into t (the scan over every retailer that this replaces found no move for any other).
 */
export function neighboursOf(s: RepairState, t: number): number[] {
  const { start, adj } = s.graph;
  const seen = new Uint8Array(s.assignment.length);
  const out: number[] = [];
  for (const i of membersOf(s, t))
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const u = adj[e]!;
      if (!seen[u] && s.assignment[u] !== t) {
        seen[u] = 1;
        out.push(u);
      }
    }
  return out.sort((a, b) => a - b);
}

/**
 * Boundary moves towards balance: while some territory is outside the tolerance, move one boundary
 * retailer (one with a neighbour in the other territory) from a heavier to a lighter neighbouring
 * territory, choosing the move that reduces the sum of squared relative deviations and costs the
 * least compactness (|x − c_to|² − |x − c_from|²) plus the penalty for leaving its previous manager.
 * Returns the number of moves.
 */
export function repairBalance(s: RepairState, maxMoves: number, goal = s.tolerance): number {
  const k = s.target.length;
  const stuck = new Uint8Array(k);
  const { start, adj } = s.graph;
  const dev = (j: number, load: number) => (load - s.target[j]!) / s.target[j]!;
  let moves = 0;
  while (moves < maxMoves) {
    let worst = -1,
      worstDev = goal;
    for (let j = 0; j < k; j++) {
      const d = Math.abs(dev(j, s.load[j]!));
      if (!stuck[j] && d > worstDev) [worst, worstDev] = [j, d];
    }
    if (worst < 0) break;
    const over = s.load[worst]! > s.target[worst]!;
    let bestI = -1,
      bestTo = -1,
      bestScore = Infinity;
    for (const i of over ? membersOf(s, worst) : neighboursOf(s, worst)) {
      const a = s.assignment[i]!;
      if (a < 0 || s.locked[i]! >= 0) continue;
      if (over ? a !== worst : a === worst) continue;
      for (let e = start[i]!; e < start[i + 1]!; e++) {
        const b = s.assignment[adj[e]!]!;
        if (b < 0 || b === a || (!over && b !== worst)) continue;
        const w = s.weight[i]!;
        const before = dev(a, s.load[a]!) ** 2 + dev(b, s.load[b]!) ** 2;
        const after = dev(a, s.load[a]! - w) ** 2 + dev(b, s.load[b]! + w) ** 2;
        if (after >= before || !canJoin(s, i, b)) continue;
        const score =
          (s.x[i]! - s.centreX[b]!) ** 2 +
          (s.y[i]! - s.centreY[b]!) ** 2 -
          ((s.x[i]! - s.centreX[a]!) ** 2 + (s.y[i]! - s.centreY[a]!) ** 2) +
          (s.previous[i] === a ? s.movePenalty : 0);
        if (score < bestScore) [bestI, bestTo, bestScore] = [i, b, score];
      }
    }
    if (bestI < 0) {
      stuck[worst] = 1;
      continue;
    }
    move(s, bestI, bestTo);
    moves++;
    stuck.fill(0);
  }
  return moves;
}
