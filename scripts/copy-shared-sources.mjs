// Copies core's self-contained shared sources (the issue model and the zod-to-issue mapping) into
// @beatplan/tsp, which depends on no other beatplan package: one source, two packages, the same code.
// Run by `npm run build`; packages/tsp/src/generated/ is not committed. A test (packages/tsp/src/
// shared-sources.test.ts) fails when the copy is stale.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'packages', 'core', 'src', 'internal', 'shared');
const to = join(root, 'packages', 'tsp', 'src', 'generated', 'shared');
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
  copyFileSync(join(from, file), join(to, file));
console.log(`copied ${from} -> ${to}`);
