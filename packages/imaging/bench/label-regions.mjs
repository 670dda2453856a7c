// Benchmark: labelling a 512³ uint8 mask plus the per-region mean and variance of a uint16 volume,
// side by side with scipy.ndimage.label + ndimage.mean/variance on the same data in the same run,
// and against a plain memory-bound JS sweep over the same bytes. Run alone after a build with
// `node bench/label-regions.mjs` (needs ~4 GB of memory), or with `pnpm bench` from the root.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@intercalate/numerics';
import { runComparison, timeJs } from '../../../scripts/bench/harness.mjs';
import { createImage, label, regionProps } from '../dist/index.js';

const n = Number(process.env.LABEL_BENCH_SIZE ?? 512);
const shape = [n, n, n];
const voxels = n ** 3;

// Seeded data: 3000 balls of radius 3–12 voxels (overlapping ones merge), plus 0.5 % speckle
// voxels (many one-voxel regions, the hard case for per-region statistics); intensity is a
// uint16 noise level that is higher inside the balls.
const rng = createRng(512);
const mask = new Uint8Array(voxels);
const balls = Math.round((3000 * voxels) / 512 ** 3);
for (let b = 0; b < balls; b++) {
  const [cz, cy, cx] = [rng.uniform() * n, rng.uniform() * n, rng.uniform() * n];
  const r = 3 + 9 * rng.uniform();
  for (let z = Math.max(0, Math.ceil(cz - r)); z <= Math.min(n - 1, cz + r); z++) {
    for (let y = Math.max(0, Math.ceil(cy - r)); y <= Math.min(n - 1, cy + r); y++) {
      for (let x = Math.max(0, Math.ceil(cx - r)); x <= Math.min(n - 1, cx + r); x++) {
        if ((z - cz) ** 2 + (y - cy) ** 2 + (x - cx) ** 2 <= r * r) mask[(z * n + y) * n + x] = 1;
      }
    }
  }
}
for (let i = 0; i < voxels; i++) if (rng.uniform() < 0.005) mask[i] = 1;
const intensity = new Uint16Array(voxels);
for (let i = 0; i < voxels; i++) {
  intensity[i] = (mask[i] ? 20000 : 1000) + Math.floor(rng.uniform() * 4000);
}
const maskImage = createImage(mask, shape);
const intensityImage = createImage(intensity, shape);

const dir = mkdtempSync(join(tmpdir(), 'intercalate-label-'));
const maskFile = join(dir, 'mask.u8');
const intensityFile = join(dir, 'intensity.u16');
writeFileSync(maskFile, mask);
writeFileSync(intensityFile, Buffer.from(intensity.buffer));

const setup = `
from scipy import ndimage
mask = np.fromfile(${JSON.stringify(maskFile)}, dtype=np.uint8).reshape(${n}, ${n}, ${n})
intensity = np.fromfile(${JSON.stringify(intensityFile)}, dtype=np.uint16).reshape(${n}, ${n}, ${n})
def label_stats(structure):
    labels, count = ndimage.label(mask, structure=structure)
    index = np.arange(1, count + 1)
    return count, ndimage.mean(intensity, labels, index), ndimage.variance(intensity, labels, index)
def summary(value):
    count, m, v = value
    return [count, m.sum(), v.sum(), m[0], v[0], m[count // 2], v[count // 2], m[-1], v[-1]]
`;

// Labels go to one reused buffer (the `out` option), as the sweep below reuses its output.
const labelBuffer = new Int32Array(voxels);
function jsLabelStats(connectivity) {
  const labels = label(maskImage, { connectivity, out: labelBuffer });
  const props = regionProps(labels, { intensity: intensityImage, boundary: false });
  return { count: labels.count, mean: props.intensityMean, std: props.intensityStd };
}
function summary({ count, mean, std }) {
  let m = 0;
  let v = 0;
  for (let k = 0; k < count; k++) {
    m += mean[k];
    v += std[k] ** 2;
  }
  const half = Math.floor(count / 2);
  return [
    count,
    m,
    v,
    mean[0],
    std[0] ** 2,
    mean[half],
    std[half] ** 2,
    mean[count - 1],
    std[count - 1] ** 2,
  ];
}

const options = { repeats: 3, minTime: 0 };
let rows;
try {
  rows = runComparison(
    `@intercalate/imaging: label + per-region mean and variance, ${n}³ uint8 mask, uint16 intensity`,
    [
      {
        name: `label (26-connectivity, skimage default) + regionProps ${n}³`,
        js: () => jsLabelStats(3),
        jsResult: summary,
        python: {
          setup,
          statement: 'label_stats(np.ones((3, 3, 3)))',
          resultExpression: 'summary(value)',
        },
        tolerance: 1e-9,
        options,
      },
      {
        name: `label (6-connectivity, scipy default) + regionProps ${n}³`,
        js: () => jsLabelStats(1),
        jsResult: summary,
        python: { setup, statement: 'label_stats(None)', resultExpression: 'summary(value)' },
        tolerance: 1e-9,
        options,
      },
      {
        name: `label (18-connectivity, faces and edges) + regionProps ${n}³`,
        js: () => jsLabelStats(2),
        jsResult: summary,
        python: {
          setup,
          statement: 'label_stats(ndimage.generate_binary_structure(3, 2))',
          resultExpression: 'summary(value)',
        },
        tolerance: 1e-9,
        options,
      },
    ],
    ['numpy', 'scipy'],
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The floor: one plain JS pass that reads the same mask and intensity bytes and writes an Int32
// label-sized output (the least any label + statistics pass must move through memory).
const out = new Int32Array(voxels);
const sweep = timeJs(
  () => {
    let sum = 0;
    for (let i = 0; i < voxels; i++) {
      const v = mask[i] === 0 ? 0 : intensity[i];
      out[i] = v;
      sum += v;
    }
    return sum;
  },
  { repeats: 5, minTime: 0 },
);
process.stdout.write(
  `memory-bound sweep (read ${n}³ uint8 + uint16, write int32): ${(sweep.seconds * 1e3).toFixed(1)} ms\n`,
);
for (const row of rows) {
  process.stdout.write(
    `${row.name}: ${(row.jsSeconds / sweep.seconds).toFixed(2)} × the sweep (target ≤ 3)\n`,
  );
}
