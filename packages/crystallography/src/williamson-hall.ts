import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { type InstrumentalSubtraction, subtract } from './scherrer.js';

/** One reflection of a Williamson–Hall analysis; see {@link williamsonHall}. */
export interface WilliamsonHallPeak {
  /** Peak position, degrees 2θ, in (0, 180). */
  twoTheta: number;
  /** Observed peak width B (FWHM or integral breadth, as for `shapeFactor`), degrees 2θ; ≥ 0. */
  fwhm: number;
  /**
   * Standard uncertainty of `fwhm`, degrees 2θ; > 0. Give it for all peaks or for none: with it,
   * the points are weighted by 1/σ_y² with σ_y = σ_β cosθ (in radians); without, all weigh the
   * same.
   */
  fwhmError?: number;
  /**
   * Instrumental width b at this 2θ, degrees 2θ, in [0, fwhm], removed as set by
   * `options.subtraction`.
   * @defaultValue 0
   */
  instrumentalFwhm?: number;
}

/** Options of {@link williamsonHall}. */
export interface WilliamsonHallOptions {
  /** X-ray wavelength λ, Å; > 0. Required: there is no default wavelength. */
  wavelength: number;
  /**
   * Scherrer constant K > 0 used for the size, Kλ/intercept. Required: programs disagree (0.9,
   * 0.94, 1); see `shapeFactor` in {@link ScherrerOptions}.
   */
  shapeFactor: number;
  /**
   * How each peak's `instrumentalFwhm` is removed; see {@link InstrumentalSubtraction}. Required
   * when some peak has `instrumentalFwhm` > 0.
   */
  subtraction?: InstrumentalSubtraction;
  /**
   * With `fwhmError` given: `true` takes the uncertainties as absolute, so the covariance is
   * (XᵀWX)⁻¹; `false` scales it by the reduced χ² = χ²/(n − 2), as scipy's
   * `curve_fit(absolute_sigma=False)` and `numpy.polyfit(..., cov=True)`. Without `fwhmError`
   * the scaled form is always used (it then equals the ordinary least-squares standard errors of
   * `scipy.stats.linregress`).
   * @defaultValue false
   */
  absoluteSigma?: boolean;
}

/** The straight-line fit behind a {@link WilliamsonHallResult}: y = intercept + slope·x. */
export interface WilliamsonHallFit {
  /** Intercept Kλ/L, radians (of 2θ). */
  intercept: number;
  /** Slope ε, dimensionless (the microstrain). */
  slope: number;
  /** Standard error of the intercept, radians. */
  interceptError: number;
  /** Standard error of the slope. */
  slopeError: number;
  /** Covariance of (intercept, slope): [var(intercept), cov, var(slope)], radians², radians, 1. */
  covariance: readonly [number, number, number];
  /** x = 4 sinθ of each peak, in the order given. */
  x: Float64Array;
  /** y = β cosθ of each peak, β the sample width in radians, in the order given. */
  y: Float64Array;
  /** Weight of each point: 1/σ_y² with `fwhmError`, else 1. */
  weights: Float64Array;
  /** Σ w (y − intercept − slope·x)². */
  chiSquare: number;
  /** n − 2. */
  degreesOfFreedom: number;
}

/** Result of {@link williamsonHall}. */
export interface WilliamsonHallResult {
  /**
   * Crystallite size L = Kλ/intercept, Å. `Infinity` when the intercept is 0 (no size
   * broadening), `NaN` when it is negative (not physical: the size broadening is not resolved).
   */
  size: number;
  /** Microstrain ε, the slope (dimensionless; may come out negative for noisy data). */
  microstrain: number;
  /** Standard errors of `size` (Å) and `microstrain`. */
  standardErrors: {
    /**
     * σ_L = Kλ·σ_intercept / intercept² (first-order propagation), Å; `NaN` when the intercept
     * is ≤ 0 or the fit has no degrees of freedom left to estimate it.
     */
    size: number;
    /** σ_ε, the slope's standard error; `NaN` when it cannot be estimated (n = 2 and scaled). */
    microstrain: number;
  };
  /** The straight-line fit; see {@link WilliamsonHallFit}. */
  fit: WilliamsonHallFit;
}

