// Benchmark: bootstrap confidence intervals of n = 1000 particle values with 10⁴ resamples, side
// by side with scipy.stats.bootstrap (vectorized over the resamples) on the same data with the
// same seed, so both draw the same resample indices and must return the same interval. Run with
// `pnpm bench` from the repository root, or `node bench/bootstrap.mjs` after `pnpm build`.
import { createRng } from '@intercalate/numerics';
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { bootstrapConfidenceInterval } from '../dist/index.js';

const n = 1000;
const resamples = 10_000;
const seed = 2021;
// White-line energies (eV) of 1000 particles: a skewed population (lognormal spread).
const rng = createRng(8350);
const values = Float64Array.from({ length: n }, () => 8350 + 0.3 * Math.exp(0.6 * rng.normal()));

const setup = 'from scipy import stats';
const workload = (statistic, method) => ({
  name: `${statistic}, ${method === 'bca' ? 'BCa' : 'percentile'}, n = ${n}, B = ${resamples}`,
  js: () => bootstrapConfidenceInterval(values, statistic, { resamples, method, seed }),
  jsResult: (ci) => [ci.low, ci.high],
  python: {
    inputs: { values },
    setup,
    statement: `stats.bootstrap((values,), np.${statistic}, n_resamples=${resamples}, method='${method === 'bca' ? 'BCa' : 'percentile'}', random_state=${seed})`,
    resultExpression: '[value.confidence_interval.low, value.confidence_interval.high]',
    repeats: 5,
  },
  options: { repeats: 5, minTime: 1 },
  // Same indices, same order statistics: only summation round-off differs.
  tolerance: 1e-12,
});

runComparison(
  '@intercalate/imaging: bootstrap confidence interval, 1000 values × 10⁴ resamples',
  [workload('mean', 'bca'), workload('mean', 'percentile'), workload('median', 'bca')],
  ['numpy', 'scipy'],
);
