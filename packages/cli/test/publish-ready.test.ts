import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 15, "ready to publish": what every published package.json and folder must carry.
const packagesDir = new URL('../../', import.meta.url);
const root = JSON.parse(readFileSync(new URL('../package.json', packagesDir), 'utf8')) as { workspaces: string[] };
const names = readdirSync(packagesDir).filter((d) => existsSync(new URL(`${d}/package.json`, packagesDir)));

describe.each(names)('packages/%s', (dir) => {
  const pkg = JSON.parse(readFileSync(new URL(`${dir}/package.json`, packagesDir), 'utf8')) as Record<string, any>;
  it('is a workspace with a LICENSE and a README', () => {
    expect(root.workspaces).toContain(`packages/${dir}`);
    expect(readFileSync(new URL(`${dir}/LICENSE`, packagesDir), 'utf8')).toMatch(/^MIT License/);
    expect(existsSync(new URL(`${dir}/README.md`, packagesDir))).toBe(true);
  });
  it('has license, engines, sideEffects, keywords, files and a prepack build', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.keywords.length).toBeGreaterThan(2);
    expect(pkg.files).toContain('dist');
    expect(pkg.scripts.prepack).toMatch(/npm run build && node \.\.\/\.\.\/scripts\/build-declarations\.mjs$/);
  });
  it('takes runtime dependencies as caret ranges, and zod as a peer', () => {
    for (const [name, range] of Object.entries<string>(pkg.dependencies ?? {})) expect(range, name).toMatch(/^\^\d/);
    expect(pkg.dependencies?.zod).toBeUndefined();
    if (pkg.peerDependencies) expect(pkg.peerDependencies.zod).toMatch(/^\^4\./);
  });
});
