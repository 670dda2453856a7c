import {
  type Interpolant,
  type InterpolantOptions,
  piecewisePolynomial,
  readExtrapolate,
  readKnots,
} from './interpolant.js';

/**
 * scipy's one-sided, shape-preserving three-point estimate of the slope at an end knot, from the
 * end interval (width h₀, secant m₀) and its neighbour (h₁, m₁):
 * d = ((2h₀ + h₁)·m₀ − h₀·m₁) / (h₀ + h₁), then d = 0 if sign(d) ≠ sign(m₀), else d = 3m₀ if
 * sign(m₀) ≠ sign(m₁) and |d| > 3|m₀|.
 */
function endSlope(h0: number, h1: number, m0: number, m1: number): number {
  const d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
  if (Math.sign(d) !== Math.sign(m0)) return 0;
  if (Math.sign(m0) !== Math.sign(m1) && Math.abs(d) > 3 * Math.abs(m0)) return 3 * m0;
  return d;
}

/**
 * Monotone piecewise-cubic Hermite interpolant (PCHIP) through the points (xᵢ, yᵢ), identical to
 * `scipy.interpolate.PchipInterpolator(x, y)` (scipy 1.10) inside the domain.
 *
 * On [xᵢ, xᵢ₊₁] the interpolant is the cubic with values yᵢ, yᵢ₊₁ and slopes dᵢ, dᵢ₊₁ at the ends.
 * With hₖ = xₖ₊₁ − xₖ and secants mₖ = (yₖ₊₁ − yₖ) / hₖ the slopes are (Fritsch & Butland 1984, as
 * in scipy and MATLAB's `pchip`):
 * - interior knots: dₖ = 0 if mₖ₋₁ and mₖ differ in sign or either is 0; otherwise the weighted
 *   harmonic mean (w₁ + w₂)/dₖ = w₁/mₖ₋₁ + w₂/mₖ with w₁ = 2hₖ + hₖ₋₁, w₂ = hₖ + 2hₖ₋₁;
 * - end knots: the one-sided three-point formula d₀ = ((2h₀ + h₁)m₀ − h₀m₁)/(h₀ + h₁), set to 0 if
 *   its sign differs from m₀'s, and to 3m₀ if m₀ and m₁ differ in sign and |d₀| > 3|m₀|
 *   (likewise at the last knot with the last two intervals);
 * - with exactly 2 points, d₀ = d₁ = m₀: the straight line.
 *
 * Because |dₖ| ≤ 3·min(|mₖ₋₁|, |mₖ|), the interpolant is monotone wherever the data are
 * (Fritsch & Carlson 1980): it never overshoots, and is flat where two neighbouring values are equal.
 * It is C¹ (continuous slope), not C².
 *
 * Each cubic is stored in scipy's `PPoly` form (powers of x − xᵢ) and summed in the same order, so
 * values and derivatives agree with scipy to a few ulp. Two documented differences: at the last knot
 * the value yₙ₋₁ and slope dₙ₋₁ are returned exactly, and outside the domain the result is `NaN`
 * unless `{ extrapolate: true }` (scipy extrapolates by default), which continues the first and last
 * cubics.
 *
 * References: F. N. Fritsch, R. E. Carlson, "Monotone piecewise cubic interpolation", SIAM J. Numer.
 * Anal. 17 (1980) 238–246; F. N. Fritsch, J. Butland, "A method for constructing local monotone
 * piecewise cubic interpolants", SIAM J. Sci. Stat. Comput. 5 (1984) 300–304; C. Moler, Numerical
 * Computing with MATLAB (2004), §3.4 (end slopes).
 *
 * @param x - Knots, finite and strictly increasing, at least 2 (any unit).
 * @param y - Values at the knots, finite, same length as `x` (any unit).
 * @param options - See {@link InterpolantOptions}.
 * @returns The interpolant (see {@link Interpolant}); `.derivative` gives dy/dx (unit of y per unit
 *   of x). x and y are copied, so later changes to them do not affect it.
 * @throws TypeError if `x` or `y` is not an array or typed array of numbers, or `extrapolate` is
 *   not a boolean.
 * @throws RangeError if `x` has fewer than 2 elements, the lengths differ, an element is NaN or
 *   ±Infinity, x is not strictly increasing (the message names the index), or the cubic
 *   coefficients overflow.
 *
 * @example
 * ```ts
 * import { pchip } from '@intercalate/numerics';
 * // Open-circuit voltage (V) against state of charge: monotone data give a monotone curve.
 * const ocv = pchip([0, 0.1, 0.5, 0.9, 1], [3.0, 3.45, 3.7, 4.05, 4.2]);
 * ocv(0.3); // 3.60319683908046 V (scipy: 3.60319683908046)
 * ocv.derivative(0.3); // 0.43193247126436807 V per unit of SOC
 * ocv.evaluate(Float64Array.of(0, 0.25, 0.5)); // Float64Array [3, 3.5792345770474143, 3.7]
 * ocv(1.2); // NaN; pchip(x, y, { extrapolate: true }) continues the last cubic
 * ```
 */
