import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // The process tests each start several agents; one file at a time keeps
    // the process count modest on a 2-core machine.
    fileParallelism: false,
  },
});
