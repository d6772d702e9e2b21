// Reduces every route the solver accepts to a closed tour of a symmetric instance:
//  - closed tour, symmetric costs: the instance itself;
//  - open path start -> end: the edge {end, start} is forced into the tour at cost 0;
//  - open path to any end: a dummy node joined to every node at cost 0, its edge to start forced;
//  - asymmetric costs (after the above, done on arcs): the 2n-node transformation (Jonker &
//    Volgenant 1983): node i becomes i_in = i and i_out = m + i joined by a forced edge of cost 0,
//    arc i -> j becomes edge {i_out, j_in} of cost c(i, j), and no other edge exists. Every tour of the
//    2n nodes alternates in/out, and read from start_in towards start_out it is a directed tour of
//    the same cost; the forced edges replace the usual -M costs, so no big number enters the LP.
import { edgeKey, type SymmetricInstance } from './symmetric-instance.js';
import { failIndex } from '../fail-index.js';

/** A route problem on integer costs (as the exact solvers take it). */
export interface RouteProblem {
  n: number;
  icost: ArrayLike<number>;
  start: number;
  end: number | 'any';
}

/** The symmetric instance of a route problem and the maps between its tours and the routes. */
export interface SymmetricReduction {
  inst: SymmetricInstance;
  /** The route (start first, `end` last for a path) of a closed tour of the instance. */
  toRoute(cycle: readonly number[]): number[];
  /** The closed tour of the instance that a route becomes. */
  fromRoute(route: readonly number[]): number[];
}

/** True when c(i, j) = c(j, i) for every pair. */
export function isSymmetric(icost: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (icost[i * n + j] !== icost[j * n + i]) return false;
  return true;
}

/** The nodes before and after `v` on a cycle (`v` is on it). */
function neighboursOn(cycle: readonly number[], v: number): { prev: number; next: number } {
  const m = cycle.length;
  const at = cycle.indexOf(v);
  return {
    prev: cycle[(at - 1 + m) % m] ?? failIndex('cycle', at - 1),
    next: cycle[(at + 1) % m] ?? failIndex('cycle', at + 1),
  };
}

/** Walks a cycle from `from` (on it) in the direction of `towards` (a neighbour of `from` on the cycle). */
function walk(cycle: readonly number[], from: number, towards: number): number[] {
  const at = cycle.indexOf(from);
  const rotated = [...cycle.slice(at), ...cycle.slice(0, at)]; // from, its next, …, its prev
  return neighboursOn(cycle, from).next === towards ? rotated : [from, ...rotated.slice(1).reverse()];
}

/**
 * Builds the symmetric instance of a route problem (see the header).
 * @param p The problem: n, row-major integer costs, start, end (`start` for a closed tour, a node, or 'any').
 * @returns The instance and the maps between its tours and routes.
 * @example
 * const r = reduceToSymmetric({ n: 3, icost: [0, 2, 9, 1, 0, 6, 15, 7, 0], start: 0, end: 0 });
 * r.inst.n; // 6 (asymmetric costs: 2n nodes)
 */
export function reduceToSymmetric(p: RouteProblem): SymmetricReduction {
  const { n, icost, start, end } = p;
  const dummy = end === 'any';
  const m = dummy ? n + 1 : n;
  const d = n;
  // arc costs on m nodes and the arc that must be used (end -> start, or dummy -> start)
  const arc = new Float64Array(m * m);
  const arcOk = new Uint8Array(m * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j) {
        arc[i * m + j] = icost[i * n + j] ?? failIndex('icost', i * n + j);
        arcOk[i * m + j] = 1;
      }
  let forcedArc: [number, number] | null = null;
  if (dummy) {
    for (let v = 0; v < n; v++) arcOk[v * m + d] = 1;
    arcOk[d * m + start] = 1;
    forcedArc = [d, start];
  } else if (end !== start) {
    arc[end * m + start] = 0;
    forcedArc = [end, start];
  }
  if (!dummy && isSymmetric(icost, n)) {
    const cost = new Float64Array(m * m);
    const allowed = new Uint8Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++) {
        cost[i * m + j] = arc[i * m + j] ?? failIndex('arc', i * m + j);
        allowed[i * m + j] = 1;
      }
    const forced: number[] = [];
    if (forcedArc) {
      const key = edgeKey(m, forcedArc[0], forcedArc[1]);
      cost[key] = 0;
      forced.push(key);
    }
    return {
      inst: { n: m, cost, allowed, forced },
      toRoute: (cycle) => {
        const { prev, next } = neighboursOn(cycle, start);
        if (!forcedArc) return walk(cycle, start, next);
        return walk(cycle, start, next === end ? prev : next);
      },
      fromRoute: (route) => [...route],
    };
  }
  if (dummy && isSymmetric(icost, n)) {
    // symmetric with a dummy: edges {v, d} cost 0, {d, start} forced
    const cost = new Float64Array(m * m);
    const allowed = new Uint8Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++) {
        cost[i * m + j] = j === d ? 0 : (arc[i * m + j] ?? failIndex('arc', i * m + j));
        allowed[i * m + j] = 1;
      }
    return {
      inst: { n: m, cost, allowed, forced: [edgeKey(m, d, start)] },
      toRoute: (cycle) => {
        const { prev, next } = neighboursOn(cycle, start);
        return walk(cycle, start, next === d ? prev : next).filter((v) => v !== d);
      },
      fromRoute: (route) => [...route, d],
    };
  }
  // asymmetric: 2m nodes
  const N = 2 * m;
  const cost = new Float64Array(N * N);
  const allowed = new Uint8Array(N * N);
  const forced: number[] = [];
  for (let i = 0; i < m; i++) {
    const key = edgeKey(N, i, m + i);
    allowed[key] = 1;
    forced.push(key);
  }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      if (i === j || !arcOk[i * m + j]) continue;
      if (forcedArc && i === forcedArc[0] && j !== forcedArc[1]) continue; // the forced arc is i's only way out
      const key = edgeKey(N, m + i, j);
      allowed[key] = 1;
      cost[key] = arc[i * m + j] ?? failIndex('arc', i * m + j);
    }
  if (forcedArc) forced.push(edgeKey(N, m + forcedArc[0], forcedArc[1]));
  return {
    inst: { n: N, cost, allowed, forced },
    toRoute: (cycle) => {
      const order = walk(cycle, start, m + start).filter((v) => v < m);
      return dummy ? order.filter((v) => v !== d) : order;
    },
    fromRoute: (route) => {
      const out: number[] = [];
      for (const v of dummy ? [...route, d] : route) out.push(v, m + v);
      return out;
    },
  };
}
