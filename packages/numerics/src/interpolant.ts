import { assertNumericArray, describeValue, outputBuffer } from './validate.js';

/**
 * A one-dimensional interpolant built from knots x₀ < x₁ < … < xₙ₋₁: callable on one abscissa,
 * with its derivative, its domain and an array evaluator. Returned by {@link pchip} and
 * {@link linearInterpolant}.
 *
 * Conventions (shared by every interpolant of this package, and matching scipy's `PPoly`):
 * - The pieces are the half-open intervals [xᵢ, xᵢ₊₁); the last one is closed, [xₙ₋₂, xₙ₋₁].
 *   At an interior knot the value and the derivative are therefore taken from the piece on the
 *   right, at the last knot from the piece on the left. (The value is continuous, so this only
 *   matters for derivatives that jump, e.g. the slope of a linear interpolant.)
 * - Outside the domain the interpolant returns `NaN`, unless it was built with
 *   `{ extrapolate: true }`, in which case the first and last pieces are continued.
 * - A `NaN` abscissa gives `NaN`.
 *
 * The interval holding an abscissa is found by binary search, O(log n); {@link Interpolant.evaluate}
 * first tries the interval of the previous element and the next one, so sorted queries cost O(1)
 * each. Neither allocates memory (except the result array of `evaluate` when no `out` is given).
 *
 * @example
 * ```ts
 * import { pchip } from '@intercalate/numerics';
 * const f = pchip([0, 1, 2, 3], [0, 1, 1, 2]);
 * f(1.5); // 1 (flat between the equal values: no overshoot)
 * f.derivative(0); // 1.5 (scipy's one-sided end slope)
 * f.domain; // [0, 3]
 * f.evaluate([0.5, 2.5]); // Float64Array(2)
 * f(4); // NaN (outside the domain; pass { extrapolate: true } to continue the end cubic)
 * ```
 */
