import {
  choleskyInPlace,
  choleskySolveInPlace,
  gramColumnMajor,
  gramUpdateColumns,
  invertSpd,
} from './linear-algebra.js';
import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/**
 * A model function for {@link levenbergMarquardt}: writes the predictions fᵢ(p) at every point of
 * `x` into `out`.
 *
 * @param params - The parameter vector p (length m). A buffer owned by the fitter, reused between
 *   calls: read it, never modify it or keep a reference to it.
 * @param x - The `x` passed to {@link levenbergMarquardt}, unchanged.
 * @param out - Receives fᵢ(p), i = 0 … n − 1 (length n = `y.length`). Every element must be
 *   written: the fitter fills it with NaN before each call, so an element left unwritten is caught
 *   as a non-finite prediction.
 */
export type LevenbergMarquardtModel = (
  params: Float64Array,
  x: ArrayLike<number>,
  out: Float64Array,
) => void;

/**
 * An analytic Jacobian for {@link levenbergMarquardt}: writes ∂fᵢ/∂pⱼ, the derivative of the
 * model's prediction at point i with respect to parameter j, into `out` in **column-major** order:
 * `out[j * n + i] = ∂fᵢ/∂pⱼ` (n = `y.length`), so that each parameter's column is contiguous (the
 * layout of MINPACK and of scipy's `leastsq(..., col_deriv=True)`). Derivatives of the model, not of
 * the residual: the fitter applies the weights and the sign.
 *
 * @param params - The parameter vector p (length m); read only, as for
 *   {@link LevenbergMarquardtModel}.
 * @param x - The `x` passed to {@link levenbergMarquardt}, unchanged.
 * @param out - Receives the n × m Jacobian, column-major (length n·m). Every element must be
 *   written, zeros included: the buffer is filled with NaN before each call.
 */
export type LevenbergMarquardtJacobian = (
  params: Float64Array,
  x: ArrayLike<number>,
  out: Float64Array,
) => void;

/**
 * Why {@link levenbergMarquardt} stopped. `'small-gradient'` is tested at each new point before a
 * step is taken, the others after every trial step, in the order listed; `tol` is the `tolerance`
 * option.
 *
 * - `'small-gradient'`: at the current parameters, every free parameter's Jacobian column is
 *   nearly orthogonal to the residual vector, maxⱼ |Jⱼᵀr| / (‖Jⱼ‖·‖r‖) ≤ tol (MINPACK's `gtol`
 *   test), or χ² = 0, or every parameter sits on a bound that the gradient pushes against.
 * - `'small-step'`: the last step s was small compared with the parameters in the Marquardt
 *   scaling D (below), ‖D^½·s‖ ≤ tol·‖D^½·p‖ (MINPACK's `xtol` test).
 * - `'small-reduction'`: both the actual and the predicted relative change of χ² in the last trial
 *   were at most tol², |Δχ²| / χ² ≤ tol² (MINPACK's `ftol` test, with the tolerance squared
 *   because χ² is quadratic in the parameters near its minimum: a relative change of tol in the
 *   parameters moves χ² by about tol²). With the default tolerance this fires only when χ² can no
 *   longer change in double precision.
 * - `'max-iterations'`: `maxIterations` trial steps were taken without meeting a test above; the
 *   result is the best point found, with `converged: false`.
 */
export type LevenbergMarquardtReason =
  | 'small-gradient'
  | 'small-step'
  | 'small-reduction'
  | 'max-iterations';

