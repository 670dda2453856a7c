import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/** Typed arrays an {@link Image} can hold: 8- and 16-bit unsigned integers, 32- and 64-bit floats. */
export type PixelArray = Uint8Array | Uint16Array | Float32Array | Float64Array;

/**
 * A 2D or 3D image (or a stack: a time series or an energy series is a 3D image whose first axis is
 * time or energy), single- or multi-channel, on a typed array.
 *
 * Layout (numpy's C order, the order scikit-image and tifffile use): `shape` is `[height, width]`
 * (rows, columns) in 2D and `[depth, height, width]` in 3D; channels are interleaved last, so the
 * sample of channel `ch` at (z, y, x) is `data[((z * height + y) * width + x) * channels + ch]`.
 * `spacing` is the physical size of a pixel/voxel along each axis of `shape`, in the same order (in
 * whatever unit the user works in, e.g. nm or µm); absent means 1 per axis.
 *
 * @example
 * ```ts
 * import { createImage, type Image } from '@intercalate/imaging';
 * // a 2 × 3 RGB frame: the green sample of row 1, column 2 is data[(1 * 3 + 2) * 3 + 1]
 * const frame: Image<Uint8Array> = createImage(new Uint8Array(18), [2, 3], { channels: 3 });
 * // a TXM volume of 64 slices of 128 × 128 voxels of 30 nm
 * const volume = createImage(new Float32Array(64 * 128 * 128), [64, 128, 128], { spacing: [30, 30, 30] });
 * ```
 */
export interface Image<T extends PixelArray = PixelArray> {
  /** Samples, row-major with channels last; length = product(shape) × channels. */
  readonly data: T;
  /** `[height, width]` or `[depth, height, width]`, positive integers. */
  readonly shape: readonly number[];
  /** Samples per pixel (1 for grey, 3 for RGB, 4 for RGBA), an integer ≥ 1. */
  readonly channels: number;
  /** Physical pixel/voxel size along each axis of `shape`; `undefined` means 1 per axis. */
  readonly spacing?: readonly number[] | undefined;
}

/** Options of {@link createImage}. */
export interface CreateImageOptions {
  /** Samples per pixel. @defaultValue 1 */
  channels?: number;
  /** Physical pixel/voxel size per axis of `shape`, each finite and > 0. @defaultValue undefined (1 per axis) */
  spacing?: readonly number[];
}

const PIXEL_ARRAY_NAMES = 'Uint8Array, Uint16Array, Float32Array or Float64Array';

/**
 * True when `value` is one of the typed arrays an {@link Image} can hold (Uint8Array — including a
 * Node Buffer —, Uint16Array, Float32Array, Float64Array).
 *
 * @param value - Any value.
 * @returns Whether `value` can be an image's `data`.
 *
 * @example
 * ```ts
 * import { isPixelArray } from '@intercalate/imaging';
 * isPixelArray(new Uint16Array(4)); // true
 * isPixelArray(new Int16Array(4)); // false: convert signed data to Float32Array or Float64Array
 * isPixelArray([1, 2, 3]); // false
 * ```
 */
export function isPixelArray(value: unknown): value is PixelArray {
  return (
    value instanceof Uint8Array ||
    value instanceof Uint16Array ||
    value instanceof Float32Array ||
    value instanceof Float64Array
  );
}

/**
 * Builds a validated {@link Image} around existing data (no copy).
 *
 * @param data - Samples in C order with channels last (see {@link Image}).
 * @param shape - `[height, width]` or `[depth, height, width]`, positive integers.
 * @param options - Channels and spacing, see {@link CreateImageOptions}.
 * @returns The image, sharing `data`.
 * @throws TypeError if `data` is not a Uint8Array, Uint16Array, Float32Array or Float64Array, or
 * `shape`/`spacing` is not an array.
 * @throws RangeError if `shape` has other than 2 or 3 axes, an axis is not a positive integer,
 * `channels` is not an integer ≥ 1, `spacing` has the wrong length or a non-positive entry, or
 * `data.length` is not product(shape) × channels.
 *
 * @example
 * ```ts
 * import { createImage } from '@intercalate/imaging';
 * const rgb = createImage(new Uint8Array(2 * 3 * 3), [2, 3], { channels: 3 });
 * rgb.shape; // [2, 3]: 2 rows, 3 columns, 3 samples per pixel
 * ```
 */
