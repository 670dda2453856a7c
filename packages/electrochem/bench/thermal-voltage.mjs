// Benchmark: thermal voltage RT/F over a 10⁶-point temperature sweep, side by side with numpy
// and scipy.constants. Run with `pnpm bench` from the repository root.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { thermalVoltage } from '../dist/index.js';

const n = 1_000_000;
const temperature = new Float64Array(n);
for (let i = 0; i < n; i++) temperature[i] = 250 + (100 * i) / (n - 1);
const out = new Float64Array(n);

runComparison(
  '@intercalate/electrochem: RT/F over 10⁶ temperatures',
  [
    {
      name: 'thermalVoltage × 10⁶',
      js: () => {
        for (let i = 0; i < n; i++) out[i] = thermalVoltage(temperature[i]);
        return out;
      },
      jsResult: (v) => [v[0], v[n >> 1], v[n - 1]],
      python: {
        setup:
          'from scipy.constants import R, physical_constants\nF = physical_constants["Faraday constant"][0]',
        statement: 'R * temperature / F',
        resultExpression: `[value[0], value[${n >> 1}], value[${n - 1}]]`,
        inputs: { temperature },
      },
      // scipy 1.10 tabulates R = 8.314462618 (10 digits) and F = 96485.33212: ~2e-11 relative
      // from the exact CODATA 2018 products used here.
      tolerance: 1e-10,
    },
  ],
  ['numpy', 'scipy'],
);
