// Benchmark: hexagonal d-spacings of 10⁶ reflections, side by side with the same closed form
// vectorised in numpy. Run with `pnpm bench` from the repository root.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { hexagonalDSpacing } from '../dist/index.js';

const n = 1_000_000;
const h = new Float64Array(n);
const k = new Float64Array(n);
const l = new Float64Array(n);
const triples = new Array(n);
for (let i = 0; i < n; i++) {
  h[i] = (i % 13) - 6;
  k[i] = (Math.floor(i / 13) % 11) - 5;
  l[i] = (Math.floor(i / 143) % 25) + 1;
  triples[i] = [h[i], k[i], l[i]];
}
const a = 2.872;
const c = 14.2;
const out = new Float64Array(n);

runComparison('@intercalate/crystallography: d-spacings of 10⁶ (hkl), NMC811 cell', [
  {
    name: 'hexagonalDSpacing × 10⁶',
    js: () => {
      for (let i = 0; i < n; i++) out[i] = hexagonalDSpacing(a, c, triples[i]);
      return out;
    },
    jsResult: (d) => [d[0], d[n >> 1], d[n - 1]],
    python: {
      setup: `a, c = ${a}, ${c}`,
      statement: '1 / np.sqrt(4 * (h*h + h*k + k*k) / (3 * a * a) + l*l / (c * c))',
      resultExpression: `[value[0], value[${n >> 1}], value[${n - 1}]]`,
      inputs: { h, k, l },
    },
    tolerance: 1e-14,
  },
]);
