// The open nodes of the search tree, best bound first (ties: deepest first, to reach tours sooner).

/** An open subproblem: the edges fixed on the way down (key, value) and its parent's bound. */
export interface SearchNode {
  bound: number;
  depth: number;
  fixKeys: Int32Array;
  fixValues: Uint8Array;
}

function before(a: SearchNode, b: SearchNode): boolean {
  return a.bound < b.bound || (a.bound === b.bound && a.depth > b.depth);
}

/**
 * A binary min-heap of search nodes.
 * @example
 * // not run: `node` stands for a search node
 * const q = new NodeQueue(); q.push(node); q.pop(); // the node with the lowest bound
 */
export class NodeQueue {
  private readonly heap: SearchNode[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The lowest bound among the open nodes (Infinity when none). */
  get lowestBound(): number {
    return this.heap[0]?.bound ?? Infinity;
  }

  push(node: SearchNode): void {
    const h = this.heap;
    h.push(node);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): SearchNode | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
