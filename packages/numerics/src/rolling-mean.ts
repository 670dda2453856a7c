import { assertFiniteNumber, assertNumericArray, describeValue, outputBuffer } from './validate.js';

/** Options of {@link rollingMean}. */
export interface RollingMeanOptions {
  /**
   * Centre the window on each point (pandas `center=True`) rather than end it there (pandas'
   * default `center=False`, a trailing window over the current and the `window − 1` previous
   * points). For an even window the centred window has one more point before the centre than
   * after it; see {@link rollingMean}.
   * @defaultValue true
   */
  center?: boolean;
  /**
   * Buffer for the result (length: that of `y`), overwritten and returned. It must not share
   * memory with `y` (the running sum reads values after their slot would be overwritten).
   */
  out?: Float64Array;
}

/**
 * Moving average over a window of `window` consecutive samples, with the convention of pandas
 * `Series(y).rolling(window, center=center, min_periods=1).mean()`.
 *
 * Output i averages y[start..end) with end = min(n, i + 1 + offset) and
 * start = max(0, i + 1 + offset − window), where offset = ⌊(window − 1)/2⌋ when centred and 0
 * otherwise (pandas' `FixedWindowIndexer`). So an odd window 2k + 1 spans i − k … i + k, and an
 * even window 2k spans i − k … i + k − 1: the extra point is on the left (earlier) side. (In the
 * interior this is also where `numpy.convolve(y, ones(w)/w, 'same')` and
 * `scipy.ndimage.uniform_filter1d` put it; a centred even window of 2 is the trailing pair.)
 * Near the ends the window is cut short and the mean is taken over the points available
 * (`min_periods=1`), so the output has the length of the input and no NaN.
 *
 * O(n): a running sum adds the entering point and removes the leaving one, with Neumaier's
 * compensation on both so that rounding does not accumulate along the series (the same idea as
 * pandas' Kahan-compensated rolling sums). As in pandas, a window whose points are all equal
 * returns that value exactly, and a window of only non-negative (non-positive) values never
 * returns a negative (positive) mean.
 *
 * @param y - The series (any unit), at least one value, all finite.
 * @param window - The number of points per window, an integer from 1 to the length of `y`.
 * @param options - See {@link RollingMeanOptions}.
 * @returns The moving average, in the unit of `y`, one value per point of `y`.
 * @throws TypeError if `y` is not a number array, `center` is not a boolean or `out` is not a
 * Float64Array.
 * @throws RangeError if `y` is empty or holds NaN or ±Infinity, if `window` is not an integer in
 * [1, length of y], or if `out` has the wrong length or shares memory with `y`.
 *
 * @example
 * ```ts
 * import { rollingMean } from '@intercalate/numerics';
 * rollingMean([1, 2, 3, 4, 5], 3); // Float64Array [1.5, 2, 3, 4, 4.5]
 * rollingMean([1, 2, 3, 4, 5], 2); // Float64Array [1, 1.5, 2.5, 3.5, 4.5]: [i − 1, i]
 * rollingMean([1, 2, 3, 4, 5], 3, { center: false }); // Float64Array [1, 1.5, 2, 3, 4]
 * ```
 */
export function rollingMean(
  y: ArrayLike<number>,
  window: number,
  options: RollingMeanOptions = {},
): Float64Array {
  assertNumericArray('y', y, { minLength: 1 });
  const n = y.length;
  assertFiniteNumber('window', window, { min: 1, max: n, integer: true });
  const out = resultBuffer(options.out, y);
  const center = options.center ?? true;
  if (typeof center !== 'boolean') {
    throw new TypeError(`center must be true or false; received ${describeValue(center)}`);
  }
  const offset = center ? Math.floor((window - 1) / 2) : 0;

  let sum = 0;
  let compensation = 0;
  let negatives = 0;
  let positives = 0;
  // Length of the run of equal values ending at the newest point of the window.
  let run = 0;
  let runValue = Number.NaN;
  let start = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const newEnd = Math.min(n, i + 1 + offset);
    const newStart = Math.max(0, i + 1 + offset - window);
    for (; end < newEnd; end++) {
      const v = y[end] as number;
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
      if (v < 0) negatives++;
      else if (v > 0) positives++;
      if (v === runValue) {
        run++;
      } else {
        run = 1;
        runValue = v;
      }
    }
    for (; start < newStart; start++) {
      const v = -(y[start] as number);
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
      if (v > 0) negatives--;
      else if (v < 0) positives--;
    }
    const count = end - start;
    let mean = (sum + compensation) / count;
    if (run >= count) mean = runValue;
    else if (negatives === 0 && mean < 0) mean = 0;
    else if (positives === 0 && mean > 0) mean = 0;
    out[i] = mean;
  }
  return out;
}

function resultBuffer(out: unknown, y: ArrayLike<number>): Float64Array {
  const buffer = outputBuffer(out, y.length, 'y');
  if (buffer === out && ArrayBuffer.isView(y) && y.buffer === buffer.buffer) {
    const overlaps =
      y.byteOffset < buffer.byteOffset + buffer.byteLength &&
      buffer.byteOffset < y.byteOffset + y.byteLength;
    if (overlaps) {
      throw new RangeError('out must not share memory with y (the running sum reads y behind i)');
    }
  }
  return buffer;
}
