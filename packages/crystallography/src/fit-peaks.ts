import {
  addLineShape,
  addLineShapeDerivatives,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type FitStatistics,
  fitStatistics,
  type LineShape,
  type LineShapeTargets,
  levenbergMarquardt,
} from '@intercalate/numerics';

/** A parameter of a peak in {@link fitPeaks}; `'eta'` exists only for a pseudo-Voigt. */
export type PeakParameter = 'center' | 'fwhm' | 'area' | 'eta';

/** A polynomial background b₀ + b₁x + … + bₙxⁿ for {@link fitPeaks}. */
export interface PolynomialBackground {
  /** The degree n, an integer in [0, 10] (n + 1 coefficients). */
  polynomial: number;
}

/**
 * The background fitted under the peaks by {@link fitPeaks}, a polynomial in x:
 * `'none'` (0), `'constant'` (b₀), `'linear'` (b₀ + b₁x) or a {@link PolynomialBackground}
 * `{ polynomial: n }` (b₀ + b₁x + … + bₙxⁿ).
 */
export type FitBackground = 'none' | 'constant' | 'linear' | PolynomialBackground;

/**
 * A starting peak for {@link fitPeaks}. Give its size as `area` or as `height` (not both); with
 * neither, the height is read from the data: the value at the point nearest `center` minus the
 * starting background there.
 */
export interface InitialPeak {
  /** Position of the maximum, in the unit of x (°2θ for a diffraction pattern); finite. */
  center: number;
  /** Full width at half maximum, in the unit of x; finite and > 0. */
  fwhm: number;
  /**
   * Integrated area ∫ peak dx, in the unit of y times the unit of x; finite.
   * @defaultValue derived from `height`, or from the data
   */
  area?: number;
  /**
   * Height of the maximum above the background, in the unit of y; finite. Converted to an area
   * through the profile's peak value (see {@link FittedPeak.height}).
   * @defaultValue derived from `area`, or from the data
   */
  height?: number;
  /**
   * Lorentzian fraction η in [0, 1] of a pseudo-Voigt; only accepted with
   * `profile: 'pseudo-voigt'`.
   * @defaultValue 0.5
   */
  eta?: number;
  /**
   * Parameters of this peak held at their starting values, added to {@link FitPeaksOptions.fixed}.
   * @defaultValue `[]`
   */
  fixed?: readonly PeakParameter[];
}

/** Options of {@link fitPeaks}. */
export interface FitPeaksOptions {
  /**
   * The area-normalised profile of every peak (the functions of `@intercalate/numerics`):
   * `'gaussian'`, `'lorentzian'` or `'pseudo-voigt'` (η·L + (1 − η)·G with a common FWHM, lmfit's
   * `pvoigt`).
   * @defaultValue 'pseudo-voigt'
   */
  profile?: 'gaussian' | 'lorentzian' | 'pseudo-voigt';
  /**
   * The background polynomial; see {@link FitBackground}. It is fitted in the centred, scaled
   * variable t = (x − x_mid)/half-span of the fitted window for conditioning and reported as
   * coefficients of powers of x.
   * @defaultValue 'linear'
   */
  background?: FitBackground;
  /**
   * Starting background coefficients b₀, b₁, … of powers of x (one per coefficient of
   * `background`).
   * @defaultValue b₀ = the lowest y in the window, the others 0
   */
  initialBackground?: ArrayLike<number>;
  /**
   * Weights wᵢ = 1/σᵢ of the points (lmfit's `weights`, not 1/σᵢ²), one per point of x; finite
   * and ≥ 0. For counting data, 1/√max(yᵢ, 1).
   * @defaultValue every wᵢ = 1
   */
  weights?: ArrayLike<number>;
  /**
   * Parameters held at their starting values for every peak (see also {@link InitialPeak.fixed}).
   * @defaultValue `[]`
   */
  fixed?: readonly PeakParameter[];
  /**
   * Fit only the points with min ≤ x ≤ max, given as `[min, max]` in the unit of x.
   * @defaultValue every point
   */
  window?: readonly [number, number];
  /**
   * Largest number of Levenberg–Marquardt steps (`levenbergMarquardt`'s `maxIterations`).
   * @defaultValue 1000
   */
  maxIterations?: number;
  /**
   * Relative tolerance of the convergence tests (`levenbergMarquardt`'s `tolerance`).
   * @defaultValue 1e-10
   */
  tolerance?: number;
}

