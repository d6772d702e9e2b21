import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Guards the convention "every exported function has JSDoc with @throws and an @example".
const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

describe('JSDoc', () => {
  for (const file of readdirSync(srcDir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
  )) {
    it(file, () => {
      const text = readFileSync(`${srcDir}${file}`, 'utf8');
      for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export (?:async )?function (\w+)/g)) {
        expect(m[1] ?? '', `${m[2]} has an @example`).toContain('@example');
        expect(m[1] ?? '', `${m[2]} documents what it throws`).toContain('@throws');
      }
    });
  }
});