/** Options of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtOptions {
  /** The model f(p; x); see {@link LevenbergMarquardtModel}. */
  model: LevenbergMarquardtModel;
  /**
   * The analytic Jacobian ∂fᵢ/∂pⱼ, column-major; see {@link LevenbergMarquardtJacobian}.
   *
   * When omitted, the Jacobian is estimated by forward differences, one extra model evaluation
   * per parameter: column j is (f(p + hⱼeⱼ) − f(p)) / hⱼ with hⱼ = √ε·max(|pⱼ|, 1) (ε = 2⁻⁵²),
   * rounded so that pⱼ + hⱼ is exact; the rule of scipy's `least_squares` (`'2-point'`), where
   * MINPACK's `lmdif` (lmfit, scipy's `leastsq`) takes √ε·|pⱼ|, which breaks down for a parameter
   * that passes through 0. A parameter of magnitude much below 1 thus gets a relatively large
   * step and a less accurate derivative: rescale it, or give an analytic `jacobian`. The step is
   * taken backwards when pⱼ + hⱼ would leave the box, so the model is never evaluated outside the
   * bounds.
   */
  jacobian?: LevenbergMarquardtJacobian;
  /**
   * The independent variable, passed unchanged to `model` and `jacobian`. One finite value per
   * observation (same length as `y`).
   */
  x: ArrayLike<number>;
  /** The observations yᵢ (n ≥ m finite values, in the unit of the model). */
  y: ArrayLike<number>;
  /**
   * Weights wᵢ multiplying the residuals, wᵢ = 1/σᵢ with σᵢ the standard uncertainty of yᵢ, as
   * lmfit's `weights` (not 1/σᵢ²). Finite and ≥ 0; a zero weight removes a point from the fit but
   * it still counts in n for the degrees of freedom, as in lmfit.
   * @defaultValue every wᵢ = 1
   */
  weights?: ArrayLike<number>;
  /** The starting parameters p⁰ (m ≥ 1 finite values, inside the bounds). */
  initial: ArrayLike<number>;
  /**
   * Lower bounds, one per parameter (`-Infinity` for none). Each must be below the matching
   * `upper`.
   * @defaultValue every bound `-Infinity`
   */
  lower?: ArrayLike<number>;
  /**
   * Upper bounds, one per parameter (`Infinity` for none).
   * @defaultValue every bound `Infinity`
   */
  upper?: ArrayLike<number>;
  /**
   * Largest number of trial steps (each one model evaluation, plus a Jacobian evaluation when the
   * step is accepted). An integer ≥ 1.
   * @defaultValue 1000
   */
  maxIterations?: number;
  /**
   * Relative tolerance of the three convergence tests (see {@link LevenbergMarquardtReason}).
   * In (0, 1). Smaller than lmfit's default (`xtol = ftol = 1.49e-8`): the extra iterations are
   * cheap and the parameters come out converged to well below their standard errors.
   * @defaultValue 1e-10
   */
  tolerance?: number;
}

/**
 * Goodness of fit and convergence of a least-squares fit, the part every fitter of the toolkit
 * (`levenbergMarquardt` here; `fitPeaks`, `refineLattice` and `fitSpectrum` in the other packages)
 * reports the same way.
 */
export interface FitStatistics {
  /** χ² = Σᵢ (wᵢ·(yᵢ − fᵢ))² at the best fit, lmfit's `chisqr`. */
  chiSquare: number;
  /** χ²/(n − m), n fitted points and m free parameters, lmfit's `redchi`; NaN when n = m. */
  reducedChiSquare: number;
  /**
   * Number of trial steps taken: damped solves, each normally followed by one model evaluation
   * (Jacobian and finite-difference evaluations are not counted).
   */
  iterations: number;
  /** `false` only when the iteration limit was reached (`reason === 'max-iterations'`). */
  converged: boolean;
  /** The test that stopped the iteration (a `LevenbergMarquardtReason` of `@intercalate/numerics`). */
  reason: LevenbergMarquardtReason;
}

/**
 * Picks the {@link FitStatistics} fields out of a fit result, for fitters that build their own
 * result object around {@link levenbergMarquardt}'s (`{ ...fitStatistics(result), peaks, … }`).
 *
 * @param result - A fit result (or anything with the five fields).
 * @returns A new object with `chiSquare`, `reducedChiSquare`, `iterations`, `converged`, `reason`.
 *
 * @example
 * ```ts
 * import { fitStatistics, levenbergMarquardt } from '@intercalate/numerics';
 * const fit = levenbergMarquardt({
 *   model: (p, x, out) => { for (let i = 0; i < x.length; i++) out[i] = p[0] * x[i]; },
 *   x: [1, 2, 3], y: [2, 4.1, 5.9], initial: [1],
 * });
 * fitStatistics(fit); // { chiSquare, reducedChiSquare, iterations, converged: true, reason }
 * ```
 */
export function fitStatistics(result: FitStatistics): FitStatistics {
  return {
    chiSquare: result.chiSquare,
    reducedChiSquare: result.reducedChiSquare,
    iterations: result.iterations,
    converged: result.converged,
    reason: result.reason,
  };
}

