import { describeValue } from '@intercalate/numerics';
import { assertImage, type Image, isPixelArray, type PixelArray } from './image.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';

/** Pixel indices selected by a mask (non-zero entries), checked against the pixel count. */
function maskIndices(name: string, mask: unknown, pixels: number): Int32Array {
  const data =
    typeof mask === 'object' && mask !== null && !ArrayBuffer.isView(mask) && 'data' in mask
      ? (assertImage(name, mask, { channels: 1 }).data as PixelArray)
      : mask;
  if (!(isPixelArray(data) || Array.isArray(data))) {
    throw new TypeError(
      `${name} must be a mask (Uint8Array, another typed array or an array, non-zero = inside, or a single-channel image); received ${describeValue(mask)}`,
    );
  }
  const values = data as ArrayLike<number>;
  if (values.length !== pixels) {
    throw new RangeError(
      `${name} must have one entry per pixel (${pixels}); received length ${values.length}`,
    );
  }
  let count = 0;
  for (let i = 0; i < pixels; i++) if (values[i]) count++;
  if (count === 0) throw new RangeError(`${name} selects no pixel; a region needs at least one`);
  const indices = new Int32Array(count);
  for (let i = 0, k = 0; i < pixels; i++) if (values[i]) indices[k++] = i;
  return indices;
}

/**
 * Mean value of the pixels of a single-channel image selected by a mask: the average intensity
 * of a particle in one frame (Sharma et al., Fig. 1).
 *
 * mean = Σ_{i: mask[i] ≠ 0} image[i] / #{i: mask[i] ≠ 0}, summed in double precision.
 *
 * @param image - A single-channel 2D or 3D image, or a bare pixel array (any unit).
 * @param mask - One entry per pixel, non-zero inside (e.g. from {@link circleMask} or
 *   {@link polygonMask}), as a typed array, an array or a single-channel image.
 * @returns The mean, in the unit of the image.
 * @throws TypeError if `image` or `mask` has the wrong type.
 * @throws RangeError if `image` has several channels, the mask's length differs from the pixel
 *   count, or the mask selects no pixel.
 *
 * @example
 * ```ts
 * import { circleMask, createImage, roiMean } from '@intercalate/imaging';
 * const frame = createImage(Float64Array.from({ length: 25 }, (_, i) => i), [5, 5]);
 * roiMean(frame, circleMask({ width: 5, height: 5, centerX: 2, centerY: 2, radius: 1.5 })); // 12
 * ```
 */
export function roiMean(image: Image | PixelArray, mask: ArrayLike<number> | Image): number {
  const data = isPixelArray(image) ? image : assertImage('image', image, { channels: 1 }).data;
  const indices = maskIndices('mask', mask, data.length);
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += data[indices[k] as number] as number;
  return sum / indices.length;
}

/**
 * The mean of every region of interest in every frame: one trace per particle through an operando
 * series, ready for {@link reactionDynamics}.
 *
 * traces[m][t] = {@link roiMean}(frame t, mask m). Each mask is converted once to the list of its
 * pixel indices, so a series of T frames and M masks costs O(T · Σ mask sizes).
 *
 * @param frames - A 3D single-channel image `[time, height, width]` (e.g. from {@link readTiff}) or
 *   an array of 2D single-channel images of equal size (e.g. `intensity()` of each RGB frame).
 * @param masks - One mask per region, each with one entry per pixel of a frame (non-zero inside).
 * @param options - `onProgress(done, total)` after each frame and an `AbortSignal`-like `signal`
 *   checked between frames; see {@link ProgressOptions}.
 * @returns One Float64Array per mask, of length the number of frames (unit of the frames).
 * @throws TypeError if `frames`, `masks` or the options have the wrong type.
 * @throws RangeError if there is no frame or no mask, frames differ in size or have several
 *   channels, a mask's length differs from the frame size or selects no pixel.
 * @throws Error named `'AbortError'` when `signal` is aborted.
 *
 * @example
 * ```ts
 * import { circleMask, createImage, roiTimeSeries } from '@intercalate/imaging';
 * // 3 frames of 4 × 4 pixels whose values rise with time
 * const stack = createImage(Float64Array.from({ length: 48 }, (_, i) => Math.floor(i / 16)), [3, 4, 4]);
 * const particle = circleMask({ width: 4, height: 4, centerX: 1.5, centerY: 1.5, radius: 1 });
 * roiTimeSeries(stack, [particle])[0]; // Float64Array [0, 1, 2]
 * ```
 */
export function roiTimeSeries(
  frames: Image | readonly Image[],
  masks: readonly (ArrayLike<number> | Image)[],
  options: ProgressOptions = {},
): Float64Array[] {
  const settings = readOptions<ProgressOptions>(options, '{ onProgress, signal }');
  let frameData: PixelArray[];
  let pixels: number;
  if (Array.isArray(frames)) {
    if (frames.length === 0)
      throw new RangeError('frames must hold at least one frame; received 0');
    const first = assertImage('frames[0]', frames[0], { dimensions: [2], channels: 1 });
    pixels = first.data.length;
    frameData = frames.map((frame, t) => {
      const checked = assertImage(`frames[${t}]`, frame, { dimensions: [2], channels: 1 });
      if (checked.shape[0] !== first.shape[0] || checked.shape[1] !== first.shape[1]) {
        throw new RangeError(
          `frames[${t}] must have the shape of frames[0] [${first.shape.join(', ')}]; received [${checked.shape.join(', ')}]`,
        );
      }
      return checked.data;
    });
  } else {
    const stack = assertImage('frames', frames, { dimensions: [3], channels: 1 });
    const [depth, height, width] = stack.shape as [number, number, number];
    pixels = height * width;
    frameData = [];
    for (let t = 0; t < depth; t++) {
      frameData.push(stack.data.subarray(t * pixels, (t + 1) * pixels) as PixelArray);
    }
  }
  if (!Array.isArray(masks)) {
    throw new TypeError(`masks must be an array of masks; received ${describeValue(masks)}`);
  }
  if (masks.length === 0) throw new RangeError('masks must hold at least one mask; received 0');
  const indices = masks.map((mask, m) => maskIndices(`masks[${m}]`, mask, pixels));
  const progress = readProgress(settings, frameData.length, 'roiTimeSeries');
  const traces = masks.map(() => new Float64Array(frameData.length));
  for (let t = 0; t < frameData.length; t++) {
    const data = frameData[t] as PixelArray;
    for (let m = 0; m < indices.length; m++) {
      const list = indices[m] as Int32Array;
      let sum = 0;
      for (let k = 0; k < list.length; k++) sum += data[list[k] as number] as number;
      (traces[m] as Float64Array)[t] = sum / list.length;
    }
    progress.step(t + 1);
  }
  return traces;
}
