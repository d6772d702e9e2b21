import type { LimitState } from './limit-state.js';
import { canJoin, membersOf, move, neighboursOf, type RepairState } from './repair-territories.js';

/** Retailers of each side tried in the swaps between two territories (the nearest to the other side first). */
const SWAP_SIDE = 40;

/** Retailer i moves from → to; with a chain, i2 moves to → to2 (to2 = from: a swap). */
type Candidate = { i: number; from: number; to: number; i2: number; to2: number; gain: number; cost: number };

/** Compactness cost of retailer i leaving territory a for b (plus the penalty for leaving its previous manager). */
function cost(s: RepairState, i: number, a: number, b: number): number {
  return (
    ((s.x[i] as number) - (s.centreX[b] as number)) ** 2 +
    ((s.y[i] as number) - (s.centreY[b] as number)) ** 2 -
    (((s.x[i] as number) - (s.centreX[a] as number)) ** 2 + ((s.y[i] as number) - (s.centreY[a] as number)) ** 2) +
    (s.previous[i] === a ? s.movePenalty : 0)
  );
}

/** Nodes a connectivity check may visit before it gives up (and the move is refused). */
const CONNECT_BUDGET = 64;

/**
 * Whether territory a stays connected around retailer i when i leaves: its neighbours in a still reach
 * each other through a without i (a search of at most CONNECT_BUDGET retailers; beyond, no).
 */
function staysConnected(s: RepairState, i: number, a: number): boolean {
  const { start, adj } = s.graph;
  const ends: number[] = [];
  for (let e = start[i] as number; e < (start[i + 1] as number); e++)
    if (s.assignment[adj[e] as number] === a) ends.push(adj[e] as number);
  if (ends.length <= 1) return true;
  const seen = new Set<number>([i, ends[0] as number]);
  const queue = [ends[0] as number];
  let missing = new Set(ends.slice(1));
  for (let q = 0; q < queue.length && missing.size > 0 && seen.size <= CONNECT_BUDGET; q++) {
    const v = queue[q] as number;
    for (let e = start[v] as number; e < (start[v + 1] as number); e++) {
      const u = adj[e] as number;
      if (seen.has(u) || s.assignment[u] !== a) continue;
      seen.add(u);
      queue.push(u);
      if (missing.has(u)) missing = new Set([...missing].filter((m) => m !== u));
    }
  }
  return missing.size === 0;
}

/** Retailers tried across a gap, each way. */
const ACROSS = 24;

/**
 * Moves across a gap for territory t: the ACROSS retailers of other territories nearest to t's centre
 * (into t), and the ACROSS members of t nearest to another territory's centre (out to it), as
 * [retailer, from, to].
 */
function across(s: RepairState, members: number[], t: number): [number, number, number][] {
  const n = s.assignment.length;
  const k = s.target.length;
  const d2 = (i: number, j: number) =>
    ((s.x[i] as number) - (s.centreX[j] as number)) ** 2 + ((s.y[i] as number) - (s.centreY[j] as number)) ** 2;
  const inside: number[] = [];
  for (let i = 0; i < n; i++) if ((s.assignment[i] as number) >= 0 && s.assignment[i] !== t) inside.push(i);
  inside.sort((p, q) => d2(p, t) - d2(q, t) || p - q);
  const out: [number, number, number][] = inside.slice(0, ACROSS).map((i) => [i, s.assignment[i] as number, t]);
  const nearestOther = members.map((i): [number, number, number] => {
    let best = -1;
    for (let j = 0; j < k; j++) if (j !== t && (best < 0 || d2(i, j) < d2(i, best))) best = j;
    return [i, best, best < 0 ? Infinity : d2(i, best)];
  });
  nearestOther.sort((p, q) => p[2] - q[2] || p[0] - q[0]);
  for (const [i, j] of nearestOther.slice(0, ACROSS)) if (j >= 0) out.push([i, t, j]);
  return out;
}

/** Among candidates, one at least half as good as the best gain, costing the least compactness. */
function pick(cands: Candidate[]): Candidate | null {
  let bestGain = 0;
  for (const c of cands) bestGain = Math.max(bestGain, c.gain);
  let best: Candidate | null = null;
  for (const c of cands) if (c.gain >= 0.5 * bestGain && (!best || c.cost < best.cost)) best = c;
  return best;
}

/** Neighbouring territories of territory t: those holding a graph neighbour of one of its retailers. */
function adjacentTerritories(s: RepairState, members: number[], t: number): number[] {
  const out = new Set<number>();
  for (const i of members)
    for (let e = s.graph.start[i] as number; e < (s.graph.start[i + 1] as number); e++) {
      const b = s.assignment[s.graph.adj[e] as number] as number;
      if (b >= 0 && b !== t) out.add(b);
    }
  return [...out].sort((a, b) => a - b);
}

