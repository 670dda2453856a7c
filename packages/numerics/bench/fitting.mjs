// Benchmark: Levenberg–Marquardt fit of an XRD-like pattern (8 pseudo-Voigt peaks on a linear
// background, 4,000 points, Poisson-like noise, weights 1/σ) against lmfit on the same model,
// data, weights, bounds and starting point, in the same run.
//
// - JS: levenbergMarquardt with an analytic Jacobian (each peak writes only its 4 columns; the
//   Gaussian factor is skipped where exp() would return exactly 0, which changes no bit).
// - lmfit, its normal use for peak fitting: a composite Model, LinearModel(prefix='bg_') +
//   PseudoVoigtModel(prefix='pK_') × 8, fitted with Model.fit (method 'leastsq', lmfit's default:
//   MINPACK lmdif with forward-difference derivatives). The models' parameter hints bound each
//   sigma ≥ 0 and fraction to [0, 1]; the JS fit gets the same bounds.
// - lmfit again through lmfit.minimize with a hand-written numpy residual function (same bounds):
//   the leaner lmfit route, without the composite-model machinery.
//
// lmfit's pseudo-Voigt (lmfit/lineshapes.py): area-normalised, sigma is the HWHM, fraction η the
// Lorentzian fraction, σ_g = σ/√(2 ln 2):
//   pV = A·[(1−η)·exp(−(x−c)²/(2σ_g²))/(σ_g√(2π)) + η·σ/(π((x−c)² + σ²))].
// Parameters are compared (the harness's relative tolerance check) in the order
// [slope, intercept, (amplitude, center, sigma, fraction) × 8].
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { levenbergMarquardt } from '../dist/index.js';

const n = 4000;
const peaks = [
  // [area (counts·°), centre (°2θ), HWHM (°), Lorentzian fraction]
  [150, 18.62, 0.07, 0.35],
  [420, 26.45, 0.08, 0.5],
  [260, 33.18, 0.09, 0.4],
  [380, 36.72, 0.1, 0.6],
  [190, 37.15, 0.1, 0.45],
  [310, 44.61, 0.11, 0.55],
  [120, 58.93, 0.13, 0.3],
  [210, 64.87, 0.14, 0.65],
];
const background = [-1.8, 320]; // slope (counts/°), intercept (counts)
const truth = Float64Array.from([...background, ...peaks.flat()]);
const m = truth.length;

// Deterministic generator: 32-bit LCG (Numerical Recipes constants), uniform in (0, 1).
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const HWHM_TO_SIGMA = 1 / Math.sqrt(2 * Math.LN2);

function model(p, x, out) {
  const slope = p[0];
  const intercept = p[1];
  for (let i = 0; i < n; i++) out[i] = slope * x[i] + intercept;
  for (let base = 2; base < m; base += 4) {
    const a = p[base];
    const c = p[base + 1];
    const s = p[base + 2];
    const eta = p[base + 3];
    const sg = s * HWHM_TO_SIGMA;
    const gaussScale = (a * (1 - eta)) / (sg * SQRT_2PI);
    const minusHalfOverSg2 = -0.5 / (sg * sg);
    const lorentzScale = (a * eta * s) / Math.PI;
    const s2 = s * s;
    for (let i = 0; i < n; i++) {
      const d = x[i] - c;
      const d2 = d * d;
      const arg = d2 * minusHalfOverSg2;
      // exp(arg) is exactly 0 below −746: skipping it changes nothing and saves most calls.
      const g = arg < -746 ? 0 : Math.exp(arg);
      out[i] += gaussScale * g + lorentzScale / (d2 + s2);
    }
  }
}

