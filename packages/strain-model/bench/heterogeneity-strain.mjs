// Benchmark: eqn (1) heterogeneity strain over a 10⁶-point c_Li grid, side by side with numpy.
// Runnable alone after `pnpm build` (`node bench/heterogeneity-strain.mjs`), or with the others via bench/run.mjs.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { heterogeneityStrain } from '../dist/index.js';

const n = 1_000_000;
const cLi = new Float64Array(n);
for (let i = 0; i < n; i++) cLi[i] = 0.1 + (0.8 * i) / (n - 1);
const deltaCLi = 0.05;
// An illustrative f_c (Å): flat above c_Li ≈ 0.4, collapsing below it.
const fc = (x) => 14.2 + 0.25 * (1 - x) - 0.9 * Math.exp(-x / 0.08);
const out = new Float64Array(n);

runComparison('@intercalate/strain-model: eqn (1) on a 10⁶-point c_Li grid', [
  {
    name: 'heterogeneityStrain × 10⁶',
    js: () => {
      for (let i = 0; i < n; i++) out[i] = heterogeneityStrain(fc, cLi[i], deltaCLi);
      return out;
    },
    jsResult: (e) => [e[0], e[n >> 1], e[n - 1]],
    python: {
      setup: `d = ${deltaCLi}\ndef fc(x):\n    return 14.2 + 0.25 * (1 - x) - 0.9 * np.exp(-x / 0.08)`,
      statement: 'np.abs(fc(cLi - d / 2) - fc(cLi + d / 2)) / fc(cLi)',
      resultExpression: `[value[0], value[${n >> 1}], value[${n - 1}]]`,
      inputs: { cLi },
    },
    tolerance: 1e-12,
  },
]);
