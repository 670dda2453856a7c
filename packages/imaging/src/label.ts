import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { assertImage, type Image } from './image.js';
import { labelRuns } from './label-runs.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';

/**
 * A labelled image: each pixel/voxel holds the number of the connected region it belongs to
 * (1, 2, … `count`), 0 for the background. The output of {@link label} and an input of
 * {@link regionProps}.
 *
 * `data` is an `Int32Array` (the {@link Image} type holds at most 16-bit integers, too few for the
 * regions of a large volume), in the C order of {@link Image}: element `(z * height + y) * width + x`.
 */
export interface LabelImage {
  /** Region numbers, 0 = background, 1 … `count` = regions; length = product(shape). */
  readonly data: Int32Array;
  /** `[height, width]` or `[depth, height, width]`, as in {@link Image}. */
  readonly shape: readonly number[];
  /** Number of regions; the labels are exactly 1 … `count`. */
  readonly count: number;
  /** Physical pixel/voxel size per axis, copied from the labelled mask; `undefined` means 1. */
  readonly spacing?: readonly number[] | undefined;
}

/** Options of {@link label}. */
export interface LabelOptions extends ProgressOptions {
  /**
   * The largest number of orthogonal hops between two pixels that still makes them neighbours
   * (scikit-image's convention): in 2D 1 → 4-connectivity, 2 → 8-connectivity; in 3D 1 → 6
   * (faces), 2 → 18 (faces and edges), 3 → 26 (faces, edges and corners).
   * @defaultValue the number of dimensions (full connectivity: 8 in 2D, 26 in 3D), as
   * `skimage.measure.label`; note that `scipy.ndimage.label` defaults to 1 instead
   */
  connectivity?: 1 | 2 | 3;
  /**
   * Destination for the labels (one element per pixel), overwritten entirely and returned as the
   * result's `data`; reusing one buffer saves the allocation (and the page faults of fresh
   * memory) when many masks of the same size are labelled.
   * @defaultValue a new `Int32Array`
   */
  out?: Int32Array;
}

/**
 * Labels the connected regions of a binary mask, as `skimage.measure.label` (0.19) does for a
 * boolean image: two foreground pixels belong to the same region when a chain of neighbours
 * (see {@link LabelOptions.connectivity}) joins them.
 *
 * - Foreground is every nonzero sample of `mask` (NaN counts as nonzero, as in numpy's conversion
 *   to bool); unlike `skimage.measure.label` on an integer image, different nonzero values are
 *   not separated: label a binary mask.
 * - Numbering follows scikit-image and scipy: regions are numbered 1, 2, … in the raster (C)
 *   order of their first pixel, so the results match label for label.
 * - Algorithm: run-based. One raster scan finds the runs of foreground pixels along each row
 *   and joins every run to the runs it touches in the already-scanned neighbour rows (a merge of
 *   sorted run lists: one union per touching pair of runs) in a union-find table over runs
 *   (links always to the smaller run, path halving); one pass then writes the final labels run
 *   by run, clearing a reused `out` block by block. The tables are typed arrays grown
 *   by doubling; there is no recursion and no allocation per pixel. Time is linear in the number
 *   of pixels, memory in the number of runs (at most one per two pixels of a row).
 *
 * @param mask - A single-channel 2D or 3D {@link Image}; nonzero = foreground.
 * @param options - Connectivity, `out` buffer, progress and cancellation; see {@link LabelOptions}.
 * @returns A {@link LabelImage} with `Int32Array` labels, the mask's shape and spacing, and the
 * number of regions.
 * @throws TypeError if `mask` is not an image, `out` is not an Int32Array, or an option has the
 * wrong type.
 * @throws RangeError if `mask` has more than one channel, `connectivity` is not an integer in
 * 1 … number of dimensions, `out` has the wrong length, or the image has 2³¹ or more pixels.
 * @throws Error named `AbortError` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createImage, label } from '@intercalate/imaging';
 * const mask = createImage(Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), [3, 3]);
 * label(mask).count; // 1: the diagonal is one region with the default 8-connectivity
 * label(mask, { connectivity: 1 }).data; // Int32Array [1, 0, 0, 0, 2, 0, 0, 0, 3]
 * ```
 */
