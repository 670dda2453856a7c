import {
  type Interpolant,
  type InterpolantOptions,
  piecewisePolynomial,
  readExtrapolate,
  readKnots,
} from './interpolant.js';

/**
 * Piecewise-linear interpolant through the points (xᵢ, yᵢ).
 *
 * On [xᵢ, xᵢ₊₁] the value is f(x) = yᵢ + mᵢ·(x − xᵢ) with the secant slope
 * mᵢ = (yᵢ₊₁ − yᵢ) / (xᵢ₊₁ − xᵢ), computed in that order so that inside the domain the values are
 * bit-for-bit those of `numpy.interp(x, xp, fp)` (which also returns yᵢ exactly at every knot).
 *
 * The derivative is the piecewise-constant slope mᵢ. At an interior knot, where the slope jumps, it
 * is the slope of the segment on the right; at the last knot, the slope of the last segment (see
 * {@link Interpolant}). Its own derivative is zero.
 *
 * Outside [x₀, xₙ₋₁] the value is `NaN` by default. `{ extrapolate: true }` continues the first and
 * last segments as straight lines (like `scipy.interpolate.interp1d(..., fill_value='extrapolate')`);
 * note that `numpy.interp` does neither but clamps to y₀ and yₙ₋₁.
 *
 * @param x - Knots, finite and strictly increasing, at least 2 (any unit).
 * @param y - Values at the knots, finite, same length as `x` (any unit).
 * @param options - See {@link InterpolantOptions}.
 * @returns The interpolant; x and y are copied, so later changes to them do not affect it.
 * @throws TypeError if `x` or `y` is not an array or typed array of numbers, or `extrapolate` is
 *   not a boolean.
 * @throws RangeError if `x` has fewer than 2 elements, the lengths differ, an element is NaN or
 *   ±Infinity, x is not strictly increasing (the message names the index), or a slope overflows.
 *
 * @example
 * ```ts
 * import { linearInterpolant } from '@intercalate/numerics';
 * const f = linearInterpolant([0, 1, 3], [0, 2, 3]);
 * f(0.5); // 1
 * f(2); // 2.5
 * f.derivative(1); // 0.5 (right-hand segment at a knot)
 * f.derivative(3); // 0.5 (left-hand segment at the last knot)
 * f(4); // NaN
 * linearInterpolant([0, 1, 3], [0, 2, 3], { extrapolate: true })(4); // 3.5
 * ```
 */
export function linearInterpolant(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: InterpolantOptions,
): Interpolant {
  const knots = readKnots(x, y);
  const extrapolate = readExtrapolate(options);
  const xs = knots.x;
  const ys = knots.y;
  const pieces = xs.length - 1;
  const coefficients = new Float64Array(2 * pieces);
  for (let i = 0; i < pieces; i++) {
    const slope =
      ((ys[i + 1] as number) - (ys[i] as number)) / ((xs[i + 1] as number) - (xs[i] as number));
    if (!Number.isFinite(slope)) {
      throw new RangeError(
        `the slope between x[${i}] and x[${i + 1}] overflows (${slope}); rescale x or y`,
      );
    }
    coefficients[2 * i] = ys[i] as number;
    coefficients[2 * i + 1] = slope;
  }
  return piecewisePolynomial(xs, coefficients, 2, extrapolate, [ys[pieces] as number]);
}
