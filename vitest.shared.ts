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
    // CI runs every package's tests at once on 2 cores beside the builds: the slowest test takes
    // ~1.5 s there. The limits guard against hangs; speed is measured in bench/, not here.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    setupFiles: [new URL('./vitest.setup.ts', import.meta.url).pathname],
  },
});
