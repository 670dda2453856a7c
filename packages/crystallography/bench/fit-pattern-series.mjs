// Benchmark: fitPatternSeries over a synthetic operando series against lmfit doing the same fits in
// the same run.
//
// Each pattern has 4,000 points (2θ = 10 … 89.98° in 0.02° steps, Cu Kα1) with the 003, 101, 006,
// 012, 104, 110 and 113 peaks of NMC811 (pseudo-Voigt, Table 1 cell of Jousseaume et al. 2024 at
// the start) on a linear background, and Poisson-like noise √y·z from numerics' createRng (the
// numpy RandomState stream), so the data are deterministic. Over the series the cell follows a
// charge: c grows by 0.2 Å and a shrinks by 0.04 Å, the peaks drift and broaden slightly.
//
// Both sides fit the same model (7 pseudo-Voigts × (area, centre, FWHM, η) + a line = 30
// parameters) with weights 1/σ, σ = √max(y, 1), from the same start, each pattern warm-started from
// the previous fit:
// - JS: fitPatternSeries (levenbergMarquardt with the analytic Jacobian of the line shapes).
// - lmfit: Model.fit of LinearModel + PseudoVoigtModel × 7 (method 'leastsq', MINPACK lmdif with
//   forward differences), params = result.params between patterns, xtol = ftol = 1e-12 (lmfit's
//   default 1.49e-8 stops ~1e-5 short of the minimum; see numerics/bench/fitting.mjs).
//
// lmfit takes ~0.2 s per pattern, so by default it fits the first 100 patterns and JS fits those
// same 100 (the like-for-like ratio) and then the whole series of 1,000 (the issue's workload; the
// lmfit time for 1,000 is the 100-pattern time × 10, stated as such). Set BENCH_PATTERNS and
// BENCH_LMFIT_PATTERNS to change the counts. Agreement: every fitted parameter of every pattern
// fitted by both must agree within 1 % of lmfit's standard error.
//
// A third JS row runs fitPatternSeriesParallel (@intercalate/crystallography/parallel) with one
// worker thread per core (BENCH_WORKERS to change): the series is cut into that many contiguous
// chunks, each warm-started within itself; its time includes starting the workers and moving the
// data. It can only be as fast as the cores that are free: expect at most ~2× on 2 cores.
import { cpus } from 'node:os';
import { createRng, pseudoVoigt } from '@intercalate/numerics';
import { peerVersions, recordResults, timePython } from '../../../scripts/bench/harness.mjs';
import { fitPatternSeries } from '../dist/index.js';
import { fitPatternSeriesParallel } from '../dist/parallel.js';

const total = Number(process.env.BENCH_PATTERNS ?? 1000);
const lmfitCount = Math.min(total, Number(process.env.BENCH_LMFIT_PATTERNS ?? 100));
const n = 4000;
const wavelength = 1.54059292; // Cu Kα1, Å
const hkls = [
  [0, 0, 3],
  [1, 0, 1],
  [0, 0, 6],
  [0, 1, 2],
  [1, 0, 4],
  [1, 1, 0],
  [1, 1, 3],
];
const areas = [60, 12, 6, 9, 35, 10, 9]; // counts·°, relative intensities of a layered oxide
const x = Float64Array.from({ length: n }, (_, i) => 10 + 0.02 * i);

function twoTheta(a, c, [h, k, l]) {
  const q = (4 * (h * h + h * k + k * k)) / (3 * a * a) + (l * l) / (c * c);
  return (2 * Math.asin((wavelength * Math.sqrt(q)) / 2) * 180) / Math.PI;
}

const rng = createRng(20240611);
const patterns = [];
for (let p = 0; p < total; p++) {
  const progress = p / Math.max(total - 1, 1);
  const a = 2.8727 - 0.04 * progress;
  const c = 14.2127 + 0.2 * progress;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 250 - 1.2 * x[i];
  hkls.forEach((hkl, j) => {
    const center = twoTheta(a, c, hkl);
    const fwhm = 0.07 + 0.0012 * center + 0.02 * progress;
    const eta = 0.45 + 0.1 * progress;
    const area = 100 * areas[j] * (1 - 0.1 * progress);
    for (let i = 0; i < n; i++) y[i] += area * pseudoVoigt(x[i], center, fwhm, eta);
  });
  const sigma = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] += Math.sqrt(y[i]) * rng.normal();
    sigma[i] = Math.sqrt(Math.max(y[i], 1));
  }
  patterns.push({ x, y, sigma });
}

