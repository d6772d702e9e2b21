import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The issue model and the zod-to-issue mapping have one source, packages/core/src/internal/shared/; `npm run build`
// copies it here (tsp depends on no other beatplan package). A stale copy fails this test: run the build.
const core = new URL('../../core/src/internal/shared/', import.meta.url);
const mine = new URL('./generated/shared/', import.meta.url);

describe('shared sources', () => {
  it('are the same files as core/src/internal/shared (run `npm run build` after changing them)', () => {
    const files = readdirSync(core).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(mine).sort()).toEqual(files.sort());
    for (const f of files)
      expect(readFileSync(new URL(f, mine), 'utf8'), f).toBe(readFileSync(new URL(f, core), 'utf8'));
  });
});
