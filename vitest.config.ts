import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the public package names (as a user would); they resolve to the sources, so a test
// run needs no build of the TypeScript packages (the generated WASM module is made by `npm run build`).
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
// Except `@beatplan/tsp/pool`: its worker threads load the built worker file, so it resolves to dist/; and
// where territory's task module is (planManyBeats plans whole managers in those threads): the built one.
const alias = [
  { find: /^@beatplan\/tsp\/pool$/, replacement: `${packagesDir}tsp/dist/pool.js` },
  { find: /^\.\.\/plan-beats-task-file\.js$/, replacement: `${packagesDir}territory/dist/plan-beats-task-file.js` },
  ...readdirSync(packagesDir).map((dir) => ({
    find: dir === 'cli' ? 'beatplan' : `@beatplan/${dir}`,
    replacement: `${packagesDir}${dir}/src/index.ts`,
  })),
];

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    // the reference host is its own package with its own dependencies and tests (npm run host:test)
    exclude: ['**/node_modules/**', 'examples/crm-host/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
