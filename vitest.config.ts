import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // builds the renderer once for the e2e tests (skipped when dist/renderer is up to date)
    globalSetup: ['test/e2e/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // generous: the e2e tests wait for a real browser on a 2-core machine; speed is measured by npm run bench
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