// Analytic Jacobian, column-major (column j at out[j·n … j·n + n − 1]). With G and L the unit-area
// Gaussian and Lorentzian, d = x − c, q = d² + σ²:
//   ∂/∂A = (1−η)G + ηL, ∂/∂c = A[(1−η)G·d/σ_g² + ηL·2d/q],
//   ∂/∂σ = A[(1−η)G·(d²/σ_g² − 1)/σ + ηL·(d² − σ²)/(σq)], ∂/∂η = A(L − G).
function jacobian(p, x, out) {
  for (let i = 0; i < n; i++) {
    out[i] = x[i];
    out[n + i] = 1;
  }
  for (let base = 2; base < m; base += 4) {
    const a = p[base];
    const c = p[base + 1];
    const s = p[base + 2];
    const eta = p[base + 3];
    const sg = s * HWHM_TO_SIGMA;
    const invSg2 = 1 / (sg * sg);
    const gaussNorm = 1 / (sg * SQRT_2PI);
    const minusHalfOverSg2 = -0.5 * invSg2;
    const sOverPi = s / Math.PI;
    const s2 = s * s;
    const invS = 1 / s;
    const colA = base * n;
    const colC = colA + n;
    const colS = colC + n;
    const colEta = colS + n;
    for (let i = 0; i < n; i++) {
      const d = x[i] - c;
      const d2 = d * d;
      const arg = d2 * minusHalfOverSg2;
      const g = arg < -746 ? 0 : gaussNorm * Math.exp(arg);
      const invQ = 1 / (d2 + s2);
      const l = sOverPi * invQ;
      const gw = (1 - eta) * g;
      const lw = eta * l;
      out[colA + i] = gw + lw;
      out[colC + i] = a * d * (gw * invSg2 + 2 * lw * invQ);
      out[colS + i] = a * invS * (gw * (d2 * invSg2 - 1) + lw * (d2 - s2) * invQ);
      out[colEta + i] = a * (l - g);
    }
  }
}

// Data: 2θ from 10° to 89.98° in 0.02° steps; counts = model + √model·z with z standard normal
// (Box–Muller); weights 1/√max(y, 1), i.e. 1/σ for Poisson counts.
const x = Float64Array.from({ length: n }, (_, i) => 10 + 0.02 * i);
const y = new Float64Array(n);
model(truth, x, y);
const noise = generator(20240607);
for (let i = 0; i < n; i++) {
  const z = Math.sqrt(-2 * Math.log(noise())) * Math.cos(2 * Math.PI * noise());
  y[i] += Math.sqrt(y[i]) * z;
}
const weights = Float64Array.from(y, (v) => 1 / Math.sqrt(Math.max(v, 1)));

// Start: the truth perturbed as a peak search would leave it: areas ±20 %, centres ±0.03°,
// widths −15 … +25 %, fractions ±0.15, background ±10 %.
const perturb = generator(99);
const between = (lo, hi) => lo + (hi - lo) * perturb();
const start = Float64Array.from(truth);
start[0] *= between(0.9, 1.1);
start[1] *= between(0.9, 1.1);
for (let base = 2; base < m; base += 4) {
  start[base] *= between(0.8, 1.2);
  start[base + 1] += between(-0.03, 0.03);
  start[base + 2] *= between(0.85, 1.25);
  start[base + 3] = Math.min(Math.max(start[base + 3] + between(-0.15, 0.15), 0.05), 0.95);
}

// lmfit's parameter hints: sigma ≥ 0, 0 ≤ fraction ≤ 1.
const lower = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
const upper = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
for (let base = 2; base < m; base += 4) {
  lower[base + 2] = 0;
  lower[base + 3] = 0;
  upper[base + 3] = 1;
}

const fit = () =>
  levenbergMarquardt({ model, jacobian, x, y, weights, initial: start, lower, upper });

const check = fit();
if (!check.converged) throw new Error(`JS fit did not converge (${check.reason})`);

