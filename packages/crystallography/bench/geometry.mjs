// Benchmark: lattice geometry at scale, side by side with numpy in the same run.
// - d-spacings of 10⁶ (hkl) on a triclinic cell (numpy: einsum with the reciprocal metric G*,
//   obtained independently as the inverse of the metric tensor G),
// - a 10⁶-point 2θ → q axis conversion at Cu Kα1.
// Run with `pnpm bench` from the repository root (builds first), or `node bench/geometry.mjs`
// from packages/crystallography after a build.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { dSpacings, lattice, twoThetaToQAxis, WAVELENGTHS } from '../dist/index.js';

const n = 1_000_000;
const stride = 1000; // results compared at every 1000th point (1,000 values)

// Deterministic Miller indices in [−10, 10]³ \ {0} from a 32-bit LCG.
const hkl = new Int32Array(3 * n);
let state = 20240611;
const next = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return (state % 21) - 10;
};
for (let i = 0; i < n; i++) {
  const h = next();
  const k = next();
  let l = next();
  if (h === 0 && k === 0 && l === 0) l = 1;
  hkl[3 * i] = h;
  hkl[3 * i + 1] = k;
  hkl[3 * i + 2] = l;
}
const h = Float64Array.from({ length: n }, (_, i) => hkl[3 * i]);
const k = Float64Array.from({ length: n }, (_, i) => hkl[3 * i + 1]);
const l = Float64Array.from({ length: n }, (_, i) => hkl[3 * i + 2]);

const parameters = { a: 5.1, b: 6.3, c: 7.7, alpha: 82.5, beta: 103.1, gamma: 95.7 };
const cell = lattice(parameters);
const dOut = new Float64Array(n);

// A 10⁶-point 2θ axis from 5° to 150°, as a long synchrotron or stitched lab scan.
const twoTheta = Float64Array.from({ length: n }, (_, i) => 5 + (145 * i) / (n - 1));
const wavelength = WAVELENGTHS.Cu.kAlpha1;
const qOut = new Float64Array(n);

const sample = (values) => Array.from({ length: n / stride }, (_, i) => values[i * stride]);
const { a, b, c, alpha, beta, gamma } = parameters;

runComparison('@intercalate/crystallography: lattice geometry, 10⁶ elements', [
  {
    name: 'dSpacings, triclinic, 10⁶ hkl (Int32Array)',
    js: () => dSpacings(cell, hkl, dOut),
    jsResult: sample,
    python: {
      setup: [
        `a, b, c = ${a}, ${b}, ${c}`,
        `ca, cb, cg = np.cos(np.radians([${alpha}, ${beta}, ${gamma}]))`,
        'G = np.array([[a*a, a*b*cg, a*c*cb], [a*b*cg, b*b, b*c*ca], [a*c*cb, b*c*ca, c*c]])',
        'Gs = np.linalg.inv(G)',
        'HKL = np.stack([h, k, l], axis=1)',
      ].join('\n'),
      statement: "1 / np.sqrt(np.einsum('ij,ij->i', HKL @ Gs, HKL))",
      resultExpression: `value[::${stride}]`,
      inputs: { h, k, l },
    },
    tolerance: 1e-13,
  },
  {
    name: 'twoThetaToQAxis, 10⁶ points',
    js: () => twoThetaToQAxis(twoTheta, wavelength, qOut),
    jsResult: sample,
    python: {
      setup: `lam = ${wavelength}`,
      statement: '4 * np.pi * np.sin(np.radians(tt) / 2) / lam',
      resultExpression: `value[::${stride}]`,
      inputs: { tt: twoTheta },
    },
    tolerance: 1e-14,
  },
]);
