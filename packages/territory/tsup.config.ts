import { defineConfig } from 'tsup';

export default defineConfig({
  // plan-beats-task: the task module a worker thread loads by path (never imported); plan-beats-task-file:
  // where it is, its own entry so the tests (on the sources) can resolve it to dist/ (vitest.config.ts)
  entry: ['src/index.ts', 'src/plan-beats-task.ts', 'src/plan-beats-task-file.ts'],
  format: ['esm', 'cjs'],
  dts: false, // declarations: scripts/build-declarations.mjs, one tsc pass for every package
  clean: true,
  sourcemap: true,
  target: 'es2022',
  shims: true, // import.meta.url in the CJS build (where the task module is)
});