// Start: the pristine positions, round widths, areas 20 % low, η = 0.5, a flat background.
const startPeaks = hkls.map((hkl, j) => ({
  center: twoTheta(2.8727, 14.2127, hkl),
  fwhm: 0.1,
  area: 80 * areas[j],
  eta: 0.5,
}));
const startBackground = [Math.min(...patterns[0].y), 0];
const model = {
  peaks: startPeaks,
  profile: 'pseudo-voigt',
  background: 'linear',
  initialBackground: startBackground,
};

async function timeAsync(fn, runs) {
  let result = await fn(); // warm-up, and the result to compare
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = await fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((p, q) => p - q);
  return { seconds: times[Math.floor(times.length / 2)], result };
}

/** Per pattern: [area, center, fwhm, eta] × 7, slope, intercept (and their standard errors). */
function flatten(series) {
  const values = [];
  const errors = [];
  for (const entry of series.entries) {
    if (!entry.ok)
      throw new Error(`JS fit of pattern ${entry.index} failed: ${entry.error.message}`);
    for (const peak of entry.fit.peaks) {
      values.push(peak.area, peak.center, peak.fwhm, peak.eta);
      const s = peak.standardErrors;
      errors.push(s.area, s.center, s.fwhm, s.eta);
    }
    values.push(entry.fit.background[1], entry.fit.background[0]);
    errors.push(entry.fit.backgroundStandardErrors[1], entry.fit.backgroundStandardErrors[0]);
  }
  return { values, errors };
}

const subset = patterns.slice(0, lmfitCount);
// Two JS settings: the default tolerance (1e-10, as levenbergMarquardt) and 1e-8 (MINPACK's
// default xtol; numerics' χ² test is then 1e-16, far stricter than lmfit's ftol), which saves
// about 1.5 of ~5 iterations per pattern and still converges to ≪ 1 % of the standard errors.
const workers = Number(process.env.BENCH_WORKERS ?? cpus().length);
const sequential = (series, m) => fitPatternSeries(series, m);
const parallel = (series, m) => fitPatternSeriesParallel(series, m, { workers });
const settings = [
  { label: 'tolerance 1e-10 (default)', model, run: sequential },
  { label: 'tolerance 1e-8', model: { ...model, tolerance: 1e-8 }, run: sequential },
  { label: `tolerance 1e-10 (default), ${workers} workers`, model, run: parallel },
];
for (const setting of settings) {
  setting.subset = await timeAsync(() => setting.run(subset, setting.model), 3);
  setting.all =
    total === lmfitCount
      ? setting.subset
      : await timeAsync(() => setting.run(patterns, setting.model), 1);
}

const Y = new Float64Array(lmfitCount * n);
for (let k = 0; k < lmfitCount; k++) Y.set(subset[k].y, k * n);
const start = Float64Array.from(startPeaks.flatMap((p) => [p.area, p.center, p.fwhm, p.eta]));
const py = timePython({
  setup: [
    'from lmfit.models import LinearModel, PseudoVoigtModel',
    `count, n = ${lmfitCount}, ${n}`,
    'Y = Y.reshape(count, n)',
    'model = LinearModel(prefix="bg_")',
    'for k in range(7):',
    '    model = model + PseudoVoigtModel(prefix=f"p{k}_")',
    'def series():',
    '    params = model.make_params()',
    `    params["bg_slope"].set(value=${startBackground[1]})`,
    `    params["bg_intercept"].set(value=${startBackground[0]})`,
    '    for k in range(7):',
    '        params[f"p{k}_amplitude"].set(value=p0[4 * k])',
    '        params[f"p{k}_center"].set(value=p0[4 * k + 1])',
    '        params[f"p{k}_sigma"].set(value=p0[4 * k + 2] / 2)',
    '        params[f"p{k}_fraction"].set(value=p0[4 * k + 3])',
    '    values, errors = [], []',
    '    for y in Y:',
    '        w = 1 / np.sqrt(np.maximum(y, 1))',
    '        r = model.fit(y, params, x=x, weights=w, fit_kws={"xtol": 1e-12, "ftol": 1e-12})',
    '        params = r.params',
    '        for k in range(7):',
    '            for name, f in (("amplitude", 1), ("center", 1), ("sigma", 2), ("fraction", 1)):',
    '                values.append(f * r.params[f"p{k}_{name}"].value)',
    '                errors.append(f * r.params[f"p{k}_{name}"].stderr)',
    '        for name in ("bg_slope", "bg_intercept"):',
    '            values.append(r.params[name].value)',
    '            errors.append(r.params[name].stderr)',
    '    return values + errors',
  ].join('\n'),
  statement: 'series()',
  resultExpression: 'value',
  inputs: { x, Y, p0: start },
  repeats: 1,
  minTime: 0,
});

