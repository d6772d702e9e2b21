import { isBeatplanError } from '@beatplan/core';
import { buildRoadGraph, roadMatrix } from '@beatplan/roads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, nid, town, xmlBytes } from '../../test/tiny-extract.js';

// Issue 15: a page whose Content-Security-Policy refuses WebAssembly gets BeatplanError WASM_BLOCKED
// from the road query kernel (the rule shared with @beatplan/tsp), not the engine's bare CompileError.
const CHROMIUM =
  "WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an " +
  'allowed source of script in the following Content Security Policy directive: "script-src \'self\'"';

afterEach(() => vi.restoreAllMocks());

describe('the road query kernel under a policy that refuses WebAssembly', () => {
  it('throws WASM_BLOCKED naming the fix, and works once the policy allows it', async () => {
    const street = {
      id: 1,
      refs: [nid(0, 0), nid(1, 0), nid(2, 0)],
      tags: [['highway', 'residential']] as [string, string][],
    };
    const graph = await buildRoadGraph(xmlBytes(town([street])));
    const points = [at(0, 0), at(2, 0)];
    vi.spyOn(WebAssembly, 'Module').mockImplementationOnce(function refused() {
      throw new WebAssembly.CompileError(CHROMIUM);
    });
    let thrown: unknown;
    try {
      roadMatrix(graph, points);
    } catch (e) {
      thrown = e;
    }
    expect(isBeatplanError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ name: 'BeatplanError', code: 'WASM_BLOCKED', value: CHROMIUM });
    expect((thrown as Error).message).toContain("'wasm-unsafe-eval'");
    expect((thrown as Error).cause).toBeInstanceOf(WebAssembly.CompileError);
    const m = roadMatrix(graph, points);
    expect(m.distancesM[1]).toBeGreaterThan(150);
  });

  it('leaves any other WebAssembly error as it is', async () => {
    const street = { id: 1, refs: [nid(0, 0), nid(1, 0)], tags: [['highway', 'residential']] as [string, string][] };
    const graph = await buildRoadGraph(xmlBytes(town([street])));
    const broken = new WebAssembly.RuntimeError('unreachable');
    vi.spyOn(WebAssembly, 'Instance').mockImplementationOnce(function failed() {
      throw broken;
    });
    expect(() => roadMatrix(graph, [at(0, 0), at(1, 0)])).toThrow(broken);
  });
});
