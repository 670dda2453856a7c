// Benchmark: mean and variance on 10⁷ float64 values, side by side with numpy in the same run.
// Run with `pnpm bench` from the repository root (builds first, installs the Python peers).
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { mean, variance } from '../dist/index.js';

const n = 10_000_000;
// Deterministic data far from zero (where the textbook variance formula breaks down).
const x = new Float64Array(n);
let state = 12345;
for (let i = 0; i < n; i++) {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  x[i] = 1e6 + state / 2 ** 32;
}

runComparison('@intercalate/numerics: statistics on 10⁷ float64', [
  {
    name: 'mean',
    js: () => mean(x),
    python: { statement: 'np.mean(x)', resultExpression: 'value', inputs: { x } },
    // numpy's pairwise sum is ~3e-14 off here; ours equals math.fsum(x)/n (checked once by hand).
    tolerance: 1e-12,
  },
  {
    name: 'variance (ddof 1)',
    js: () => variance(x, { ddof: 1 }),
    python: { statement: 'np.var(x, ddof=1)', resultExpression: 'value', inputs: { x } },
    tolerance: 1e-9,
  },
]);
