import { defineConfig } from 'vitest/config';

// The console's own unit tests (pure logic: dictionary, draft paths, merging). `npx vitest run --config web/vitest.config.ts`;
// the root config runs them too once its include lists web/src/**/*.test.ts.
export default defineConfig({
  root: __dirname,
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
