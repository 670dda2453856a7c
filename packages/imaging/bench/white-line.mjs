// Benchmark: the white-line energy map of a 100-energy 1024 × 1024 float32 TXM-XANES stack
// (cubic fit within ±4 eV of each pixel's maximum, exact maximum of the cubic), side by side with
// the same computation vectorized in numpy (batched least squares on the windowed points, the
// stationary points of the cubic in closed form), on the same data in the same run. Run alone
// after a build with `node bench/white-line.mjs`, or with `pnpm bench` from the root.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@intercalate/numerics';
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { createImage, whiteLineEnergy } from '../dist/index.js';

const side = Number(process.env.WHITE_LINE_BENCH_SIZE ?? 1024);
const nE = 100;
const pixels = side * side;
// 8320–8345 eV in 1 eV steps, 0.5 eV steps across the edge and white line, then 2 eV steps.
const energies = [];
for (let e = 8320; e < 8345; e += 1) energies.push(e);
for (let e = 8345; e < 8370; e += 0.5) energies.push(e);
for (let k = 0; energies.length < nE; k++) energies.push(8370 + 2 * k);
const window = 4;
const order = 3;

// Synthetic Ni K-edge spectra: arctan edge and Lorentzian white line whose energies drift
// smoothly across the image, plus seeded noise.
const rng = createRng(8350);
const stack = new Float32Array(nE * pixels);
for (let p = 0; p < pixels; p++) {
  const y = Math.floor(p / side) / side;
  const x = (p % side) / side;
  const edge = 8347 + 1.5 * Math.sin(6 * x) * Math.cos(4 * y);
  const white = 8352 + 1.2 * Math.cos(5 * x + 3 * y);
  for (let i = 0; i < nE; i++) {
    const e = energies[i];
    const mu = 0.5 + Math.atan((e - edge) / 1.5) / Math.PI + 0.6 / (1 + ((e - white) / 3) ** 2);
    stack[i * pixels + p] = mu + 0.004 * (rng.uniform() - 0.5);
  }
}
const image = createImage(stack, [nE, side, side]);
const out = new Float64Array(pixels);

const dir = mkdtempSync(join(tmpdir(), 'intercalate-white-line-'));
const stackFile = join(dir, 'stack.f32');
writeFileSync(stackFile, Buffer.from(stack.buffer));
const sample = Array.from({ length: 64 }, (_, k) => Math.floor((k * pixels) / 64) + 17);

// numpy: the stack converted to float64 once in the setup (not timed); per block of pixels the
// windowed normal equations are built with array operations and solved with a batched
// np.linalg.solve, then the cubic's maximum is taken over the window ends and its real
// stationary points inside.
const setup = `
E = np.array(${JSON.stringify(energies)})
stack = np.fromfile(${JSON.stringify(stackFile)}, dtype=np.float32).astype(np.float64).reshape(${nE}, ${pixels})
window, order = ${window}, ${order}
sample = np.array(${JSON.stringify(sample)})
def poly(c, t):
    return ((c[..., 3] * t + c[..., 2]) * t + c[..., 1]) * t + c[..., 0]
def block_map(y):
    k = np.argmax(y, axis=0)
    ek = E[k]
    inside = np.abs(E[:, None] - ek[None, :]) <= window
    t = np.where(inside, (E[:, None] - ek[None, :]) / window, 0.0)
    w = inside.astype(np.float64)
    powers = [w]
    for j in range(1, 2 * order + 1):
        powers.append(powers[-1] * t)
    moments = np.stack([p.sum(axis=0) for p in powers], axis=-1)
    rhs = np.stack([(powers[j] * y).sum(axis=0) for j in range(order + 1)], axis=-1)
    idx = np.arange(order + 1)
    gram = moments[:, idx[:, None] + idx[None, :]]
    ok = moments[:, 0] >= order + 1
    gram[~ok] = np.eye(order + 1)
    c = np.linalg.solve(gram, rhs[..., None])[..., 0]
    t0 = np.where(inside, t, np.inf).min(axis=0)
    t1 = np.where(inside, t, -np.inf).max(axis=0)
    a, b, cc = 3 * c[:, 3], 2 * c[:, 2], c[:, 1]
    disc = b * b - 4 * a * cc
    root = np.sqrt(np.maximum(disc, 0))
    q = -0.5 * (b + np.where(b >= 0, 1.0, -1.0) * root)
    with np.errstate(divide='ignore', invalid='ignore'):
        r1 = q / a
        r2 = cc / q
    cands = np.stack([t0, t1, r1, r2], axis=-1)
    valid = np.ones_like(cands, dtype=bool)
    valid[:, 2:] = (disc >= 0)[:, None] & (cands[:, 2:] > t0[:, None]) & (cands[:, 2:] < t1[:, None])
    vals = np.where(valid, poly(c[:, None, :], cands), -np.inf)
    best = cands[np.arange(cands.shape[0]), np.argmax(vals, axis=1)]
    return np.where(ok, ek + best * window, np.nan)
def white_line_map(block=65536):
    out = np.empty(${pixels})
    for s in range(0, ${pixels}, block):
        out[s:s + block] = block_map(stack[:, s:s + block])
    return out
`;

try {
  runComparison(
    `@intercalate/imaging: white-line map, ${nE} energies × ${side} × ${side} float32 stack`,
    [
      {
        name: `whiteLineEnergy (cubic, ±${window} eV, exact maximum) ${side}²`,
        js: () => whiteLineEnergy(image, energies, { window, order, out }),
        jsResult: (map) => [...sample.map((i) => map.data[i]), map.data.reduce((s, v) => s + v, 0)],
        python: {
          setup,
          statement: 'white_line_map()',
          resultExpression: 'list(value[sample]) + [value.sum()]',
        },
        tolerance: 1e-10,
        options: { repeats: 3, minTime: 0 },
      },
    ],
    ['numpy'],
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
