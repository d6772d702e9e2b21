// Branch-and-cut for the symmetric TSP on the 2-matching LP (degree equations, 0 <= x_e <= 1):
//  - cuts: subtour constraints by exact minimum-cut separation (separate-subtours.ts), then blossoms
//    by the odd-component heuristic (separate-blossoms.ts) when no subtour constraint is violated, then
//    combs by the same heuristic on the graph with its 1-paths shrunk (separate-combs.ts) when no
//    blossom is found;
//  - columns: the k nearest neighbours of each node and the start tour's edges, the other edges priced
//    in by reduced cost when no cut is found;
//  - bounds: the Lagrangian bound of the LP duals over all edges (lagrangian-bound.ts), never the LP
//    objective itself; a node is closed when ceil(bound - margin) >= the best tour's cost;
//  - reduced-cost fixing: from the root's duals, whenever the best tour improves, an edge whose
//    reduced cost lifts the root bound to the best tour's cost is fixed to 0 (or to 1 for a negative
//    reduced cost) for the whole search;
//  - branching: reliability branching (strong-branching.ts): among the fractional edges nearest 1/2,
//    the one with the best product of the children's bound gains, from short warm-started dual simplex
//    trials or, once an edge has had a trial each way, from its pseudocosts; two children, x_e = 1 and
//    x_e = 0, each queued with the bound its trial proved; open nodes best bound first; the search stops
//    (unproven) past maxOpenNodes;
//  - every LP solve runs in slices of a few hundred dual simplex iterations; the generator yields its
//    state between slices and after each separation round, so the caller can stop it at any time.
import type { Highs } from 'highs';
import type { ReasonedMessage } from '../../generated/shared/reason-text.js';
import { tspReason } from '../../generated/shared/tsp-reasons.js';
import { CutLp, LP_INFEASIBLE, LP_ITERATION_LIMIT, LP_OPTIMAL, type Cut, type LpPoint } from './cut-lp.js';
import { lagrangianBound } from './lagrangian-bound.js';
import { NodeQueue, type SearchNode } from './node-queue.js';
import { separateBlossoms } from './separate-blossoms.js';
import { separateCombs } from './separate-combs.js';
import { separateSubtours } from './separate-subtours.js';
import { type Pseudocost, strongBranch } from './strong-branching.js';
import { failIndex } from '../fail-index.js';
import { forEachEdge, INTEGRALITY_EPS, type SupportGraph } from './support-graph.js';
import { edgeKey, forEachTourEdge, tourCost, type SymmetricInstance } from './symmetric-instance.js';

/** Tuning of the search (defaults chosen on the TSPLIB set, bench/proof.mjs). */
export interface BranchAndCutSettings {
  /** Open nodes kept at most; past this the search stops with the bound it has. */
  maxOpenNodes: number;
  /** Dual simplex iterations per slice (one slice stays well under 50 ms at n <= 200). */
  iterationsPerSlice: number;
  /** Nearest neighbours per node among the first columns. */
  neighbours: number;
  /** Fractional edges tried by strong branching per branching (1: the edge nearest 1/2, no trials). */
  strongCandidates: number;
  /** Dual simplex iterations per strong-branching trial. */
  strongIterations: number;
  /** Trials of an edge (each way) after which its pseudocosts stand in for a new trial. */
  pseudocostReliability: number;
}

export const DEFAULT_BRANCH_AND_CUT_SETTINGS: BranchAndCutSettings = {
  maxOpenNodes: 50_000,
  iterationsPerSlice: 300,
  neighbours: 8,
  strongCandidates: 20,
  strongIterations: 100,
  pseudocostReliability: 1,
};

/** The state reported between slices and returned at the end. */
export interface BranchAndCutState {
  /** Cost of the best tour (integer). */
  upper: number;
  /** The best tour (a cyclic order of the instance's nodes). */
  tour: number[];
  /** Proven lower bound on every tour's cost (integer), -Infinity before the first bound. */
  lower: number;
  /** Lower bound of the root LP (integer), -Infinity before it is solved. */
  rootLower: number;
  nodes: number;
  cuts: number;
  lpSlices: number;
  /** Edges fixed by reduced cost. */
  fixedEdges: number;
}

