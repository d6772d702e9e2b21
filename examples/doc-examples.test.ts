// Runs every code example of the docs as written: each JSDoc `@example` in packages/*/src and each
// ```ts/```js block of the READMEs (extracted by examples/lib/doc-examples.mjs, never copied). A
// fragment that cannot run on its own carries `// not run: <reason>` (JSDoc) or
// `<!-- not run: <reason> -->` (README); the test prints how many were skipped and why.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript helper, shared with no TypeScript caller
import { allExamples, ROOT } from './lib/doc-examples.mjs';

interface Example {
  file: string;
  line: number;
  code: string;
  skip: string | null;
}

const PACKAGES: [string, string][] = [
  ['$core', '@beatplan/core'],
  ['$tsp', '@beatplan/tsp'],
  ['$positioning', '@beatplan/positioning'],
  ['$geofence', '@beatplan/geofence'],
  ['$territory', '@beatplan/territory'],
  ['$inspection', '@beatplan/inspection'],
  ['$reports', '@beatplan/reports'],
  ['$roads', '@beatplan/roads'],
  ['$cli', 'beatplan'],
];
const outDir = join(ROOT, 'examples', 'out', 'doc-examples');
const examples = allExamples() as Example[];
const skipped = examples.filter((e) => e.skip);

/** The example as a module: its imports kept, every public name it uses in scope, the rest as written. */
async function moduleOf(e: Example): Promise<string> {
  const imports = e.code.split('\n').filter((l) => /^import\s/.test(l));
  const body = e.code
    .split('\n')
    .filter((l) => !/^import\s/.test(l))
    .join('\n');
  const imported = new Set(imports.flatMap((l) => [...l.matchAll(/\b(\w+)\b/g)].map((m) => m[1])));
  const declared = new Set([...body.matchAll(/\b(?:const|let|var|function|class)\s+(\w+)/g)].map((m) => m[1]));
  const used = new Set([...body.matchAll(/\b([A-Za-z_$][\w$]*)\b/g)].map((m) => m[1]));
  const scope: string[] = [];
  const taken = new Set<string>();
  // A JSDoc example may use its own file's exports (internal helpers are documented too), and zod.
  const own: [string, string][] = e.file.endsWith('.ts') ? [['$self', pathToFileURL(join(ROOT, e.file)).href]] : [];
  const sources: [string, string][] = [...own, ...PACKAGES, ['z', 'zod']];
  if (used.has('z') && !declared.has('z') && !imported.has('z')) taken.add('z');
  for (const [alias, name] of sources) {
    if (alias === 'z') continue;
    const mod = (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
    for (const key of Object.keys(mod)) {
      if (!used.has(key) || declared.has(key) || imported.has(key) || taken.has(key)) continue;
      taken.add(key);
      scope.push(`const ${key} = ${alias}.${key};`);
    }
  }
  return [
    ...sources.map(([alias, name]) => `import * as ${alias} from '${name}';`),
    ...imports,
    ...scope,
    body,
    'export {};',
  ].join('\n');
}

mkdirSync(outDir, { recursive: true });
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  console.log(
    `doc examples: ${examples.length - skipped.length} run, ${skipped.length} skipped (marked "not run")` +
      skipped.map((e) => `\n  ${e.file}:${e.line}: ${e.skip}`).join(''),
  );
});

describe('every example of the docs runs', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(100);
  });
  examples.forEach((e, k) => {
    const name = `${e.file}:${e.line}`;
    if (e.skip) {
      it.skip(`${name} (not run: ${e.skip})`, () => {});
      return;
    }
    it(name, async () => {
      const path = join(outDir, `example-${k}.ts`);
      writeFileSync(path, await moduleOf(e));
      await import(/* @vite-ignore */ pathToFileURL(path).href);
    });
  });
});
