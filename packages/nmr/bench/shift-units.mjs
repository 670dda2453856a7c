// Benchmark: converting a 10⁶-point ppm axis to Hz, side by side with numpy.
// Run with `pnpm bench` from the repository root.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { ppmToHz } from '../dist/index.js';

const n = 1_000_000;
const shift = new Float64Array(n);
for (let i = 0; i < n; i++) shift[i] = -2000 + (4000 * i) / (n - 1);
const frequency = 300 * 0.38863797; // 7Li at a 300 MHz (1H) spectrometer
const out = new Float64Array(n);

runComparison('@intercalate/nmr: ppm → Hz on a 10⁶-point axis', [
  {
    name: 'ppmToHz × 10⁶',
    js: () => {
      for (let i = 0; i < n; i++) out[i] = ppmToHz(shift[i], frequency);
      return out;
    },
    jsResult: (v) => [v[0], v[n >> 1], v[n - 1]],
    python: {
      setup: `frequency = ${frequency}`,
      statement: 'shift * frequency',
      resultExpression: `[value[0], value[${n >> 1}], value[${n - 1}]]`,
      inputs: { shift },
    },
    tolerance: 1e-15,
  },
]);
