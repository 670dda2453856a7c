import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type FitStatistics,
  fitStatistics,
  levenbergMarquardt,
  minimizeBounded,
} from '@intercalate/numerics';

/** The four parameters of the strain master curve; see {@link strainMasterCurve}. */
export interface StrainMasterCurveParameters {
  /** The critical lithium content c* where the strain starts to grow (fraction of sites). */
  criticalContent: number;
  /** The strain b above c* (unit of the strain data, e.g. dimensionless or %). */
  baseline: number;
  /** The amplitude A of the exponential growth (unit of the strain data). */
  amplitude: number;
  /** The decay length λ > 0 of the growth, in units of c_Li. */
  decayLength: number;
}

/** Options of {@link fitStrainMasterCurve}. */
export interface FitStrainMasterCurveOptions {
  /**
   * Weights wᵢ = 1/σᵢ of the strain values, σᵢ their standard uncertainties (lmfit's
   * convention, not 1/σ²); finite and ≥ 0, same length as the data. A zero weight removes a point.
   * @defaultValue every wᵢ = 1
   */
  weights?: ArrayLike<number>;
}

/** Result of {@link fitStrainMasterCurve}. */
export interface StrainMasterCurveFit extends StrainMasterCurveParameters, FitStatistics {
  /**
   * Standard errors of the four parameters (same units), from the covariance of the final
   * Levenberg–Marquardt step, scaled by the reduced χ² as lmfit does by default. `NaN` when the
   * covariance is undefined (e.g. too few points below c* to separate A and λ).
   */
  standardErrors: StrainMasterCurveParameters;
  /**
   * The 4 × 4 covariance matrix, row-major, in the order criticalContent, baseline, amplitude,
   * decayLength.
   */
  covariance: Float64Array;
}

/**
 * The piecewise strain master curve of Fig. 7 of Jousseaume et al. (Energy Environ. Sci. 2024):
 * flat above the critical content c*, growing exponentially below it,
 *
 * ε(c_Li) = b                                   for c_Li ≥ c*
 * ε(c_Li) = b + A·(exp((c* − c_Li)/λ) − 1)      for c_Li < c*
 *
 * continuous at c* (the bracket vanishes there), with a kink: the slope jumps from 0 to −A/λ.
 * Computed with `Math.expm1` so that it stays accurate just below c*.
 *
 * @param cLi - Lithium content, in [0, 1].
 * @param parameters - c*, b, A and λ; see {@link StrainMasterCurveParameters}.
 * @returns ε(c_Li), in the unit of `baseline` and `amplitude`.
 * @throws TypeError if an argument is not a number or `parameters` is not an object.
 * @throws RangeError if `cLi` or `criticalContent` is outside [0, 1], a value is not finite, or
 *   `decayLength` ≤ 0.
 *
 * @example
 * ```ts
 * import { strainMasterCurve } from '@intercalate/strain-model';
 * const p = { criticalContent: 0.4, baseline: 0.02, amplitude: 0.01, decayLength: 0.05 };
 * strainMasterCurve(0.6, p); // 0.02
 * strainMasterCurve(0.3, p); // 0.02 + 0.01·(e² − 1) = 0.0838…
 * ```
 */
export function strainMasterCurve(cLi: number, parameters: StrainMasterCurveParameters): number {
  assertFiniteNumber('cLi', cLi, { min: 0, max: 1 });
  const p = readParameters(parameters);
  return cLi >= p.criticalContent
    ? p.baseline
    : p.baseline + p.amplitude * Math.expm1((p.criticalContent - cLi) / p.decayLength);
}

function readParameters(parameters: unknown): StrainMasterCurveParameters {
  if (typeof parameters !== 'object' || parameters === null) {
    throw new TypeError(
      `parameters must be an object { criticalContent, baseline, amplitude, decayLength }; received ${describeValue(parameters)}`,
    );
  }
  const p = parameters as Record<string, unknown>;
  return {
    criticalContent: assertFiniteNumber('criticalContent', p.criticalContent, { min: 0, max: 1 }),
    baseline: assertFiniteNumber('baseline', p.baseline),
    amplitude: assertFiniteNumber('amplitude', p.amplitude),
    decayLength: assertFiniteNumber('decayLength', p.decayLength, {
      min: 0,
      exclusiveMin: true,
    }),
  };
}

interface Data {
  c: Float64Array;
  y: Float64Array;
  w2: Float64Array;
}

interface LinearPart {
  chiSquare: number;
  baseline: number;
  amplitude: number;
}