export interface BranchAndCutOutcome extends BranchAndCutState {
  proven: boolean;
  /** Why the search ended unproven (numerical failure of the LP engine, memory bound), in English and as data. */
  reason?: ReasonedMessage;
}

type NodeEnd =
  | { kind: 'closed' }
  | { kind: 'branch'; key: number; bounds: [number, number] }
  | { kind: 'failed'; reason: ReasonedMessage };

/** The whole search; see the header. Yields its state between slices of work. */
export function* runBranchAndCut(
  highs: Highs,
  inst: SymmetricInstance,
  startTour: readonly number[],
  settings: BranchAndCutSettings = DEFAULT_BRANCH_AND_CUT_SETTINGS,
): Generator<BranchAndCutState, BranchAndCutOutcome> {
  const search = new Search(highs, inst, startTour, settings);
  try {
    return yield* search.run();
  } finally {
    search.lp.dispose();
  }
}

class Search {
  readonly lp: CutLp;
  readonly n: number;
  readonly state: BranchAndCutState;
  /** Per edge key: -1 free, 0 or 1 fixed for the whole search (forced, reduced-cost fixing). */
  readonly globalFix: Int8Array;
  /** The same with the current node's branching fixings. */
  readonly fixed: Int8Array;
  private applied: number[] = [];
  private rootRc: Float64Array | null = null;
  private rootBound = -Infinity;
  private rootMargin = 0;
  private allColumns = false;
  private readonly pseudo = new Map<number, Pseudocost>();

  constructor(
    highs: Highs,
    readonly inst: SymmetricInstance,
    startTour: readonly number[],
    readonly settings: BranchAndCutSettings,
  ) {
    const n = inst.n;
    this.n = n;
    this.lp = new CutLp(highs, inst, settings.iterationsPerSlice);
    this.globalFix = new Int8Array(n * n).fill(-1);
    for (const key of inst.forced) this.globalFix[key] = 1;
    this.fixed = Int8Array.from(this.globalFix);
    this.state = {
      upper: tourCost(inst, startTour),
      tour: [...startTour],
      lower: -Infinity,
      rootLower: -Infinity,
      nodes: 0,
      cuts: 0,
      lpSlices: 0,
      fixedEdges: 0,
    };
    this.lp.addColumns(this.firstColumns(startTour));
    for (const key of inst.forced) this.lp.setBounds(key, 1, 1);
  }

  private firstColumns(tour: readonly number[]): number[] {
    const { n, cost, allowed } = this.inst;
    const keys = new Set<number>();
    forEachTourEdge(tour, (a, b) => keys.add(edgeKey(n, a, b)));
    for (const key of this.inst.forced) keys.add(key);
    for (let a = 0; a < n; a++) {
      const near: { key: number; cost: number }[] = [];
      for (let b = 0; b < n; b++) {
        const key = edgeKey(n, a, b);
        if (b !== a && allowed[key]) near.push({ key, cost: cost[key] ?? failIndex('cost', key) });
      }
      near.sort((p, q) => p.cost - q.cost);
      for (const { key } of near.slice(0, this.settings.neighbours)) keys.add(key);
    }
    return [...keys].sort((p, q) => p - q);
  }

