// Benchmark: histogram and quantile on 10⁷ float64 values, side by side with numpy in the same run
// (numpy.histogram with 256 bins over an explicit range; numpy.quantile, default 'linear' method).
// Run with `pnpm bench` from the repository root (builds first, installs the Python peers), or
// `node bench/array-kernels.mjs` from packages/numerics after `pnpm build`.
// The variance kernel is compared with numpy in bench/statistics.mjs.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { histogram, quantile } from '../dist/index.js';

const n = 10_000_000;
// Deterministic, unsorted data: normal (Box–Muller on a 32-bit LCG), mean 3.7, sd 0.2 — like a
// long record of cell voltages. About 1 value in 10⁵ falls outside the histogram range.
const x = new Float64Array(n);
let state = 20240611;
const uniform = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return (state + 0.5) / 2 ** 32;
};
for (let i = 0; i < n; i += 2) {
  const r = Math.sqrt(-2 * Math.log(uniform()));
  const t = 2 * Math.PI * uniform();
  x[i] = 3.7 + 0.2 * r * Math.cos(t);
  x[i + 1] = 3.7 + 0.2 * r * Math.sin(t);
}

const tails = [0.01, 0.5, 0.99];

runComparison('@intercalate/numerics: histogram and quantile on 10⁷ float64', [
  {
    name: 'histogram (256 bins, range [3, 4.4])',
    js: () => histogram(x, { bins: 256, range: [3, 4.4] }),
    jsResult: (result) => result.counts,
    python: {
      statement: 'np.histogram(x, bins=256, range=(3.0, 4.4))',
      resultExpression: 'value[0]',
      inputs: { x },
    },
    tolerance: 0, // same counts, bin for bin
  },
  {
    name: 'quantile (q = 0.5)',
    js: () => quantile(x, 0.5),
    python: { statement: 'np.quantile(x, 0.5)', resultExpression: 'value', inputs: { x } },
    tolerance: 0, // same order statistics and interpolation: bit for bit
  },
  {
    name: 'quantile (q = [0.01, 0.5, 0.99])',
    js: () => quantile(x, tails),
    python: {
      statement: 'np.quantile(x, [0.01, 0.5, 0.99])',
      resultExpression: 'value',
      inputs: { x },
    },
    tolerance: 0,
  },
]);
