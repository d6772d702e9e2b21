// Test support shared by the packages' "from the packed tarball" tests (tsp's pool, territory's whole-manager
// planning): a package installed as a user gets it, in a fresh folder, to import by name in a child Node process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));
const rootModules = fileURLToPath(new URL('../node_modules/', import.meta.url));

/** A package unpacked into a temporary folder's node_modules. */
export interface PackedInstall {
  /** The folder: run `node` there (cwd) to import the package by name. */
  app: string;
  /** The paths inside the tarball (`dist/index.js`, …), as `npm pack --json` lists them. */
  files: string[];
  /** Deletes the folder. */
  remove(): void;
}

/**
 * `npm pack` of the workspace package `packages/<name>` (built files: run `npm run build` first, as `npm ci`
 * does), unpacked into `node_modules/@beatplan/<name>` of a new temporary folder. Every other module of the
 * folder is a link to this repository's installed dependencies (no network); the workspace packages named in
 * `links` are linked from `packages/` as `@beatplan/<link>`.
 */
export function installPacked(name: string, links: readonly string[] = []): PackedInstall {
  const app = mkdtempSync(join(tmpdir(), `beatplan-${name}-packed-`));
  try {
    const modules = join(app, 'node_modules');
    mkdirSync(join(modules, '@beatplan'), { recursive: true });
    for (const entry of readdirSync(rootModules))
      if (entry !== '@beatplan' && !entry.startsWith('.')) symlinkSync(join(rootModules, entry), join(modules, entry));
    for (const link of links) symlinkSync(join(packagesDir, link), join(modules, '@beatplan', link));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', app], {
        cwd: join(packagesDir, name),
        encoding: 'utf8',
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const [tarball] = packed;
    if (!tarball) throw new Error(`npm pack of packages/${name} listed no tarball`);
    const target = join(modules, '@beatplan', name);
    mkdirSync(target);
    execFileSync('tar', ['-xzf', join(app, tarball.filename), '-C', target, '--strip-components=1']);
    return {
      app,
      files: tarball.files.map((f) => f.path),
      remove: () => rmSync(app, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(app, { recursive: true, force: true });
    throw error;
  }
}
