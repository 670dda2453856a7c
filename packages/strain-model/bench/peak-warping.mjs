// Benchmark: simulatePeakWarping, the 003 peak of 200 local lithium contents on a 4,000-point 2θ
// grid, side by side with the same computation in numpy: a and c by np.interp on the same smoothed
// points (the JS lattice functions are linear here, so both use the same interpolant), d from the
// hexagonal formula, 2θ from Bragg's law, and the (200 × 4,000) sum of area-normalised profiles
// evaluated everywhere (JS: window Infinity, the exact sum). Runnable alone after `pnpm build`:
// `node bench/peak-warping.mjs`.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { examples, latticeFunction, simulatePeakWarping } from '../dist/index.js';

const { cLi, a, c } = examples.nmc811; // illustrative curves
const fa = latticeFunction(cLi, a, { interpolation: 'linear' });
const fc = latticeFunction(cLi, c, { interpolation: 'linear' });
const wavelength = 1.54059292; // Cu Kα1, Å
const grid = Float64Array.from({ length: 4000 }, (_, i) => 17.8 + 0.0003 * i); // 17.8–19.0°
const out = new Float64Array(grid.length);
// Compare 40 points across the peak (where the intensity is > 1e-6 of its maximum): far-tail
// values of a Gaussian are ~1e-300 in numpy and 0 beyond 9σ in JS.
const probe = simulatePeakWarping({
  hkl: [0, 0, 3],
  fa,
  fc,
  cLi: 0.3,
  deltaCLi: 0.1,
  samples: 200,
  wavelength,
  twoTheta: grid,
  profile: { shape: 'gaussian', fwhm: 0.03 },
}).intensity;
const top = Math.max(...probe);
const inside = [...probe.keys()].filter((i) => probe[i] > 1e-6 * top);
const sample = Array.from({ length: 40 }, (_, k) => inside[Math.floor((k * inside.length) / 40)]);

const rows = [];
for (const [shape, eta] of [
  ['pseudo-voigt', 0.3],
  ['gaussian', 0],
]) {
  rows.push({
    name: `simulatePeakWarping 003, 200 contents × 4,000 points, ${shape}`,
    js: () =>
      simulatePeakWarping({
        hkl: [0, 0, 3],
        fa,
        fc,
        cLi: 0.3,
        deltaCLi: 0.1,
        samples: 200,
        wavelength,
        twoTheta: grid,
        profile: { shape, fwhm: 0.03, eta },
        out,
      }).intensity,
    jsResult: (y) => sample.map((i) => y[i]),
    python: {
      setup: `import math
sample = np.array(${JSON.stringify(sample)})
eta = ${eta}
def warped():
    n = 200
    contents = 0.3 + 0.1 * ((np.arange(n) + 0.5) / n - 0.5)
    av = np.interp(contents, xk, ak)
    cv = np.interp(contents, xk, ck)
    d = 1 / np.sqrt(9 / (cv * cv))
    pos = 2 * np.degrees(np.arcsin(${wavelength} / (2 * d)))
    u = grid[None, :] - pos[:, None]
    fwhm = 0.03
    g = fwhm / 2
    sg = fwhm / (2 * math.sqrt(2 * math.log(2)))
    prof = (1 - eta) * np.exp(-0.5 * (u / sg) ** 2) / (sg * math.sqrt(2 * math.pi))
    if eta > 0:
        prof = prof + eta * (g / math.pi) / (u * u + g * g)
    return prof.sum(axis=0) / n`,
      statement: 'warped()',
      resultExpression: 'value[sample]',
      inputs: { grid, xk: fa.cLi, ak: fa.values, ck: fc.values },
    },
    tolerance: 1e-10,
  });
}
runComparison('@intercalate/strain-model: simulatePeakWarping', rows);
