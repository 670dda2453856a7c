import { assertAllFinite, sumOf } from './mean.js';
import { assertFiniteNumber, assertNumericArray } from './validate.js';

/** Options of {@link variance} and {@link standardDeviation}. */
export interface VarianceOptions {
  /**
   * Delta degrees of freedom: the sum of squared deviations is divided by `n − ddof`.
   * `0` gives the population (maximum-likelihood) variance, as `numpy.var`; `1` the unbiased
   * sample variance, as `numpy.var(ddof=1)`, pandas and R.
   * @defaultValue 0
   */
  ddof?: number;
}

/**
 * Variance by the corrected two-pass algorithm (Chan, Golub & LeVeque 1983):
 *
 * s² = [Σ(xᵢ − x̄)² − (Σ(xᵢ − x̄))² / n] / (n − ddof)
 *
 * The second term cancels the rounding error left in x̄, so the result does not suffer from the
 * catastrophic cancellation of the textbook formula (Σxᵢ² − n x̄²): 1e9 + [4, 7, 13, 16] has
 * variance 30 (ddof 1), where the textbook formula returns a negative number.
 *
 * Same convention as `numpy.var(x, ddof=ddof)`.
 *
 * @param x - The data; at least `ddof + 1` finite values.
 * @param options - See {@link VarianceOptions}.
 * @returns The variance, in the square of the unit of `x`.
 * @throws TypeError if `x` is not an array or typed array of numbers.
 * @throws RangeError if `ddof` is not an integer ≥ 0, if `x` has `ddof` or fewer elements, or if
 * `x` holds NaN or ±Infinity.
 *
 * @example
 * ```ts
 * import { variance } from '@intercalate/numerics';
 * variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], { ddof: 1 }); // 30
 * variance([2, 4, 4, 4, 5, 5, 7, 9]); // 4
 * ```
 */
export function variance(x: ArrayLike<number>, options: VarianceOptions = {}): number {
  const ddof = assertFiniteNumber('ddof', options.ddof ?? 0, { min: 0, integer: true });
  assertNumericArray('x', x, { minLength: ddof + 1, finite: false });
  const n = x.length;
  // Pass 1: a first estimate of the mean. Pass 2: deviations from it; the Σd term corrects
  // the variance for the rounding error left in that estimate (no third pass needed).
  let m = sumOf(x) / n;
  if (!Number.isFinite(m)) {
    assertAllFinite('x', x);
    m = 0; // every value is finite but the sum overflowed: scale, then sum
    for (let i = 0; i < n; i++) m += (x[i] as number) / n;
  }
  let d0 = 0;
  let d1 = 0;
  let q0 = 0;
  let q1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a = (x[i] as number) - m;
    const b = (x[i + 1] as number) - m;
    d0 += a;
    d1 += b;
    q0 += a * a;
    q1 += b * b;
  }
  if (i < n) {
    const a = (x[i] as number) - m;
    d0 += a;
    q0 += a * a;
  }
  const sumDeviations = d0 + d1;
  const sumSquares = q0 + q1;
  if (!Number.isFinite(sumSquares)) {
    throw new RangeError(
      `x must have a variance representable as a float64 (spread below about 1e154); received a sum of squared deviations of Infinity`,
    );
  }
  return Math.max(0, sumSquares - (sumDeviations * sumDeviations) / n) / (n - ddof);
}

/**
 * Standard deviation, the square root of {@link variance} with the same `ddof` convention
 * (`numpy.std(x, ddof=ddof)`; note that `ddof: 1` gives the square root of the unbiased
 * variance, which is itself slightly biased).
 *
 * @param x - The data; at least `ddof + 1` finite values.
 * @param options - See {@link VarianceOptions}.
 * @returns The standard deviation, in the unit of `x`.
 * @throws TypeError if `x` is not an array or typed array of numbers.
 * @throws RangeError under the same conditions as {@link variance}.
 *
 * @example
 * ```ts
 * import { standardDeviation } from '@intercalate/numerics';
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2
 * ```
 */
export function standardDeviation(x: ArrayLike<number>, options: VarianceOptions = {}): number {
  return Math.sqrt(variance(x, options));
}
