import { defineConfig } from 'tsup';

export default defineConfig({
  // pool-worker: the worker file of @beatplan/tsp/pool, loaded by path (never imported)
  entry: ['src/index.ts', 'src/proof.ts', 'src/pool.ts', 'src/pool-worker.ts'],
  format: ['esm', 'cjs'],
  dts: false, // declarations: scripts/build-declarations.mjs, one tsc pass for every package
  clean: true,
  sourcemap: true,
  target: 'es2022',
  shims: true, // import.meta.url in the CJS build of pool.ts (where its worker file is)
});
