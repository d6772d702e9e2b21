import { afterEach, describe, expect, it, vi } from 'vitest';
import { TspError } from '../errors.js';
import { compileCore, compileCoreSync, wasmCompileError } from './wasm.js';

// Issue 15: a browser page whose Content-Security-Policy refuses WebAssembly compilation gets a typed
// `WASM_BLOCKED` error saying what to allow, not the engine's bare CompileError. (The real refusal is
// tested in Chromium: packages/tsp/test/wasm-csp.browser.test.ts.)
const EMPTY_MODULE = 'AGFzbQEAAAA='; // "\0asm", version 1: a valid module with nothing in it
const CHROMIUM =
  "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an " +
  'allowed source of script in the following Content Security Policy directive: "script-src \'self\'"';
const FIREFOX = 'call to WebAssembly.compile() blocked by CSP';

afterEach(() => vi.restoreAllMocks());

describe('a refused WebAssembly compile', () => {
  it('becomes TspError WASM_BLOCKED naming the fix, with the engine error as cause', () => {
    for (const text of [CHROMIUM, FIREFOX]) {
      const refusal = new WebAssembly.CompileError(text);
      const e = wasmCompileError(refusal);
      expect(e).toBeInstanceOf(TspError);
      expect(e).toMatchObject({ code: 'WASM_BLOCKED', value: text, cause: refusal });
      expect((e as TspError).message).toContain("'wasm-unsafe-eval'");
    }
  });

  it('leaves any other error as it is', () => {
    const other = new WebAssembly.CompileError('WebAssembly.Module(): expected magic word 00 61 73 6d');
    expect(wasmCompileError(other)).toBe(other);
  });

  it('compileCore rejects with WASM_BLOCKED, and a later call compiles once the policy allows it', async () => {
    const core = { name: 'csp-test-async', scalar: EMPTY_MODULE, simd: EMPTY_MODULE };
    vi.spyOn(WebAssembly, 'compile').mockRejectedValueOnce(new WebAssembly.CompileError(CHROMIUM));
    await expect(compileCore(core, 'scalar')).rejects.toMatchObject({ name: 'TspError', code: 'WASM_BLOCKED' });
    await expect(compileCore(core, 'scalar')).resolves.toBeInstanceOf(WebAssembly.Module);
  });

  it('compileCoreSync throws WASM_BLOCKED', () => {
    const core = { name: 'csp-test-sync', scalar: EMPTY_MODULE, simd: EMPTY_MODULE };
    vi.spyOn(WebAssembly, 'Module').mockImplementationOnce(function refused() {
      throw new WebAssembly.CompileError(CHROMIUM);
    });
    expect(() => compileCoreSync(core, 'scalar')).toThrow(expect.objectContaining({ code: 'WASM_BLOCKED' }));
    expect(compileCoreSync(core, 'scalar')).toBeInstanceOf(WebAssembly.Module);
  });
});
