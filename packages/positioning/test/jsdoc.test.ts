import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Guards the convention "every exported function and class has JSDoc with @throws and an @example",
// and "index.ts re-exports only".
const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return d.name === 'internal' ? [] : sources(`${dir}${d.name}/`);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && d.name !== 'index.ts' ? [`${dir}${d.name}`] : [];
  });
}

describe('JSDoc', () => {
  for (const file of sources(srcDir)) {
    it(file.slice(srcDir.length), () => {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:async )?(?:function|class|const) (\w+)/g,
      )) {
        const doc = m[1] ?? '';
        expect(doc, `${m[2]} has JSDoc`).not.toBe('');
        if (/export (?:async )?(?:function|class)/.test(m[0])) {
          expect(doc, `${m[2]} has an @example`).toContain('@example');
          expect(doc, `${m[2]} documents what it throws`).toMatch(/@throws/);
        }
      }
    });
  }

  it('index.ts only re-exports', () => {
    const lines = readFileSync(`${srcDir}index.ts`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const joined = lines.join('\n');
    expect(joined.replace(/export (type )?\{[^}]*\} from '[^']+';/g, '').trim()).toBe('');
  });
});
