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
    // Sift up: parents that `node` comes before move down into the hole, then `node` fills it.
    let i = h.length;
    h.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (parent === undefined || !before(node, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = node;
  }

  pop(): SearchNode | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      // Sift down from the root: the first of its children that comes before `last` moves up.
      let i = 0;
      for (;;) {
        let m = i;
        let first = last;
        for (const c of [2 * i + 1, 2 * i + 2]) {
          const child = h[c];
          if (c < h.length && child !== undefined && before(child, first)) {
            m = c;
            first = child;
          }
        }
        if (m === i) break;
        h[i] = first;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
