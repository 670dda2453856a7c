import { assertFiniteNumber, describeValue } from './validate.js';

/** An in-place transform returned by {@link createFft}. */
export type InPlaceFft = (re: Float64Array, im: Float64Array) => void;

/**
 * Prepares an in-place, iterative radix-2 fast Fourier transform of a fixed power-of-two size:
 * X_k = Σⱼ xⱼ·e^(−2πi·jk/N), unnormalised, the sign and scaling of `numpy.fft.fft`. The bit-reversal
 * permutation and the twiddle factors are computed once here, so a transform inside a loop
 * allocates nothing.
 *
 * @param size - N, a power of two ≥ 1 (at most 2²⁶).
 * @returns `fft(re, im)`, which overwrites the real and imaginary parts (Float64Arrays of length N)
 *   with their transform. It throws a RangeError if either array has the wrong length.
 * @throws RangeError if `size` is not a power of two in [1, 2²⁶].
 *
 * @example
 * ```ts
 * import { createFft } from '@intercalate/numerics';
 * const fft = createFft(4);
 * const re = Float64Array.of(1, 0, 0, 0);
 * const im = new Float64Array(4);
 * fft(re, im); // a unit impulse transforms to all ones: re = [1, 1, 1, 1], im = [0, 0, 0, 0]
 * ```
 */
export function createFft(size: number): InPlaceFft {
  assertFiniteNumber('size', size, { min: 1, max: 2 ** 26, integer: true });
  if ((size & (size - 1)) !== 0) {
    throw new RangeError(`size must be a power of two; received ${size}`);
  }
  const bits = Math.round(Math.log2(size));
  const reverse = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b);
    reverse[i] = r;
  }
  const cosTable = new Float64Array(Math.max(1, size / 2));
  const sinTable = new Float64Array(Math.max(1, size / 2));
  for (let i = 0; i < size / 2; i++) {
    cosTable[i] = Math.cos((2 * Math.PI * i) / size);
    sinTable[i] = -Math.sin((2 * Math.PI * i) / size);
  }
  return (re, im) => {
    if (!(re instanceof Float64Array) || re.length !== size) {
      throw new RangeError(
        `re must be a Float64Array of length ${size}; received ${describeValue(re)}`,
      );
    }
    if (!(im instanceof Float64Array) || im.length !== size) {
      throw new RangeError(
        `im must be a Float64Array of length ${size}; received ${describeValue(im)}`,
      );
    }
    for (let i = 0; i < size; i++) {
      const j = reverse[i] as number;
      if (j > i) {
        const tr = re[i] as number;
        re[i] = re[j] as number;
        re[j] = tr;
        const ti = im[i] as number;
        im[i] = im[j] as number;
        im[j] = ti;
      }
    }
    for (let half = 1; half < size; half *= 2) {
      const stride = size / (2 * half);
      for (let start = 0; start < size; start += 2 * half) {
        for (let k = 0; k < half; k++) {
          const wr = cosTable[k * stride] as number;
          const wi = sinTable[k * stride] as number;
          const a = start + k;
          const b = a + half;
          const br = re[b] as number;
          const bi = im[b] as number;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          re[b] = (re[a] as number) - xr;
          im[b] = (im[a] as number) - xi;
          re[a] = (re[a] as number) + xr;
          im[a] = (im[a] as number) + xi;
        }
      }
    }
  };
}
