import { defineConfig } from 'vitest/config';

// The Firefox e2e project (tests/e2e-firefox): one headless firefox-esr per spec file, files one after
// another (2 cores; each file's browser and servers are its own). `npm run test:e2e:firefox`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.spec.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