// Agreement in units of lmfit's standard errors, and relative.
const half = py.result.length / 2;
for (const setting of settings) {
  const js = flatten(setting.subset.result);
  let worstSigma = 0;
  let worstRelative = 0;
  let worstStderr = 0;
  for (let i = 0; i < half; i++) {
    const pyValue = py.result[i];
    const pyError = py.result[half + i];
    worstSigma = Math.max(worstSigma, Math.abs(js.values[i] - pyValue) / pyError);
    worstRelative = Math.max(worstRelative, Math.abs(js.values[i] - pyValue) / Math.abs(pyValue));
    worstStderr = Math.max(worstStderr, Math.abs(js.errors[i] / pyError - 1));
  }
  if (js.values.length !== half || !(worstSigma <= 0.01)) {
    throw new Error(
      `JS (${setting.label}) and lmfit disagree: largest difference ${worstSigma.toExponential(2)} standard errors`,
    );
  }
  setting.agreement = { worstSigma, worstRelative, worstStderr };
}

// The worker run against the sequential one over the whole series (they differ only through the
// cold start of each chunk, so within the fit tolerance).
const seqAll = flatten(settings[0].all.result);
const parAll = flatten(settings[2].all.result);
let workersVsSequential = 0;
for (let i = 0; i < seqAll.values.length; i++) {
  workersVsSequential = Math.max(
    workersVsSequential,
    Math.abs(parAll.values[i] - seqAll.values[i]) / seqAll.errors[i],
  );
}

const versions = peerVersions(['numpy', 'scipy', 'lmfit']);
console.log(
  `\n## @intercalate/crystallography: fitPatternSeries, ${total} operando patterns × 4,000 points, 7 pseudo-Voigt peaks + line`,
);
console.log(
  `node ${process.version}, ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}`,
);
console.log('| workload | JS (ms) | lmfit (ms) | lmfit / JS |');
console.log('| --- | ---: | ---: | ---: |');
const recorded = [];
const row = (name, jsSeconds, pySeconds, agreement) => {
  console.log(
    `| ${name} | ${(jsSeconds * 1e3).toFixed(0)} | ${(pySeconds * 1e3).toFixed(0)} | ${(pySeconds / jsSeconds).toFixed(1)} |`,
  );
  recorded.push({
    name,
    jsSeconds,
    pySeconds,
    ratio: pySeconds / jsSeconds,
    // Parameters compared with lmfit: relative difference of the values (the bench also requires
    // them to agree within 0.01 standard errors, or it throws above).
    agreement: { tolerance: 1e-4, maxRelativeDifference: agreement.worstRelative, values: half },
  });
};
for (const setting of settings) {
  row(
    `${lmfitCount} patterns, both sides; JS ${setting.label}`,
    setting.subset.seconds,
    py.seconds,
    setting.agreement,
  );
}
if (total !== lmfitCount) {
  for (const setting of settings) {
    row(
      `${total} patterns, JS ${setting.label} (lmfit: ${lmfitCount}-pattern time × ${(total / lmfitCount).toFixed(0)})`,
      setting.all.seconds,
      (py.seconds * total) / lmfitCount,
      setting.agreement,
    );
  }
}
recordResults(
  `@intercalate/crystallography: fitPatternSeries, ${total} operando patterns × 4,000 points, 7 pseudo-Voigt peaks + line, vs lmfit`,
  recorded,
  ['numpy', 'scipy', 'lmfit'],
);
for (const setting of settings) {
  const { worstSigma, worstRelative, worstStderr } = setting.agreement;
  console.log(
    `JS ${setting.label}: ${((setting.all.seconds / total) * 1e3).toFixed(2)} ms per pattern, ${setting.all.result.failed} of ${total} failed; vs lmfit over ${lmfitCount} patterns (${half} parameters): largest difference ${worstSigma.toExponential(1)} standard errors (${worstRelative.toExponential(1)} relative), standard errors agree to ${worstStderr.toExponential(1)} relative.`,
  );
}
console.log(
  `JS ${workers} workers vs JS sequential over ${total} patterns: largest difference ${workersVsSequential.toExponential(1)} standard errors.`,
);