/** Standard errors of a {@link FittedPeak}, each in the unit of its parameter; 0 when fixed. */
export interface PeakStandardErrors {
  /** Of `center`, in the unit of x. */
  center: number;
  /** Of `fwhm`, in the unit of x. */
  fwhm: number;
  /** Of `area`. */
  area: number;
  /** Of `eta` (pseudo-Voigt only). */
  eta?: number;
  /** Of `height`, propagated from area, fwhm and η with their covariances. */
  height: number;
}

/** One fitted peak of a {@link FitPeaksResult}. */
export interface FittedPeak {
  /** Position of the maximum, in the unit of x. */
  center: number;
  /** Full width at half maximum, in the unit of x (lmfit's `fwhm` = 2·sigma for `pvoigt`). */
  fwhm: number;
  /** Integrated area, in the unit of y times the unit of x (lmfit's `amplitude`). */
  area: number;
  /** Lorentzian fraction η (lmfit's `fraction`); pseudo-Voigt only. */
  eta?: number;
  /**
   * Height of the maximum above the background, area × the peak value of the unit-area profile:
   * 2/(π·fwhm) (Lorentzian), 2√(ln 2/π)/fwhm (Gaussian), their η-weighted sum (pseudo-Voigt);
   * lmfit's derived `height`.
   */
  height: number;
  /**
   * Standard errors (lmfit's `stderr`: the covariance is scaled by the reduced χ²); NaN when the
   * covariance is singular.
   */
  standardErrors: PeakStandardErrors;
}

/** Result of {@link fitPeaks}. */
export interface FitPeaksResult extends FitStatistics {
  /** The fitted peaks, in the order of `initialPeaks`. */
  peaks: FittedPeak[];
  /** The profile that was fitted. */
  profile: 'gaussian' | 'lorentzian' | 'pseudo-voigt';
  /** Background coefficients b₀, b₁, …, bₙ of b(x) = Σ bₖxᵏ (empty for `'none'`). */
  background: Float64Array;
  /** Standard errors of `background`. */
  backgroundStandardErrors: Float64Array;
  /**
   * Names of the free parameters, in the order of `covariance`: `'peaks[k].center'`,
   * `'peaks[k].fwhm'`, `'peaks[k].area'`, `'peaks[k].eta'`, `'background[j]'`.
   */
  parameterNames: string[];
  /**
   * Covariance of the free parameters (row-major, `parameterNames.length` squared), scaled by the
   * reduced χ² as lmfit's default; all NaN when singular.
   */
  covariance: Float64Array;
  /** Index of the first point of x inside the window. */
  start: number;
  /** One past the index of the last point inside the window. */
  end: number;
  /** The x values that were fitted (those of the window). */
  x: Float64Array;
  /** The model (peaks + background) at each fitted point. */
  fitted: Float64Array;
  /** y − fitted at each fitted point (unweighted). */
  residuals: Float64Array;
}

type Profile = 'gaussian' | 'lorentzian' | 'pseudo-voigt';
const PARAMETERS: readonly PeakParameter[] = ['center', 'fwhm', 'area', 'eta'];
const MAX_POLYNOMIAL_DEGREE = 10;
const INV_PI = 1 / Math.PI;
/** Peak value × FWHM of the unit-area Gaussian, 2√(ln 2/π). */
const GAUSS_PEAK = 2 * Math.sqrt(Math.LN2 / Math.PI);
/** Peak value × FWHM of the unit-area Lorentzian, 2/π. */
const LORENTZ_PEAK = 2 * INV_PI;

/**
 * The validated, data-independent part of a peak fit, shared with the series fitter.
 * @internal
 */
export interface PeakModelSpec {
  /** Profile of every peak. */
  profile: Profile;
  /** Number of background coefficients (degree + 1; 0 for none). */
  backgroundTerms: number;
  /** Per peak, the parameters held fixed. */
  fixed: ReadonlyArray<ReadonlySet<PeakParameter>>;
}

/**
 * Validates the starting peaks and the options that do not depend on the data.
 * @internal
 */
