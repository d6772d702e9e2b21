// Every reason a beatplan package writes by hand must be renderable in every language: made by core's
// `issueReason`/`customReason` (tsp: `tspReason`) from the reason catalogue, never a literal English
// `message`. This test reads the sources of every package for literal messages of issues and errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

/** A literal message (`message: '…'`) or an error made from a literal string (`new BeatplanError('X', '…')`). */
const LITERAL = [/\bmessage:\s*['"`]/, /new (?:BeatplanError|TspError)\(\s*'[A-Z_]+',\s*['"`]/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file:line: text` of each literal message in a package's sources (comments skipped). */
function literalMessages(pkg: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(PACKAGES, pkg, 'src'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.trim();
      if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return;
      if (!LITERAL.some((re) => re.test(code))) return;
      // A literal beside its reason as data (zod's `unknown field`) is rendered from the reason.
      if (lines.slice(i, i + 3).some((l) => /\breason:\s*\{\s*key:/.test(l))) return;
      // A service's own words (an adapter's verdict on an answer), quoted as a reason's `detail`.
      if (/quoted as a detail/.test(lines[i - 1] ?? '') || /quoted as a detail/.test(line)) return;
      found.push(`${pkg}/src/${file.slice(join(PACKAGES, pkg, 'src').length + 1)}:${i + 1}: ${code}`);
    });
  }
  return found;
}

describe('hand-written reasons', () => {
  const packages = readdirSync(PACKAGES).filter((p) => !p.startsWith('.'));
  it.each(packages)('%s writes no literal English message of an issue or error', (pkg) => {
    expect(literalMessages(pkg)).toEqual([]);
  });
});