export interface Interpolant {
  /**
   * The interpolated value at `x` (in the unit of y).
   *
   * @param x - Abscissa, in the unit of the knots.
   * @returns The value, or `NaN` when `x` is `NaN` or outside {@link Interpolant.domain} without
   *   extrapolation.
   */
  (x: number): number;
  /** The closed interval [x₀, xₙ₋₁] spanned by the knots (unit of x). */
  readonly domain: readonly [number, number];
  /**
   * The derivative d/dx, itself an {@link Interpolant} with the same domain, knots and
   * extrapolation (unit of y per unit of x). Built on first access and then cached.
   */
  readonly derivative: Interpolant;
  /**
   * Evaluates the interpolant at every element of `x`.
   *
   * @param x - Abscissae, in any order (sorted input is fastest). `NaN` elements give `NaN`.
   * @param out - Optional destination of the same length as `x`; may be `x` itself when `x` is a
   *   Float64Array.
   * @returns `out`, or a new Float64Array, holding the values.
   * @throws TypeError if `x` is not an array or typed array of numbers, or `out` is not a
   *   Float64Array.
   * @throws RangeError if `out` does not have the length of `x`.
   */
  evaluate(x: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** Options of {@link pchip} and {@link linearInterpolant}. */
export interface InterpolantOptions {
  /**
   * Outside [x₀, xₙ₋₁], continue the first and last pieces (`true`) or return `NaN` (`false`).
   * scipy's interpolators extrapolate by default; `numpy.interp` clamps to the end values instead.
   * @defaultValue false
   */
  extrapolate?: boolean;
}

/**
 * Reads the `extrapolate` option.
 * @internal
 */
export function readExtrapolate(options: InterpolantOptions | undefined): boolean {
  if (options === undefined) return false;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const { extrapolate = false } = options;
  if (typeof extrapolate !== 'boolean') {
    throw new TypeError(`extrapolate must be a boolean; received ${describeValue(extrapolate)}`);
  }
  return extrapolate;
}

/**
 * Validates knots `x` (finite, strictly increasing, at least 2) and values `y` (finite, same
 * length) and returns copies as Float64Arrays.
 * @internal
 */
export function readKnots(x: unknown, y: unknown): { x: Float64Array; y: Float64Array } {
  const xs = assertNumericArray('x', x, { minLength: 2 });
  const ys = assertNumericArray('y', y, { length: xs.length, lengthOf: 'x' });
  const knots = Float64Array.from(xs);
  for (let i = 1; i < knots.length; i++) {
    const previous = knots[i - 1] as number;
    const current = knots[i] as number;
    if (!(current > previous)) {
      throw new RangeError(
        `x must be strictly increasing; received x[${i}] = ${current} after x[${i - 1}] = ${previous}`,
      );
    }
    if (!Number.isFinite(current - previous)) {
      throw new RangeError(
        `x[${i}] − x[${i - 1}] must be a finite number; received ${current} − ${previous} (overflow)`,
      );
    }
  }
  return { x: knots, y: Float64Array.from(ys) };
}

/**
 * Index i of the piece [xᵢ, xᵢ₊₁) holding `value`, for x₀ ≤ value ≤ xₙ₋₁ (value = xₙ₋₁ gives
 * n − 2). Tries `hint` and `hint + 1` first, then bisects: O(1) for sorted queries, O(log n) always.
 * @internal
 */
export function findInterval(breaks: Float64Array, value: number, hint: number): number {
  const last = breaks.length - 2;
  if (hint >= 0 && hint <= last && value >= (breaks[hint] as number)) {
    if (value < (breaks[hint + 1] as number)) return hint;
    if (hint < last && value < (breaks[hint + 2] as number)) return hint + 1;
  }
  if (value >= (breaks[last] as number)) return last;
  let low = 0;
  let high = last;
  // Invariant: breaks[low] ≤ value < breaks[high].
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (value < (breaks[middle] as number)) high = middle;
    else low = middle;
  }
  return low;
}

/**
 * Σⱼ c[i·order + j]·sʲ, j = 0 … order − 1, accumulated in ascending powers with sʲ formed by
 * repeated multiplication, exactly as scipy's `PPoly` evaluates (so results agree to the last bit
 * where the coefficients do).
 */
function evaluatePiece(c: Float64Array, order: number, i: number, s: number): number {
  const b = i * order;
  switch (order) {
    case 4: {
      const s2 = s * s;
      return (
        (c[b] as number) +
        (c[b + 1] as number) * s +
        (c[b + 2] as number) * s2 +
        (c[b + 3] as number) * (s2 * s)
      );
    }
    case 3:
      return (c[b] as number) + (c[b + 1] as number) * s + (c[b + 2] as number) * (s * s);
    case 2:
      return (c[b] as number) + (c[b + 1] as number) * s;
    default: {
      let result = c[b] as number;
      let power = 1;
      for (let j = 1; j < order; j++) {
        power *= s;
        result += (c[b + j] as number) * power;
      }
      return result;
    }
  }
}

/**
 * Builds an {@link Interpolant} from a piecewise polynomial: on [xᵢ, xᵢ₊₁) the value is
 * Σⱼ c[i·order + j]·(x − xᵢ)ʲ, j = 0 … order − 1, summed in ascending powers as scipy's `PPoly`
 * does. `endValues[0]`, if given, is returned exactly at x = xₙ₋₁ (instead of the last
 * polynomial's rounded value there); `endValues[1]` is passed on to the derivative, and so on.
 * The arrays are used as given (not copied).
 * @internal
 */
export function piecewisePolynomial(
  breaks: Float64Array,
  coefficients: Float64Array,
  order: number,
  extrapolate: boolean,
  endValues: readonly number[] = [],
): Interpolant {
  const first = breaks[0] as number;
  const end = breaks[breaks.length - 1] as number;
  const lastPiece = breaks.length - 2;
  const endValue = endValues[0];
  let hint = 0;

  /** The piece to evaluate for x (updating `hint`), or −1 when the result is NaN. */
  const pieceOf = (x: number): number => {
    if (x >= first && x <= end) {
      hint = findInterval(breaks, x, hint);
      return hint;
    }
    if (extrapolate) {
      if (x < first) return 0;
      if (x > end) return lastPiece;
    }
    return -1; // outside without extrapolation, or NaN
  };

  const at = (x: number): number => {
    if (x === end && endValue !== undefined) return endValue;
    const i = pieceOf(x);
    if (i < 0) return Number.NaN;
    return evaluatePiece(coefficients, order, i, x - (breaks[i] as number));
  };

  const evaluate = (xs: ArrayLike<number>, out?: Float64Array): Float64Array => {
    const values = assertNumericArray('x', xs, { finite: false });
    const n = values.length;
    const result = outputBuffer(out, n, 'x');
    // Cache the last interior piece [left, right): sorted queries mostly stay in it.
    let cached = 0;
    let left = first;
    let right = breaks[1] as number;
    for (let k = 0; k < n; k++) {
      const x = values[k] as number;
      if (x >= left && x < right) {
        result[k] = evaluatePiece(coefficients, order, cached, x - left);
        continue;
      }
      if (x === end && endValue !== undefined) {
        result[k] = endValue;
        continue;
      }
      const i = pieceOf(x);
      if (i < 0) {
        result[k] = Number.NaN;
        continue;
      }
      const start = breaks[i] as number;
      if (x >= first && x <= end) {
        cached = i;
        left = start;
        right = breaks[i + 1] as number;
      }
      result[k] = evaluatePiece(coefficients, order, i, x - start);
    }
    return result;
  };

  let derivative: Interpolant | undefined;
  const differentiate = (): Interpolant => {
    if (derivative !== undefined) return derivative;
    // d/dx Σ cⱼ sʲ = Σ (j + 1)·cⱼ₊₁ sʲ; a constant's derivative is the zero constant (as PPoly).
    const pieces = breaks.length - 1;
    const derivativeOrder = Math.max(order - 1, 1);
    const derived = new Float64Array(pieces * derivativeOrder);
    if (order > 1) {
      for (let i = 0; i < pieces; i++) {
        for (let j = 0; j < derivativeOrder; j++) {
          derived[i * derivativeOrder + j] = (j + 1) * (coefficients[i * order + j + 1] as number);
        }
      }
    }
    derivative = piecewisePolynomial(
      breaks,
      derived,
      derivativeOrder,
      extrapolate,
      endValues.slice(1),
    );
    return derivative;
  };

  Object.defineProperties(at, {
    domain: { value: Object.freeze([first, end]), enumerable: true },
    derivative: { get: differentiate, enumerable: true },
    evaluate: { value: evaluate, enumerable: true },
  });
  return at as Interpolant;
}
