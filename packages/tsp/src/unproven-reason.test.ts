// Issue 13: why a branch-and-cut route is not proven is given as data too, so core writes it in Chinese.
import { readFileSync } from 'node:fs';
import { formatReason } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { parseTsplib } from '@beatplan/tsp';
import { loadProofEngine } from './proof.js';

const data = (path: string) => readFileSync(new URL(`../test/data/${path}`, import.meta.url), 'utf8');

describe('an unproven route’s reason', () => {
  it('carries its key and parameters when the search tree passes its bound of open nodes', async () => {
    // kroA200 needs branching (its root bound is below the optimum), so a bound of 0 open nodes stops the search
    const inst = parseTsplib(data('tsplib/kroA200.tsp'));
    const icost = Int32Array.from(inst.matrix);
    const engine = await loadProofEngine();
    const steps = engine.prove({ n: inst.n, icost, start: 0, end: 0 }, [...Array(inst.n).keys()], { maxOpenNodes: 0 });
    let next = steps.next();
    while (!next.done) next = steps.next();
    const out = next.value;
    expect(out.proven).toBe(false);
    expect(out.reason).toBe('the search tree passed 0 open nodes');
    expect(out.reasonData).toEqual({ key: 'tsp.unproven_open_nodes', max: 0 });
    expect(out.reasonData && formatReason(out.reasonData)).toBe(out.reason);
    expect(out.reasonData && formatReason(out.reasonData, { locale: 'zh-CN' })).toBe('搜索树的未处理节点超过了 0 个');
  });
});