/** Retailers of territory a with a graph neighbour in territory b, nearest to b's centre first. */
function sideOf(s: RepairState, members: number[], a: number, b: number): number[] {
  const out = members.filter((i) => {
    if ((s.locked[i] as number) >= 0 || !canJoin(s, i, b)) return false;
    for (let e = s.graph.start[i] as number; e < (s.graph.start[i + 1] as number); e++)
      if (s.assignment[s.graph.adj[e] as number] === b) return true;
    return false;
  });
  const d = (i: number) =>
    ((s.x[i] as number) - (s.centreX[b] as number)) ** 2 + ((s.y[i] as number) - (s.centreY[b] as number)) ** 2;
  return out.sort((p, q) => d(p) - d(q) || p - q).slice(0, SWAP_SIDE);
}

/**
 * Boundary moves and swaps towards the per-attribute limits: while some territory is outside a limit,
 * take the territory with the largest penalty and apply the move of one boundary retailer (in or out of
 * it) — or, when no move helps, a chain: one retailer leaves it for a neighbour b while one of b's
 * leaves b for a neighbour of b (back to the territory: a swap) — that lowers the territories' total penalty by at least half the best possible, costing the least compactness.
 * Every applied change lowers the total penalty, so the search ends. Returns the changes made.
 */
export function repairLimits(s: RepairState, ls: LimitState, maxChanges: number): number {
  const k = s.target.length;
  const pen = Float64Array.from({ length: k }, (_, j) => ls.penalty(j));
  const stuck = new Uint8Array(k);
  const { start, adj } = s.graph;
  let changes = 0;
  const gainOf = (i: number, a: number, b: number) =>
    (pen[a] as number) + (pen[b] as number) - ls.penalty(a, -1, i) - ls.penalty(b, i);
  while (changes < maxChanges) {
    let t = -1;
    for (let j = 0; j < k; j++)
      if (!stuck[j] && (pen[j] as number) > 1e-12 && (t < 0 || (pen[j] as number) > (pen[t] as number))) t = j;
    if (t < 0) break;
    const members = membersOf(s, t);
    const cands: Candidate[] = [];
    const consider = (i: number, a: number, b: number) => {
      if ((s.locked[i] as number) >= 0 || !canJoin(s, i, b)) return;
      const gain = gainOf(i, a, b);
      if (gain > 1e-12 && !staysConnected(s, i, a)) return;
      if (gain > 1e-12) cands.push({ i, from: a, to: b, i2: -1, to2: -1, gain, cost: cost(s, i, a, b) });
    };
    for (const i of members) {
      const seen = new Set<number>();
      for (let e = start[i] as number; e < (start[i + 1] as number); e++) {
        const b = s.assignment[adj[e] as number] as number;
        if (b >= 0 && b !== t && !seen.has(b)) {
          seen.add(b);
          consider(i, t, b);
        }
      }
    }
    for (const i of neighboursOf(s, t)) if ((s.assignment[i] as number) >= 0) consider(i, s.assignment[i] as number, t);
    let chosen = pick(cands);
    if (!chosen) {
      // chains: i leaves t for b while i2 leaves b for c (c = t: a swap), over every border of t
      for (const b of adjacentTerritories(s, members, t)) {
        const mine = sideOf(s, members, t, b).filter((i) => staysConnected(s, i, t));
        const bMembers = membersOf(s, b);
        for (const c of adjacentTerritories(s, bMembers, b)) {
          const theirs = sideOf(s, bMembers, b, c).filter((i2) => staysConnected(s, i2, b));
          const before = (pen[t] as number) + (pen[b] as number) + (c === t ? 0 : (pen[c] as number));
          for (const i of mine)
            for (const i2 of theirs) {
              const after =
                c === t
                  ? ls.penalty(t, i2, i) + ls.penalty(b, i, i2)
                  : ls.penalty(t, -1, i) + ls.penalty(b, i, i2) + ls.penalty(c, i2);
              const gain = before - after;
              if (gain > 1e-12)
                cands.push({ i, from: t, to: b, i2, to2: c, gain, cost: cost(s, i, t, b) + cost(s, i2, b, c) });
            }
        }
      }
      chosen = pick(cands);
    }
    if (!chosen) {
      // no border helps (a separate town, or every neighbour at its limit): the nearest retailers across a gap
      for (const [i, a, b] of across(s, members, t)) consider(i, a, b);
      chosen = pick(cands);
    }
    if (!chosen) {
      stuck[t] = 1;
      continue;
    }
    const { i, from, to, i2, to2 } = chosen;
    move(s, i, to);
    ls.move(i, from, to);
    if (i2 >= 0) {
      move(s, i2, to2);
      ls.move(i2, to, to2);
      pen[to2] = ls.penalty(to2);
    }
    pen[from] = ls.penalty(from);
    pen[to] = ls.penalty(to);
    changes++;
    stuck.fill(0);
  }
  return changes;
}
