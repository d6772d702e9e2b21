import { defineConfig } from 'vitest/config';

// The host's tests import the library by its package names, installed from ../../packages/* (their
// built dist/, see README "Install"), exactly as a CRM would.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