export function createImage<T extends PixelArray>(
  data: T,
  shape: readonly number[],
  options: CreateImageOptions = {},
): Image<T> {
  if (!isPixelArray(data)) {
    throw new TypeError(`data must be a ${PIXEL_ARRAY_NAMES}; received ${describeValue(data)}`);
  }
  const checkedShape = assertShape('shape', shape);
  const channels = assertFiniteNumber('channels', options.channels ?? 1, { min: 1, integer: true });
  let count = channels;
  for (const size of checkedShape) count *= size;
  if (data.length !== count) {
    throw new RangeError(
      `data must hold product(shape) × channels = ${count} samples for shape [${checkedShape.join(', ')}] and ${channels} channel(s); received ${describeValue(data)}`,
    );
  }
  let spacing: number[] | undefined;
  if (options.spacing !== undefined) {
    if (!Array.isArray(options.spacing)) {
      throw new TypeError(
        `spacing must be an array of numbers; received ${describeValue(options.spacing)}`,
      );
    }
    if (options.spacing.length !== checkedShape.length) {
      throw new RangeError(
        `spacing must have one entry per axis of shape (${checkedShape.length}); received ${options.spacing.length} entries`,
      );
    }
    spacing = options.spacing.map((value, axis) =>
      assertFiniteNumber(`spacing[${axis}]`, value, { min: 0, exclusiveMin: true }),
    );
  }
  return { data, shape: checkedShape, channels, spacing };
}

/**
 * Checks that `image` is a well-formed {@link Image} (the checks of {@link createImage}) and
 * returns it. Every function of the package that takes an image calls this first.
 *
 * @param name - The argument's name, for the message.
 * @param image - The value to check.
 * @param requirements - Optional restrictions: accepted dimensionalities and channel count.
 * @returns `image`, typed.
 * @throws TypeError if `image` is not an object with typed-array `data` and array `shape`.
 * @throws RangeError if the image is inconsistent or violates `requirements`.
 *
 * @example
 * ```ts
 * import { assertImage, createImage } from '@intercalate/imaging';
 * assertImage('image', createImage(new Uint8Array(4), [2, 2]), { dimensions: [2], channels: 1 });
 * ```
 */
export function assertImage(
  name: string,
  image: unknown,
  requirements: { dimensions?: readonly (2 | 3)[]; channels?: number } = {},
): Image {
  if (typeof image !== 'object' || image === null) {
    throw new TypeError(
      `${name} must be an image { data, shape, channels }; received ${describeValue(image)}`,
    );
  }
  const candidate = image as Partial<Image>;
  let checked: Image;
  try {
    checked = createImage(candidate.data as PixelArray, candidate.shape as readonly number[], {
      channels: candidate.channels ?? 1,
      ...(candidate.spacing === undefined ? {} : { spacing: candidate.spacing }),
    });
  } catch (error) {
    const ErrorType = error instanceof TypeError ? TypeError : RangeError;
    throw new ErrorType(`${name}: ${(error as Error).message}`);
  }
  const { dimensions, channels } = requirements;
  if (dimensions !== undefined && !dimensions.includes(checked.shape.length as 2 | 3)) {
    throw new RangeError(
      `${name} must be ${dimensions.map((d) => `${d}D`).join(' or ')}; received a ${checked.shape.length}D image of shape [${checked.shape.join(', ')}]`,
    );
  }
  if (channels !== undefined && checked.channels !== channels) {
    throw new RangeError(`${name} must have ${channels} channel(s); received ${checked.channels}`);
  }
  return checked;
}

function assertShape(name: string, shape: unknown): number[] {
  if (!Array.isArray(shape)) {
    throw new TypeError(
      `${name} must be an array [height, width] or [depth, height, width]; received ${describeValue(shape)}`,
    );
  }
  if (shape.length !== 2 && shape.length !== 3) {
    throw new RangeError(
      `${name} must have 2 axes [height, width] or 3 axes [depth, height, width]; received ${shape.length} axes`,
    );
  }
  return shape.map((size, axis) =>
    assertFiniteNumber(`${name}[${axis}]`, size, { min: 1, integer: true }),
  );
}
