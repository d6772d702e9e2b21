import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: false, // declarations: scripts/build-declarations.mjs, one tsc pass for every package
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
