import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';
import { assertImage, createImage, type Image } from './image.js';

/** Options of {@link intensity}. */
export interface IntensityOptions {
  /**
   * Weight of each colour channel (R, G, B; a fourth alpha channel is ignored), finite numbers.
   * `[1, 1, 1]` is Sharma et al.'s R + G + B; `[1/3, 1/3, 1/3]` is ImageJ's default grey (the mean);
   * `[0.2125, 0.7154, 0.0721]` is scikit-image's `rgb2gray` luminance.
   * @defaultValue [1, 1, 1]
   */
  weights?: readonly number[];
  /**
   * The value of a full-scale sample, which each sample is divided by.
   * @defaultValue 255 for Uint8Array, 65535 for Uint16Array, 1 for float images
   */
  fullScale?: number;
  /** Destination, one value per pixel (length = product of the shape). */
  out?: Float64Array;
}

/**
 * The normalized reflected-light intensity of each pixel of a colour image, as Sharma et al.
 * measure it in operando optical microscopy of NMC particles: "pixel intensity R+G+B … measured in
 * the range 0–255 and normalized by 255".
 *
 * I = (w_R·R + w_G·G + w_B·B) / fullScale, with default weights [1, 1, 1] and fullScale 255 for
 * 8-bit images, so I = (R + G + B)/255 ∈ [0, 3] (each channel contributes up to 1). The value is
 * proportional to the grey level of any weighted mean; divide by 3 (or pass weights [⅓, ⅓, ⅓]) for
 * a value in [0, 1]. Only ratios and changes of I are meaningful in the paper (focus and topography
 * change the absolute value), so the choice of normalization does not change onsets or slopes in
 * {@link reactionDynamics}.
 *
 * Reference: N. Sharma, L. S. de Vasconcelos, S. Hassan, K. Zhao, Nano Lett. 22 (2022) 5883, Fig. 1.
 *
 * @param rgb - A 2D or 3D image with 3 (RGB) or 4 (RGBA) channels; samples in the image's unit.
 * @param options - Weights, full scale and output buffer; see {@link IntensityOptions}.
 * @returns A single-channel Float64Array image of the same shape (and spacing), dimensionless.
 * @throws TypeError if `rgb` is not an image or `weights`/`out` have the wrong type.
 * @throws RangeError if `rgb` does not have 3 or 4 channels, `weights` does not have 3 finite
 *   entries, `fullScale` is not > 0, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { createImage, intensity } from '@intercalate/imaging';
 * const rgb = createImage(new Uint8Array([255, 255, 255, 51, 102, 0]), [1, 2], { channels: 3 });
 * intensity(rgb).data; // Float64Array ≈ [3, 0.6]: (R + G + B)/255
 * ```
 */
export function intensity(rgb: Image, options: IntensityOptions = {}): Image<Float64Array> {
  const image = assertImage('rgb', rgb);
  if (image.channels !== 3 && image.channels !== 4) {
    throw new RangeError(`rgb must have 3 (RGB) or 4 (RGBA) channels; received ${image.channels}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const weights = assertNumericArray('weights', options.weights ?? [1, 1, 1], {
    length: 3,
    lengthOf: 'the colour channels R, G, B',
  });
  const { data, channels } = image;
  const defaultScale = data instanceof Uint8Array ? 255 : data instanceof Uint16Array ? 65535 : 1;
  const fullScale = assertFiniteNumber('fullScale', options.fullScale ?? defaultScale, {
    min: 0,
    exclusiveMin: true,
  });
  const pixels = data.length / channels;
  const out = outputBuffer(options.out, pixels, 'the number of pixels');
  const wr = (weights[0] as number) / fullScale;
  const wg = (weights[1] as number) / fullScale;
  const wb = (weights[2] as number) / fullScale;
  for (let p = 0, i = 0; p < pixels; p++, i += channels) {
    out[p] = wr * (data[i] as number) + wg * (data[i + 1] as number) + wb * (data[i + 2] as number);
  }
  return createImage(out, image.shape, image.spacing ? { spacing: image.spacing } : {});
}
