import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/**
 * The integral of sampled data by the composite trapezoidal rule, as `numpy.trapz(y, x)` /
 * `scipy.integrate.trapezoid(y, x)` (and `dx=h` when `x` is a number):
 *
 * ∫ y dx ≈ Σᵢ (xᵢ₊₁ − xᵢ)·(yᵢ + yᵢ₊₁)/2
 *
 * Each term is formed as numpy forms it; the terms are then added with Neumaier's compensated
 * summation (numpy adds them pairwise), so the two agree to within a few ulp of the largest
 * partial sum. The samples are taken in the given order, as in numpy: decreasing `x` gives the
 * integral with the opposite sign. Exact (up to rounding) for linear y. If a term overflows
 * although the integral fits, the sum is redone with the halves taken first.
 *
 * @param y - The sampled values (any unit), at least one, all finite. A single sample gives 0.
 * @param x - The sample spacing (a finite number; may be negative or zero), or the coordinates
 * (same length as `y`, finite, in any order). @defaultValue 1
 * @returns The integral, in the unit of `y` times the unit of `x`.
 * @throws TypeError if `y` or `x` is not a number array (or `x` not a number).
 * @throws RangeError if `y` is empty or holds NaN or ±Infinity, if `x` is not finite or has the
 * wrong length, or if the integral overflows float64.
 *
 * @example
 * ```ts
 * import { trapezoid } from '@intercalate/numerics';
 * trapezoid([1, 2, 3]); // 4
 * trapezoid([1, 2, 3], 0.5); // 2
 * trapezoid([0, 1, 4, 9], [0, 1, 2, 3]); // 9.5 (the exact ∫₀³ x² dx is 9)
 * ```
 */
export function trapezoid(y: ArrayLike<number>, x: number | ArrayLike<number> = 1): number {
  assertNumericArray('y', y, { minLength: 1 });
  const n = y.length;
  if (typeof x === 'number') {
    const h = assertFiniteNumber('x', x);
    const sum = trapezoidSum(y, undefined, h, false);
    if (Number.isFinite(sum)) return sum;
    return checkedResult(trapezoidSum(y, undefined, h, true) * 2);
  }
  if (typeof x !== 'object' || x === null) {
    throw new TypeError(
      `x must be a spacing (number) or an array of coordinates; received ${describeValue(x)}`,
    );
  }
  assertNumericArray('x', x, { length: n, lengthOf: 'y' });
  const sum = trapezoidSum(y, x, 1, false);
  if (Number.isFinite(sum)) return sum;
  return checkedResult(trapezoidSum(y, x, 1, true) * 2);
}

function checkedResult(value: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `the integral of y must be representable as a float64 (below about 1.8e308 in magnitude); received ${value}`,
    );
  }
  return value;
}

/**
 * Σ dᵢ·(yᵢ + yᵢ₊₁)/2 with dᵢ = xᵢ₊₁ − xᵢ (or the spacing `h`), Neumaier-compensated. With
 * `halved`, returns half of that sum, each term formed as (dᵢ/2)·(yᵢ/2 + yᵢ₊₁/2) from halved
 * inputs so that no intermediate overflows (the caller doubles the result).
 */
function trapezoidSum(
  y: ArrayLike<number>,
  x: ArrayLike<number> | undefined,
  h: number,
  halved: boolean,
): number {
  const n = y.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i + 1 < n; i++) {
    const a = y[i] as number;
    const b = y[i + 1] as number;
    let term: number;
    if (!halved) {
      const d = x === undefined ? h : (x[i + 1] as number) - (x[i] as number);
      term = (d * (a + b)) / 2;
    } else {
      const d = x === undefined ? h / 2 : (x[i + 1] as number) / 2 - (x[i] as number) / 2;
      term = d * (a / 2 + b / 2);
    }
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