export function checkPeakModel(
  initialPeaks: unknown,
  options: unknown,
  peaksName = 'initialPeaks',
): PeakModelSpec {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { profile?, background?, weights?, fixed?, window?, … }; received ${describeValue(options)}`,
    );
  }
  const o = options as FitPeaksOptions;
  const profile = o.profile ?? 'pseudo-voigt';
  if (profile !== 'gaussian' && profile !== 'lorentzian' && profile !== 'pseudo-voigt') {
    throw new TypeError(
      `profile must be 'gaussian', 'lorentzian' or 'pseudo-voigt'; received ${describeValue(profile)}`,
    );
  }
  const backgroundTerms = checkBackground(o.background);
  if (o.initialBackground !== undefined) {
    assertNumericArray('initialBackground', o.initialBackground, {
      length: backgroundTerms,
      lengthOf: 'the background coefficients',
    });
  }
  const common = checkFixedList('fixed', o.fixed, profile);
  if (o.window !== undefined) {
    const w = o.window as unknown;
    if (!Array.isArray(w) || w.length !== 2) {
      throw new TypeError(`window must be an array [min, max]; received ${describeValue(w)}`);
    }
    const lo = assertFiniteNumber('window[0]', w[0]);
    const hi = assertFiniteNumber('window[1]', w[1]);
    if (!(lo < hi)) {
      throw new RangeError(`window must be [min, max] with min < max; received [${lo}, ${hi}]`);
    }
  }
  if (!Array.isArray(initialPeaks) || initialPeaks.length === 0) {
    throw new TypeError(
      `${peaksName} must be a non-empty array of peaks { center, fwhm, area?, height?, eta?, fixed? }; received ${describeValue(initialPeaks)}`,
    );
  }
  const fixed = initialPeaks.map((peak: unknown, k) => {
    const name = `${peaksName}[${k}]`;
    if (typeof peak !== 'object' || peak === null) {
      throw new TypeError(
        `${name} must be an object { center, fwhm, area?, height?, eta?, fixed? }; received ${describeValue(peak)}`,
      );
    }
    const p = peak as InitialPeak;
    assertFiniteNumber(`${name}.center`, p.center);
    const fwhm = assertFiniteNumber(`${name}.fwhm`, p.fwhm, { min: 0, exclusiveMin: true });
    if (!Number.isFinite(2 / fwhm)) {
      throw new RangeError(`${name}.fwhm must have a finite reciprocal; received ${fwhm}`);
    }
    if (p.area !== undefined && p.height !== undefined) {
      throw new RangeError(
        `${name} must give area or height, not both; received area ${describeValue(p.area)} and height ${describeValue(p.height)}`,
      );
    }
    if (p.area !== undefined) assertFiniteNumber(`${name}.area`, p.area);
    if (p.height !== undefined) assertFiniteNumber(`${name}.height`, p.height);
    if (p.eta !== undefined) {
      if (profile !== 'pseudo-voigt') {
        throw new RangeError(
          `${name}.eta is only accepted with profile 'pseudo-voigt'; received eta ${describeValue(p.eta)} with profile '${profile}'`,
        );
      }
      assertFiniteNumber(`${name}.eta`, p.eta, { min: 0, max: 1 });
    }
    const own = checkFixedList(`${name}.fixed`, p.fixed, profile);
    return new Set([...common, ...own]);
  });
  return { profile, backgroundTerms, fixed };
}

function checkBackground(background: unknown): number {
  if (background === undefined || background === 'linear') return 2;
  if (background === 'none') return 0;
  if (background === 'constant') return 1;
  if (typeof background === 'object' && background !== null && 'polynomial' in background) {
    const degree = assertFiniteNumber(
      'background.polynomial',
      (background as { polynomial: unknown }).polynomial,
      { min: 0, max: MAX_POLYNOMIAL_DEGREE, integer: true },
    );
    return degree + 1;
  }
  throw new TypeError(
    `background must be 'none', 'constant', 'linear' or { polynomial: n }; received ${describeValue(background)}`,
  );
}

function checkFixedList(name: string, list: unknown, profile: Profile): PeakParameter[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new TypeError(
      `${name} must be an array of parameter names ('center', 'fwhm', 'area', 'eta'); received ${describeValue(list)}`,
    );
  }
  return list.map((entry: unknown, k) => {
    if (!PARAMETERS.includes(entry as PeakParameter)) {
      throw new TypeError(
        `${name}[${k}] must be 'center', 'fwhm', 'area' or 'eta'; received ${describeValue(entry)}`,
      );
    }
    if (entry === 'eta' && profile !== 'pseudo-voigt') {
      throw new RangeError(
        `${name}[${k}] is 'eta', which only exists with profile 'pseudo-voigt'; received profile '${profile}'`,
      );
    }
    return entry as PeakParameter;
  });
}

/** Peak value of the unit-area profile of the given FWHM (and η). */
function unitPeak(profile: Profile, fwhm: number, eta: number): number {
  if (profile === 'gaussian') return GAUSS_PEAK / fwhm;
  if (profile === 'lorentzian') return LORENTZ_PEAK / fwhm;
  return (eta * LORENTZ_PEAK + (1 - eta) * GAUSS_PEAK) / fwhm;
}

/** Binomial coefficients C(j, k) for j, k ≤ n, as rows. */
function binomials(n: number): number[][] {
  const rows: number[][] = [];
  for (let j = 0; j <= n; j++) {
    const row = [1];
    for (let k = 1; k <= j; k++)
      row.push(k === j ? 1 : (rows[j - 1]?.[k - 1] ?? 0) + (rows[j - 1]?.[k] ?? 0));
    rows.push(row);
  }
  return rows;
}

/** Index of a parameter in the fitted vector, or −1 when held at `value`. */
interface Slot {
  index: number;
  value: number;
}

/**
 * Fits a sum of peaks on a polynomial background to a pattern by nonlinear least squares:
 *
 * y(x) ≈ Σₖ areaₖ·P(x; centerₖ, fwhmₖ, ηₖ) + Σⱼ bⱼ·xʲ
 *
 * with P the area-normalised Gaussian, Lorentzian or pseudo-Voigt of `@intercalate/numerics`
 * (`gaussian`, `lorentzian`, `pseudoVoigt`; the pseudo-Voigt is lmfit's `pvoigt`, whose `sigma` is
 * the half width: fwhm = 2·sigma, `amplitude` = area, `fraction` = η). The minimiser is
 * `levenbergMarquardt` with the analytic Jacobian of the line shapes (`addLineShapeDerivatives`),
 * so the fitted parameters, χ² and standard errors are those of lmfit's `Model.fit` (method
 * `'leastsq'`) on the same model and data, converged further (lmfit's default tolerances stop
 * earlier; compare with `xtol = ftol = 1e-12`).
 *
 * Free parameters per peak: center (unbounded), fwhm (kept ≥ 10⁻⁹ × the window's span), area
 * (unbounded, may turn negative) and, for a pseudo-Voigt, η (kept in [0, 1]); then the background
 * coefficients. Any peak parameter can be held fixed. Standard errors follow lmfit's default (the
 * covariance is scaled by the reduced χ²); the background's are propagated from the centred basis
 * in which it is fitted.
 *
 * @param x - The axis: n finite values, strictly increasing or strictly decreasing (°2θ for a
 *   diffraction pattern, or any other monotone axis).
 * @param y - The intensities at the points of x (n finite values, not all equal within the window).
 * @param initialPeaks - Starting peaks, at least one; see {@link InitialPeak}.
 * @param options - Profile, background, weights, fixed parameters, window and iteration settings;
 *   see {@link FitPeaksOptions}.
 * @returns The fit; see {@link FitPeaksResult}.
 * @throws TypeError if an argument has the wrong type, a profile, background or parameter name is
 *   not one of those listed.
 * @throws RangeError if x and y (or weights) differ in length, a value is not finite, x is not
 *   strictly monotone, the window holds fewer points than free parameters, y is constant over the
 *   window, a peak gives both area and height, η is outside [0, 1] or given for a profile without
 *   η, every parameter is fixed, or as `levenbergMarquardt` (negative weights, iteration
 *   settings, a model that is not finite at the start).
 *
 * @example
 * ```ts
 * import { fitPeaks } from '@intercalate/crystallography';
 * import { pseudoVoigt } from '@intercalate/numerics';
 * const x = Float64Array.from({ length: 401 }, (_, i) => 17 + 0.01 * i); // 17–21 °2θ
 * const y = x.map((t) => 120 * pseudoVoigt(t, 18.7, 0.12, 0.4) + 30 - 0.5 * t);
 * const fit = fitPeaks(x, y, [{ center: 18.65, fwhm: 0.1, height: 500 }]);
 * fit.peaks[0].center; // 18.7 (to ~1e-10)
 * fit.peaks[0].area; // 120
 * fit.background; // Float64Array [30, -0.5]
 * ```
 */
export function fitPeaks(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  initialPeaks: readonly InitialPeak[],
  options: FitPeaksOptions = {},
): FitPeaksResult {
  assertNumericArray('x', x, { minLength: 1 });
  const total = x.length;
  assertNumericArray('y', y, { length: total, lengthOf: 'x' });
  checkMonotone(x);
  const spec = checkPeakModel(initialPeaks, options);
  const { profile, backgroundTerms } = spec;
  const pseudoVoigt = profile === 'pseudo-voigt';

  // The window, a contiguous index range [start, end) of the monotone axis.
  let start = 0;
  let end = total;
  if (options.window !== undefined) {
    const [lo, hi] = options.window;
    start = total;
    end = 0;
    for (let i = 0; i < total; i++) {
      const xi = x[i] as number;
      if (xi >= lo && xi <= hi) {
        if (i < start) start = i;
        end = i + 1;
      }
    }
    if (end <= start) {
      throw new RangeError(
        `window [${lo}, ${hi}] must contain points of x; x spans [${Math.min(x[0] as number, x[total - 1] as number)}, ${Math.max(x[0] as number, x[total - 1] as number)}]`,
      );
    }
  }
  const n = end - start;
  const xw = new Float64Array(n);
  const yw = new Float64Array(n);
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    xw[i] = x[start + i] as number;
    const v = y[start + i] as number;
    yw[i] = v;
    if (v < yMin) yMin = v;
    if (v > yMax) yMax = v;
  }
  if (yMin === yMax) {
    throw new RangeError(
      `y must not be constant over the fitted points (every value is ${yMin}): there is no peak to fit`,
    );
  }
  let weights: Float64Array | undefined;
  if (options.weights !== undefined) {
    assertNumericArray('weights', options.weights, { length: total, lengthOf: 'x' });
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = options.weights[start + i] as number;
  }

  // Background variable t = (x − mid)/half, and the starting coefficients in that basis.
  const first = xw[0] as number;
  const last = xw[n - 1] as number;
  const mid = (first + last) / 2;
  const half = n > 1 ? Math.abs(last - first) / 2 : 1;
  const degree = backgroundTerms - 1;
  const choose = binomials(Math.max(degree, 0));
  const startBackground = new Float64Array(backgroundTerms);
  if (options.initialBackground !== undefined) {
    // β_k = half^k · Σ_{j≥k} b_j·C(j, k)·mid^(j−k), from x = mid + half·t.
    for (let k = 0; k < backgroundTerms; k++) {
      let sum = 0;
      for (let j = k; j < backgroundTerms; j++) {
        sum +=
          (options.initialBackground[j] as number) * (choose[j]?.[k] as number) * mid ** (j - k);
      }
      startBackground[k] = sum * half ** k;
    }
  } else if (backgroundTerms > 0) {
    startBackground[0] = yMin;
  }
  const backgroundAt = (i: number): number => {
    const t = ((xw[i] as number) - mid) / half;
    let v = 0;
    for (let k = degree; k >= 0; k--) v = v * t + (startBackground[k] as number);
    return v;
  };

  // Parameter vector: the free peak parameters (center, fwhm, area, eta per peak), then the
  // background coefficients.
  const initial: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const names: string[] = [];
  const slot = (value: number, free: boolean, lo: number, hi: number, name: string): Slot => {
    if (!free) return { index: -1, value };
    initial.push(value);
    lower.push(lo);
    upper.push(hi);
    names.push(name);
    return { index: initial.length - 1, value };
  };
  const span = Math.abs(last - first);
  const minFwhm = 1e-9 * (span > 0 ? span : 1);
  const slots = initialPeaks.map((peak, k) => {
    const held = spec.fixed[k] as ReadonlySet<PeakParameter>;
    const eta = pseudoVoigt ? (peak.eta ?? 0.5) : 0;
    let area = peak.area;
    if (area === undefined) {
      let height = peak.height;
      if (height === undefined) {
        let nearest = 0;
        for (let i = 1; i < n; i++) {
          if (
            Math.abs((xw[i] as number) - peak.center) <
            Math.abs((xw[nearest] as number) - peak.center)
          )
            nearest = i;
        }
        height = (yw[nearest] as number) - backgroundAt(nearest);
      }
      area = height / unitPeak(profile, peak.fwhm, eta);
    }
    const free = (p: PeakParameter) => !held.has(p);
    const hi = Number.POSITIVE_INFINITY;
    const lo = Number.NEGATIVE_INFINITY;
    return {
      center: slot(peak.center, free('center'), lo, hi, `peaks[${k}].center`),
      fwhm: slot(Math.max(peak.fwhm, minFwhm), free('fwhm'), minFwhm, hi, `peaks[${k}].fwhm`),
      area: slot(area, free('area'), lo, hi, `peaks[${k}].area`),
      eta: pseudoVoigt ? slot(eta, free('eta'), 0, 1, `peaks[${k}].eta`) : undefined,
    };
  });
  const backgroundStart = initial.length;
  for (let k = 0; k < backgroundTerms; k++) {
    slot(
      startBackground[k] as number,
      true,
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      `background[${k}]`,
    );
  }
  const m = initial.length;
  if (m === 0) {
    throw new RangeError(
      "fitPeaks needs at least one free parameter; every peak parameter is fixed and background is 'none'",
    );
  }
  if (n < m) {
    throw new RangeError(
      `the fitted window must hold at least as many points as free parameters (${m}); it holds ${n} (x[${start}] … x[${end - 1}])`,
    );
  }

  // Powers of t, the background's Jacobian columns.
  const powers: Float64Array[] = [];
  for (let k = 0; k < backgroundTerms; k++) {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      column[i] = k === 0 ? 1 : (powers[k - 1]?.[i] as number) * (((xw[i] as number) - mid) / half);
    }
    powers.push(column);
  }

  // One mutable line per peak, reused by every evaluation.
  const lines: LineShape[] = initialPeaks.map(() => ({
    shape: profile,
    center: 0,
    fwhm: 1,
    eta: 0,
    area: 0,
  }));
  const read = (p: Float64Array, s: Slot): number =>
    s.index >= 0 ? (p[s.index] as number) : s.value;
  const update = (p: Float64Array): void => {
    for (let k = 0; k < lines.length; k++) {
      const s = slots[k] as (typeof slots)[number];
      const line = lines[k] as LineShape;
      line.center = read(p, s.center);
      line.fwhm = read(p, s.fwhm);
      line.area = read(p, s.area);
      if (s.eta) line.eta = read(p, s.eta);
    }
  };
  const model = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    update(p);
    if (backgroundTerms === 0) out.fill(0);
    else {
      const constant = p[backgroundStart] as number;
      out.fill(constant);
      for (let k = 1; k < backgroundTerms; k++) {
        const b = p[backgroundStart + k] as number;
        const column = powers[k] as Float64Array;
        for (let i = 0; i < n; i++) out[i] = (out[i] as number) + b * (column[i] as number);
      }
    }
    try {
      addLineShape(out, xw, lines);
    } catch (error) {
      // A trial point with an unusable peak (a height that overflows) is rejected by the fitter.
      if (error instanceof RangeError) out.fill(Number.NaN);
      else throw error;
    }
  };
  let targetBuffer: Float64Array | undefined;
  let targets: LineShapeTargets[] = [];
  const column = (buffer: Float64Array, s: Slot | undefined): Float64Array | undefined =>
    s !== undefined && s.index >= 0 ? buffer.subarray(s.index * n, (s.index + 1) * n) : undefined;
  const jacobian = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    update(p);
    if (out !== targetBuffer) {
      targetBuffer = out;
      targets = slots.map((s) => {
        const target: LineShapeTargets = {};
        const center = column(out, s.center);
        const fwhm = column(out, s.fwhm);
        const area = column(out, s.area);
        const eta = column(out, s.eta);
        if (center) target.center = center;
        if (fwhm) target.fwhm = fwhm;
        if (area) target.area = area;
        if (eta) target.eta = eta;
        return target;
      });
    }
    out.fill(0, 0, backgroundStart * n);
    addLineShapeDerivatives(xw, lines, targets);
    for (let k = 0; k < backgroundTerms; k++) {
      out.set(powers[k] as Float64Array, (backgroundStart + k) * n);
    }
  };

  const result = levenbergMarquardt({
    model,
    jacobian,
    x: xw,
    y: yw,
    initial,
    lower,
    upper,
    ...(weights === undefined ? {} : { weights }),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  const p = result.params;

  // Covariance in the reported basis: peak parameters unchanged, background b = T·β with
  // T[j][k] = C(k, j)·(−mid)^(k−j)/half^k (k ≥ j), from tᵏ = ((x − mid)/half)ᵏ.
  const transform = new Float64Array(m * m);
  for (let j = 0; j < backgroundStart; j++) transform[j * m + j] = 1;
  for (let j = 0; j < backgroundTerms; j++) {
    for (let k = j; k < backgroundTerms; k++) {
      transform[(backgroundStart + j) * m + backgroundStart + k] =
        ((choose[k]?.[j] as number) * (-mid) ** (k - j)) / half ** k;
    }
  }
  const covariance = congruence(transform, result.covariance, m);
  const values = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let k = 0; k < m; k++) sum += (transform[j * m + k] as number) * (p[k] as number);
    values[j] = sum;
  }
  const variance = (a: number, b: number): number => covariance[a * m + b] as number;
  const error = (s: Slot | undefined): number =>
    s === undefined || s.index < 0 ? 0 : Math.sqrt(variance(s.index, s.index));

  const peaks: FittedPeak[] = slots.map((s) => {
    const center = read(values, s.center);
    const fwhm = read(values, s.fwhm);
    const area = read(values, s.area);
    const eta = s.eta ? read(values, s.eta) : 0;
    const peakValue = unitPeak(profile, fwhm, eta);
    const height = area * peakValue;
    // h = area·κ(η)/fwhm: ∂h/∂area = κ/fwhm, ∂h/∂fwhm = −h/fwhm, ∂h/∂η = area·(2/π − 2√(ln 2/π))/fwhm.
    const gradient: Array<[Slot | undefined, number]> = [
      [s.area, peakValue],
      [s.fwhm, -height / fwhm],
      [s.eta, (area * (LORENTZ_PEAK - GAUSS_PEAK)) / fwhm],
    ];
    let heightVariance = 0;
    for (const [a, ga] of gradient) {
      if (a === undefined || a.index < 0) continue;
      for (const [b, gb] of gradient) {
        if (b === undefined || b.index < 0) continue;
        heightVariance += ga * gb * variance(a.index, b.index);
      }
    }
    const fitted: FittedPeak = {
      center,
      fwhm,
      area,
      ...(s.eta ? { eta } : {}),
      height,
      standardErrors: {
        center: error(s.center),
        fwhm: error(s.fwhm),
        area: error(s.area),
        ...(s.eta ? { eta: error(s.eta) } : {}),
        height: Math.sqrt(heightVariance),
      },
    };
    return fitted;
  });
  const background = values.slice(backgroundStart);
  const backgroundStandardErrors = new Float64Array(backgroundTerms);
  for (let k = 0; k < backgroundTerms; k++) {
    const j = backgroundStart + k;
    backgroundStandardErrors[k] = Math.sqrt(variance(j, j));
  }

  const fitted = new Float64Array(n);
  model(p, xw, fitted);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = (yw[i] as number) - (fitted[i] as number);

  return {
    peaks,
    profile,
    background,
    backgroundStandardErrors,
    parameterNames: names,
    covariance,
    start,
    end,
    x: xw,
    fitted,
    residuals,
    ...fitStatistics(result),
  };
}

/** T·C·Tᵀ for m × m row-major matrices. */
function congruence(t: Float64Array, c: Float64Array, m: number): Float64Array {
  const tc = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const tik = t[i * m + k] as number;
      if (tik === 0) continue;
      for (let j = 0; j < m; j++)
        tc[i * m + j] = (tc[i * m + j] as number) + tik * (c[k * m + j] as number);
    }
  }
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let k = 0; k < m; k++) {
        const tjk = t[j * m + k] as number;
        if (tjk !== 0) sum += (tc[i * m + k] as number) * tjk;
      }
      out[i * m + j] = sum;
    }
  }
  return out;
}

/** Throws unless x is strictly increasing or strictly decreasing. */
function checkMonotone(x: ArrayLike<number>): void {
  if (x.length < 2) return;
  const direction = Math.sign((x[1] as number) - (x[0] as number));
  for (let i = 1; i < x.length; i++) {
    const step = (x[i] as number) - (x[i - 1] as number);
    if (direction === 0 || Math.sign(step) !== direction) {
      const how =
        direction === 0
          ? `received x[1] = ${x[1]} equal to x[0]`
          : `it ${direction > 0 ? 'increases' : 'decreases'} from x[0] to x[1] but x[${i}] = ${x[i]} follows x[${i - 1}] = ${x[i - 1]}`;
      throw new RangeError(`x must be strictly monotone (increasing or decreasing); ${how}`);
    }
  }
}
