import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/**
 * Streaming count, mean, variance, minimum and maximum of a sequence of numbers, in O(1) memory.
 *
 * Values are added one at a time with Welford's update (δ = x − x̄, x̄ += δ/n, M₂ += δ(x − x̄)),
 * applied to the data shifted by the first value K (x − K): plain Welford loses accuracy as
 * (x̄/σ)², about 1e-7 relative for data near 1e12 with σ ≈ 300, while the shifted form stays at
 * rounding level. Two accumulators over disjoint parts of the data are combined exactly with
 * Chan, Golub & LeVeque's parallel formula (M₂ = M₂ₐ + M₂ᵦ + δ² nₐnᵦ / n), so the data can be
 * processed in chunks, frames or workers.
 *
 * The variance convention is that of {@link variance}: `ddof` 0 (population) by default.
 *
 * @example
 * ```ts
 * import { RunningMoments } from '@intercalate/numerics';
 * const left = new RunningMoments().addAll([1e9 + 4, 1e9 + 7]);
 * const right = new RunningMoments().addAll([1e9 + 13, 1e9 + 16]);
 * left.merge(right);
 * left.mean; // 1000000010
 * left.variance(1); // 30
 * ```
 */
export class RunningMoments {
  /** Number of values added so far. */
  count = 0;
  /** The shift K (the first value added) that the running sums are taken relative to. */
  private shift = 0;
  /** Mean of (x − K). */
  private shiftedMean = 0;
  /** Smallest value added so far (`NaN` while `count` is 0). */
  min = Number.NaN;
  /** Largest value added so far (`NaN` while `count` is 0). */
  max = Number.NaN;
  /** Sum of squared deviations from the mean, M₂ = Σ(xᵢ − x̄)². */
  sumSquaredDeviations = 0;

  /** Mean of the values added so far (`NaN` while `count` is 0). */
  get mean(): number {
    return this.count === 0 ? Number.NaN : this.shift + this.shiftedMean;
  }

  /**
   * Adds one value.
   * @param value - A finite number.
   * @returns `this`, for chaining.
   * @throws RangeError if `value` is NaN or ±Infinity; TypeError if it is not a number.
   */
  add(value: number): this {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      assertFiniteNumber('value', value);
    }
    const n = this.count + 1;
    if (n === 1) {
      this.count = 1;
      this.shift = value;
      this.shiftedMean = 0;
      this.min = value;
      this.max = value;
      return this;
    }
    const shifted = value - this.shift;
    const delta = shifted - this.shiftedMean;
    this.shiftedMean += delta / n;
    this.sumSquaredDeviations += delta * (shifted - this.shiftedMean);
    this.count = n;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    return this;
  }

  /**
   * Adds every value of `values`.
   * @param values - An array or typed array of finite numbers.
   * @returns `this`, for chaining.
   * @throws TypeError or RangeError as {@link RunningMoments.add}, naming the offending index.
   */
  addAll(values: ArrayLike<number>): this {
    assertNumericArray('values', values);
    for (let i = 0; i < values.length; i++) this.add(values[i] as number);
    return this;
  }

  /**
   * Folds `other` into this accumulator, as if its values had been added here
   * (Chan, Golub & LeVeque 1983). `other` is left unchanged.
   * @param other - Another accumulator.
   * @returns `this`, for chaining.
   * @throws TypeError if `other` is not a RunningMoments.
   */
  merge(other: RunningMoments): this {
    if (!(other instanceof RunningMoments)) {
      throw new TypeError(`other must be a RunningMoments; received ${describeValue(other)}`);
    }
    if (other.count === 0) return this;
    if (this.count === 0) {
      this.count = other.count;
      this.shift = other.shift;
      this.shiftedMean = other.shiftedMean;
      this.min = other.min;
      this.max = other.max;
      this.sumSquaredDeviations = other.sumSquaredDeviations;
      return this;
    }
    const n = this.count + other.count;
    // Difference of the means, taken shift to shift first so that no large value is subtracted
    // from another after rounding.
    const delta = other.shift - this.shift + (other.shiftedMean - this.shiftedMean);
    this.sumSquaredDeviations +=
      other.sumSquaredDeviations + ((delta * delta * this.count) / n) * other.count;
    this.shiftedMean += (delta * other.count) / n;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    return this;
  }

  /**
   * Variance of the values added so far, M₂ / (n − ddof).
   * @param ddof - Delta degrees of freedom (0: population, 1: sample). @defaultValue 0
   * @returns The variance, or `NaN` while `count ≤ ddof` (not enough data yet).
   * @throws RangeError if `ddof` is not an integer ≥ 0.
   */
  variance(ddof = 0): number {
    assertFiniteNumber('ddof', ddof, { min: 0, integer: true });
    return this.count > ddof ? this.sumSquaredDeviations / (this.count - ddof) : Number.NaN;
  }

  /**
   * Standard deviation, √{@link RunningMoments.variance}.
   * @param ddof - Delta degrees of freedom. @defaultValue 0
   * @returns The standard deviation, or `NaN` while `count ≤ ddof`.
   */
  standardDeviation(ddof = 0): number {
    return Math.sqrt(this.variance(ddof));
  }
}
