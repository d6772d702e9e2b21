import { getKnown } from '@beatplan/core';
import { findNearestNeighbours } from './nearest-neighbours.js';

/** A symmetric neighbour graph in CSR form: the neighbours of i are `adj[start[i] .. start[i+1])`. */
export interface NeighbourGraph {
  start: Int32Array;
  adj: Int32Array;
}

/** The neighbours of node v: a view into the graph's adjacency (no copy). */
export function neighboursOfNode(g: NeighbourGraph, v: number): Int32Array {
  return g.adj.subarray(getKnown(g.start, v, 'node'), getKnown(g.start, v + 1, 'node'));
}

/**
 * The symmetrised k-nearest-neighbour graph (i ~ j when either is among the other's k nearest): the
 * contiguity graph of the territories (a territory is contiguous when its retailers form one
 * connected piece of it).
 */
export function buildNeighbourGraph(x: Float64Array, y: Float64Array, k = 6): NeighbourGraph {
  const n = x.length;
  const nn = findNearestNeighbours(x, y, k);
  const degree = new Int32Array(n + 1);
  const edges: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < k; m++) {
      const j = nn.index[i * k + m]!;
      if (j < 0) break;
      edges.push(i, j);
      degree[i + 1]!++;
      degree[j + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const fill = degree.slice(0, n);
  const raw = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e += 2) {
    const i = edges[e]!,
      j = edges[e + 1]!;
    raw[fill[i]!++] = j;
    raw[fill[j]!++] = i;
  }
  // remove duplicates (mutual neighbours), keeping the lists sorted for determinism
  const start = new Int32Array(n + 1);
  const adj: number[] = [];
  for (let i = 0; i < n; i++) {
    const list = Array.from(raw.subarray(degree[i]!, degree[i + 1]!)).sort((a, b) => a - b);
    for (let m = 0; m < list.length; m++) if (m === 0 || list[m] !== list[m - 1]) adj.push(list[m]!);
    start[i + 1] = adj.length;
  }
  return { start, adj: Int32Array.from(adj) };
}
