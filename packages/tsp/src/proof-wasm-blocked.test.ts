import { afterEach, describe, expect, it, vi } from 'vitest';
import { TspError } from './errors.js';
import { loadProofEngine } from './proof.js';

// Issue 15: a page whose Content-Security-Policy refuses WebAssembly gets TspError WASM_BLOCKED from the
// HiGHS proof engine too (the rule shared with core and the other WebAssembly cores), not emscripten's
// bare "Aborted(CompileError: …)". (The real refusal in Chromium: test/wasm-csp.browser.test.ts.)
const CHROMIUM =
  "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not " +
  'an allowed source of script in the following Content Security Policy directive: "script-src \'self\'"';

afterEach(() => vi.restoreAllMocks());

describe('loadProofEngine under a policy that refuses WebAssembly', () => {
  it('rejects with WASM_BLOCKED naming the fix, and loads once the policy allows it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // emscripten logs the failure too
    vi.spyOn(WebAssembly, 'instantiate').mockRejectedValueOnce(new WebAssembly.CompileError(CHROMIUM));
    const refused = await loadProofEngine().then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TspError);
    expect(refused).toMatchObject({ code: 'WASM_BLOCKED' });
    expect((refused as TspError).message).toContain("'wasm-unsafe-eval'");
    const engine = await loadProofEngine();
    expect(typeof engine.prove).toBe('function');
  });
});
