import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Guards the convention "every exported function, class and schema has JSDoc; functions and classes
// say what they throw and show an @example" (the examples themselves run in the "JSDoc example" tests).
const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

const sources = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');

describe('JSDoc', () => {
  for (const file of sources) {
    it(file, () => {
      const text = readFileSync(srcDir + file, 'utf8');
      for (const m of text.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (function|class|const|interface|type) (\w+)/g,
      )) {
        const doc = m[1] ?? '';
        expect(doc, `${m[3]} has JSDoc`).not.toBe('');
        if (m[2] === 'function' || m[2] === 'class') {
          expect(doc, `${m[3]} has an @example`).toContain('@example');
          expect(doc, `${m[3]} documents what it throws`).toMatch(/@throws/);
        }
        if (m[3]!.endsWith('Schema')) expect(doc, `${m[3]} has an @example`).toContain('@example');
      }
    });
  }

  it('index.ts only re-exports', () => {
    const text = readFileSync(`${srcDir}index.ts`, 'utf8');
    // One statement per `;` (the formatter may spread a long export list over several lines).
    const statements = text
      .split(';')
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    for (const statement of statements) expect(statement).toMatch(/^export (type )?\{[^}]*\} from '\.\/[\w-]+\.js'$/);
  });
});
