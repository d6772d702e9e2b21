import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, Package } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

// Issue 15, "ready to publish": publint (package.json against the files a tarball would hold) and
// arethetypeswrong (the types resolve under node10, node16 CJS and ESM, and bundlers) on every
// package, on the built files (`npm run build`, which `npm ci` runs), without packing anything.
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const dirs = readdirSync(packagesDir).filter((d) => existsSync(join(packagesDir, d, 'package.json')));

/** What `npm pack` would publish: package.json, README, LICENSE and everything under `files`. */
function publishedFiles(dir: string, files: readonly string[]): string[] {
  const walk = (rel: string): string[] => {
    const abs = join(dir, rel);
    if (!existsSync(abs)) return [];
    if (!statSync(abs).isDirectory()) return [rel];
    return readdirSync(abs).flatMap((name) => walk(join(rel, name)));
  };
  return ['package.json', 'README.md', 'LICENSE', ...files].flatMap(walk);
}

describe.each(dirs)('packages/%s', (name) => {
  const dir = join(packagesDir, name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    files: string[];
  };
  const files = publishedFiles(dir, pkg.files);

  it('is built (run `npm run build` first; `npm ci` does it)', () => {
    expect(files.some((f) => f.startsWith('dist'))).toBe(true);
  });

  it('passes publint with no warning', async () => {
    const { messages } = await publint({
      pkgDir: 'package',
      level: 'warning',
      pack: { files: files.map((f) => ({ name: `package/${f}`, data: readFileSync(join(dir, f)) })) },
    });
    expect(messages.map((m) => `${m.code} ${m.path.join('.')}`)).toEqual([]);
  });

  it('has types that resolve for every module system (arethetypeswrong)', async () => {
    const map: Record<string, Uint8Array> = {};
    for (const f of files) map[`/node_modules/${pkg.name}/${f}`] = readFileSync(join(dir, f));
    const result = await checkPackage(new Package(map, pkg.name, pkg.version));
    expect(result.types, 'the package has type declarations').not.toBe(false);
    // node10 (moduleResolution "node") predates exports maps: it cannot see a subpath entry such as
    // `@beatplan/tsp/proof` at all; that is the resolver's limit, not a packaging mistake.
    const problems = ('problems' in result ? result.problems : []).filter(
      (p) =>
        !(p.kind === 'NoResolution' && 'resolutionKind' in p && p.resolutionKind === 'node10' && p.entrypoint !== '.'),
    );
    expect(
      problems.map(
        (p) => `${p.kind} ${'entrypoint' in p ? p.entrypoint : ''} ${'resolutionKind' in p ? p.resolutionKind : ''}`,
      ),
    ).toEqual([]);
  });
});
