import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: false, // declarations: scripts/build-declarations.mjs, one tsc pass for every package
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // papaparse ships only a UMD build, which a browser cannot `import` without a bundler: it is bundled
  // into core's own files, so core loads as plain ES modules (README: the import-map recipe).
  noExternal: ['papaparse'],
});
