import { assertNumericArray, describeValue } from '@intercalate/numerics';
import { assertImage, createImage, type Image } from './image.js';

/** Internal: a validated energy stack. */
export interface Stack {
  data: ArrayLike<number>;
  energies: Float64Array;
  nEnergies: number;
  height: number;
  width: number;
  spacing: readonly number[] | undefined;
}

/** Internal: checks a `[nEnergies, height, width]` stack and its strictly increasing energies. */
export function readStack(stack: unknown, energies: unknown, minEnergies: number): Stack {
  const image = assertImage('stack', stack, { dimensions: [3], channels: 1 });
  const [nEnergies, height, width] = image.shape as [number, number, number];
  assertNumericArray('energies', energies, {
    length: nEnergies,
    lengthOf: 'the first axis of stack',
  });
  const e = Float64Array.from(energies as ArrayLike<number>);
  if (nEnergies < minEnergies) {
    throw new RangeError(
      `stack must hold at least ${minEnergies} energies (first axis); received ${nEnergies}`,
    );
  }
  for (let i = 1; i < e.length; i++) {
    if (!((e[i] as number) > (e[i - 1] as number))) {
      throw new RangeError(
        `energies must be strictly increasing (eV); received energies[${i}] = ${e[i]} after ${e[i - 1]}`,
      );
    }
  }
  return {
    data: image.data,
    energies: e,
    nEnergies,
    height,
    width,
    spacing: image.spacing === undefined ? undefined : image.spacing.slice(1),
  };
}

/**
 * Internal: reads an optional 2D mask (an {@link Image} or a plain array of `height × width`
 * samples, e.g. from `circleMask`); nonzero = inside. Returns undefined for no mask.
 */
export function readMask(
  name: string,
  mask: unknown,
  shape: readonly number[],
): ArrayLike<number> | undefined {
  if (mask === undefined) return undefined;
  const count = shape.reduce((a, b) => a * b, 1);
  if (ArrayBuffer.isView(mask) || Array.isArray(mask)) {
    assertNumericArray(name, mask, {
      length: count,
      lengthOf: `the pixels of the image (${shape.join(' × ')})`,
      finite: false,
    });
    return mask as ArrayLike<number>;
  }
  if (typeof mask !== 'object' || mask === null) {
    throw new TypeError(
      `${name} must be an image or an array of ${count} samples (nonzero = inside); received ${describeValue(mask)}`,
    );
  }
  const image = assertImage(name, mask, { channels: 1 });
  if (image.shape.length !== shape.length || image.shape.some((s, axis) => s !== shape[axis])) {
    throw new RangeError(
      `${name} must have shape [${shape.join(', ')}]; received [${image.shape.join(', ')}]`,
    );
  }
  return image.data;
}

/** Internal: the Float64 result image of a per-pixel map, reusing `out` when given. */
export function mapImage(
  out: unknown,
  height: number,
  width: number,
  spacing: readonly number[] | undefined,
): Image<Float64Array> {
  if (out !== undefined && !(out instanceof Float64Array)) {
    throw new TypeError(`out must be a Float64Array; received ${describeValue(out)}`);
  }
  if (out !== undefined && out.length !== height * width) {
    throw new RangeError(
      `out must have one element per pixel (${height * width}); received length ${out.length}`,
    );
  }
  const data = out ?? new Float64Array(height * width);
  return createImage(data, [height, width], spacing === undefined ? {} : { spacing });
}

/**
 * @internal Copies the spectra of pixels first … first + count − 1 out of an energy stack stored
 * energy-major (`data[i·pixels + pixel]`) into `spectra`, pixel-major (`spectra[p·nEnergies + i]`),
 * so each pixel's spectrum is contiguous for the per-pixel fits. Reading one energy plane at a
 * time keeps the reads sequential.
 */
export function gatherSpectra(
  data: ArrayLike<number>,
  pixels: number,
  nEnergies: number,
  first: number,
  count: number,
  spectra: Float64Array,
): void {
  for (let i = 0; i < nEnergies; i++) {
    const base = i * pixels + first;
    for (let p = 0; p < count; p++) spectra[p * nEnergies + i] = data[base + p] as number;
  }
}
