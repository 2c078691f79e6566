import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    passWithNoTests: true,
    // The process tests (chaos, multi-host namespaces) each run four agents: one file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
