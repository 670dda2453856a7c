import { defineConfig } from 'tsup';

// Two public entry points (the browser-safe main entry and the Node-only `./parallel`), plus the
// worker thread that `./parallel` starts by URL (`dist/parallel-worker.js`, an ES module loaded by
// both the ESM and the CJS build of `./parallel`). `shims` gives the CJS build `import.meta.url`.
export default defineConfig({
  entry: ['src/index.ts', 'src/parallel.ts', 'src/parallel-worker.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts', 'src/parallel.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  shims: true,
});
