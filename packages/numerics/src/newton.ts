import { assertFunction, evaluate, type RootResult, rootFinisher } from './brent.js';
import { assertFiniteNumber, describeValue } from './validate.js';

/** Options of {@link newton}. `lower` and `upper` are required. */
export interface NewtonOptions {
  /** One end of the bracket; f(lower) and f(upper) must have opposite signs (or one be 0). */
  lower: number;
  /** The other end of the bracket (either order). */
  upper: number;
  /**
   * The first Newton iterate, inside the bracket. A good guess saves iterations; any value in
   * the bracket converges.
   * @defaultValue the middle of the bracket
   */
  initial?: number;
  /**
   * Absolute tolerance on the root, ≥ 0: the search stops when a step is shorter than
   * (`tolerance` + `relativeTolerance`·|x|)/2, or when the bracket has shrunk to two adjacent
   * floating-point numbers.
   * @defaultValue 2e-12 (as {@link brent} and scipy.optimize.brentq)
   */
  tolerance?: number;
  /**
   * Relative tolerance on the root, ≥ 0.
   * @defaultValue 8.881784197001252e-16 (4ε, as {@link brent})
   */
  relativeTolerance?: number;
  /**
   * Most iterations, each one evaluation of `f` and of `df` (after the two evaluations of `f` at
   * the bracket's ends).
   * @defaultValue 100
   */
  maxIterations?: number;
  /**
   * Return a {@link RootResult} instead of the bare root; running out of iterations then gives
   * `converged: false` instead of a thrown RangeError.
   * @defaultValue false
   */
  details?: boolean;
}

const DEFAULT_TOLERANCE = 2e-12;
const DEFAULT_RELATIVE_TOLERANCE = 4 * Number.EPSILON;
const DEFAULT_MAX_ITERATIONS = 100;

/**
 * Finds a root of `f` by Newton–Raphson steps x ← x − f(x)/f′(x) kept inside a bracket, with
 * bisection as the safeguard (the scheme of `rtsafe` in Press et al., *Numerical Recipes*, §9.4).
 *
 * Every evaluation shrinks the bracket [lower, upper] to the side where f changes sign. A Newton
 * step is taken only when it lands strictly inside the bracket and is at most half as long as the
 * step before last; otherwise (f′ = 0 or not finite, a step out of the bracket, or too slow a
 * decrease) the bracket is bisected. So it converges quadratically near a simple root and never
 * fails where bisection would succeed, e.g. on exponentials that make plain Newton overshoot.
 *
 * Convergence: a step shorter than (`tolerance` + `relativeTolerance`·|x|)/2, f(x) = 0, or a
 * bracket of two adjacent floating-point numbers. After a Newton step the error is far below the
 * step length, so the result is typically within an ulp or two of the root. For best accuracy
 * write `f` so that it stays accurate near the root (use `Math.expm1`, `Math.log1p`).
 *
 * Used in the toolkit to invert Butler–Volmer kinetics, j = exp(αη) − exp(−(1 − α)η) (η in units
 * of RT/F) for the overpotential η.
 *
 * @param f - The function, of one number.
 * @param df - Its derivative f′.
 * @param options - The bracket (required), starting point, tolerances and iteration cap; see
 *   {@link NewtonOptions}.
 * @returns The root (or a {@link RootResult} with `details: true`, see the other signature).
 * @throws TypeError if `f` or `df` is not a function or returns a non-number, or an option has the
 *   wrong type.
 * @throws RangeError if `lower`, `upper` or `initial` is not finite or `initial` is outside the
 *   bracket, f(lower) and f(upper) have the same sign, `f` or `df` returns NaN, an option is out of
 *   range, or the tolerance is not met within `maxIterations`.
 *
 * @example
 * ```ts
 * import { newton } from '@intercalate/numerics';
 * // Overpotential η (units of RT/F) for the current density j = 5 (units of j₀), α = 0.5:
 * const alpha = 0.5;
 * const j = 5;
 * const eta = newton(
 *   (x) => Math.expm1(alpha * x) - Math.expm1(-(1 - alpha) * x) - j,
 *   (x) => alpha * Math.exp(alpha * x) + (1 - alpha) * Math.exp(-(1 - alpha) * x),
 *   { lower: -200, upper: 200 },
 * ); // 3.294462292742191 (exact: 2·asinh(j/2) = 3.2944622927421916)
 * ```
 */
