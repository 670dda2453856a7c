import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type Interpolant,
  linearInterpolant,
  pchip,
  rollingMean,
  savitzkyGolay,
} from '@intercalate/numerics';

/**
 * How {@link latticeFunction} smooths the refined values before interpolating:
 *
 * - `'rolling-mean'`: centred moving average over `window` consecutive points (sorted by c_Li),
 *   as pandas `rolling(window, center=True, min_periods=1).mean()` — the paper's choice
 *   (Jousseaume et al. 2024, Fig. 5B and 6A–B, "centered rolling mean").
 * - `'savitzky-golay'`: least-squares polynomial of degree `order` over `window` points
 *   (scipy's `savgol_filter(..., mode='interp')`), which keeps extrema sharper.
 * - `'none'`: the refined values as given.
 */
export type LatticeSmoothing = 'rolling-mean' | 'savitzky-golay' | 'none';

/**
 * How {@link latticeFunction} interpolates between the smoothed points:
 *
 * - `'pchip'`: monotone piecewise-cubic Hermite (scipy's `PchipInterpolator`): no overshoot
 *   between points, C¹, so the derivative is continuous.
 * - `'linear'`: straight segments, as `numpy.interp` (piecewise-constant derivative).
 */
export type LatticeInterpolation = 'pchip' | 'linear';

/** Options of {@link latticeFunction}. */
export interface LatticeFunctionOptions {
  /**
   * The smoothing applied to the values sorted by c_Li; see {@link LatticeSmoothing}.
   * @defaultValue 'rolling-mean'
   */
  smoothing?: LatticeSmoothing;
  /**
   * Number of consecutive points in each smoothing window (an integer from 1 to the number of
   * distinct c_Li values; odd windows are centred exactly). Ignored for `'none'`.
   * @defaultValue 5, or the number of distinct c_Li values if fewer
   */
  window?: number;
  /**
   * Polynomial degree of the `'savitzky-golay'` filter, an integer with 0 ≤ order < window.
   * @defaultValue 2 (or window − 1 if smaller)
   */
  order?: number;
  /**
   * The interpolant through the smoothed points; see {@link LatticeInterpolation}.
   * @defaultValue 'pchip'
   */
  interpolation?: LatticeInterpolation;
}

/**
 * A lattice parameter as a function of lithium content, f(c_Li), returned by
 * {@link latticeFunction}: an `Interpolant` of `@intercalate/numerics` (callable on one c_Li, with
 * `domain`, `derivative` and the array evaluator `evaluate`) that also carries the points it
 * interpolates. Outside its domain it returns `NaN`.
 */
export interface LatticeFunction extends Interpolant {
  /**
   * The derivative df/dc_Li (unit of the values per unit of c_Li), itself an interpolant with the
   * same domain (NaN outside); built on first access and cached.
   */
  readonly derivative: Interpolant;
  /** The distinct lithium contents, sorted ascending: the knots of the interpolant. */
  readonly cLi: Float64Array;
  /** The smoothed lattice parameter at each knot (unit of the input values, usually Å). */
  readonly values: Float64Array;
}

const SMOOTHINGS: readonly LatticeSmoothing[] = ['rolling-mean', 'savitzky-golay', 'none'];
const INTERPOLATIONS: readonly LatticeInterpolation[] = ['pchip', 'linear'];

/**
 * Builds f(c_Li), a lattice parameter (a, c, d_TM = a, d_IL = c/3, …) as a smooth function of
 * lithium content, the way Jousseaume et al. (Energy Environ. Sci. 2024, §3.5 and Fig. 6A–B)
 * build f_a and f_c from refined operando data:
 *
 * 1. the points are sorted by c_Li and points with equal c_Li are averaged (an interpolant needs
 *    distinct knots; a table holding a charge and a discharge is thus merged into one branch);
 * 2. the values are smoothed point-wise along c_Li by a centred rolling mean (default, as the
 *    paper) or a Savitzky–Golay filter; the window counts points, not a c_Li width, so unevenly
 *    spaced data are smoothed over a varying c_Li range;
 * 3. a monotone PCHIP (default) or linear interpolant goes through the smoothed points.
 *
 * The result is defined on [min c_Li, max c_Li] and returns `NaN` outside (never an
 * extrapolation); `f.derivative` gives df/dc_Li (unit of the values per unit of c_Li).
 *
 * @param cLi - Lithium contents of the refined patterns, fractions in [0, 1], in any order; at
 *   least 2 distinct values.
 * @param values - The refined lattice parameter at each c_Li (Å for a, c), finite and > 0; same
 *   length as `cLi`.
 * @param options - Smoothing, window, order and interpolation; see {@link LatticeFunctionOptions}.
 * @returns The lattice function; see {@link LatticeFunction}.
 * @throws TypeError if `cLi` or `values` is not an array of numbers, `options` is not an object,
 *   or `smoothing`/`interpolation` is not one of the names above.
 * @throws RangeError if the lengths differ, a c_Li is outside [0, 1] or not finite, a value is not
 *   finite and > 0, fewer than 2 distinct c_Li are given, or `window`/`order` is out of range.
 *
 * @example
 * ```ts
 * import { latticeFunction } from '@intercalate/strain-model';
 * const cLi = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
 * const c = [14.30, 14.45, 14.42, 14.38, 14.33, 14.28]; // Å
 * const fc = latticeFunction(cLi, c, { window: 3 });
 * fc(0.55); // smoothed c (Å) at c_Li = 0.55
 * fc.derivative(0.55); // dc/dc_Li (Å per unit of c_Li)
 * fc.domain; // [0.3, 0.8]
 * fc(0.2); // NaN: outside the data
 * ```
 */
