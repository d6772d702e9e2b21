import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The host installs the library as copies of ../../packages/*/dist (README "Install"). Guards against
// the two ways that goes stale: a copy older than the built package (run `npm ci` here again), and a
// lockfile that misses a dependency a package gained (refresh the lockfile as the README says).
const modules = new URL('../node_modules/', import.meta.url);
const installed = readdirSync(new URL('@beatplan/', modules));

describe.each(installed)('@beatplan/%s as installed here', (name) => {
  const manifest = JSON.parse(readFileSync(new URL(`@beatplan/${name}/package.json`, modules), 'utf8'));
  it('is the package built in ../../packages', () => {
    const built = new URL(`../../../packages/${name}/dist/index.js`, import.meta.url);
    expect(readFileSync(new URL(`@beatplan/${name}/dist/index.js`, modules), 'utf8')).toBe(readFileSync(built, 'utf8'));
  });
  it('has every dependency it declares installed', () => {
    const missing = Object.keys(manifest.dependencies ?? {}).filter(
      (dep) =>
        !existsSync(new URL(`${dep}/package.json`, modules)) &&
        !existsSync(new URL(`@beatplan/${name}/node_modules/${dep}/package.json`, modules)),
    );
    expect(missing).toEqual([]);
  });
});
