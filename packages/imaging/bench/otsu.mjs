// Benchmark: Otsu's threshold of a 2048 × 2048 uint16 image (a TXM-like two-phase frame), side
// by side with skimage.filters.threshold_otsu on the same pixels. Run with `pnpm bench` from the
// repository root, or `node bench/otsu.mjs` after `pnpm build`.
import { createRng } from '@intercalate/numerics';
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { createImage, otsuThreshold } from '../dist/index.js';

const size = 2048;
const rng = createRng(2048);
const pixels = new Uint16Array(size * size);
for (let i = 0; i < pixels.length; i++) {
  // background ~ N(9000, 1500²), particles ~ N(41000, 6000²) on 45 % of the pixels
  const value = rng.uniform() < 0.45 ? 41000 + 6000 * rng.normal() : 9000 + 1500 * rng.normal();
  pixels[i] = Math.min(65535, Math.max(0, Math.round(value)));
}
const image = createImage(pixels, [size, size]);

runComparison(
  '@intercalate/imaging: Otsu threshold of a 2048 × 2048 uint16 image',
  [
    {
      name: 'otsuThreshold 2048² uint16',
      js: () => otsuThreshold(image),
      jsResult: (t) => [t],
      python: {
        inputs: { pixels: Float64Array.from(pixels) },
        setup: `from skimage.filters import threshold_otsu\nimg = pixels.astype(np.uint16).reshape(${size}, ${size})`,
        statement: 'threshold_otsu(img)',
        resultExpression: 'float(value)',
      },
      tolerance: 0,
    },
  ],
  ['numpy', 'skimage'],
);
