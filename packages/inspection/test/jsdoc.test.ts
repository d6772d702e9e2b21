import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Guards the convention "every export has JSDoc with an @example; every function documents what it throws".
const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

describe('JSDoc', () => {
  for (const name of readdirSync(srcDir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
  )) {
    it(name, () => {
      const text = readFileSync(`${srcDir}${name}`, 'utf8');
      for (const m of text.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:async )?(?:function|class|const) (\w+)/g,
      )) {
        const doc = m[1] ?? '';
        expect(doc, `${m[2]} has an @example`).toContain('@example');
        if (!/export (?:async )?function/.test(m[0])) continue;
        expect(doc, `${m[2]} documents what it throws`).toContain('@throws');
      }
    });
  }
});
