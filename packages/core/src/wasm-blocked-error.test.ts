import { describe, expect, it } from 'vitest';
import { BeatplanError } from './beatplan-error.js';
import { isWasmRefusal } from './internal/shared/wasm-refusal.js';
import { wasmBlockedError } from './wasm-blocked-error.js';

const CHROMIUM =
  "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an " +
  'allowed source of script in the following Content Security Policy directive: "script-src \'self\'"';
const FIREFOX = 'call to WebAssembly.compile() blocked by CSP';
const EMSCRIPTEN = `Aborted(CompileError: ${CHROMIUM})`; // how HiGHS's loader reports it

describe('wasmBlockedError', () => {
  it('turns a refusal into BeatplanError WASM_BLOCKED naming the fix, with the engine error as cause', () => {
    for (const text of [CHROMIUM, FIREFOX, EMSCRIPTEN]) {
      const refusal = new WebAssembly.CompileError(text);
      expect(isWasmRefusal(refusal)).toBe(true);
      const e = wasmBlockedError(refusal);
      expect(e).toBeInstanceOf(BeatplanError);
      expect(e).toMatchObject({ code: 'WASM_BLOCKED', path: [], value: text, cause: refusal });
      expect((e as BeatplanError).message).toContain("'wasm-unsafe-eval'");
    }
  });

  it('returns any other error as it is (JSDoc example)', () => {
    for (const other of [
      new WebAssembly.CompileError('WebAssembly.Module(): expected magic word 00 61 73 6d'),
      new TypeError('fetch failed'),
      'a string',
    ]) {
      expect(isWasmRefusal(other)).toBe(false);
      expect(wasmBlockedError(other)).toBe(other);
    }
  });
});
