import { TIME_WINDOWS_SIMD_WASM_BASE64, TIME_WINDOWS_WASM_BASE64 } from '../generated/time-windows-wasm.js';
import { compileCoreSync, resolveBuild, type WasmBuild, type WasmCore } from './wasm.js';

/** The time-window WebAssembly core (assembly/time-windows.ts), both builds. */
export const TIME_WINDOWS_CORE: WasmCore = {
  name: 'time-windows',
  scalar: TIME_WINDOWS_WASM_BASE64,
  simd: TIME_WINDOWS_SIMD_WASM_BASE64,
};

/** The exports of assembly/time-windows.ts: numbers and pointers only. */
export interface TimeWindowExports {
  memory: WebAssembly.Memory;
  /** Lays out memory for n stops, `windowCount` windows in all, k neighbours; 1, or 0 when memory cannot grow. */
  prepare(n: number, windowCount: number, k: number): number;
  /** The objective of the next setup: the least finish + w x cost (0: the earliest finish, ties by cost). */
  setCostWeight(w: number): void;
  /** Byte offsets of the n*n f64 travel times, n*n f64 costs, n f64 services, n+1 i32 window offsets, f64 windows. */
  timePtr(): number;
  costPtr(): number;
  servicePtr(): number;
  windowOffsetPtr(): number;
  windowPtr(): number;
  /** Byte offset of the insertion order (i32, the stops to route). */
  orderPtrOf(): number;
  /** Sets the problem up; 0 when not even the empty route meets endBy. `end` -1: none fixed. */
  setup(
    start: number,
    end: number,
    closed: number,
    startAt: number,
    endBy: number,
    seed: number,
    count: number,
    maxKicks: number,
    eps: number,
  ): number;
  /** Runs up to `units` units of work; 1 when the first route is complete and the kick budget spent. */
  step(units: number): number;
  /** 1 once the first route (insertion and local search) is complete. */
  hasRoute(): number;
  bestRoutePtr(): number;
  bestRouteLength(): number;
  bestDroppedPtr(): number;
  bestDroppedCount(): number;
  bestFinishTime(): number;
  bestRouteCost(): number;
  kickCount(): number;
  /** k of the Balas–Simonetti neighbourhood from the next `prepare` on (0: off; < 0: the default, 7). */
  setBsdpK(k: number): void;
  /** Tests: the DP neighbourhood alone — the sequence to reorder (i32, start first, a fixed end last)... */
  bsdpSequencePtr(): number;
  /** ...its run (1 when a reordering is found; states a lower bound puts past `bound` pruned)... */
  bsdpReorder(len: number, bound: number): number;
  /** ...and the best reordering (i32) with its finish. */
  bsdpResultPtr(): number;
  bsdpFinishTime(): number;
  /** Percent of the kicks that are crossovers of two elite routes from the next `setup` on (0: none; < 0: the default). */
  setPopulationShare(share: number): void;
  /** The most exchanges of an ejection chain from the next ejection on (< 1: the default, 3). */
  setChainDepth(depth: number): void;
  /** Kicks per stop in one lane from the next `setup` on (0: one lane; < 0: the default, 15). */
  setLaneKicks(perStop: number): void;
  /** Tests: the ejection chains once on the working route (1 when a route was kept, 0 when it is unchanged)... */
  ejectOnce(): number;
  /** ...and the working route's finish. */
  workFinishTime(): number;
  /** Tests: a child of two members of the population as the working route (1), or 0 with fewer than two members. */
  crossoverOnce(): number;
  /** Tests: members of the population. */
  populationSize(): number;
  /** Tests: the working route (i32, the start first), its length, its dropped stops (i32) and their count. */
  workRoutePtr(): number;
  workRouteLength(): number;
  workDroppedPtr(): number;
  workDroppedCount(): number;
}

/** The compiled time-window module (cached; the async `solve` compiles it asynchronously first). */
export function compileTimeWindows(build: WasmBuild): WebAssembly.Module {
  return compileCoreSync(TIME_WINDOWS_CORE, resolveBuild(TIME_WINDOWS_CORE, build));
}