/** Result of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtResult extends FitStatistics {
  /** The best-fit parameters p̂ (length m). */
  params: Float64Array;
  /**
   * Standard errors √Cⱼⱼ of the parameters (the diagonal of `covariance`), in the unit of each
   * parameter; lmfit's `stderr`. NaN when the covariance is undefined (see `covariance`).
   */
  standardErrors: Float64Array;
  /**
   * The m × m covariance matrix, row-major: C = (JᵀWJ)⁻¹ · χ²/(n − m), with J the Jacobian and
   * W = diag(wᵢ²) at p̂. This is lmfit's default (`scale_covar=True`, also scipy's `curve_fit`
   * with `absolute_sigma=False`): the errors are scaled so that the reduced χ² is 1.
   *
   * Every element is NaN when JᵀWJ is singular to working precision (a parameter does not affect
   * the model, or two are fully correlated; lmfit then reports `errorbars = False` and `stderr =
   * None`) or when n = m (no degree of freedom; lmfit divides by max(1, n − m) instead, which
   * gives errors near zero for the exact fit).
   *
   * Bounds are ignored here: C is the covariance of the linearised unconstrained problem at p̂,
   * also for a parameter that ended on a bound (as scipy's `curve_fit` with `bounds`; lmfit cannot
   * estimate error bars in that case).
   */
  covariance: Float64Array;
}

const DEFAULT_MAX_ITERATIONS = 1000;
const DEFAULT_TOLERANCE = 1e-10;
const SQRT_EPSILON = Math.sqrt(Number.EPSILON);
/** Marquardt's starting damping, relative to diag(JᵀWJ). */
const INITIAL_DAMPING = 1e-3;
/** Below this the damping no longer changes JᵀWJ + λD in double precision. */
const MIN_DAMPING = 1e-16;
/** Past this the step is zero to working precision; the cap keeps λD finite. */
const MAX_DAMPING = 1e100;
/**
 * A row and column of JᵀWJ is recomputed when its Jacobian column has moved by more than this
 * (relative, Euclidean norm) since it was last used; otherwise the previous values are kept.
 */
const GRAM_REUSE = 1e-2;
/** Largest n·m whose Jacobian buffers are kept for the next fit (8 MB per buffer). */
const MAX_SPARE_SIZE = 1 << 20;

/** The two n·m Jacobian buffers of a fit. */
interface Workspace {
  jac: Float64Array;
  gramJac: Float64Array;
}

/**
 * The Jacobian buffers of the last fit that finished, reused by the next fit of the same size (a
 * series of fits of one model then allocates them once). A fit takes them (leaving none, so a fit
 * nested inside a model callback allocates its own) and hands them back when it returns; a fit
 * that throws simply drops them. Their contents are never read before being written.
 */
let spare: Workspace | undefined;

function takeWorkspace(size: number): Workspace {
  const workspace = spare;
  if (workspace !== undefined && workspace.jac.length === size) {
    spare = undefined;
    return workspace;
  }
  return { jac: new Float64Array(size), gramJac: new Float64Array(size) };
}

interface Problem {
  model: LevenbergMarquardtModel;
  jacobian: LevenbergMarquardtJacobian | undefined;
  x: ArrayLike<number>;
  y: Float64Array;
  weights: Float64Array | undefined;
  initial: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  maxIterations: number;
  tolerance: number;
}

