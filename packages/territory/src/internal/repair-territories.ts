import { getKnown } from '@beatplan/core';
import { type NeighbourGraph, neighboursOfNode } from './neighbour-graph.js';

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
  // the pieces: connected parts of a territory in the neighbour graph, numbered in order of discovery
  const comp = new Int32Array(n).fill(-1);
  const pieces: Piece[] = [];
  const stack: number[] = [];
  s.assignment.forEach((t, i) => {
    if (t < 0 || comp[i] !== -1) return;
    const piece = { id: pieces.length, owner: t, size: 0 };
    pieces.push(piece);
    comp[i] = piece.id;
    stack.push(i);
    for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
      piece.size++;
      for (const u of neighboursOfNode(s.graph, v)) {
        if (comp[u] === -1 && s.assignment[u] === t) {
          comp[u] = piece.id;
          stack.push(u);
        }
      }
    }
  });
  // each territory's retailers and its largest piece (the first of equal size)
  const territories: { main: Piece | undefined; members: number }[] = Array.from({ length: k }, () => ({
    main: undefined,
    members: 0,
  }));
  for (const piece of pieces) {
    const t = getKnown(territories, piece.owner, 'territory');
    t.members += piece.size;
    if (!t.main || piece.size > t.main.size) t.main = piece;
  }
  // the retailers of every other piece, in index order
  const byPiece = new Map<Piece, number[]>();
  comp.forEach((id, i) => {
    if (id < 0) return;
    const piece = getKnown(pieces, id, 'piece');
    if (getKnown(territories, piece.owner, 'territory').main === piece) return;
    let list = byPiece.get(piece);
    if (!list) byPiece.set(piece, (list = []));
    list.push(i);
  });
  let moved = 0;
  for (const [piece, list] of [...byPiece.entries()].sort((a, b) => a[0].id - b[0].id)) {
    const t = piece.owner;
    const pieceLoad = list.reduce((a, i) => a + getKnown(s.weight, i, 'retailer'), 0);
    if (
      list.length * 10 > getKnown(territories, t, 'territory').members ||
      pieceLoad > 0.05 * getKnown(s.target, t, 'territory') ||
      list.some((i) => getKnown(s.locked, i, 'retailer') >= 0)
    )
      continue;
    const touches = new Map<number, number>();
    for (const i of list)
      for (const v of neighboursOfNode(s.graph, i)) {
        const u = getKnown(s.assignment, v, 'retailer');
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

/** A connected part of a territory in the neighbour graph. */
interface Piece {
  id: number;
  /** The territory. */
  owner: number;
  /** Its number of retailers. */
  size: number;
}

/** Whether moving a piece of load `pieceLoad` from t to u keeps both within the tolerance (or improves). */
function keepsBalance(s: RepairState, t: number, u: number, pieceLoad: number): boolean {
  const loadT = getKnown(s.load, t, 'territory');
  const targetT = getKnown(s.target, t, 'territory');
  const loadU = getKnown(s.load, u, 'territory');
  const targetU = getKnown(s.target, u, 'territory');
  const devAfter = Math.max(
    Math.abs(loadT - pieceLoad - targetT) / targetT,
    Math.abs(loadU + pieceLoad - targetU) / targetU,
  );
  const devBefore = Math.max(Math.abs(loadT - targetT) / targetT, Math.abs(loadU - targetU) / targetU);
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
