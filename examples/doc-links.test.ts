import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 15, docs: every relative link in every committed Markdown file (READMEs, docs/, CHANGELOG,
// bench/RESULTS.md) leads to a file that exists, and a `#anchor` to a heading of that file. The
// API reference's own links ({@link} in JSDoc, the guides) are checked by TypeDoc in `npm run docs`,
// which fails on an unresolved link (CI runs it).
const root = new URL('../', import.meta.url).pathname;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of markdown.replace(/```[\s\S]*?```/g, '').split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m?.[1]) continue;
    const slug = slugOf(m[1]);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** Every `[text](target)` outside code, with its line. */
function linksOf(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) inFence = !inFence;
    if (inFence) return;
    const prose = text.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g))
      if (m[1]) links.push({ target: m[1], line: i + 1 });
  });
  return links;
}

/** The problems of one Markdown file's relative links: `file:line: target: reason`. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const problems: string[] = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not checked offline
    const [path = '', anchor] = target.split('#');
    const where = `${relative(root, file)}:${line}: ${target}`;
    const resolved = path ? join(dirname(file), decodeURIComponent(path)) : file;
    if (!existsSync(resolved)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md')) {
      if (!anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) problems.push(`${where}: no heading #${anchor}`);
    }
  }
  return problems;
}

const markdownFiles = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(root, f)));

describe('links in the Markdown files', () => {
  it('finds the repository’s Markdown files', () => {
    expect(markdownFiles).toContain('README.md');
    expect(markdownFiles).toContain('docs/errors.md');
  });

  it('every relative link leads to a file, and every #anchor to a heading', () => {
    expect(markdownFiles.flatMap((f) => brokenLinks(join(root, f)))).toEqual([]);
  });

  it('reports a missing file and a missing heading (the checker itself)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-links-'));
    writeFileSync(join(dir, 'b.md'), '# Title\n\n## `beatplan solve` options\n');
    const a = join(dir, 'a.md');
    writeFileSync(
      a,
      '[ok](b.md) [ok](b.md#beatplan-solve-options) [ok](#here) `[code](nope.md)`\n' +
        '```\n[fenced](nope.md)\n```\n# Here\n[bad](nope.md) [bad](b.md#nope) [web](https://example.org/x)\n',
    );
    expect(brokenLinks(a).map((p) => p.replace(/^.*a\.md:/, ''))).toEqual([
      '6: nope.md: no such file',
      '6: b.md#nope: no heading #nope',
    ]);
  });
});