/**
 * Nonlinear least squares by the Levenberg–Marquardt method, with box bounds: finds the
 * parameters p that minimise
 *
 * χ²(p) = Σᵢ (wᵢ·(yᵢ − fᵢ(p)))²
 *
 * and reports their covariance and standard errors the way lmfit does by default
 * (`Minimizer.leastsq` / `Model.fit`, method `'leastsq'`).
 *
 * **Method.** Each iteration solves the damped normal equations
 * (JᵀWJ + λ·D)·δ = JᵀW·(y − f) by Cholesky factorisation, with Marquardt's scaling D = diag(JᵀWJ)
 * (each element the largest value seen so far, as MINPACK; 1 for a parameter that never affected
 * the model) so that the method does not depend on the units of the parameters. A step is accepted
 * when it lowers χ²; the damping then follows Nielsen's rule (λ ← λ·max(⅓, 1 − (2ρ − 1)³), ρ the
 * ratio of actual to predicted reduction), and a rejected step multiplies λ by 2, 4, 8, … (Madsen,
 * Nielsen & Tingleff, *Methods for non-linear least squares problems*, 2004, §3.2). A trial point
 * where the model returns NaN or ±Infinity is rejected like a step that raises χ². Normal
 * equations square the condition number of J, which costs accuracy in the step only: the fixed
 * point, JᵀW·(y − f) = 0, is evaluated directly, so the converged parameters are not affected
 * (with finite differences, the error of the estimated J, about √ε relative, moves that fixed
 * point slightly, as it does for lmfit).
 *
 * **Cost.** Forming JᵀWJ (n·m²/2 multiply-adds) dominates each iteration when the model is cheap.
 * Near convergence the Jacobian hardly changes from one iteration to the next, so JᵀWJ is kept as
 * the exact Gram matrix of a copy of the weighted Jacobian whose columns are refreshed one by one:
 * only the rows and columns of JᵀWJ whose Jacobian column has moved by more than 1 % (relative,
 * Euclidean norm) since it was last used are recomputed (the whole matrix when more than a third
 * have). The gradient JᵀW·(y − f) always uses the current Jacobian, so this changes the path, not
 * the converged point. Before a rejected step is retried, and for the covariance at the final
 * parameters, JᵀWJ is brought exactly up to date. Work buffers (2·n·m numbers for the Jacobian and
 * its copy, a few arrays of length n) are allocated once per call; the two n·m buffers are kept
 * after the call returns (when n·m ≤ 2²⁰, at most 16 MB) and reused by the next call of the same
 * size, so a series of fits of one model (an operando series) does not allocate them again.
 *
 * **Bounds** are honoured exactly, by projection rather than lmfit's MINUIT-style sin/√ change of
 * variables: before each step, a parameter sitting on a bound that the gradient of χ² pushes
 * against is held fixed; the step of the others is computed from their damped system and the trial
 * point is clipped into the box (an active-set projected Levenberg–Marquardt step; with the
 * diagonal scaling, a small enough step always lowers χ², Bertsekas, *Nonlinear Programming*,
 * §2.3). A parameter whose optimum lies outside the box ends exactly on the bound, where lmfit ends
 * very close to it but never on it. Inside the bounds the two methods converge to the same minimum.
 *
 * **Uncertainties.** See {@link LevenbergMarquardtResult.covariance}: C = (JᵀWJ)⁻¹·χ²/(n − m),
 * inverted by an equilibrated Cholesky factorisation; all NaN when singular.
 *
 * @param options - The model, data, start and settings; see {@link LevenbergMarquardtOptions}.
 * @returns The fit; see {@link LevenbergMarquardtResult}.
 * @throws TypeError if `options` is not an object, `model` or `jacobian` is not a function, or an
 *   array argument is not an array or typed array of numbers.
 * @throws RangeError if a length is wrong (`x`, `weights` ≠ `y`; `lower`, `upper` ≠ `initial`;
 *   fewer points than parameters), a value is not finite (bounds may be ±Infinity but not NaN), a
 *   weight is negative, `lower[j] ≥ upper[j]`, `initial[j]` is outside its bounds, `maxIterations`
 *   or `tolerance` is out of range, the model returns a non-finite value at the initial parameters,
 *   or the Jacobian (analytic or finite-difference) is not finite at an accepted point.
 *
 * @example
 * ```ts
 * import { levenbergMarquardt } from '@intercalate/numerics';
 * // Exponential decay y = A·exp(−x/τ) + c, parameters p = [A, τ, c].
 * const x = Float64Array.from({ length: 50 }, (_, i) => i * 0.2);
 * const y = x.map((t) => 5 * Math.exp(-t / 2.5) + 0.3);
 * const fit = levenbergMarquardt({
 *   model: (p, t, out) => {
 *     for (let i = 0; i < t.length; i++) out[i] = p[0] * Math.exp(-t[i] / p[1]) + p[2];
 *   },
 *   x,
 *   y,
 *   initial: [4, 2, 0],
 *   lower: [0, 0.1, -Infinity],
 * });
 * fit.params; // Float64Array [5, 2.5, 0.3] (to ~1e-12)
 * fit.reason; // 'small-step'
 * ```
 */
