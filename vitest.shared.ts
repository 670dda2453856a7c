import { defineConfig } from 'vitest/config';

/**
 * Test settings shared by every package (each package's vitest.config.ts re-exports this).
 * Property tests run with a fixed fast-check seed under CI, so a red CI run can be replayed
 * exactly; locally each run draws a new seed to keep exploring (fast-check prints the seed of
 * any failure: rerun with FC_SEED=<seed>).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: [new URL('./vitest.setup.ts', import.meta.url).pathname],
  },
});