const DEG = Math.PI / 180;

/**
 * Separates size and strain broadening by the Williamson–Hall method (Williamson & Hall, Acta
 * Metall. 1 (1953) 22), fitting a straight line to
 *
 * β cosθ = Kλ/L + 4ε sinθ
 *
 * over several reflections: y = β cosθ against x = 4 sinθ by weighted linear least squares, with
 * β the sample width in **radians** of 2θ (each peak's instrumental width removed first), so the
 * intercept is Kλ/L (size L in Å) and the slope the microstrain ε. ε here is the "apparent strain"
 * of the 4ε tanθ convention (β_strain = 4ε tanθ); some authors write 2ε tanθ, whose ε is twice
 * this one.
 *
 * The slope and intercept come from the centred normal equations (stable when the x are close
 * together); their covariance is (XᵀWX)⁻¹, scaled by χ²/(n − 2) unless `absoluteSigma`. With
 * equal weights the results equal `scipy.stats.linregress(x, y)` (slope, intercept, stderr,
 * intercept_stderr); with `fwhmError` they equal `numpy.polyfit(x, y, 1, w=1/σ_y, cov=True)`.
 * The fit is only as good as the assumption that both broadenings are of one profile type and
 * isotropic; anisotropic strain (layered oxides) shows up as scatter — see
 * {@link stephensBroadening}.
 *
 * @param peaks - At least two reflections at two or more distinct 2θ; see {@link WilliamsonHallPeak}.
 * @param options - Wavelength, shape factor and instrumental correction; see
 *   {@link WilliamsonHallOptions}.
 * @returns Size, microstrain, their standard errors and the fit; see {@link WilliamsonHallResult}.
 * @throws TypeError if `peaks` is not an array of objects, `options` is not an object, a value is
 *   not a number, `fwhmError` is given for some peaks only, or `subtraction` is missing while a
 *   peak has an instrumental width.
 * @throws RangeError if there are fewer than two peaks or all are at the same 2θ, or a value is
 *   out of range (widths < 0, `fwhmError` ≤ 0, `instrumentalFwhm` > `fwhm`, `twoTheta` outside
 *   (0, 180), `wavelength` or `shapeFactor` ≤ 0).
 *
 * @example
 * ```ts
 * import { williamsonHall } from '@intercalate/crystallography';
 * const result = williamsonHall(
 *   [
 *     { twoTheta: 18.7, fwhm: 0.081 },
 *     { twoTheta: 36.7, fwhm: 0.094 },
 *     { twoTheta: 44.5, fwhm: 0.101 },
 *     { twoTheta: 64.6, fwhm: 0.124 },
 *   ],
 *   { wavelength: 1.5406, shapeFactor: 0.9 },
 * );
 * result.size; // ≈ 1158 Å (± 15)
 * result.microstrain; // ≈ 2.92e-4 (± 0.10e-4)
 * ```
 */