export function latticeFunction(
  cLi: ArrayLike<number>,
  values: ArrayLike<number>,
  options: LatticeFunctionOptions = {},
): LatticeFunction {
  const x = assertNumericArray('cLi', cLi, { minLength: 2 });
  const y = assertNumericArray('values', values, { length: x.length, lengthOf: 'cLi' });
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < 0 || v > 1) {
      throw new RangeError(`cLi[${i}] must be a lithium content in [0, 1]; received ${v}`);
    }
    const p = y[i] as number;
    if (!(p > 0)) {
      throw new RangeError(`values[${i}] must be a finite lattice parameter > 0; received ${p}`);
    }
  }
  const smoothing = options.smoothing ?? 'rolling-mean';
  if (!SMOOTHINGS.includes(smoothing)) {
    throw new TypeError(
      `smoothing must be 'rolling-mean', 'savitzky-golay' or 'none'; received ${describeValue(smoothing)}`,
    );
  }
  const interpolation = options.interpolation ?? 'pchip';
  if (!INTERPOLATIONS.includes(interpolation)) {
    throw new TypeError(
      `interpolation must be 'pchip' or 'linear'; received ${describeValue(interpolation)}`,
    );
  }

  const { knots, averaged } = sortAndMerge(x, y);
  const n = knots.length;
  if (n < 2) {
    throw new RangeError(
      `cLi must hold at least 2 distinct lithium contents; received ${x.length} points all at ${knots[0]}`,
    );
  }
  let smoothed = averaged;
  if (smoothing !== 'none') {
    const window =
      options.window === undefined
        ? Math.min(5, n)
        : assertFiniteNumber('window', options.window, { integer: true, min: 1 });
    if (window > n) {
      throw new RangeError(
        `window must be ≤ the number of distinct c_Li values (${n}); received ${window}`,
      );
    }
    if (smoothing === 'rolling-mean') {
      smoothed = rollingMean(averaged, window);
    } else {
      const order =
        options.order === undefined
          ? Math.min(2, window - 1)
          : assertFiniteNumber('order', options.order, { integer: true, min: 0 });
      if (order >= window) {
        throw new RangeError(`order must be < window (${window}); received ${order}`);
      }
      smoothed = savitzkyGolay(averaged, { window, order });
    }
  }
  const interpolant =
    interpolation === 'pchip' ? pchip(knots, smoothed) : linearInterpolant(knots, smoothed);
  Object.defineProperties(interpolant, {
    cLi: { value: knots, enumerable: true },
    values: { value: smoothed, enumerable: true },
  });
  return interpolant as LatticeFunction;
}

/** Sorts (x, y) by x and averages the y of equal x. */
function sortAndMerge(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { knots: Float64Array; averaged: Float64Array } {
  const order = Array.from({ length: x.length }, (_, i) => i).sort(
    (i, j) => (x[i] as number) - (x[j] as number),
  );
  const knots: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const xi = x[i] as number;
    const last = knots.length - 1;
    if (last >= 0 && knots[last] === xi) {
      sums[last] = (sums[last] as number) + (y[i] as number);
      counts[last] = (counts[last] as number) + 1;
    } else {
      knots.push(xi);
      sums.push(y[i] as number);
      counts.push(1);
    }
  }
  const averaged = Float64Array.from(sums, (s, k) => s / (counts[k] as number));
  return { knots: Float64Array.from(knots), averaged };
}
