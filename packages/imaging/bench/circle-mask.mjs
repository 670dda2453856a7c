// Benchmark: a 2048 × 2048 disk mask, side by side with scikit-image's draw.disk into a zeroed
// array. Run with `pnpm bench` from the repository root.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { circleMask } from '../dist/index.js';

const size = 2048;
const options = { width: size, height: size, centerX: 1000.5, centerY: 1030.25, radius: 700 };
const count = (mask) => mask.reduce((sum, v) => sum + v, 0);

runComparison(
  '@intercalate/imaging: 2048 × 2048 circular ROI mask (radius 700 px)',
  [
    {
      name: 'circleMask 2048²',
      js: () => circleMask(options),
      jsResult: (mask) => [count(mask)],
      python: {
        setup: `from skimage.draw import disk\ndef mask():\n    m = np.zeros((${size}, ${size}), dtype=np.uint8)\n    rr, cc = disk((${options.centerY}, ${options.centerX}), ${options.radius}, shape=m.shape)\n    m[rr, cc] = 1\n    return m`,
        statement: 'mask()',
        resultExpression: 'int(value.sum())',
      },
      tolerance: 0,
    },
  ],
  ['numpy', 'skimage'],
);