export function pchip(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: InterpolantOptions,
): Interpolant {
  const knots = readKnots(x, y);
  const extrapolate = readExtrapolate(options);
  const xs = knots.x;
  const ys = knots.y;
  const n = xs.length;
  const pieces = n - 1;

  // Widths and secants (reused below for the cubic coefficients).
  const widths = new Float64Array(pieces);
  const secants = new Float64Array(pieces);
  for (let i = 0; i < pieces; i++) {
    const h = (xs[i + 1] as number) - (xs[i] as number);
    widths[i] = h;
    secants[i] = ((ys[i + 1] as number) - (ys[i] as number)) / h;
  }

  const slopes = new Float64Array(n);
  if (n === 2) {
    slopes[0] = secants[0] as number;
    slopes[1] = secants[0] as number;
  } else {
    for (let k = 1; k < n - 1; k++) {
      const before = secants[k - 1] as number;
      const after = secants[k] as number;
      if (before === 0 || after === 0 || Math.sign(before) !== Math.sign(after)) continue; // 0
      const hBefore = widths[k - 1] as number;
      const hAfter = widths[k] as number;
      const w1 = 2 * hAfter + hBefore;
      const w2 = hAfter + 2 * hBefore;
      slopes[k] = 1 / ((w1 / before + w2 / after) / (w1 + w2));
    }
    slopes[0] = endSlope(
      widths[0] as number,
      widths[1] as number,
      secants[0] as number,
      secants[1] as number,
    );
    slopes[n - 1] = endSlope(
      widths[pieces - 1] as number,
      widths[pieces - 2] as number,
      secants[pieces - 1] as number,
      secants[pieces - 2] as number,
    );
  }

  // Cubic Hermite pieces in powers of s = x − xᵢ, computed as scipy's CubicHermiteSpline does:
  // t = (dᵢ + dᵢ₊₁ − 2mᵢ)/hᵢ, c₃ = t/hᵢ, c₂ = (mᵢ − dᵢ)/hᵢ − t, c₁ = dᵢ, c₀ = yᵢ.
  const coefficients = new Float64Array(4 * pieces);
  for (let i = 0; i < pieces; i++) {
    const h = widths[i] as number;
    const m = secants[i] as number;
    const d0 = slopes[i] as number;
    const d1 = slopes[i + 1] as number;
    const t = (d0 + d1 - 2 * m) / h;
    const c2 = (m - d0) / h - t;
    const c3 = t / h;
    if (!(Number.isFinite(m) && Number.isFinite(c2) && Number.isFinite(c3))) {
      throw new RangeError(
        `the cubic on [x[${i}], x[${i + 1}]] overflows (secant ${m}); rescale x or y`,
      );
    }
    coefficients[4 * i] = ys[i] as number;
    coefficients[4 * i + 1] = d0;
    coefficients[4 * i + 2] = c2;
    coefficients[4 * i + 3] = c3;
  }
  return piecewisePolynomial(xs, coefficients, 4, extrapolate, [
    ys[n - 1] as number,
    slopes[n - 1] as number,
  ]);
}
