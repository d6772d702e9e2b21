import { BeatplanError } from './beatplan-error.js';
import { isWasmRefusal, wasmBlockedIssue } from './internal/shared/wasm-refusal.js';

/**
 * An error thrown by compiling or instantiating WebAssembly, as beatplan reports it: the engine's
 * refusal to run WebAssembly at all (a browser page whose Content-Security-Policy lacks
 * `'wasm-unsafe-eval'`) becomes `BeatplanError` `WASM_BLOCKED`, saying what to allow, with the engine
 * error as `cause`; any other error is returned as it is. The same rule as `@beatplan/tsp`'s
 * `TspError` `WASM_BLOCKED` (one shared source).
 *
 * @param error - what `new WebAssembly.Module`, `WebAssembly.instantiate` etc. threw.
 * @returns the `WASM_BLOCKED` error, or `error` itself.
 * @throws never.
 * @example
 * const refused = new WebAssembly.CompileError('call to WebAssembly.compile() blocked by CSP');
 * (wasmBlockedError(refused) as BeatplanError).code; // 'WASM_BLOCKED'
 * const other = new WebAssembly.CompileError('expected magic word 00 61 73 6d');
 * wasmBlockedError(other) === other; // true
 */
export function wasmBlockedError(error: unknown): unknown {
  if (!isWasmRefusal(error)) return error;
  return new BeatplanError('WASM_BLOCKED', [wasmBlockedIssue(error)], { cause: error });
}
