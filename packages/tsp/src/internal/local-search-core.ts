import { LOCAL_SEARCH_SIMD_WASM_BASE64, LOCAL_SEARCH_WASM_BASE64 } from '../generated/local-search-wasm.js';
import { compileCoreSync, resolveBuild, type WasmBuild, type WasmCore } from './wasm.js';

/** The iterated-local-search WebAssembly core (assembly/local-search.ts), both builds. */
export const LOCAL_SEARCH_CORE: WasmCore = {
  name: 'local-search',
  scalar: LOCAL_SEARCH_WASM_BASE64,
  simd: LOCAL_SEARCH_SIMD_WASM_BASE64,
};

/** The exports of assembly/local-search.ts: numbers and pointers only. */
export interface LocalSearchExports {
  memory: WebAssembly.Memory;
  /** Lays out memory for n nodes with k neighbours each; 1 on success, 0 when memory cannot grow. */
  prepare(n: number, k: number): number;
  /** Byte offset of the n*n f64 cost matrix (row-major). */
  costPtr(): number;
  /** Byte offset of the best tour (n int32); also the given tour read by `start(..., useGiven = 1)`. */
  bestTourPtr(): number;
  /** Builds the neighbour lists of rows [from, to); `sym` 1 when the costs are symmetric. */
  neighbours(from: number, to: number, sym: number): void;
  /** Starts the minimum spanning tree (Prim, from node 0) behind the alpha-nearness candidate lists. */
  mstBegin(): void;
  /** Adds up to `count` nodes to the spanning tree; returns how many are still outside. */
  mstStep(count: number): number;
  /** Symmetric costs: the lists of rows [from, to) hold the K alpha-nearest nodes, sorted by cost (after the tree). */
  alphaNeighbours(from: number, to: number): void;
  /** Begins a search: seeds the generator; the nearest-neighbour construction (or the given tour, `useGiven` 1). */
  begin(sym: number, seed: number, eps: number, kickSpan: number, useGiven: number): void;
  /** Places up to `count` more nodes of the nearest-neighbour tour; returns how many are left. */
  construct(count: number): number;
  /** Local search over at most `pops` dirty nodes; returns how many are still dirty (0: a local optimum). */
  descend(pops: number): number;
  /** Makes the current tour the accepted and best one; returns its length. */
  settle(): number;
  /** Runs `count` kicks, each repaired by local search; returns the best length so far. */
  kicks(count: number): number;
  bestLength(): number;
  kickCount(): number;
  /** After `patience` kicks without a change of the accepted tour, accept the next `walk` kicked tours. */
  setEscape(patience: number, walk: number): void;
}

/**
 * The compiled local-search module. Compiles synchronously unless it is already cached (the async
 * `solve` compiles it with `compileCore` first, so a browser's main thread never compiles synchronously).
 */
export function compileLocalSearch(build: WasmBuild): WebAssembly.Module {
  return compileCoreSync(LOCAL_SEARCH_CORE, resolveBuild(LOCAL_SEARCH_CORE, build));
}
