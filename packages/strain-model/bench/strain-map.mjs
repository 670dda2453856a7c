// Benchmark: strainMap (eqn 1 for ε^a, ε^c and ε^c/ε^a) on 10⁴ c_Li × 50 Δc_Li, side by side with
// numpy on the same smoothed tabulated lattice functions: np.interp for the linear interpolant
// (identical arithmetic), scipy's PchipInterpolator for PCHIP (built once, outside the timing, as
// the JS lattice functions are). Runnable alone after `pnpm build`: `node bench/strain-map.mjs`.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { examples, latticeFunction, strainMap } from '../dist/index.js';

const { cLi, a, c } = examples.nmc811; // illustrative curves
const n = 10_000;
const m = 50;
const grid = Float64Array.from({ length: n }, (_, i) => 0.3 + (0.6 * i) / (n - 1));
const deltas = Float64Array.from({ length: m }, (_, j) => 0.004 * (j + 1)); // 0.004 … 0.2
const size = n * m;
const out = {
  epsA: new Float64Array(size),
  epsC: new Float64Array(size),
  anisotropy: new Float64Array(size),
};
const sample = Array.from({ length: 40 }, (_, k) => (k * 12_497) % size);

const rows = [];
for (const interpolation of ['linear', 'pchip']) {
  const fa = latticeFunction(cLi, a, { interpolation });
  const fc = latticeFunction(cLi, c, { interpolation });
  const interp =
    interpolation === 'linear'
      ? 'fa = lambda q: np.interp(q, xk, ak)\nfc = lambda q: np.interp(q, xk, ck)'
      : 'from scipy.interpolate import PchipInterpolator\nfa = PchipInterpolator(xk, ak, extrapolate=False)\nfc = PchipInterpolator(xk, ck, extrapolate=False)';
  rows.push({
    name: `strainMap, 10⁴ c_Li × 50 Δc_Li, ${interpolation === 'linear' ? 'linear (np.interp)' : 'PCHIP (scipy PchipInterpolator)'}`,
    js: () => strainMap({ fa, fc, cLi: grid, deltaCLi: deltas, out }),
    jsResult: (r) => [...sample.map((k) => r.epsA[k]), ...sample.map((k) => r.epsC[k])],
    python: {
      setup: `${interp}
sample = np.array(${JSON.stringify(sample)})
def strain_map():
    lo = grid[None, :] - deltas[:, None] / 2
    hi = grid[None, :] + deltas[:, None] / 2
    ea = np.abs(fa(lo) - fa(hi)) / fa(grid)[None, :]
    ec = np.abs(fc(lo) - fc(hi)) / fc(grid)[None, :]
    return ea.ravel(), ec.ravel(), (ec / ea).ravel()`,
      statement: 'strain_map()',
      resultExpression: 'list(value[0][sample]) + list(value[1][sample])',
      inputs: { grid, deltas, xk: fa.cLi, ak: fa.values, ck: fc.values },
    },
    // ε is a difference of Å values over Å: agreement to ~1e-16 absolute, so 1e-9 relative.
    tolerance: 1e-9,
  });
}
runComparison('@intercalate/strain-model: strainMap on 10⁴ c_Li × 50 Δc_Li', rows, [
  'numpy',
  'scipy',
]);