  *run(): Generator<BranchAndCutState, BranchAndCutOutcome> {
    const queue = new NodeQueue();
    let node: SearchNode | undefined = {
      bound: -Infinity,
      depth: 0,
      fixKeys: new Int32Array(0),
      fixValues: new Uint8Array(0),
    };
    while (node) {
      this.state.nodes++;
      const end: NodeEnd = yield* this.solveNode(node, queue);
      if (end.kind === 'failed') return { ...this.state, proven: false, reason: end.reason };
      if (node.depth === 0) this.state.rootLower = Math.max(this.state.rootLower, this.state.lower);
      if (end.kind === 'branch') {
        const [boundIn, boundOut] = end.bounds;
        for (const [value, bound] of [
          [1, boundIn],
          [0, boundOut],
        ] as const) {
          const fixKeys = new Int32Array(node.fixKeys.length + 1);
          fixKeys.set(node.fixKeys);
          fixKeys[node.fixKeys.length] = end.key;
          const fixValues = new Uint8Array(node.fixValues.length + 1);
          fixValues.set(node.fixValues);
          fixValues[node.fixValues.length] = value;
          if (this.ceilBound(bound, 0) < this.state.upper)
            queue.push({ bound, depth: node.depth + 1, fixKeys, fixValues });
        }
        if (queue.size > this.settings.maxOpenNodes) {
          this.state.lower = Math.min(this.state.upper, this.ceilBound(queue.lowestBound, 0));
          return {
            ...this.state,
            proven: false,
            reason: tspReason('tsp.unproven_open_nodes', { max: this.settings.maxOpenNodes }),
          };
        }
      }
      node = undefined;
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        if (this.ceilBound(next.bound, 0) < this.state.upper) {
          node = next;
          break;
        }
      }
      this.state.lower = Math.min(
        this.state.upper,
        node ? this.ceilBound(Math.min(node.bound, queue.lowestBound), 0) : Infinity,
      );
    }
    this.state.lower = this.state.upper;
    return { ...this.state, proven: true };
  }

  private ceilBound(bound: number, margin: number): number {
    return Math.ceil(bound - margin - 1e-9);
  }

  /** Applies a node's fixings over the global ones; false when they contradict them. */
  private applyNode(node: SearchNode): boolean {
    for (const key of this.applied) {
      this.fixed[key] = this.globalFix[key] ?? failIndex('globalFix', key);
      this.setColumnBounds(key);
    }
    this.applied = [];
    let ok = true;
    node.fixKeys.forEach((key, i) => {
      const v = node.fixValues[i] ?? failIndex('fixValues', i);
      if (this.globalFix[key] !== -1 && this.globalFix[key] !== v) ok = false;
      this.fixed[key] = v;
      this.applied.push(key);
      this.setColumnBounds(key);
    });
    return ok;
  }

  private setColumnBounds(key: number): void {
    const f = this.fixed[key];
    if (f === -1) {
      if (this.lp.colOf[key] !== -1) this.lp.setBounds(key, 0, 1);
    } else if (f === 1 || this.lp.colOf[key] !== -1) this.lp.setBounds(key, f === 1 ? 1 : 0, f === 1 ? 1 : 0);
  }

  private *solveLp(): Generator<BranchAndCutState, number> {
    for (;;) {
      const status = this.lp.runSlice();
      this.state.lpSlices++;
      if (status !== LP_ITERATION_LIMIT) return status;
      yield this.state;
    }
  }

  private *solveNode(node: SearchNode, queue: NodeQueue): Generator<BranchAndCutState, NodeEnd> {
    if (!this.applyNode(node)) return { kind: 'closed' };
    const n = this.n;
    const isRoot = node.depth === 0;
    let bound = node.bound;
    const history: number[] = [];
    for (let round = 0; ; round++) {
      const status = yield* this.solveLp();
      if (status === LP_INFEASIBLE) {
        if (this.allColumns) return { kind: 'closed' };
        this.addAllColumns();
        continue;
      }
      if (status !== LP_OPTIMAL) return { kind: 'failed', reason: tspReason('tsp.unproven_lp_status', { status }) };
      yield this.state; // the bound over all edges below is a step of its own
      const point = this.lp.point();
      const lb = lagrangianBound(
        this.inst,
        this.lp.cuts,
        point.rowDual.subarray(0, n),
        point.rowDual.subarray(n),
        this.fixed,
      );
      if (!Number.isFinite(lb.bound)) return { kind: 'failed', reason: tspReason('tsp.unproven_lp_duals') };
      bound = Math.max(bound, lb.bound - lb.margin);
      history.push(bound);
      this.state.lower = Math.min(this.state.upper, this.ceilBound(Math.min(bound, queue.lowestBound), 0));
      let refixed = false;
      if (isRoot) {
        this.rootRc = lb.rc;
        this.rootBound = lb.bound;
        this.rootMargin = lb.margin;
        refixed = this.fixByReducedCost(point);
      }
      if (this.ceilBound(bound, 0) >= this.state.upper) return { kind: 'closed' };
      yield this.state;
      if (refixed) continue; // the fixing moved the LP's optimum: solve again
      const g = this.support(point);
      const tailing =
        round >= (isRoot ? 8 : 4) &&
        bound - (history[history.length - 5] ?? -Infinity) < 1e-3 * (this.state.upper - bound);
      if (!tailing || round < 3) {
        const cuts = this.separate(g);
        if (cuts.length) {
          this.lp.addCuts(cuts);
          this.state.cuts += cuts.length;
          if (this.lp.cuts.length > 4 * n) this.lp.dropIdleCuts(3);
          yield this.state;
          continue;
        }
      }
      if (this.price(lb.rc)) continue;
      const host = { lp: this.lp, inst: this.inst, fixed: this.fixed, upper: this.state.upper, pseudo: this.pseudo };
      const { strongCandidates, strongIterations, pseudocostReliability } = this.settings;
      const trials = strongBranch(host, point.x, bound, strongCandidates, strongIterations, pseudocostReliability);
      let choice = trials.next();
      while (!choice.done) {
        this.state.lpSlices++;
        yield this.state;
        choice = trials.next();
      }
      if (choice.value.key >= 0) return { kind: 'branch', key: choice.value.key, bounds: choice.value.bounds };
      // an integral point: a tour, or subtours that a tailing-off round did not separate
      const cuts = this.separate(g);
      if (cuts.length) {
        this.lp.addCuts(cuts);
        this.state.cuts += cuts.length;
        continue;
      }
      const tour = this.tourOf(g);
      if (tour) {
        const cost = tourCost(this.inst, tour);
        if (cost < this.state.upper) this.improve(tour, cost);
        if (this.ceilBound(bound, 0) >= this.state.upper) return { kind: 'closed' };
      }
      return { kind: 'failed', reason: tspReason('tsp.unproven_lp_bound') };
    }
  }

  private support(point: LpPoint): SupportGraph {
    const us: number[] = [];
    const vs: number[] = [];
    const xs: number[] = [];
    const n = this.n;
    this.lp.colKey.forEach((key, j) => {
      const x = point.x[j] ?? failIndex('x', j);
      if (x > INTEGRALITY_EPS) {
        us.push(Math.floor(key / n));
        vs.push(key % n);
        xs.push(Math.min(1, x));
      }
    });
    return { n, u: Int32Array.from(us), v: Int32Array.from(vs), x: Float64Array.from(xs) };
  }

  private separate(g: SupportGraph): Cut[] {
    const n = this.n;
    const sets = separateSubtours(g, n).sets;
    const cuts: Cut[] = sets.map((nodes) => {
      const inside = new Uint8Array(n);
      for (const v of nodes) inside[v] = 1;
      return { inside, teeth: new Set<number>(), rhs: 2, idle: 0 };
    });
    if (cuts.length) return cuts;
    for (const b of separateBlossoms(g, n)) {
      const inside = new Uint8Array(n);
      for (const v of b.handle) inside[v] = 1;
      const teeth = new Set(b.teeth.map((k) => edgeKey(n, g.u[k] ?? failIndex('u', k), g.v[k] ?? failIndex('v', k))));
      cuts.push({ inside, teeth, rhs: 1 - teeth.size, idle: 0 });
    }
    if (cuts.length) return cuts;
    for (const c of separateCombs(g, n)) {
      const inside = new Uint8Array(n);
      for (const v of c.handle) inside[v] = 1;
      const toothSets = c.teeth.map((t) => {
        const set = new Uint8Array(n);
        for (const v of t) set[v] = 1;
        return set;
      });
      cuts.push({ inside, teeth: new Set(), toothSets, rhs: 3 * toothSets.length + 1, idle: 0 });
    }
    return cuts;
  }

  /** Adds the edges of negative reduced cost (the most negative first); true when any was added. */
  private price(rc: Float64Array): boolean {
    const n = this.n;
    const cand: { key: number; rc: number }[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const key = a * n + b;
        if (!this.inst.allowed[key] || this.lp.colOf[key] !== -1 || this.fixed[key] === 0) continue;
        const r = rc[key] ?? failIndex('rc', key);
        if (r < -1e-6) cand.push({ key, rc: r });
      }
    }
    if (!cand.length) return false;
    cand.sort((p, q) => p.rc - q.rc);
    this.lp.addColumns(cand.slice(0, Math.max(100, 2 * n)).map(({ key }) => key));
    return true;
  }

  private addAllColumns(): void {
    const n = this.n;
    const keys: number[] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        if (this.inst.allowed[a * n + b] && this.fixed[a * n + b] !== 0) keys.push(a * n + b);
    this.lp.addColumns(keys);
    for (const key of keys) if (this.fixed[key] === 1) this.lp.setBounds(key, 1, 1);
    this.allColumns = true;
  }

  /** The tour of an integral, connected 2-matching (null when the support is not one cycle). */
  private tourOf(g: SupportGraph): number[] | null {
    const n = this.n;
    const adj: number[][] = Array.from({ length: n }, () => []);
    forEachEdge(g, (u, v, x) => {
      if (x < 0.5) return;
      (adj[u] ?? failIndex('adj', u)).push(v);
      (adj[v] ?? failIndex('adj', v)).push(u);
    });
    if (!adj.every(isPair)) return null;
    const tour = [0];
    let prev = -1;
    let at = 0;
    for (;;) {
      const [p, q] = adj[at] ?? failIndex('adj', at);
      const next = p !== prev ? p : q;
      if (next === 0) break;
      tour.push(next);
      prev = at;
      at = next;
      if (tour.length > n) return null;
    }
    return tour.length === n ? tour : null;
  }

  private improve(tour: number[], cost: number): void {
    this.state.tour = tour;
    this.state.upper = cost;
    this.fixByReducedCost(null);
  }

  /**
   * Fixes, for the whole search, the edges the root's reduced costs rule out (or in). Returns true
   * when that cuts off the LP point (an edge fixed to 1 below 1, or to 0 above 0).
   */
  private fixByReducedCost(point: LpPoint | null): boolean {
    const rc = this.rootRc;
    let moved = false;
    if (!rc) return moved;
    const n = this.n;
    const limit = this.state.upper;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const key = a * n + b;
        if (!this.inst.allowed[key] || this.globalFix[key] !== -1) continue;
        const r = rc[key] ?? failIndex('rc', key);
        let to = -1;
        if (r > 0 && this.ceilBound(this.rootBound + r, this.rootMargin) >= limit) to = 0;
        else if (r < 0 && this.ceilBound(this.rootBound - r, this.rootMargin) >= limit) to = 1;
        if (to < 0) continue;
        this.globalFix[key] = to;
        this.state.fixedEdges++;
        const col = this.lp.colOf[key] ?? failIndex('colOf', key);
        const x = col >= 0 && point ? (point.x[col] ?? failIndex('x', col)) : 0;
        if (to === 1 ? x < 1 - INTEGRALITY_EPS : x > INTEGRALITY_EPS) moved = true;
        if (!this.applied.includes(key)) {
          this.fixed[key] = to;
          this.setColumnBounds(key);
        }
      }
    }
    return moved;
  }
}

/** Whether a node has exactly two neighbours (a node of a cycle). */
function isPair(neighbours: number[]): neighbours is [number, number] {
  return neighbours.length === 2;
}