export function levenbergMarquardt(options: LevenbergMarquardtOptions): LevenbergMarquardtResult {
  const problem = validate(options);
  const { model, jacobian, x, y, weights, initial, lower, upper, maxIterations, tolerance } =
    problem;
  const n = y.length;
  const m = initial.length;

  // Work buffers, allocated once.
  let params = Float64Array.from(initial);
  let trial = new Float64Array(m);
  let predictions = new Float64Array(n);
  let trialPredictions = new Float64Array(n);
  let residuals = new Float64Array(n); // wᵢ·(yᵢ − fᵢ)
  let trialResiduals = new Float64Array(n);
  const workspace = takeWorkspace(n * m);
  const jac = workspace.jac; // weighted: wᵢ·∂fᵢ/∂pⱼ, column-major
  const gramJac = workspace.gramJac; // the weighted Jacobian `gram` was formed from
  const gramNorms = new Float64Array(m); // its squared column norms
  const changes = new Float64Array(m); // relative squared move of each column from gramJac's
  const selected = new Int32Array(m);
  const targets = new Int32Array(m);
  const rowWeights = weights ?? new Float64Array(n).fill(1);
  const probe = new Float64Array(m); // finite differences only
  const probePredictions = new Float64Array(jacobian ? 0 : n);
  const gram = new Float64Array(m * m); // JᵀWJ, row-major
  const columnNorms = new Float64Array(m); // ‖wJⱼ‖², from the current Jacobian
  const gradient = new Float64Array(m); // JᵀW·(y − f): the descent direction (−½ ∇χ²)
  const scaling = new Float64Array(m); // Marquardt's D
  const system = new Float64Array(m * m);
  const step = new Float64Array(m);
  const free = new Int32Array(m);

  // JᵀWJ is kept as the exact Gram matrix RᵀR of a reference matrix R (`gramJac`) whose columns are
  // copies of columns of the weighted Jacobian, each refreshed when the current Jacobian's column
  // has moved by more than a threshold from it (`changes` holds the relative squared moves).
  let gramFormed = false;
  const refreshGram = (threshold: number): boolean => {
    let count = 0;
    for (let j = 0; j < m; j++) {
      if (!((changes[j] as number) <= threshold * threshold)) selected[count++] = j;
    }
    if (count > m / 3 || !gramFormed) {
      gramColumnMajor(jac, n, m, gram);
      gramJac.set(jac);
      gramNorms.set(columnNorms);
      changes.fill(0);
      gramFormed = true;
      return true;
    }
    for (let s = 0; s < count; s++) {
      const j = selected[s] as number;
      const offset = j * n;
      for (let i = offset; i < offset + n; i++) gramJac[i] = jac[i] as number;
      gramNorms[j] = columnNorms[j] as number;
      changes[j] = 0;
    }
    if (count > 0) gramUpdateColumns(gramJac, n, m, selected, count, gram, targets);
    for (let j = 0; j < m; j++) if ((changes[j] as number) !== 0) return false;
    return true;
  };
  // Evaluates the Jacobian and the gradient at `params` and refreshes the columns of JᵀWJ that
  // moved by more than GRAM_REUSE. Returns whether JᵀWJ is now exactly that of `params`.
  const updateJacobian = (): boolean => {
    if (jacobian) {
      jac.fill(Number.NaN);
      jacobian(params, x, jac);
    } else {
      forwardDifferences(model, params, probe, x, predictions, probePredictions, lower, upper, jac);
    }
    prepareJacobian(
      jac,
      n,
      m,
      rowWeights,
      residuals,
      gradient,
      columnNorms,
      gramFormed ? gramJac : undefined,
      gramNorms,
      changes,
    );
    for (let j = 0; j < m; j++) {
      const d = columnNorms[j] as number;
      if (!Number.isFinite(d)) throwNonFiniteJacobian(jac, n, j, params, jacobian !== undefined);
      if (d > (scaling[j] as number)) scaling[j] = d;
    }
    return refreshGram(GRAM_REUSE);
  };

  let chiSquare = evaluate(model, params, x, y, weights, predictions, residuals);
  if (!Number.isFinite(chiSquare)) {
    let i = 0;
    while (i < n - 1 && Number.isFinite(predictions[i])) i++;
    const what = Number.isFinite(predictions[i])
      ? 'χ² overflowed'
      : `out[${i}] = ${predictions[i]}`;
    throw new RangeError(
      `model must return finite values at the initial parameters [${Array.from(params).join(', ')}]; received ${what}`,
    );
  }

  // χ² is quadratic in the parameters near the minimum: a relative change of tol in them changes
  // χ² by about tol² (relative to its scale), hence the square.
  const reductionTolerance = tolerance * tolerance;
  let damping = INITIAL_DAMPING;
  let growth = 2;
  let iterations = 0;
  let reason: LevenbergMarquardtReason | undefined;
  let jacobianCurrent = false; // the Jacobian and gradient are those of `params`
  let gramCurrent = false; // `gram` is exactly JᵀWJ of the Jacobian at `params`

  while (reason === undefined) {
    if (!jacobianCurrent) {
      gramCurrent = updateJacobian();
      jacobianCurrent = true;
    }

    // Active set: parameters on a bound that the descent direction (the gradient) pushes against.
    let freeCount = 0;
    let maxCosine = 0;
    for (let j = 0; j < m; j++) {
      const pj = params[j] as number;
      const g = gradient[j] as number;
      if ((pj <= (lower[j] as number) && g <= 0) || (pj >= (upper[j] as number) && g >= 0))
        continue;
      free[freeCount++] = j;
      const d = columnNorms[j] as number;
      if (d > 0) maxCosine = Math.max(maxCosine, Math.abs(g) / Math.sqrt(d * chiSquare));
    }
    if (chiSquare === 0 || freeCount === 0 || maxCosine <= tolerance) {
      reason = 'small-gradient';
      break;
    }

    // Damped normal equations of the free parameters.
    for (let a = 0; a < freeCount; a++) {
      const ja = free[a] as number;
      for (let b = 0; b <= a; b++) {
        system[a * freeCount + b] = gram[ja * m + (free[b] as number)] as number;
      }
      system[a * freeCount + a] = (gram[ja * m + ja] as number) + damping * (scaling[ja] as number);
      step[a] = gradient[ja] as number;
    }
    iterations++;
    if (!choleskyInPlace(system, freeCount)) {
      // Not numerically positive definite: form JᵀWJ afresh if it is not, and damp harder.
      if (!gramCurrent) gramCurrent = refreshGram(0);
      damping = Math.min(damping * growth, MAX_DAMPING);
      growth *= 2;
      if (iterations >= maxIterations) reason = 'max-iterations';
      continue;
    }
    choleskySolveInPlace(system, freeCount, step);

    // Trial point, projected onto the box; s = trial − params is the step actually taken.
    trial.set(params);
    let stepNorm = 0;
    let paramNorm = 0;
    let linear = 0; // gᵀs
    for (let a = 0; a < freeCount; a++) {
      const j = free[a] as number;
      const pj = params[j] as number;
      const t = Math.min(
        Math.max(pj + (step[a] as number), lower[j] as number),
        upper[j] as number,
      );
      trial[j] = t;
      const s = t - pj;
      step[a] = s;
      stepNorm += (scaling[j] as number) * s * s;
      linear += (gradient[j] as number) * s;
    }
    for (let j = 0; j < m; j++) {
      const pj = params[j] as number;
      paramNorm += (scaling[j] as number) * pj * pj;
    }
    let quadratic = 0; // sᵀ(JᵀWJ)s
    for (let a = 0; a < freeCount; a++) {
      const row = (free[a] as number) * m;
      let sum = 0;
      for (let b = 0; b < freeCount; b++) {
        sum += (gram[row + (free[b] as number)] as number) * (step[b] as number);
      }
      quadratic += (step[a] as number) * sum;
    }
    const predicted = 2 * linear - quadratic; // χ² − ‖r − Js‖²

    const trialChiSquare = evaluate(model, trial, x, y, weights, trialPredictions, trialResiduals);
    const actual = chiSquare - trialChiSquare; // NaN when the trial is not finite
    const before = chiSquare;
    if (trialChiSquare < chiSquare) {
      const rho = predicted > 0 ? actual / predicted : 0.5;
      damping = Math.max(damping * Math.max(1 / 3, 1 - (2 * rho - 1) ** 3), MIN_DAMPING);
      growth = 2;
      const p = params;
      params = trial;
      trial = p;
      const f = predictions;
      predictions = trialPredictions;
      trialPredictions = f;
      const r = residuals;
      residuals = trialResiduals;
      trialResiduals = r;
      chiSquare = trialChiSquare;
      jacobianCurrent = false;
      gramCurrent = false;
    } else {
      // The step may have failed because JᵀWJ was partly reused: make it exact before retrying.
      if (!gramCurrent) gramCurrent = refreshGram(0);
      damping = Math.min(damping * growth, MAX_DAMPING);
      growth *= 2;
    }

    if (Math.sqrt(stepNorm) <= tolerance * Math.sqrt(paramNorm)) reason = 'small-step';
    else if (
      Math.abs(actual) <= reductionTolerance * before &&
      Math.abs(predicted) <= reductionTolerance * before &&
      actual <= 2 * predicted
    ) {
      reason = 'small-reduction';
    } else if (iterations >= maxIterations) reason = 'max-iterations';
  }

  // The covariance always comes from JᵀWJ formed at the final parameters.
  if (!jacobianCurrent) gramCurrent = updateJacobian();
  if (!gramCurrent) refreshGram(0);
  const dof = n - m;
  const reducedChiSquare = dof > 0 ? chiSquare / dof : Number.NaN;
  const covariance = new Float64Array(m * m);
  const standardErrors = new Float64Array(m);
  if (dof > 0 && invertSpd(gram, m, covariance, new Float64Array(m * m + m))) {
    for (let k = 0; k < m * m; k++) covariance[k] = (covariance[k] as number) * reducedChiSquare;
    for (let j = 0; j < m; j++) standardErrors[j] = Math.sqrt(covariance[j * m + j] as number);
  } else {
    covariance.fill(Number.NaN);
    standardErrors.fill(Number.NaN);
  }
  if (n * m <= MAX_SPARE_SIZE) spare = workspace;

  return {
    params: Float64Array.from(params),
    standardErrors,
    covariance,
    chiSquare,
    reducedChiSquare,
    iterations,
    converged: reason !== 'max-iterations',
    reason,
  };
}