export function label(mask: Image, options?: LabelOptions): LabelImage {
  const image = assertImage('mask', mask, { channels: 1 });
  const opts = readOptions<LabelOptions>(options, '{ connectivity?, out?, onProgress?, signal? }');
  const ndim = image.shape.length;
  const connectivity = assertFiniteNumber('connectivity', opts.connectivity ?? ndim, {
    min: 1,
    max: ndim,
    integer: true,
  });
  const depth = ndim === 3 ? (image.shape[0] as number) : 1;
  const height = image.shape[ndim - 2] as number;
  const width = image.shape[ndim - 1] as number;
  const n = depth * height * width;
  if (n >= 2 ** 31) {
    throw new RangeError(
      `mask must have fewer than 2³¹ pixels (labels are Int32); received ${n} pixels`,
    );
  }
  const progress = readProgress(opts, depth, 'label');
  const out = opts.out;
  if (out !== undefined && !(out instanceof Int32Array)) {
    throw new TypeError(`out must be an Int32Array; received ${describeValue(out)}`);
  }
  if (out !== undefined && out.length !== n) {
    throw new RangeError(
      `out must have one element per pixel of mask (${n}); received length ${out.length}`,
    );
  }
  // A reused buffer gets every element written (0 for the background); a new one is zeroed.
  const labels = out ?? new Int32Array(n);
  const count = labelRuns(
    image.data,
    depth,
    height,
    width,
    connectivity,
    labels,
    out !== undefined,
    (z) => progress.step(z),
  );
  return {
    data: labels,
    shape: [...image.shape],
    count,
    spacing: image.spacing === undefined ? undefined : [...image.spacing],
  };
}

/** Internal: checks a {@link LabelImage} (or an integer-valued single-channel {@link Image}). */
export function readLabels(
  name: string,
  labels: unknown,
): {
  data: ArrayLike<number>;
  shape: number[];
  count: number;
  spacing: readonly number[] | undefined;
} {
  if (
    typeof labels === 'object' &&
    labels !== null &&
    (labels as LabelImage).data instanceof Int32Array
  ) {
    const candidate = labels as LabelImage;
    const shape = candidate.shape;
    if (!Array.isArray(shape) || (shape.length !== 2 && shape.length !== 3)) {
      throw new RangeError(
        `${name}.shape must be [height, width] or [depth, height, width]; received ${describeValue(shape)}`,
      );
    }
    let n = 1;
    shape.forEach((size: unknown, axis: number) => {
      n *= assertFiniteNumber(`${name}.shape[${axis}]`, size, { min: 1, integer: true });
    });
    if (candidate.data.length !== n) {
      throw new RangeError(
        `${name}.data must hold product(shape) = ${n} labels; received ${describeValue(candidate.data)}`,
      );
    }
    // The regions are not scanned here (a full pass over a large volume): the consumers check
    // every label against `count` as they meet it, with {@link labelOutOfRange}.
    const count = assertFiniteNumber(`${name}.count`, candidate.count, {
      min: 0,
      max: 2 ** 31 - 1,
      integer: true,
    });
    const data = candidate.data;
    const spacing = candidate.spacing;
    if (spacing !== undefined) {
      if (!Array.isArray(spacing) || spacing.length !== shape.length) {
        throw new RangeError(
          `${name}.spacing must be an array with one entry per axis (${shape.length}); received ${describeValue(spacing)}`,
        );
      }
      spacing.forEach((value: unknown, axis: number) => {
        assertFiniteNumber(`${name}.spacing[${axis}]`, value, { min: 0, exclusiveMin: true });
      });
    }
    return { data, shape: [...shape], count, spacing };
  }
  const image = assertImage(name, labels, { channels: 1 });
  const data = image.data;
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(Number.isInteger(v) && v >= 0 && v < 2 ** 31)) {
      throw new RangeError(
        `${name}.data[${i}] must be an integer label in 0 … 2³¹ − 1; received ${v}`,
      );
    }
    if (v > max) max = v;
  }
  return { data, shape: [...image.shape], count: max, spacing: image.spacing };
}

/** Internal: the error for a label outside 0 … count met at element `index`. */
export function labelOutOfRange(
  name: string,
  index: number,
  value: number,
  count: number,
): RangeError {
  return new RangeError(
    `${name}.data[${index}] must be a label in 0 … ${name}.count (${count}); received ${value}`,
  );
}