/** For fixed c* and λ the model is linear in (b, A): weighted least squares in closed form. */
function linearPart(data: Data, critical: number, decay: number): LinearPart {
  const { c, y, w2 } = data;
  let sw = 0;
  let su = 0;
  let suu = 0;
  let sy = 0;
  let suy = 0;
  for (let i = 0; i < c.length; i++) {
    const ci = c[i] as number;
    const u = ci < critical ? Math.expm1((critical - ci) / decay) : 0;
    const w = w2[i] as number;
    const yi = y[i] as number;
    sw += w;
    su += w * u;
    suu += w * u * u;
    sy += w * yi;
    suy += w * u * yi;
  }
  const det = sw * suu - su * su;
  let baseline: number;
  let amplitude: number;
  if (!(det > 1e-12 * sw * suu) || !Number.isFinite(det)) {
    baseline = sy / sw;
    amplitude = 0;
  } else {
    baseline = (suu * sy - su * suy) / det;
    amplitude = (sw * suy - su * sy) / det;
  }
  let chiSquare = 0;
  for (let i = 0; i < c.length; i++) {
    const ci = c[i] as number;
    const u = ci < critical ? Math.expm1((critical - ci) / decay) : 0;
    const r = (y[i] as number) - baseline - amplitude * u;
    chiSquare += (w2[i] as number) * r * r;
  }
  return {
    chiSquare: Number.isFinite(chiSquare) ? chiSquare : Number.POSITIVE_INFINITY,
    baseline,
    amplitude,
  };
}

/**
 * Fits the strain master curve (see {@link strainMasterCurve} for the exact model)
 *
 * ε(c_Li) = b for c_Li ≥ c*,  b + A·(exp((c* − c_Li)/λ) − 1) below,
 *
 * to strain values against lithium content, as Jousseaume et al. (Energy Environ. Sci. 2024,
 * Fig. 7) collapse NMC622, NMC811 and LNO at all C-rates onto one curve that grows exponentially
 * below c* ≈ 0.4. Minimises χ² = Σ (wᵢ(εᵢ − ε(c_Li,i)))².
 *
 * **Method.** The kink at c* makes the Jacobian discontinuous in c* wherever c* crosses a data
 * point, which can stall a plain Levenberg–Marquardt fit started far away. So c* and λ are first
 * found by a profile search that needs no starting values: for fixed (c*, λ) the model is linear in
 * (b, A), solved in closed form; λ is optimised on a logarithmic grid (span/500 to 5·span, span
 * the c_Li range of the data) refined by Brent’s bounded minimization, and c* on the midpoints between
 * consecutive data contents (at least three points below c*) refined by Brent’s bounded minimization
 * between the neighbours of the best one (the profile χ² is continuous in c*, because the model
 * is). The four parameters are then polished together by `levenbergMarquardt` of
 * `@intercalate/numerics` with the analytic one-sided Jacobian (∂ε/∂c* = A·e/λ, ∂ε/∂A = e − 1,
 * ∂ε/∂λ = −A·e·(c* − c)/λ², e = exp((c* − c)/λ), all 0 above c*; ∂ε/∂b = 1), which is exact
 * as long as no data point sits exactly at c*. Standard errors and the covariance come from that
 * step, scaled by the reduced χ² as lmfit's defaults do; they match lmfit 1.1 on the same model
 * (test/fixtures/master-curve.py).
 *
 * @param cLi - Lithium contents, in [0, 1], any order; at least 4 distinct values.
 * @param strain - Strain at each c_Li (any unit: dimensionless, %, …), finite; at least 5 points.
 * @param options - Weights; see {@link FitStrainMasterCurveOptions}.
 * @returns c*, b, A, λ, their standard errors and covariance, and the fit statistics.
 * @throws TypeError if `cLi`, `strain` or `weights` is not an array of numbers, or `options` is
 *   not an object.
 * @throws RangeError if the lengths differ, fewer than 5 points or 4 distinct contents are given,
 *   a c_Li is outside [0, 1], a value is not finite, a weight is negative, or every weight is 0.
 *
 * @example
 * ```ts
 * import { fitStrainMasterCurve, strainMasterCurve } from '@intercalate/strain-model';
 * const truth = { criticalContent: 0.4, baseline: 0.05, amplitude: 0.04, decayLength: 0.06 };
 * const cLi = Array.from({ length: 60 }, (_, i) => 0.15 + 0.0125 * i);
 * const strain = cLi.map((c, i) => strainMasterCurve(c, truth) + 0.002 * Math.sin(7 * i));
 * const fit = fitStrainMasterCurve(cLi, strain);
 * fit.criticalContent; // ≈ 0.40 ± fit.standardErrors.criticalContent
 * ```
 */