/** Writes fᵢ(p) to `f` and wᵢ·(yᵢ − fᵢ) to `r`; returns χ² (NaN or ∞ if a prediction is not finite). */
function evaluate(
  model: LevenbergMarquardtModel,
  p: Float64Array,
  x: ArrayLike<number>,
  y: Float64Array,
  weights: Float64Array | undefined,
  f: Float64Array,
  r: Float64Array,
): number {
  const n = y.length;
  f.fill(Number.NaN);
  model(p, x, f);
  let sum = 0;
  if (weights) {
    for (let i = 0; i < n; i++) {
      const ri = (weights[i] as number) * ((y[i] as number) - (f[i] as number));
      r[i] = ri;
      sum += ri * ri;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const ri = (y[i] as number) - (f[i] as number);
      r[i] = ri;
      sum += ri * ri;
    }
  }
  return sum;
}

/**
 * Forward-difference Jacobian, already weighted (wᵢ·∂fᵢ/∂pⱼ), column-major into `jac`; `f` holds
 * the predictions at `params`. Steps hⱼ = √ε·max(|pⱼ|, 1), backwards when forwards leaves the box.
 */
function forwardDifferences(
  model: LevenbergMarquardtModel,
  params: Float64Array,
  probe: Float64Array,
  x: ArrayLike<number>,
  f: Float64Array,
  probeF: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  jac: Float64Array,
): void {
  const n = f.length;
  probe.set(params);
  for (let j = 0; j < params.length; j++) {
    const pj = params[j] as number;
    let h = SQRT_EPSILON * Math.max(Math.abs(pj), 1);
    const lo = lower[j] as number;
    const hi = upper[j] as number;
    if (pj + h > hi) {
      if (pj - h >= lo) h = -h;
      else h = hi - pj >= pj - lo ? hi - pj : lo - pj;
    }
    const shifted = pj + h;
    h = shifted - pj; // the step actually taken
    probe[j] = shifted;
    probeF.fill(Number.NaN);
    model(probe, x, probeF);
    probe[j] = pj;
    const offset = j * n;
    for (let i = 0; i < n; i++) {
      jac[offset + i] = ((probeF[i] as number) - (f[i] as number)) / h;
    }
  }
}

