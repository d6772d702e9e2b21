import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 15, consistency: a unit is spelled one way in every name (minutes `…Minutes`, seconds `…S`,
// metres `…M`). A camelCase name ending in `Min` read as "minutes" in some places and "minimum" in
// others (the workload in minutes, the fewest fixes): it must not come back, in code or docs.
const root = new URL('../../../', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'dist', 'generated', 'out', 'site', '.git']);

function filesUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, found);
    else if (/\.(ts|mjs|md|json|csv)$/.test(name)) found.push(path);
  }
  return found;
}

/** Every `file:line: name` where a camelCase name ends in `Min` (the suffix) — each a unit spelled the old way. */
function oldSpellings(pattern: RegExp, skip: RegExp = /^$/): string[] {
  const dirs = ['packages', 'examples', 'docs', 'bench'].map((d) => join(root, d));
  const hits: string[] = [];
  for (const file of [...dirs.flatMap((d) => filesUnder(d)), join(root, 'README.md')]) {
    if (skip.test(relative(root, file))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(pattern)) hits.push(`${relative(root, file)}:${i + 1}: ${m[0]}`);
      });
  }
  return hits;
}

describe('unit names', () => {
  it('spells minutes `…Minutes`: no camelCase name ends in `Min`', () => {
    expect(oldSpellings(/\b[a-z][a-zA-Z0-9]*[a-z0-9]Min\b/g)).toEqual([]);
  });

  // One speed unit, km/h (docs/guides/units.md): no public name in m/s or another spelling of km/h.
  // Code inside a package's src/internal/ may hold a local in m/s; the public surface may not.
  it('spells every public speed in km/h, `…Kmh`', () => {
    const pattern =
      /\b[a-z][a-zA-Z0-9]*(Mps|MetersPerSecond|MetresPerSecond|Kph|KmH|KmPerHour)\b|\bDEFAULT_[A-Z_]*_MPS\b/g;
    expect(oldSpellings(pattern, /\/internal\/|\.test\.ts$/)).toEqual([]);
  });
});
