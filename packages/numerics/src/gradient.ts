import { assertFiniteNumber, assertNumericArray, describeValue, outputBuffer } from './validate.js';

/** Options of {@link gradient}. */
export interface GradientOptions {
  /**
   * Buffer for the result (length: that of `y`), overwritten and returned. It may be `y` itself
   * (each value is read before its slot is overwritten).
   */
  out?: Float64Array;
}

/**
 * The derivative dy/dx of sampled data by finite differences, with the formulas and the
 * evaluation order of `numpy.gradient(y, x)` with the default `edge_order=1` (numpy 1.24), so the
 * results agree to the last bit.
 *
 * Interior points use second-order central differences. With uniform spacing h:
 * y′ᵢ = (yᵢ₊₁ − yᵢ₋₁) / (2h). With non-uniform coordinates, hₛ = xᵢ − xᵢ₋₁ and hₜ = xᵢ₊₁ − xᵢ
 * (the derivative at xᵢ of the parabola through the three points):
 *
 * y′ᵢ = −hₜ/(hₛ(hₛ + hₜ))·yᵢ₋₁ + (hₜ − hₛ)/(hₛhₜ)·yᵢ + hₛ/(hₜ(hₛ + hₜ))·yᵢ₊₁
 *
 * The two end points use first-order one-sided differences, y′₀ = (y₁ − y₀)/(x₁ − x₀) and
 * likewise at the end. Exact for linear data everywhere and, at interior points, for quadratics.
 * As in numpy, coordinates whose steps are all equal (bit for bit) use the uniform formula.
 *
 * @param y - The sampled values (any unit), at least 2, all finite.
 * @param x - The sample spacing h (a non-zero number, in the unit of the coordinate), or the
 * coordinates themselves (same length as `y`, finite, strictly increasing or strictly
 * decreasing). @defaultValue 1
 * @param options - See {@link GradientOptions}.
 * @returns dy/dx at each sample, in the unit of `y` per unit of `x`.
 * @throws TypeError if `y` or `x` is not a number array (or `x` not a number), or `out` is not a
 * Float64Array.
 * @throws RangeError if `y` has fewer than 2 values or holds NaN or ±Infinity; if the spacing is 0
 * or not finite; if the coordinates have the wrong length, are not finite or not strictly
 * monotonic; or if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { gradient } from '@intercalate/numerics';
 * gradient([1, 4, 9, 16, 25]); // Float64Array [3, 4, 6, 8, 9]
 * gradient([0, 1, 4], [0, 1, 2]); // Float64Array [1, 2, 3]
 * gradient([0, 1, 9], [0, 1, 3]); // Float64Array [1, 2, 4]: interior exact for y = x²
 * ```
 */
export function gradient(
  y: ArrayLike<number>,
  x: number | ArrayLike<number> = 1,
  options: GradientOptions = {},
): Float64Array {
  assertNumericArray('y', y, { minLength: 2 });
  const n = y.length;
  const out = outputBuffer(options.out, n, 'y');
  if (typeof x === 'number') {
    assertFiniteNumber('x', x);
    if (x === 0) {
      throw new RangeError('x must be a non-zero spacing or an array of coordinates; received 0');
    }
    uniform(y, x, out);
    return out;
  }
  if (typeof x !== 'object' || x === null) {
    throw new TypeError(
      `x must be a spacing (number) or an array of coordinates; received ${describeValue(x)}`,
    );
  }
  assertNumericArray('x', x, { length: n, lengthOf: 'y' });
  const step = (x[1] as number) - (x[0] as number);
  let isUniform = true;
  for (let i = 1; i < n; i++) {
    const d = (x[i] as number) - (x[i - 1] as number);
    if (!(d !== 0 && d > 0 === step > 0 && Number.isFinite(d))) {
      throw new RangeError(
        `x must be strictly monotonic with finite steps; received x[${i - 1}] = ${x[i - 1]}, x[${i}] = ${x[i]}`,
      );
    }
    if (d !== step) isUniform = false;
  }
  if (isUniform) uniform(y, step, out);
  else nonUniform(y, x, out);
  return out;
}

/** Uniform spacing h; reads each y before writing the slot, so `out` may be `y`. */
function uniform(y: ArrayLike<number>, h: number, out: Float64Array): void {
  const n = y.length;
  const twoH = 2 * h;
  let previous = y[0] as number;
  let current = y[1] as number;
  const first = (current - previous) / h;
  for (let i = 1; i < n - 1; i++) {
    const next = y[i + 1] as number;
    out[i] = (next - previous) / twoH;
    previous = current;
    current = next;
  }
  out[0] = first;
  out[n - 1] = (current - previous) / h;
}

/** numpy's non-uniform weights a, b, c, evaluated in numpy's order. */
function nonUniform(y: ArrayLike<number>, x: ArrayLike<number>, out: Float64Array): void {
  const n = y.length;
  let previous = y[0] as number;
  let current = y[1] as number;
  let xPrevious = x[0] as number;
  let xCurrent = x[1] as number;
  const first = (current - previous) / (xCurrent - xPrevious);
  for (let i = 1; i < n - 1; i++) {
    const next = y[i + 1] as number;
    const xNext = x[i + 1] as number;
    const h1 = xCurrent - xPrevious;
    const h2 = xNext - xCurrent;
    const a = -h2 / (h1 * (h1 + h2));
    const b = (h2 - h1) / (h1 * h2);
    const c = h1 / (h2 * (h1 + h2));
    out[i] = a * previous + b * current + c * next;
    previous = current;
    current = next;
    xPrevious = xCurrent;
    xCurrent = xNext;
  }
  out[0] = first;
  out[n - 1] = (current - previous) / (xCurrent - xPrevious);
}