/**
 * Applies the weights to the Jacobian in place (row i times wᵢ) and computes, in the same pass,
 * each column's squared norm ‖Jⱼ‖², the gradient Jⱼᵀr and, when `reference` (with its squared
 * column norms) is given, each column's relative squared change ‖Jⱼ − Rⱼ‖² / ‖Rⱼ‖² into
 * `changes` (Infinity for all without a reference, or for a column that was zero).
 */
function prepareJacobian(
  jac: Float64Array,
  n: number,
  m: number,
  weights: Float64Array,
  residuals: Float64Array,
  gradient: Float64Array,
  norms: Float64Array,
  reference: Float64Array | undefined,
  referenceNorms: Float64Array,
  changes: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    const offset = j * n;
    let norm = 0;
    let dot = 0;
    if (reference) {
      let diff = 0;
      for (let i = 0; i < n; i++) {
        const v = (jac[offset + i] as number) * (weights[i] as number);
        jac[offset + i] = v;
        const d = v - (reference[offset + i] as number);
        norm += v * v;
        dot += v * (residuals[i] as number);
        diff += d * d;
      }
      changes[j] = diff === 0 ? 0 : diff / (referenceNorms[j] as number);
    } else {
      for (let i = 0; i < n; i++) {
        const v = (jac[offset + i] as number) * (weights[i] as number);
        jac[offset + i] = v;
        norm += v * v;
        dot += v * (residuals[i] as number);
      }
      changes[j] = Number.POSITIVE_INFINITY;
    }
    norms[j] = norm;
    gradient[j] = dot;
  }
}