export function williamsonHall(
  peaks: ReadonlyArray<WilliamsonHallPeak>,
  options: WilliamsonHallOptions,
): WilliamsonHallResult {
  if (!Array.isArray(peaks)) {
    throw new TypeError(
      `peaks must be an array of { twoTheta, fwhm, fwhmError?, instrumentalFwhm? }; received ${describeValue(peaks)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { wavelength, shapeFactor, subtraction?, absoluteSigma? }; received ${describeValue(options)}`,
    );
  }
  const { wavelength, shapeFactor, subtraction, absoluteSigma = false } = options;
  assertFiniteNumber('options.wavelength', wavelength, { min: 0, exclusiveMin: true, unit: 'Å' });
  assertFiniteNumber('options.shapeFactor', shapeFactor, { min: 0, exclusiveMin: true });
  if (typeof absoluteSigma !== 'boolean') {
    throw new TypeError(
      `options.absoluteSigma must be a boolean; received ${describeValue(absoluteSigma)}`,
    );
  }
  const n = peaks.length;
  if (n < 2) {
    throw new RangeError(`peaks must have at least 2 elements; received length ${n}`);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weights = new Float64Array(n);
  const weighted = typeof peaks[0] === 'object' && peaks[0]?.fwhmError !== undefined;
  for (let i = 0; i < n; i++) {
    const peak = peaks[i];
    const name = `peaks[${i}]`;
    if (typeof peak !== 'object' || peak === null) {
      throw new TypeError(
        `${name} must be an object { twoTheta, fwhm, fwhmError?, instrumentalFwhm? }; received ${describeValue(peak)}`,
      );
    }
    const twoTheta = assertFiniteNumber(`${name}.twoTheta`, peak.twoTheta, {
      min: 0,
      max: 180,
      exclusiveMin: true,
      exclusiveMax: true,
      unit: 'degrees 2θ',
    });
    const beta = subtract(
      `${name}.fwhm`,
      peak.fwhm,
      `${name}.instrumentalFwhm`,
      peak.instrumentalFwhm ?? 0,
      'options.subtraction',
      subtraction,
    );
    const theta = twoTheta * 0.5 * DEG;
    const cos = Math.cos(theta);
    x[i] = 4 * Math.sin(theta);
    y[i] = beta * DEG * cos;
    if ((peak.fwhmError !== undefined) !== weighted) {
      throw new TypeError(
        `${name}.fwhmError must be given for every peak or for none (peaks[0] ${weighted ? 'has' : 'has none'}); received ${describeValue(peak.fwhmError)}`,
      );
    }
    if (weighted) {
      const sigma = assertFiniteNumber(`${name}.fwhmError`, peak.fwhmError, {
        min: 0,
        exclusiveMin: true,
        unit: 'degrees 2θ',
      });
      const sigmaY = sigma * DEG * cos;
      weights[i] = 1 / (sigmaY * sigmaY);
      if (!Number.isFinite(weights[i] as number)) {
        throw new RangeError(
          `${name}.fwhmError is too small for a finite weight; received ${sigma}`,
        );
      }
    } else {
      weights[i] = 1;
    }
  }

  // Centred weighted normal equations.
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    sw += w;
    swx += w * (x[i] as number);
    swy += w * (y[i] as number);
  }
  const meanX = swx / sw;
  const meanY = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const dx = (x[i] as number) - meanX;
    sxx += w * dx * dx;
    sxy += w * dx * ((y[i] as number) - meanY);
  }
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    xMin = Math.min(xMin, x[i] as number);
    xMax = Math.max(xMax, x[i] as number);
  }
  if (!(sxx > 0) || !(xMax - xMin > 1e-12 * xMax)) {
    throw new RangeError(
      'peaks must lie at two or more distinct twoTheta values (a line needs two x = 4 sinθ); received all peaks at the same angle',
    );
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let chiSquare = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] as number) - intercept - slope * (x[i] as number);
    chiSquare += (weights[i] as number) * r * r;
  }
  const degreesOfFreedom = n - 2;
  const factor =
    weighted && absoluteSigma
      ? 1
      : degreesOfFreedom > 0
        ? chiSquare / degreesOfFreedom
        : Number.NaN;
  const varianceSlope = factor / sxx;
  const varianceIntercept = factor * (1 / sw + (meanX * meanX) / sxx);
  const covariance = (-factor * meanX) / sxx;
  const interceptError = Math.sqrt(varianceIntercept);
  const slopeError = Math.sqrt(varianceSlope);
  const kLambda = shapeFactor * wavelength;
  const size =
    intercept > 0 ? kLambda / intercept : intercept === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  const sizeError =
    intercept > 0 ? (kLambda * interceptError) / (intercept * intercept) : Number.NaN;
  return {
    size,
    microstrain: slope,
    standardErrors: { size: sizeError, microstrain: slopeError },
    fit: {
      intercept,
      slope,
      interceptError,
      slopeError,
      covariance: [varianceIntercept, covariance, varianceSlope],
      x,
      y,
      weights,
      chiSquare,
      degreesOfFreedom,
    },
  };
}