const names = `names = ['bg_slope', 'bg_intercept'] + [f'p{k}_{name}' for k in range(8) for name in ('amplitude', 'center', 'sigma', 'fraction')]`;
const inputs = { x, y, w: weights, start };
const compositeModel = [
  'from lmfit.models import LinearModel, PseudoVoigtModel',
  names,
  "model = LinearModel(prefix='bg_')",
  'for k in range(8):',
  "    model = model + PseudoVoigtModel(prefix=f'p{k}_')",
  'params = model.make_params()',
  'for name, value in zip(names, start):',
  '    params[name].set(value=value)',
].join('\n');
const residualFunction = [
  'import lmfit',
  names,
  'S2PI = np.sqrt(2 * np.pi)',
  'def residual(p, x, y, w):',
  '    v = p.valuesdict()',
  "    f = v['bg_slope'] * x + v['bg_intercept']",
  '    for k in range(8):',
  "        a, c, s, eta = (v[f'p{k}_{name}'] for name in ('amplitude', 'center', 'sigma', 'fraction'))",
  '        sg = s / np.sqrt(2 * np.log(2))',
  '        d2 = (x - c) ** 2',
  '        f = f + a * ((1 - eta) * np.exp(-d2 / (2 * sg * sg)) / (sg * S2PI) + eta * s / (np.pi * (d2 + s * s)))',
  '    return (f - y) * w',
  'params = lmfit.Parameters()',
  'for name, value in zip(names, start):',
  "    if name.endswith('sigma'):",
  '        params.add(name, value=value, min=0)',
  "    elif name.endswith('fraction'):",
  '        params.add(name, value=value, min=0, max=1)',
  '    else:',
  '        params.add(name, value=value)',
].join('\n');
const resultExpression = '[value.params[name].value for name in names]';
const options = { repeats: 5, minTime: 1 };

// lmfit's default tolerances (xtol = ftol = 1.49e-8) stop this fit about 5e-5 (relative) short
// of the minimum: its χ² test allows Δχ²/χ² ≤ 1.5e-8 per step, i.e. ~1e-2 standard errors here.
// The JS fit (tolerance 1e-10) gets to within ~1e-9. For the 1e-6 agreement the issue asks for,
// lmfit must converge as far: the first two rows run it with xtol = ftol = 1e-12 (it then agrees
// to ~7e-7, the limit set by its forward-difference Jacobian); the last row shows lmfit at its
// defaults, compared at 1e-4 only.
runComparison(
  '@intercalate/numerics: Levenberg–Marquardt, 8 pseudo-Voigt peaks + line, 4,000 points',
  [
    {
      name: 'lmfit Model.fit (PseudoVoigtModel × 8 + LinearModel), xtol = ftol = 1e-12',
      js: fit,
      jsResult: (result) => result.params,
      python: {
        setup: compositeModel,
        statement: "model.fit(y, params, x=x, weights=w, fit_kws={'xtol': 1e-12, 'ftol': 1e-12})",
        resultExpression,
        inputs,
      },
      tolerance: 1e-6,
      options,
    },
    {
      name: 'lmfit minimize (numpy residual function), xtol = ftol = 1e-12',
      js: fit,
      jsResult: (result) => result.params,
      python: {
        setup: residualFunction,
        statement:
          "lmfit.minimize(residual, params, args=(x, y, w), method='leastsq', xtol=1e-12, ftol=1e-12)",
        resultExpression,
        inputs,
      },
      tolerance: 1e-6,
      options,
    },
    {
      name: 'lmfit Model.fit at its default tolerances (agreement checked to 1e-4 only)',
      js: fit,
      jsResult: (result) => result.params,
      python: {
        setup: compositeModel,
        statement: 'model.fit(y, params, x=x, weights=w)',
        resultExpression,
        inputs,
      },
      tolerance: 1e-4,
      options,
    },
  ],
  ['numpy', 'scipy', 'lmfit'],
);
console.log(
  `JS fit: ${check.iterations} trial steps, reason '${check.reason}', reduced χ² ${check.reducedChiSquare.toFixed(4)}`,
);