function throwNonFiniteJacobian(
  jac: Float64Array,
  n: number,
  j: number,
  params: Float64Array,
  analytic: boolean,
): never {
  const offset = j * n;
  let i = 0;
  while (i < n - 1 && Number.isFinite(jac[offset + i])) i++;
  const source = analytic
    ? `jacobian returned ${jac[offset + i]} for ∂f[${i}]/∂p[${j}] (out[${offset + i}])`
    : `the finite-difference derivative ∂f[${i}]/∂p[${j}] is ${jac[offset + i]} (the model is not finite next to the parameters)`;
  throw new RangeError(
    `${source} at parameters [${Array.from(params).join(', ')}]; the Jacobian must be finite`,
  );
}
function validate(options: LevenbergMarquardtOptions): Problem {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const { model, jacobian } = options;
  if (typeof model !== 'function') {
    throw new TypeError(
      `model must be a function (params, x, out) => void; received ${describeValue(model)}`,
    );
  }
  if (jacobian !== undefined && typeof jacobian !== 'function') {
    throw new TypeError(
      `jacobian must be a function (params, x, out) => void or undefined; received ${describeValue(jacobian)}`,
    );
  }
  const y = Float64Array.from(assertNumericArray('y', options.y, { minLength: 1 }));
  const n = y.length;
  const x = assertNumericArray('x', options.x, { length: n, lengthOf: 'y' });
  const initial = Float64Array.from(
    assertNumericArray('initial', options.initial, { minLength: 1 }),
  );
  const m = initial.length;
  if (n < m) {
    throw new RangeError(
      `y must have at least as many points as there are parameters (initial has ${m}); received length ${n}`,
    );
  }
  let weights: Float64Array | undefined;
  if (options.weights !== undefined) {
    weights = Float64Array.from(
      assertNumericArray('weights', options.weights, { length: n, lengthOf: 'y' }),
    );
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (w < 0) {
        throw new RangeError(`weights[${i}] must be a finite number ≥ 0 (1/σ); received ${w}`);
      }
    }
  }
  const lower = bounds('lower', options.lower, m, Number.NEGATIVE_INFINITY);
  const upper = bounds('upper', options.upper, m, Number.POSITIVE_INFINITY);
  for (let j = 0; j < m; j++) {
    const lo = lower[j] as number;
    const hi = upper[j] as number;
    if (!(lo < hi)) {
      throw new RangeError(
        `lower[${j}] must be less than upper[${j}]; received lower[${j}] = ${lo}, upper[${j}] = ${hi}`,
      );
    }
    const p = initial[j] as number;
    if (p < lo || p > hi) {
      throw new RangeError(
        `initial[${j}] must lie within its bounds [${lo}, ${hi}]; received ${p}`,
      );
    }
  }
  const maxIterations = assertFiniteNumber(
    'maxIterations',
    options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    { min: 1, integer: true },
  );
  const tolerance = assertFiniteNumber('tolerance', options.tolerance ?? DEFAULT_TOLERANCE, {
    min: 0,
    exclusiveMin: true,
    max: 1,
    exclusiveMax: true,
  });
  return { model, jacobian, x, y, weights, initial, lower, upper, maxIterations, tolerance };
}

function bounds(
  name: string,
  value: ArrayLike<number> | undefined,
  m: number,
  fallback: number,
): Float64Array {
  if (value === undefined) return new Float64Array(m).fill(fallback);
  assertNumericArray(name, value, { length: m, lengthOf: 'initial', finite: false });
  const copy = Float64Array.from(value);
  for (let j = 0; j < m; j++) {
    if (Number.isNaN(copy[j])) {
      throw new RangeError(`${name}[${j}] must be a number or ±Infinity; received NaN`);
    }
  }
  return copy;
}
