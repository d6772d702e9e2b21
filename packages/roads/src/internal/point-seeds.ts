import { KEY_DIST_SCALE } from './build-topology.js';
import type { RoadGraphData } from './road-graph-data.js';
import type { Snap } from './snap-point.js';

/** Entry points of a snapped point into the graph: (node, key) pairs as flat arrays. */
export interface Seeds {
  nodes: number[];
  keys: number[];
}

/** Key of the fraction `f` of directed edge e: rounded ms and dm of that part. */
export function partKey(g: RoadGraphData, e: number, f: number): number {
  return Math.round((g.edgeTimeMs[e] as number) * f) * KEY_DIST_SCALE + Math.round((g.edgeDistDm[e] as number) * f);
}

/**
 * A point that lies exactly on a chain's end is at that junction: it may leave or reach it by any
 * road, not only along its own chain (which may be one-way the wrong way). Adds the junction's graph
 * nodes with key 0.
 */
function addJunctionSeeds(g: RoadGraphData, s: Snap, nodes: number[], keys: number[]): void {
  const len = g.chainCumM[(g.chainStart[s.chain + 1] as number) - 1] as number;
  const ends: number[] = [];
  if (s.offsetM <= 0) ends.push(g.chainEnds[2 * s.chain] as number);
  if (s.offsetM >= len) ends.push(g.chainEnds[2 * s.chain + 1] as number);
  for (const j of ends) {
    for (let i = g.junctionNodeStart[j] as number; i < (g.junctionNodeStart[j + 1] as number); i++) {
      nodes.push(g.junctionNodes[i] as number);
      keys.push(0);
    }
  }
}

/** Whether graph node x is a node of the junction the point lies exactly on (see addJunctionSeeds). */
export function isAtJunctionNode(g: RoadGraphData, s: Snap, x: number): boolean {
  const nodes: number[] = [];
  addJunctionSeeds(g, s, nodes, []);
  return nodes.includes(x);
}

function fractions(g: RoadGraphData, s: Snap): [number, number] {
  const len = g.chainCumM[(g.chainStart[s.chain + 1] as number) - 1] as number;
  const f = len > 0 ? Math.min(1, Math.max(0, s.offsetM / len)) : 0;
  return [f, 1 - f];
}

/**
 * Leaving a point: to the head of each allowed direction of its chain, with the key of the rest of
 * the chain in that direction.
 */
export function sourceSeeds(g: RoadGraphData, s: Snap): Seeds {
  const [before, after] = fractions(g, s);
  const nodes: number[] = [];
  const keys: number[] = [];
  const fwd = 2 * s.chain;
  if ((g.edgeHead[fwd] as number) >= 0) {
    nodes.push(g.edgeHead[fwd] as number);
    keys.push(partKey(g, fwd, after));
  }
  if ((g.edgeHead[fwd + 1] as number) >= 0) {
    nodes.push(g.edgeHead[fwd + 1] as number);
    keys.push(partKey(g, fwd + 1, before));
  }
  addJunctionSeeds(g, s, nodes, keys);
  return { nodes, keys };
}

/**
 * Reaching a point: from every node that may enter each allowed direction of its chain (several at
 * a junction split by turn restrictions), with the key of the part of the chain up to the point.
 */
export function targetSeeds(g: RoadGraphData, s: Snap): Seeds {
  const [before, after] = fractions(g, s);
  const nodes: number[] = [];
  const keys: number[] = [];
  for (const [e, f] of [
    [2 * s.chain, before],
    [2 * s.chain + 1, after],
  ] as const) {
    if ((g.edgeHead[e] as number) < 0) continue;
    const k = partKey(g, e, f);
    for (let i = g.tailStart[e] as number; i < (g.tailStart[e + 1] as number); i++) {
      nodes.push(g.tails[i] as number);
      keys.push(k);
    }
  }
  addJunctionSeeds(g, s, nodes, keys);
  return { nodes, keys };
}

/** The key of driving along one chain from a to b without leaving it, or Infinity. */
export function directKey(g: RoadGraphData, a: Snap, b: Snap): number {
  if (a.chain !== b.chain) return Number.POSITIVE_INFINITY;
  const len = g.chainCumM[(g.chainStart[a.chain + 1] as number) - 1] as number;
  const d = len > 0 ? (b.offsetM - a.offsetM) / len : 0;
  const fwd = 2 * a.chain;
  if (d >= 0 && (g.edgeHead[fwd] as number) >= 0) return partKey(g, fwd, d);
  if (d <= 0 && (g.edgeHead[fwd + 1] as number) >= 0) return partKey(g, fwd + 1, Math.abs(d));
  return Number.POSITIVE_INFINITY;
}
