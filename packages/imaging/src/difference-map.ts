import { assertImage, createImage, type Image } from './image.js';
import { readMask } from './xanes-stack.js';

/**
 * The pixel-by-pixel difference d = a − b of two maps of the same field of view, e.g. white-line
 * energies at two states of charge: `differenceMap(fullCharge, halfCharge)` is the paper's
 * "FC − HC" map (Mu et al., JACS 2024, Fig. 3b), where d > 0 means the white line moved up in
 * energy (local oxidation) and d < 0 down (reduction).
 *
 * The maps must be aligned beforehand (same pixel = same place). Pixels outside `mask`, and
 * pixels where a or b is NaN, are NaN.
 *
 * @param a - The later map (single-channel 2D or 3D {@link Image}, any pixel type).
 * @param b - The earlier map, same shape.
 * @param mask - Optional pixels to keep: an image of the same shape or an array of one sample per
 * pixel, nonzero = inside. @defaultValue every pixel
 * @returns A Float64 {@link Image} of a − b (in the unit of the maps, e.g. eV), with `a`'s
 * spacing.
 * @throws TypeError if `a`, `b` or `mask` is not an image (or, for the mask, an array).
 * @throws RangeError if the images are not single-channel or their shapes (or the mask's size)
 * differ.
 *
 * @example
 * ```ts
 * import { createImage, differenceMap } from '@intercalate/imaging';
 * const fc = createImage(Float64Array.from([8350.8, 8351.2, 8350.1]), [1, 3]);
 * const hc = createImage(Float64Array.from([8350.2, 8350.2, 8350.4]), [1, 3]);
 * differenceMap(fc, hc).data; // Float64Array [0.6, 1, -0.3] (to rounding), eV
 * ```
 */
export function differenceMap(
  a: Image,
  b: Image,
  mask?: Image | ArrayLike<number>,
): Image<Float64Array> {
  const first = assertImage('a', a, { channels: 1 });
  const second = assertImage('b', b, { channels: 1 });
  if (
    first.shape.length !== second.shape.length ||
    first.shape.some((size, axis) => size !== second.shape[axis])
  ) {
    throw new RangeError(
      `b must have the shape of a [${first.shape.join(', ')}]; received [${second.shape.join(', ')}]`,
    );
  }
  const inside = readMask('mask', mask, first.shape);
  const n = first.data.length;
  const out = new Float64Array(n);
  const x = first.data;
  const y = second.data;
  for (let i = 0; i < n; i++) {
    out[i] =
      inside !== undefined && inside[i] === 0 ? Number.NaN : (x[i] as number) - (y[i] as number);
  }
  return createImage(
    out,
    first.shape,
    first.spacing === undefined ? {} : { spacing: first.spacing },
  );
}
