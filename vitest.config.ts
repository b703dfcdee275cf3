import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
  },
});
