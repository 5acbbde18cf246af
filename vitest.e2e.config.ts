import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian Chromium, one file at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' }
  }
});