export function newton(
  f: (x: number) => number,
  df: (x: number) => number,
  options: NewtonOptions & { details?: false },
): number;
/**
 * Safeguarded Newton returning the details of the search: the root, the iteration and
 * function-call counts, and whether it converged. Identical to the other signature except that
 * running out of iterations gives `converged: false` (with the best estimate as `root`) instead of
 * throwing.
 *
 * @param f - The function, of one number.
 * @param df - Its derivative f′.
 * @param options - As for the other signature, with `details: true`.
 * @returns The {@link RootResult}; `functionCalls` counts calls of `f` (`df` is called once per
 *   iteration).
 * @throws TypeError if `f` or `df` is not a function or returns a non-number, or an option has the
 *   wrong type.
 * @throws RangeError if `lower`, `upper` or `initial` is not finite or `initial` is outside the
 *   bracket, f(lower) and f(upper) have the same sign, `f` or `df` returns NaN, or an option is out
 *   of range.
 *
 * @example
 * ```ts
 * import { newton } from '@intercalate/numerics';
 * const result = newton((x) => x * x - 2, (x) => 2 * x, { lower: 0, upper: 2, details: true });
 * result; // { root: 1.414213562373095, iterations: 6, functionCalls: 8, converged: true }
 * ```
 */
export function newton(
  f: (x: number) => number,
  df: (x: number) => number,
  options: NewtonOptions & { details: true },
): RootResult;
export function newton(
  f: (x: number) => number,
  df: (x: number) => number,
  options: NewtonOptions,
): number | RootResult {
  assertFunction('f', f);
  assertFunction('df', df);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object with at least lower and upper; received ${describeValue(options)}`,
    );
  }
  const lowerEnd = assertFiniteNumber('lower', options.lower);
  const upperEnd = assertFiniteNumber('upper', options.upper);
  const low = Math.min(lowerEnd, upperEnd);
  const high = Math.max(lowerEnd, upperEnd);
  const initial =
    options.initial === undefined
      ? low + (high - low) / 2
      : assertFiniteNumber('initial', options.initial, { min: low, max: high });
  const tolerance = assertFiniteNumber('tolerance', options.tolerance ?? DEFAULT_TOLERANCE, {
    min: 0,
  });
  const relativeTolerance = assertFiniteNumber(
    'relativeTolerance',
    options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE,
    { min: 0 },
  );
  const maxIterations = assertFiniteNumber(
    'maxIterations',
    options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    { min: 1, integer: true },
  );
  const finish = rootFinisher('newton', options.details, maxIterations);

  const fLow = evaluate(f, low);
  const fHigh = evaluate(f, high);
  if (fLow === 0) return finish(low, 0, true);
  if (fHigh === 0) return finish(high, 0, true);
  if (fLow > 0 === fHigh > 0) {
    throw new RangeError(
      `newton needs f(lower) and f(upper) of opposite signs to bracket a root; received f(${low}) = ${fLow} and f(${high}) = ${fHigh}`,
    );
  }
  // The bracket as [negative side, positive side]: f(negative) < 0 < f(positive).
  let negative = fLow < 0 ? low : high;
  let positive = fLow < 0 ? high : low;
  let x = initial;
  let lastStep = high - low;
  let stepBeforeLast = lastStep;
  for (let iteration = 0; ; ) {
    const fx = evaluate(f, x);
    const slope = evaluate(df, x, 'df');
    iteration++;
    if (fx === 0) return finish(x, iteration, true);
    if (fx < 0) negative = x;
    else positive = x;
    const left = Math.min(negative, positive);
    const right = Math.max(negative, positive);

    const newtonStep = fx / slope;
    const candidate = x - newtonStep; // NaN or out of the bracket when the slope is 0 or infinite
    // A finite-slope Newton correction below half an ulp of x: x is the root to working precision.
    if (candidate === x && Number.isFinite(slope)) return finish(x, iteration, true);
    stepBeforeLast = lastStep;
    if (
      candidate > left &&
      candidate < right &&
      Math.abs(newtonStep) <= 0.5 * Math.abs(stepBeforeLast)
    ) {
      lastStep = newtonStep;
      x = candidate;
    } else {
      lastStep = 0.5 * (right - left);
      x = left + lastStep;
    }
    const delta = 0.5 * (tolerance + relativeTolerance * Math.abs(x));
    // x at an end of the bracket: no floating-point number lies strictly inside it.
    if (Math.abs(lastStep) <= delta || x === left || x === right) {
      return finish(x, iteration, true);
    }
    if (iteration >= maxIterations) return finish(x, iteration, false);
  }
}
