// Benchmark: Butler–Volmer forward and inverse kinetics over 10⁶ points, vectorized, side by side
// with the numpy closed forms (forward; symmetric inverse with arcsinh) and with a scipy brentq
// loop for the asymmetric inverse. The brentq loop is slow, so it runs on a 10⁴-point subset and
// its time is scaled ×100 to 10⁶ points (printed as such); the JS side of that row runs on the
// full 10⁶ points. Run with `pnpm bench` from the repository root, or `node bench/kinetics.mjs`
// after `npm run build`.
import { runComparison, timeJs, timePython } from '../../../scripts/bench/harness.mjs';
import { butlerVolmerArray, overpotentialArray } from '../dist/index.js';

const n = 1_000_000;
const T = 298.15;
const i0 = 2.5;
const overpotential = new Float64Array(n);
for (let k = 0; k < n; k++) overpotential[k] = -0.5 + k / (n - 1); // −0.5 … 0.5 V
const out = new Float64Array(n);
const sample = [0, 1, n >> 2, n >> 1, (3 * n) >> 2, n - 2, n - 1];
const pick = (v) => sample.map((k) => v[k]);
const setup = `from scipy import constants\nf = constants.e / (constants.k * ${T})\nsample = ${JSON.stringify(sample)}`;

const symmetricCurrent = butlerVolmerArray({
  overpotential,
  exchangeCurrentDensity: i0,
  temperature: T,
});
const asymmetric = { alphaA: 0.3, alphaC: 0.7 };
const asymmetricCurrent = butlerVolmerArray({
  overpotential,
  exchangeCurrentDensity: i0,
  temperature: T,
  ...asymmetric,
});

runComparison(
  '@intercalate/electrochem: Butler–Volmer kinetics over 10⁶ points',
  [
    {
      name: 'butlerVolmerArray (αa = 0.3, αc = 0.7) vs numpy exp − exp',
      js: () =>
        butlerVolmerArray({
          overpotential,
          exchangeCurrentDensity: i0,
          temperature: T,
          ...asymmetric,
          out,
        }),
      jsResult: pick,
      python: {
        setup,
        statement: `${i0} * (np.exp(0.3 * f * eta) - np.exp(-0.7 * f * eta))`,
        resultExpression: 'value[sample]',
        inputs: { eta: overpotential },
      },
      // numpy's exp − exp loses relative accuracy near η = 0 (the sample has |η| ≥ 1e-6 V).
      tolerance: 1e-9,
    },
    {
      name: 'butlerVolmerArray (αa = αc = ½) vs numpy 2 i0 sinh(f η/2)',
      js: () =>
        butlerVolmerArray({
          overpotential,
          exchangeCurrentDensity: i0,
          temperature: T,
          out,
        }),
      jsResult: pick,
      python: {
        setup,
        statement: `2 * ${i0} * np.sinh(0.5 * f * eta)`,
        resultExpression: 'value[sample]',
        inputs: { eta: overpotential },
      },
      tolerance: 1e-12,
    },
    {
      name: 'overpotentialArray (αa = αc = ½) vs numpy 2/f·arcsinh(i/(2 i0))',
      js: () =>
        overpotentialArray({
          current: symmetricCurrent,
          exchangeCurrentDensity: i0,
          temperature: T,
          out,
        }),
      jsResult: pick,
      python: {
        setup,
        statement: `(2 / f) * np.arcsinh(current / (2 * ${i0}))`,
        resultExpression: 'value[sample]',
        inputs: { current: symmetricCurrent },
      },
      tolerance: 1e-12,
    },
  ],
  ['numpy', 'scipy'],
);

// Asymmetric inverse: JS on 10⁶ points vs scipy brentq on 10⁴ points, scaled per point.
const subset = 10_000;
const stride = n / subset;
const subsetCurrent = new Float64Array(subset);
for (let k = 0; k < subset; k++) subsetCurrent[k] = asymmetricCurrent[k * stride];
const js = timeJs(() =>
  overpotentialArray({
    current: asymmetricCurrent,
    exchangeCurrentDensity: i0,
    temperature: T,
    ...asymmetric,
    out,
  }),
);
const py = timePython({
  setup: `${setup}
from scipy.optimize import brentq
def solve(i):
    g = lambda eta: ${i0} * (np.exp(0.3 * f * eta) - np.exp(-0.7 * f * eta)) - i
    return brentq(g, -6.0, 6.0, xtol=1e-15, rtol=1e-13)`,
  statement: 'np.array([solve(i) for i in current])',
  resultExpression: 'value[[0, 2500, 5000, 7500, 9999]]',
  inputs: { current: subsetCurrent },
  repeats: 1,
  minTime: 0,
});
const jsSubset = [0, 2500, 5000, 7500, 9999].map((k) => js.result[k * stride]);
for (let k = 0; k < jsSubset.length; k++) {
  const a = jsSubset[k];
  const b = py.result[k];
  if (!(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-15)) {
    throw new Error(`asymmetric inverse: JS ${a} vs brentq ${b} at subset index ${k}`);
  }
}
const pyScaled = py.seconds * (n / subset);
console.log(
  `| overpotentialArray (αa = 0.3, αc = 0.7), 10⁶ points vs scipy brentq loop timed on 10⁴ points × 100 | ${(js.seconds * 1e3).toFixed(2)} | ${(pyScaled * 1e3).toFixed(0)} (scaled) | ${(pyScaled / js.seconds).toFixed(0)} |`,
);
