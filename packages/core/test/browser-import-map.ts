import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Shared by the browser tests: an import map for a built package, as the README's recipe writes it.

/** The ES-module entry of a package.json `exports`/`module` field, for a browser. */
function esmEntry(pkg: Record<string, any>): string {
  const pick = (node: unknown): string | undefined => {
    if (typeof node === 'string') return node;
    if (node === null || typeof node !== 'object') return undefined;
    for (const key of ['browser', 'import', 'module', 'default']) {
      const hit = pick((node as Record<string, unknown>)[key]);
      if (hit) return hit;
    }
    return undefined;
  };
  const root = pkg.exports && typeof pkg.exports === 'object' && '.' in pkg.exports ? pkg.exports['.'] : pkg.exports;
  return pick(root) ?? pkg.module ?? pkg.main ?? 'index.js';
}

/**
 * An import map for every runtime dependency of `dir`'s package, transitively (node_modules layout),
 * as paths from `root` (the origin's root).
 */
export function importMap(dir: string, root: string, map: Record<string, string> = {}): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    if (name in map || name.startsWith('@types/')) continue;
    let at = dir;
    let found = '';
    for (;;) {
      const candidate = join(at, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        found = candidate;
        break;
      }
      if (at === dirname(at)) throw new Error(`${name} is not installed`);
      at = dirname(at);
    }
    const dep = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8'));
    map[name] = `/${join(found, esmEntry(dep)).slice(root.length)}`;
    importMap(found, root, map);
  }
  return map;
}
