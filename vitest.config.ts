import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'guest/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Each test file gets its own process: node:wasi on Node 20 crashes after a handful of
    // fresh instances in one process unless turbo fast API calls are off (a known Node bug).
    pool: 'forks',
    execArgv: ['--no-turbo-fast-api-calls'],
    testTimeout: 60_000,
  },
});