export function fitStrainMasterCurve(
  cLi: ArrayLike<number>,
  strain: ArrayLike<number>,
  options: FitStrainMasterCurveOptions = {},
): StrainMasterCurveFit {
  const x = assertNumericArray('cLi', cLi, { minLength: 5 });
  const y = assertNumericArray('strain', strain, { length: x.length, lengthOf: 'cLi' });
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const n = x.length;
  const weights =
    options.weights === undefined
      ? undefined
      : assertNumericArray('weights', options.weights, { length: n, lengthOf: 'cLi' });
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v < 0 || v > 1) {
      throw new RangeError(`cLi[${i}] must be a lithium content in [0, 1]; received ${v}`);
    }
    if (weights !== undefined && !((weights[i] as number) >= 0)) {
      throw new RangeError(`weights[${i}] must be ≥ 0; received ${weights[i]}`);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (x[i] as number) - (x[j] as number),
  );
  const data: Data = {
    c: Float64Array.from(order, (i) => x[i] as number),
    y: Float64Array.from(order, (i) => y[i] as number),
    w2: Float64Array.from(order, (i) => (weights === undefined ? 1 : (weights[i] as number) ** 2)),
  };
  let totalWeight = 0;
  for (const w of data.w2) totalWeight += w;
  if (!(totalWeight > 0)) {
    throw new RangeError('weights must not all be 0; received only zero weights');
  }
  const distinct: number[] = [];
  for (const v of data.c) if (distinct[distinct.length - 1] !== v) distinct.push(v);
  if (distinct.length < 4) {
    throw new RangeError(
      `cLi must hold at least 4 distinct lithium contents; received ${distinct.length}`,
    );
  }
  const cMin = distinct[0] as number;
  const cMax = distinct[distinct.length - 1] as number;
  const span = cMax - cMin;
  const minDecay = span / 500;
  const maxDecay = 5 * span;
  const logGrid = 30;

  /** Best λ and the linear part for a given c*. */
  const profile = (critical: number): { decay: number } & LinearPart => {
    let bestK = 0;
    let bestChi = Number.POSITIVE_INFINITY;
    const logLo = Math.log(minDecay);
    const logHi = Math.log(maxDecay);
    const at = (k: number) => logLo + ((logHi - logLo) * k) / (logGrid - 1);
    for (let k = 0; k < logGrid; k++) {
      const chi = linearPart(data, critical, Math.exp(at(k))).chiSquare;
      if (chi < bestChi) {
        bestChi = chi;
        bestK = k;
      }
    }
    const lo = at(Math.max(0, bestK - 1));
    const hi = at(Math.min(logGrid - 1, bestK + 1));
    const best = minimizeBounded((t) => linearPart(data, critical, Math.exp(t)).chiSquare, lo, hi, {
      tolerance: 1e-7,
    }).x;
    const decay = Math.exp(best);
    return { decay, ...linearPart(data, critical, decay) };
  };

  // c* on the midpoints with at least three contents below, then Brent refinement (numerics' minimizeBounded).
  const midpoints: number[] = [];
  for (let k = 2; k < distinct.length - 1; k++) {
    midpoints.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
  }
  let bestIndex = 0;
  let bestChi = Number.POSITIVE_INFINITY;
  for (let k = 0; k < midpoints.length; k++) {
    const chi = profile(midpoints[k] as number).chiSquare;
    if (chi < bestChi) {
      bestChi = chi;
      bestIndex = k;
    }
  }
  const lo = bestIndex > 0 ? (midpoints[bestIndex - 1] as number) : (distinct[2] as number);
  const hi =
    bestIndex < midpoints.length - 1 ? (midpoints[bestIndex + 1] as number) : (cMax as number);
  const critical0 = minimizeBounded((t) => profile(t).chiSquare, lo, hi, { tolerance: 1e-9 }).x;
  const start = profile(critical0);

  const c = data.c;
  const result = levenbergMarquardt({
    x: c,
    y: data.y,
    weights: data.w2.map(Math.sqrt),
    initial: [critical0, start.baseline, start.amplitude, start.decay],
    lower: [cMin, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, minDecay / 2],
    upper: [cMax, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 2 * maxDecay],
    model: (p, _x, out) => {
      const [cs, b, amp, lam] = p as unknown as [number, number, number, number];
      for (let i = 0; i < c.length; i++) {
        const ci = c[i] as number;
        out[i] = ci < cs ? b + amp * Math.expm1((cs - ci) / lam) : b;
      }
    },
    jacobian: (p, _x, out) => {
      const [cs, , amp, lam] = p as unknown as [number, number, number, number];
      const m = c.length;
      for (let i = 0; i < m; i++) {
        const ci = c[i] as number;
        out[m + i] = 1;
        if (ci < cs) {
          const t = (cs - ci) / lam;
          const e = Math.exp(t);
          out[i] = (amp * e) / lam;
          out[2 * m + i] = Math.expm1(t);
          out[3 * m + i] = (-amp * e * t) / lam;
        } else {
          out[i] = 0;
          out[2 * m + i] = 0;
          out[3 * m + i] = 0;
        }
      }
    },
  });
  const p = result.params;
  const se = result.standardErrors;
  return {
    criticalContent: p[0] as number,
    baseline: p[1] as number,
    amplitude: p[2] as number,
    decayLength: p[3] as number,
    standardErrors: {
      criticalContent: se[0] as number,
      baseline: se[1] as number,
      amplitude: se[2] as number,
      decayLength: se[3] as number,
    },
    covariance: result.covariance,
    ...fitStatistics(result),
  };
}
