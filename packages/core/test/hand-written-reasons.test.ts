// Every reason a beatplan package writes by hand must be renderable in every language: made by core's
// `issueReason`/`customReason` (tsp: `tspReason`) from the reason catalogue, never a literal English
// `message`. This test reads the sources of every package for literal messages of issues and errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
      // `message:` at the end of a line, its literal on the next one, counts too.
      const joined = /\bmessage:$/.test(code) ? `${code} ${lines[i + 1]?.trim()}` : code;
      if (!LITERAL.some((re) => re.test(joined))) return;
      // A literal beside its reason as data (zod's `unknown field`) is rendered from the reason.
      if (lines.slice(i, i + 3).some((l) => /\breason:\s*\{\s*key:/.test(l))) return;
      // A service's own words (an adapter's verdict on an answer), quoted as a reason's `detail`.
      if (/quoted as a detail/.test(lines[i - 1] ?? '') || /quoted as a detail/.test(line)) return;
      found.push(`${pkg}/src/${file.slice(join(PACKAGES, pkg, 'src').length + 1)}:${i + 1}: ${code}`);
    });
  }
  return found;
}

/** zod's calls whose second argument is the message of a custom issue: `.refine(check, …)`, `z.custom(check, …)`. */
const CUSTOM_CALLS = new Set(['refine', 'custom', 'instanceof']);
const KEYED = /\bcustom(?:Reason|Params)\(/;

/**
 * `line: text` of each zod custom issue in a source whose message is not keyed: a `.refine`/`z.custom`/
 * `z.instanceof` without `customReason(…)` (or tsp's `customParams(…)`) as its message, or an issue object
 * `{ code: 'custom', … }` with neither a spread keyed reason nor `params` carried over. Such a message is
 * English in every language (zod keeps it as is and it carries no reason to render).
 */
export function unkeyedCustomIssues(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, at: ts.Node = node) => {
    const { line } = source.getLineAndCharacterOfPosition(at.getStart(source));
    found.push(`${line + 1}: ${source.text.split('\n')[line]?.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      CUSTOM_CALLS.has(node.expression.name.text)
    ) {
      const message = node.arguments[1];
      // An option of a union without a message of its own: the union's issue is the one reported.
      const unionOption = !message && ts.isArrayLiteralExpression(node.parent);
      if (!unionOption && !(message && KEYED.test(message.getText(source)))) report(node, node.expression.name);
    }
    if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.some(
        (p) =>
          ts.isPropertyAssignment(p) &&
          p.name.getText(source) === 'code' &&
          ts.isStringLiteral(p.initializer) &&
          p.initializer.text === 'custom',
      ) &&
      !node.properties.some(
        (p) =>
          (ts.isSpreadAssignment(p) && KEYED.test(p.expression.getText(source))) ||
          (ts.isPropertyAssignment(p) && p.name.getText(source) === 'params') ||
          (ts.isSpreadAssignment(p) && /\breason\b/i.test(p.expression.getText(source))),
      )
    )
      report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('hand-written reasons', () => {
  const packages = readdirSync(PACKAGES).filter((p) => !p.startsWith('.'));
  it.each(packages)('%s writes no literal English message of an issue or error', (pkg) => {
    expect(literalMessages(pkg)).toEqual([]);
  });

  it.each(packages)('%s gives every zod custom issue (refine, custom, addIssue) a keyed reason', (pkg) => {
    const root = join(PACKAGES, pkg, 'src');
    const found = sourceFiles(root).flatMap((file) =>
      unkeyedCustomIssues(file, readFileSync(file, 'utf8')).map(
        (f) => `${pkg}/src/${file.slice(root.length + 1)}:${f}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('finds a refine, a custom schema and an issue with a literal message, and passes keyed ones', () => {
    const literal = [
      "z.number().refine((n) => n > 0, { error: 'must be positive' });",
      "z.number().refine((n) => n > 0, 'must be positive');",
      'z.number().refine((n) => n > 0);',
      "z\n  .custom<() => void>((v) => typeof v === 'function', { message: `f must be a function` });",
      "z.instanceof(AbortSignal, { error: () => 'signal must be an AbortSignal' });",
      "ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });",
      "ctx.issues.push({ code: 'custom', input, message });",
    ];
    for (const code of literal) expect(unkeyedCustomIssues('x.ts', code), code).toHaveLength(1);
    const keyed = [
      'z.union([z.instanceof(Int32Array), z.array(z.number())], { error: "…" });',
      "z.number().refine((n) => n > 0, { ...customReason('core.positive'), path: ['n'] });",
      "z.number().refine((n) => n > 0, customParams(tspReason('tsp.window_order')));",
      "ctx.addIssue({ code: 'custom', input, ...customReason('core.ring_corners') });",
      "ctx.issues.push({ code: 'custom', input, ...reason });",
      'ctx.issues.push({ code: "custom", message: issue.message, params: issue.params, path });',
    ];
    for (const code of keyed) expect(unkeyedCustomIssues('x.ts', code), code).toEqual([]);
  });
});
