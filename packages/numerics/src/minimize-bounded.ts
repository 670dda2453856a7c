import { assertFiniteNumber, describeValue } from './validate.js';

/** Options of {@link minimizeBounded}. */
export interface MinimizeBoundedOptions {
  /**
   * Absolute tolerance on the minimizer x (scipy's `xtol`), > 0. The search stops when the
   * bracket's half width around x is below 2·(√ε·|x| + tolerance/3).
   * @defaultValue 1e-5 (scipy.optimize.fminbound's default)
   */
  tolerance?: number;
  /**
   * Most evaluations of `f` (scipy's `maxfun`). Running out is reported as `converged: false`,
   * with the best point found.
   * @defaultValue 500 (scipy.optimize.fminbound's default)
   */
  maxEvaluations?: number;
}

/** The outcome of {@link minimizeBounded}. */
export interface MinimizeBoundedResult {
  /** The abscissa of the smallest value found, in [lower, upper]. */
  x: number;
  /** f(x). */
  value: number;
  /** Calls of `f`. */
  functionCalls: number;
  /** Whether the tolerance was met (false only when `maxEvaluations` ran out). */
  converged: boolean;
}

/** (3 − √5)/2: the golden-section fraction of the interval. */
const GOLDEN_FRACTION = (3 - Math.sqrt(5)) / 2;
const SQRT_EPSILON = Math.sqrt(Number.EPSILON);

/**
 * Minimizes a function of one variable on a closed interval by Brent's method (R. P. Brent,
 * *Algorithms for Minimization without Derivatives*, 1973, ch. 5, procedure `localmin`), the
 * algorithm of `scipy.optimize.fminbound` and `minimize_scalar(method='bounded')`.
 *
 * Each step fits a parabola through the three best points and jumps to its vertex when that
 * vertex lies inside the bracket and the step is less than half the step before last; otherwise it
 * takes a golden-section step into the larger part of the bracket. It converges superlinearly on
 * smooth functions and never more slowly than golden-section search. The first point is at
 * lower + 0.381966·(upper − lower); the ends themselves are never evaluated (as in scipy). For a
 * unimodal `f` the result is the minimizer to within the tolerance; for a multimodal `f` it is a
 * local minimizer.
 *
 * @param f - The function, of one number, returning a number (±Infinity allowed, not NaN).
 * @param lower - Lower end of the interval, finite.
 * @param upper - Upper end, finite and > `lower`.
 * @param options - Tolerance and evaluation cap; see {@link MinimizeBoundedOptions}.
 * @returns The minimizer, its value and the evaluation count; see {@link MinimizeBoundedResult}.
 * @throws TypeError if `f` is not a function or returns a non-number.
 * @throws RangeError if `lower`/`upper` are not finite or `upper ≤ lower`, `f` returns NaN, or an
 *   option is out of range.
 *
 * @example
 * ```ts
 * import { minimizeBounded } from '@intercalate/numerics';
 * // cos has its minimum at π on [3, 4]
 * minimizeBounded(Math.cos, 3, 4, { tolerance: 1e-10 }).x; // 3.14159265…
 * ```
 */
export function minimizeBounded(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: MinimizeBoundedOptions = {},
): MinimizeBoundedResult {
  if (typeof f !== 'function') {
    throw new TypeError(`f must be a function of one number; received ${describeValue(f)}`);
  }
  assertFiniteNumber('lower', lower);
  assertFiniteNumber('upper', upper);
  if (!(upper > lower)) {
    throw new RangeError(`upper must be > lower (${lower}); received ${upper}`);
  }
  const tolerance = assertFiniteNumber('options.tolerance', options.tolerance ?? 1e-5, {
    min: 0,
    exclusiveMin: true,
  });
  const maxEvaluations = assertFiniteNumber(
    'options.maxEvaluations',
    options.maxEvaluations ?? 500,
    { min: 1, integer: true },
  );
  let functionCalls = 0;
  const evaluate = (x: number): number => {
    const value = f(x);
    functionCalls++;
    if (typeof value !== 'number') {
      throw new TypeError(`f must return a number; f(${x}) returned ${describeValue(value)}`);
    }
    if (Number.isNaN(value)) throw new RangeError(`f returned NaN at x = ${x}`);
    return value;
  };

  let a = lower;
  let b = upper;
  // x: best point so far; w: second best; v: previous value of w.
  let x = a + GOLDEN_FRACTION * (b - a);
  let w = x;
  let v = x;
  let fx = evaluate(x);
  let fw = fx;
  let fv = fx;
  let step = 0; // the step taken last
  let stepBefore = 0; // the step before that
  let converged = false;
  while (functionCalls < maxEvaluations) {
    const middle = 0.5 * (a + b);
    const tol1 = SQRT_EPSILON * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) {
      converged = true;
      break;
    }
    let useGolden = true;
    if (Math.abs(stepBefore) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx): vertex at x + p/q.
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      r = stepBefore;
      stepBefore = step;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        step = p / q;
        const u = x + step;
        // Never evaluate too close to the ends.
        if (u - a < tol2 || b - u < tol2) step = middle >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      stepBefore = x >= middle ? a - x : b - x;
      step = GOLDEN_FRACTION * stepBefore;
    }
    const u = x + (Math.abs(step) >= tol1 ? step : step >= 0 ? tol1 : -tol1);
    const fu = evaluate(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx, functionCalls, converged };
}
