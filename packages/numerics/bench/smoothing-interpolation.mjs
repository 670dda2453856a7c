// Benchmark: Savitzky–Golay smoothing and PCHIP interpolation, side by side with scipy in the same
// run on the same data (run with `pnpm bench` from the repository root, or `node
// bench/smoothing-interpolation.mjs` from packages/numerics after `pnpm build`).
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { linearInterpolant, pchip, savitzkyGolay } from '../dist/index.js';

/** Deterministic uniform numbers in [0, 1) (a 32-bit linear congruential generator). */
function uniforms(n, seed) {
  const u = new Float64Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    u[i] = state / 2 ** 32;
  }
  return u;
}

// A noisy sampled signal, kept away from zero so that the per-element relative check is meaningful.
const n = 1_000_000;
const noise = uniforms(n, 20240607);
const signal = new Float64Array(n);
for (let i = 0; i < n; i++) signal[i] = 10 + Math.sin(i / 5000) + 0.1 * (noise[i] - 0.5);

// 10⁴ irregular knots, 10⁶ sorted queries spanning the whole domain.
const knots = 10_000;
const gaps = uniforms(knots, 7);
const x = new Float64Array(knots);
const y = new Float64Array(knots);
for (let i = 1; i < knots; i++) x[i] = x[i - 1] + 0.5 + gaps[i];
for (let i = 0; i < knots; i++) y[i] = 10 + Math.sin(x[i] / 50) + 0.05 * (gaps[i] - 0.5);
const queries = new Float64Array(n);
const last = x[knots - 1];
for (let i = 0; i < n; i++) queries[i] = (last * i) / (n - 1);
queries[n - 1] = last;

// Compare the edges and every 997th value in between (the full 10⁶ would mostly time JSON).
const sample = 'np.concatenate([value[:20], value[20:-20:997], value[-20:]])';
function sampled(values) {
  const picked = [...values.subarray(0, 20)];
  for (let i = 20; i < values.length - 20; i += 997) picked.push(values[i]);
  picked.push(...values.subarray(values.length - 20));
  return picked;
}

runComparison(
  '@intercalate/numerics: smoothing and interpolation on 10⁶ float64',
  [
    {
      name: 'savitzkyGolay, window 21, order 3 (10⁶ points)',
      js: () => savitzkyGolay(signal, { window: 21, order: 3 }),
      jsResult: sampled,
      python: {
        setup: 'from scipy.signal import savgol_filter',
        statement: 'savgol_filter(signal, 21, 3)',
        resultExpression: sample,
        inputs: { signal },
      },
      tolerance: 1e-12,
    },
    {
      name: 'savitzkyGolay, window 21, order 3, 1st derivative (10⁶ points)',
      js: () => savitzkyGolay(signal, { window: 21, order: 3, derivative: 1, delta: 0.01 }),
      // Derivatives (of order 1) cross zero, where a relative check means nothing: shift both
      // sides by 10 so that the check is 1e-12 × 10 absolute.
      jsResult: (values) => sampled(values).map((v) => v + 10),
      python: {
        setup: 'from scipy.signal import savgol_filter',
        statement: 'savgol_filter(signal, 21, 3, deriv=1, delta=0.01)',
        resultExpression: `${sample} + 10`,
        inputs: { signal },
      },
      tolerance: 1e-12,
    },
    {
      name: 'pchip: build from 10⁴ knots + evaluate 10⁶ sorted points',
      js: () => pchip(x, y).evaluate(queries),
      jsResult: sampled,
      python: {
        setup: 'from scipy.interpolate import PchipInterpolator',
        statement: 'PchipInterpolator(x, y)(queries)',
        resultExpression: sample,
        inputs: { x, y, queries },
      },
      tolerance: 1e-12,
    },
    {
      name: 'linearInterpolant vs numpy.interp: 10⁴ knots, 10⁶ sorted points',
      js: () => linearInterpolant(x, y).evaluate(queries),
      jsResult: sampled,
      python: {
        statement: 'np.interp(queries, x, y)',
        resultExpression: sample,
        inputs: { x, y, queries },
      },
      tolerance: 1e-15,
    },
  ],
  ['numpy', 'scipy'],
);
