// @beatplan/tsp/proof: the branch-and-cut that proves routes optimal beyond the dynamic program, with
// its LP engine (HiGHS compiled to WebAssembly, npm `highs`). `solve` imports this entry on first
// need, so a program that never proves a route never loads it.
import loadHighs, { type Highs } from 'highs';
import { runBranchAndCut, type BranchAndCutSettings } from './internal/branch-and-cut/branch-and-cut.js';
import type { ProofEngine } from './internal/branch-and-cut/proof-engine.js';
import { wasmCompileError } from './internal/wasm.js';

export type { ProofEngine, ProofOutcome, ProofProgress } from './internal/branch-and-cut/proof-engine.js';
export type { RouteProblem } from './internal/branch-and-cut/route-to-symmetric.js';
import { proveRouteSteps } from './internal/branch-and-cut/proof-engine.js';

/** Where HiGHS's WebAssembly comes from when the default (the file beside the `highs` package) will not do. */
export interface ProofEngineOptions {
  /** The bytes of `highs/runtime` (highs.wasm), e.g. for a bundler that cannot serve the file. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** Returns the URL of `highs.wasm` (a bundler's asset URL, a CDN). */
  locateFile?: (file: string) => string;
}

let pending: Promise<Highs> | null = null;

/**
 * Loads the branch-and-cut and its LP engine once (later calls return the same engine). `solve` calls
 * it by itself when a proof needs it; call it yourself to pay the load (about 4 MB of WebAssembly,
 * ~100 ms) before the first solve, or to load HiGHS from somewhere else. A browser page must allow
 * WebAssembly compilation (CSP `script-src 'wasm-unsafe-eval'`) and fetching `highs.wasm`.
 * @param options Where the WebAssembly comes from (default: beside the `highs` package).
 * @returns The engine (used by `solve`; its `prove` generator is the branch-and-cut).
 * @throws {TspError} `WASM_BLOCKED` when the page's Content-Security-Policy refuses WebAssembly (add
 *   `'wasm-unsafe-eval'`); otherwise whatever loading HiGHS throws (a missing file).
 * @example
 * // not run: loads the HiGHS engine through the package entry @beatplan/tsp/proof
 * import { loadProofEngine } from '@beatplan/tsp/proof';
 * await loadProofEngine(); // then solve(input, { method: 'exact' }) proves n > 27 without loading anything
 */
export async function loadProofEngine(options: ProofEngineOptions = {}): Promise<ProofEngine> {
  if (!pending) {
    const init: Parameters<typeof loadHighs>[0] = {};
    if (options.wasmBinary) init.wasmBinary = options.wasmBinary;
    if (options.locateFile) init.locateFile = options.locateFile;
    pending = loadHighs(init).catch((e: unknown) => {
      pending = null; // a later call may try again (the policy may have changed)
      throw wasmCompileError(e);
    });
  }
  const highs = await pending;
  return {
    prove: (problem, route, settings?: Partial<BranchAndCutSettings>) =>
      proveRouteSteps((inst, tour, s) => runBranchAndCut(highs, inst, tour, s), problem, route, settings),
  };
}
