import { assertFiniteNumber, describeValue } from './validate.js';

/** Options of {@link brent}. */
export interface BrentOptions {
  /**
   * Absolute tolerance on the root (scipy's `xtol`); must be > 0. The search stops when the
   * bracket around the root is narrower than `tolerance + relativeTolerance · |root|`.
   * @defaultValue 2e-12 (scipy.optimize.brentq's default)
   */
  tolerance?: number;
  /**
   * Relative tolerance on the root (scipy's `rtol`); at least 4ε = 8.881784197001252e-16, below
   * which the steps would be smaller than the spacing of floating-point numbers.
   * @defaultValue 8.881784197001252e-16 (4ε, scipy.optimize.brentq's default)
   */
  relativeTolerance?: number;
  /**
   * Most iterations (each evaluates `f` once, after the two evaluations at the ends).
   * @defaultValue 100 (scipy.optimize.brentq's `maxiter`)
   */
  maxIterations?: number;
  /**
   * Return a {@link RootResult} (root, counts, convergence flag) instead of the bare root. With
   * `details: true` running out of iterations is reported as `converged: false` instead of a
   * thrown RangeError, like scipy's `full_output=True, disp=False`.
   * @defaultValue false
   */
  details?: boolean;
}

/** The outcome of a root search by {@link brent} or {@link newton} with `details: true`. */
export interface RootResult {
  /** The root found, or the best estimate when `converged` is false. */
  root: number;
  /** Iterations taken (evaluations after the two at the bracket's ends). */
  iterations: number;
  /** Calls of `f`, including the two at the bracket's ends. */
  functionCalls: number;
  /**
   * Whether the tolerance was met. `false` only when `maxIterations` ran out; check it before
   * using `root`.
   */
  converged: boolean;
}

const DEFAULT_TOLERANCE = 2e-12;
const DEFAULT_RELATIVE_TOLERANCE = 4 * Number.EPSILON;
const DEFAULT_MAX_ITERATIONS = 100;

