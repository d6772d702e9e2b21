// Extracts the code examples of the docs, so the tests run them as written (never copies):
// every `@example` of a JSDoc comment in packages/*/src, and every ```ts / ```js block of the READMEs.
// A fragment that cannot run on its own says so where it is written, with its reason:
//   in JSDoc, a line `// not run: <reason>` inside the example;
//   in a README, a line `<!-- not run: <reason> -->` right above the code fence.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = /^\s*\/\/\s*not run:\s*(.+?)\s*$/m;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sources(path);
    return /\.ts$/.test(d.name) && !/\.test(-d)?\.ts$/.test(d.name) ? [path] : [];
  });
}

/** The `@example`s of one TypeScript file: `{ file, line, code, skip }` (skip: the reason, or null). */
export function jsdocExamples(path) {
  const text = readFileSync(path, 'utf8');
  const out = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\*\/\s*$/, ''));
    for (let k = 0; k < lines.length; k++) {
      if (!/^@example\b/.test(lines[k])) continue;
      const body = [];
      const first = lines[k].replace(/^@example\s*/, '');
      if (first) body.push(first);
      for (k++; k < lines.length && !/^@\w/.test(lines[k]); k++) body.push(lines[k]);
      k--;
      const code = body
        .join('\n')
        .replace(/^```\w*\n|\n```\s*$/g, '')
        .trim();
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ file: relative(ROOT, path), line, code, skip: SKIP.exec(code)?.[1] ?? null });
    }
  }
  return out;
}

/** The ```ts/```js blocks of one Markdown file. */
export function markdownExamples(path) {
  const text = readFileSync(path, 'utf8');
  const out = [];
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (!/^```(ts|js|typescript|javascript|mjs)\s*$/.test(lines[k])) continue;
    const start = k;
    const body = [];
    for (k++; k < lines.length && !/^```\s*$/.test(lines[k]); k++) body.push(lines[k]);
    const above = lines.slice(Math.max(0, start - 2), start).join('\n');
    const skip = /<!--\s*not run:\s*(.+?)\s*-->/.exec(above)?.[1] ?? null;
    out.push({ file: relative(ROOT, path), line: start + 1, code: body.join('\n'), skip });
  }
  return out;
}

/** Every example of the repository's docs, in a stable order. */
export function allExamples() {
  const packages = join(ROOT, 'packages');
  const dirs = readdirSync(packages).sort();
  const readmes = [join(ROOT, 'README.md'), ...dirs.map((d) => join(packages, d, 'README.md'))];
  return [
    ...readmes.flatMap((p) => {
      try {
        return markdownExamples(p);
      } catch {
        return [];
      }
    }),
    ...dirs.flatMap((d) =>
      sources(join(packages, d, 'src'))
        .sort()
        .flatMap(jsdocExamples),
    ),
  ];
}
