import { assertFiniteNumber } from '@intercalate/numerics';
import { assertImage, type Image } from './image.js';
import { readOptions } from './progress.js';
import { readMask } from './xanes-stack.js';

/** Options of {@link arealFractions}. */
export interface ArealFractionsOptions {
  /**
   * Dead band, in the unit of the map (eV for white-line differences), ≥ 0: |d| ≤ threshold
   * counts as unchanged. Choose it from the noise of the energy maps (e.g. the spread of a
   * difference map between two repeated scans).
   * @defaultValue 0
   */
  threshold?: number;
  /** Pixels to count: an image of the map's shape or an array, nonzero = inside. @defaultValue every pixel */
  mask?: Image | ArrayLike<number>;
}

/** The result of {@link arealFractions}: fractions of the counted pixels (each in [0, 1]). */
export interface ArealFractions {
  /** Fraction with d > threshold (white line up in energy: oxidized). */
  oxidized: number;
  /** Fraction with d < −threshold (reduced). */
  reduced: number;
  /** Fraction with |d| ≤ threshold. */
  unchanged: number;
  /** Number of counted pixels: inside the mask and not NaN. The fractions are NaN when 0. */
  pixels: number;
  /** Counted area: `pixels` × the product of the map's spacing (pixels when it has none). */
  area: number;
}

/**
 * Splits a difference map (see {@link differenceMap}) into the areal fractions that oxidized,
 * reduced or stayed unchanged, as in Mu et al., JACS 2024, Fig. 3e ("oxidized regions account for
 * over 98 % of the total area" between half and full charge).
 *
 * Each counted pixel (inside `mask`, not NaN) is oxidized when d > threshold, reduced when
 * d < −threshold and unchanged otherwise, so the three fractions sum to 1. All pixels have the same
 * area, so pixel fractions are area fractions (volume fractions for a 3D map).
 *
 * @param diff - A single-channel 2D or 3D difference {@link Image} (NaN = not measured).
 * @param options - Threshold and mask; see {@link ArealFractionsOptions}.
 * @returns The three fractions, the pixel count and the counted area; see {@link ArealFractions}.
 * @throws TypeError if `diff` or `mask` is not an image (or, for the mask, an array), or an
 * option has the wrong type.
 * @throws RangeError if `diff` is not single-channel, `threshold` is negative or not finite, or
 * the mask's size differs.
 *
 * @example
 * ```ts
 * import { arealFractions, createImage } from '@intercalate/imaging';
 * const diff = createImage(Float64Array.from([0.5, 0.3, -0.4, 0.02, Number.NaN]), [1, 5]);
 * arealFractions(diff, { threshold: 0.05 });
 * // { oxidized: 0.5, reduced: 0.25, unchanged: 0.25, pixels: 4, area: 4 }
 * ```
 */
export function arealFractions(diff: Image, options?: ArealFractionsOptions): ArealFractions {
  const image = assertImage('diff', diff, { channels: 1 });
  const opts = readOptions<ArealFractionsOptions>(options, '{ threshold?, mask? }');
  const threshold = assertFiniteNumber('threshold', opts.threshold ?? 0, { min: 0 });
  const mask = readMask('mask', opts.mask, image.shape);
  const data = image.data;
  let up = 0;
  let down = 0;
  let same = 0;
  for (let i = 0; i < data.length; i++) {
    if (mask !== undefined && mask[i] === 0) continue;
    const d = data[i] as number;
    if (d > threshold) up++;
    else if (d < -threshold) down++;
    else if (!Number.isNaN(d)) same++;
  }
  const pixels = up + down + same;
  const cell = image.spacing === undefined ? 1 : image.spacing.reduce((p, s) => p * s, 1);
  return {
    oxidized: up / pixels,
    reduced: down / pixels,
    unchanged: same / pixels,
    pixels,
    area: pixels * cell,
  };
}
