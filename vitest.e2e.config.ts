import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// E2E: Playwright (playwright-core) drives Debian's Chromium with the built extension loaded.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
