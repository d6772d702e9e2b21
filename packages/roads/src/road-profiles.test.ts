import { DENYING_ACCESS_VALUES, ROAD_PROFILES, ROAD_PROFILE_NAMES } from '@beatplan/roads';
import { describe, expect, it } from 'vitest';

describe('ROAD_PROFILES', () => {
  it('has one table per profile name, the JSDoc examples hold', () => {
    expect([...ROAD_PROFILES.keys()]).toEqual([...ROAD_PROFILE_NAMES]);
    expect(ROAD_PROFILES.get('car')?.speedsKmh.get('residential')).toBe(20);
    expect(ROAD_PROFILES.get('motorcycle')?.speedsKmh.has('motorway')).toBe(false);
    expect(DENYING_ACCESS_VALUES.has('private')).toBe(true);
  });

  it('never lists a class both as usable and as permitted-only, and caps every speed at the top speed', () => {
    for (const p of ROAD_PROFILES.values()) {
      for (const [k, v] of p.speedsKmh) {
        expect(p.permittedOnlySpeedsKmh.has(k)).toBe(false);
        expect(v).toBeLessThanOrEqual(p.topSpeedKmh);
      }
      for (const v of p.permittedOnlySpeedsKmh.values()) expect(v).toBeLessThanOrEqual(p.topSpeedKmh);
    }
  });
});

/** The README's speed table, rendered from the profiles: one row per highway class. */
function renderSpeedTable(): string {
  const classes: string[] = [];
  for (const p of ROAD_PROFILES.values()) {
    for (const k of [...p.speedsKmh.keys(), ...p.permittedOnlySpeedsKmh.keys()])
      if (!classes.includes(k)) classes.push(k);
  }
  const cell = (name: (typeof ROAD_PROFILE_NAMES)[number], k: string) => {
    const p = ROAD_PROFILES.get(name);
    const v = p?.speedsKmh.get(k);
    if (v !== undefined) return String(v);
    const w = p?.permittedOnlySpeedsKmh.get(k);
    return w !== undefined ? `(${w})` : '–';
  };
  const rows = classes.map((k) => `| \`${k}\` | ${ROAD_PROFILE_NAMES.map((n) => cell(n, k)).join(' | ')} |`);
  return [`| highway | ${ROAD_PROFILE_NAMES.join(' | ')} |`, '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe('README', () => {
  it('documents the speed table exactly as the profiles define it', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    if (process.env.PRINT_TABLE) console.log(renderSpeedTable());
    expect(readme).toContain(renderSpeedTable());
  });
});

describe('the matrix size limit', () => {
  it("core's MAX_TRAVEL_MATRIX_POINTS is the route solvers' MAX_MATRIX_N (one limit, checked here)", async () => {
    const { MAX_TRAVEL_MATRIX_POINTS } = await import('@beatplan/core');
    const { MAX_MATRIX_N } = await import('../../tsp/src/internal/normalize-input.js');
    expect(MAX_TRAVEL_MATRIX_POINTS).toBe(MAX_MATRIX_N);
  });
});