/**
 * Finds a root of `f` in the bracket [a, b] by Brent's method (R. P. Brent, *Algorithms for
 * Minimization without Derivatives*, 1973, ch. 4, procedure `zero`), the algorithm of
 * `scipy.optimize.brentq`.
 *
 * Each step tries inverse quadratic interpolation through the last three points (a secant step
 * when only two are distinct) and falls back to bisection whenever the interpolated step would
 * leave the bracket or shrink it too slowly, so it converges superlinearly on smooth functions and
 * never more slowly than bisection. The bracket [b, c] always has f(b)·f(c) ≤ 0; the search stops
 * when |c − b| ≤ `tolerance` + `relativeTolerance`·|b| (scipy's `xtol + rtol·|x|`) or f(b) = 0,
 * and returns b, the end with the smaller |f|. Results agree with scipy's to that tolerance, not
 * bit for bit (scipy rearranges the same steps).
 *
 * `f(a)` and `f(b)` must have opposite signs; if one of them is zero, that end is returned at
 * once (`a` first, as scipy). `f` may return ±Infinity (it still has a sign) but not NaN.
 *
 * @param f - The function, of one number.
 * @param a - One end of the bracket.
 * @param b - The other end (either order).
 * @param options - Tolerances, iteration cap and result form; see {@link BrentOptions}.
 * @returns The root (or a {@link RootResult} with `details: true`, see the other signature).
 * @throws TypeError if `f` is not a function or returns a non-number, or an option has the
 *   wrong type.
 * @throws RangeError if `a` or `b` is not finite, `f(a)` and `f(b)` have the same sign, `f`
 *   returns NaN, an option is out of range, or the tolerance is not met within `maxIterations`.
 *
 * @example
 * ```ts
 * import { brent } from '@intercalate/numerics';
 * // Newton's own test cubic; the root is 2.0945514815423265…, found to the default tolerance:
 * brent((x) => x ** 3 - 2 * x - 5, 2, 3); // 2.094551481542327, as scipy.optimize.brentq
 * brent((x) => Math.cos(x) - x, 0, 1); // 0.7390851332151559 (root 0.7390851332151607…)
 * ```
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options?: BrentOptions & { details?: false },
): number;
/**
 * Brent's method returning the details of the search: the root, the iteration and function-call
 * counts, and whether it converged. Identical to the other signature except that running out of
 * iterations gives `converged: false` (with the best estimate as `root`) instead of throwing.
 *
 * @param f - The function, of one number.
 * @param a - One end of the bracket.
 * @param b - The other end (either order).
 * @param options - As for the other signature, with `details: true`.
 * @returns The {@link RootResult}.
 * @throws TypeError if `f` is not a function or returns a non-number, or an option has the
 *   wrong type.
 * @throws RangeError if `a` or `b` is not finite, `f(a)` and `f(b)` have the same sign, `f`
 *   returns NaN, or an option is out of range.
 *
 * @example
 * ```ts
 * import { brent } from '@intercalate/numerics';
 * const result = brent((x) => Math.cos(x) - x, 0, 1, { details: true });
 * if (result.converged) console.log(result.root, result.functionCalls);
 * ```
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options: BrentOptions & { details: true },
): RootResult;
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options: BrentOptions = {},
): number | RootResult {
  assertFunction('f', f);
  assertFiniteNumber('a', a);
  assertFiniteNumber('b', b);
  const tolerance = assertFiniteNumber('tolerance', options.tolerance ?? DEFAULT_TOLERANCE, {
    min: 0,
    exclusiveMin: true,
  });
  const relativeTolerance = assertFiniteNumber(
    'relativeTolerance',
    options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE,
    { min: DEFAULT_RELATIVE_TOLERANCE },
  );
  const maxIterations = assertFiniteNumber(
    'maxIterations',
    options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    { min: 1, integer: true },
  );
  const finish = rootFinisher('brent', options.details, maxIterations);

  // Naming follows Brent: b is the best estimate, c the contrapoint (f(b)·f(c) ≤ 0) and a the
  // previous b. d is the last step and e the step before it.
  let fa = evaluate(f, a);
  let fb = evaluate(f, b);
  if (fa === 0) return finish(a, 0, true);
  if (fb === 0) return finish(b, 0, true);
  if (fa > 0 === fb > 0) {
    throw new RangeError(
      `brent needs f(a) and f(b) of opposite signs to bracket a root; received f(${a}) = ${fa} and f(${b}) = ${fb}`,
    );
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; ; iteration++) {
    if (fb > 0 === fc > 0) {
      // The last step kept the sign of f(b): the previous point becomes the contrapoint.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep the smaller |f| in b.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const delta = 0.5 * (tolerance + relativeTolerance * Math.abs(b));
    const half = 0.5 * (c - b);
    if (fb === 0 || Math.abs(half) <= delta) return finish(b, iteration, true);
    if (iteration >= maxIterations) return finish(b, iteration, false);

    const interpolate =
      Math.abs(e) >= delta &&
      Math.abs(fa) > Math.abs(fb) &&
      Number.isFinite(fa) &&
      Number.isFinite(fc);
    if (interpolate) {
      // Step p/q from b: secant through (a, fa), (b, fb), or inverse quadratic interpolation
      // through all three points when a and c differ.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the step if it lands well inside the bracket and is less than half the step
      // before last; otherwise bisect.
      if (2 * p < 3 * half * q - Math.abs(delta * q) && p < Math.abs(0.5 * e * q)) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = half;
      }
    } else {
      d = half;
      e = half;
    }
    a = b;
    fa = fb;
    // Never step by less than delta, so that the bracket keeps shrinking near convergence.
    b += Math.abs(d) > delta ? d : half > 0 ? delta : -delta;
    fb = evaluate(f, b);
  }
}

/**
 * Calls `f(x)` and checks that it returned a number other than NaN.
 * @internal
 */
export function evaluate(f: (x: number) => number, x: number, name = 'f'): number {
  const y = f(x);
  if (typeof y !== 'number') {
    throw new TypeError(`${name} must return a number; ${name}(${x}) returned ${describeValue(y)}`);
  }
  if (Number.isNaN(y)) {
    throw new RangeError(
      `${name} must not return NaN inside the bracket; ${name}(${x}) returned NaN`,
    );
  }
  return y;
}

/**
 * Throws a TypeError unless `value` is a function.
 * @internal
 */
export function assertFunction(name: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw new TypeError(`${name} must be a function; received ${describeValue(value)}`);
  }
}

/**
 * Builds the function that ends a bracketed root search: it returns the root (or, with
 * `details`, a {@link RootResult}), and throws when the search stopped unconverged and the caller
 * did not ask for details, so that an unconverged root is never returned silently.
 * @internal
 */
export function rootFinisher(
  method: string,
  details: unknown,
  maxIterations: number,
): (root: number, iterations: number, converged: boolean) => number | RootResult {
  const wantDetails = details ?? false;
  if (typeof wantDetails !== 'boolean') {
    throw new TypeError(`details must be a boolean; received ${describeValue(wantDetails)}`);
  }
  return (root, iterations, converged) => {
    if (wantDetails) return { root, iterations, functionCalls: iterations + 2, converged };
    if (!converged) {
      throw new RangeError(
        `${method} did not reach the tolerance in maxIterations = ${maxIterations} iterations; the last estimate was ${root}. Raise maxIterations or loosen tolerance.`,
      );
    }
    return root;
  };
}
