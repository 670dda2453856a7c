// Benchmark: the inlinable scalar exponentials (fastExp, fastExpm1) over 10⁶ float64 in a plain
// loop, side by side with numpy's vectorized np.exp / np.expm1 in the same run, and with the same
// loop over Math.exp / Math.expm1 (printed below the table). Run with `pnpm bench` from the repository root,
// or `node bench/elementary-functions.mjs` from packages/numerics after `npm run build`.
import { runComparison, timeJs } from '../../../scripts/bench/harness.mjs';
import { fastExp, fastExpm1 } from '../dist/index.js';

const n = 1_000_000;
const x = new Float64Array(n); // exponents in [−20, 20]
for (let k = 0; k < n; k++) x[k] = -20 + (40 * k) / (n - 1);
const out = new Float64Array(n);
const sample = [0, 1, n >> 2, n >> 1, (3 * n) >> 2, n - 1];
const pick = (v) => sample.map((k) => v[k]);
const setup = `sample = ${JSON.stringify(sample)}`;

const loops = {
  exp: [
    () => {
      for (let k = 0; k < n; k++) out[k] = fastExp(x[k]);
      return out;
    },
    () => {
      for (let k = 0; k < n; k++) out[k] = Math.exp(x[k]);
      return out;
    },
  ],
  expm1: [
    () => {
      for (let k = 0; k < n; k++) out[k] = fastExpm1(x[k]);
      return out;
    },
    () => {
      for (let k = 0; k < n; k++) out[k] = Math.expm1(x[k]);
      return out;
    },
  ],
};

const row = (name, numpy, input) => ({
  name: `fast${name[0].toUpperCase()}${name.slice(1)} loop vs numpy ${numpy}`,
  js: loops[name][0],
  jsResult: pick,
  python: {
    setup,
    statement: `${numpy}(v)`,
    resultExpression: 'value[sample]',
    inputs: { v: input },
  },
  tolerance: 4e-16, // both within 1 ulp of the exact value
});

runComparison('@intercalate/numerics: elementary functions over 10⁶ float64', [
  row('exp', 'np.exp', x),
  row('expm1', 'np.expm1', x),
]);

console.log('\n| same loop | fast* median (ms) | Math.* median (ms) | Math / fast |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, [fast, math]] of Object.entries(loops)) {
  const a = timeJs(fast);
  const b = timeJs(math);
  console.log(
    `| ${name} | ${(a.seconds * 1e3).toFixed(2)} | ${(b.seconds * 1e3).toFixed(2)} | ${(b.seconds / a.seconds).toFixed(2)} |`,
  );
}
