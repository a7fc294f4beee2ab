import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Native SQLite in child processes, one file per worker: isolation over speed.
    pool: 'forks',
    // Many tests wait on real child processes (the CLI, killed trials): two files at a time even on 2 cores
    // (Vitest's default there is one) took the suite from 535 s to 349 s, all passing.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
