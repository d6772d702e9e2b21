// The type declarations of every package in ONE TypeScript pass (tsconfig.build.json), instead of one
// rollup-dts program per package: `npm ci` spent most of its build there. For each package it writes
//   dist/types/**.d.ts       the ESM declarations as tsc emits them (imports of other packages kept),
//   dist/types-cjs/**.d.cts  the same for `require`, relative imports rewritten to .cjs,
//   dist/<entry>.d.ts, dist/<entry>.d.cts   the entry points the exports maps name (index, proof, ...).
// Run after tsup (which cleans dist/). `node scripts/build-declarations.mjs` (all packages).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'build', 'types');
rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)).map((f) => join(d.name, f)) : [d.name],
  );
}

for (const name of readdirSync(join(root, 'packages'))) {
  const from = join(out, name, 'src');
  const dist = join(root, 'packages', name, 'dist');
  if (!existsSync(from) || !existsSync(dist)) continue;
  const esm = join(dist, 'types');
  const cjs = join(dist, 'types-cjs');
  rmSync(esm, { recursive: true, force: true });
  rmSync(cjs, { recursive: true, force: true });
  cpSync(from, esm, { recursive: true });
  for (const file of files(from)) {
    const text = readFileSync(join(from, file), 'utf8').replace(
      /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\.js\2/g,
      (_m, lead, q, path) => `${lead}${q}${path}.cjs${q}`,
    );
    const target = join(cjs, file.replace(/\.d\.ts$/, '.d.cts'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  // One pair of entry files per entry of the exports map (`.`, `./proof`, ...): dist/<entry>.d.ts.
  const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  for (const target of Object.values(pkg.exports ?? {})) {
    const entry = /^\.\/dist\/(.+)\.d\.ts$/.exec(target?.import?.types ?? '')?.[1];
    if (!entry) continue;
    writeFileSync(join(dist, `${entry}.d.ts`), `export * from './types/${entry}.js';\n`);
    writeFileSync(join(dist, `${entry}.d.cts`), `export * from './types-cjs/${entry}.cjs';\n`);
  }
}
rmSync(out, { recursive: true, force: true });
