// One source for recognising a refused WebAssembly compile, shared by core (`wasmBlockedError`, used by
// @beatplan/roads' query kernel) and @beatplan/tsp (its cores and the HiGHS proof engine). Self-contained:
// `npm run build` copies this file into packages/tsp/src/generated/shared/.
import type { Issue } from './issue-format.js';
import { reasonOfText } from './reason-text.js';

/** The reason of a `WASM_BLOCKED` issue in English (`core.wasm_blocked`; its Chinese is in core's catalogue). */
export const WASM_BLOCKED_TEXT =
  "this page's Content-Security-Policy refuses to compile WebAssembly: add 'wasm-unsafe-eval' to its script-src";

/** What the engines say when a page's policy refuses WebAssembly (Chromium, Firefox, Safari, emscripten's abort). */
const REFUSAL = /Content[- ]Security[- ]Policy|blocked by CSP|wasm-unsafe-eval|'unsafe-eval'/i;

/**
 * Whether an error thrown by compiling or instantiating WebAssembly is the engine's refusal to run it
 * at all: a browser page whose Content-Security-Policy lacks `'wasm-unsafe-eval'` (Chromium: "Refused
 * to compile or instantiate WebAssembly module because ... Content Security Policy"; Firefox: "blocked
 * by CSP"). A malformed module, a failed fetch or any other error is not one.
 *
 * @example
 * isWasmRefusal(new WebAssembly.CompileError('call to WebAssembly.compile() blocked by CSP')); // true
 * isWasmRefusal(new WebAssembly.CompileError('expected magic word 00 61 73 6d')); // false
 */
export function isWasmRefusal(error: unknown): boolean {
  return REFUSAL.test(error instanceof Error ? error.message : String(error));
}

/**
 * The one issue of a `WASM_BLOCKED` error: what to allow, with the engine's own words as the value.
 *
 * @example
 * wasmBlockedIssue(new Error('blocked by CSP')).value; // 'blocked by CSP'
 */
export function wasmBlockedIssue(error: unknown): Issue {
  return {
    path: [],
    ...reasonOfText(WASM_BLOCKED_TEXT, 'core.wasm_blocked', undefined),
    value: error instanceof Error ? error.message : String(error),
  };
}
