import {
  addLineShape,
  gaussian as areaGaussian,
  lorentzian as areaLorentzian,
  pseudoVoigt as areaPseudoVoigt,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';

/**
 * How a peak profile is scaled:
 *
 * - `'area'`: ∫P d(2θ) = 1, so P has the unit 1/degree and `area × P` is a peak of that integrated
 *   intensity (the convention of lmfit's `lineshapes` and of Rietveld programs, where a peak's
 *   intensity is its area).
 * - `'height'`: P(center) = 1, so `height × P` is a peak of that maximum.
 *
 * Both are the **same shape**: the height-normalised profile is the area-normalised one divided by
 * its value at the centre. For a pseudo-Voigt, η keeps its meaning as the Lorentzian fraction of
 * the area in both cases.
 */
export type ProfileNormalization = 'area' | 'height';

/** Options of the scalar profile functions {@link gaussian}, {@link lorentzian}, {@link pseudoVoigt}. */
export interface ProfileOptions {
  /**
   * Area or height normalisation; see {@link ProfileNormalization}.
   * @defaultValue 'area'
   */
  normalization?: ProfileNormalization;
}

/** Options of the typed-array forms of {@link gaussian}, {@link lorentzian}, {@link pseudoVoigt}. */
export interface ProfileArrayOptions extends ProfileOptions {
  /**
   * Destination buffer, one element per 2θ value (not the `twoTheta` array itself); it is
   * overwritten, not added to. A new array is allocated when absent.
   */
  out?: Float64Array;
}

/** The FWHM and Lorentzian fraction of a Thompson–Cox–Hastings pseudo-Voigt; see {@link tchPseudoVoigt}. */
export interface TchPseudoVoigt {
  /** Full width at half maximum H of the pseudo-Voigt, in the unit of the input widths (degrees 2θ). */
  fwhm: number;
  /** Lorentzian fraction η ∈ [0, 1] of the pseudo-Voigt (η = 1 is a pure Lorentzian). */
  eta: number;
}

/** Peak height of the unit-area Gaussian times its FWHM: 2√(ln 2 / π) ≈ 0.9394. */
const GAUSSIAN_PEAK = 2 * Math.sqrt(Math.LN2 / Math.PI);
/** Peak height of the unit-area Lorentzian times its FWHM: 2/π ≈ 0.6366. */
const LORENTZIAN_PEAK = 2 / Math.PI;

/**
 * The Gaussian peak profile in 2θ:
 *
 * G(2θ) = 2√(ln 2 / π)/fwhm · exp(−4 ln 2 · (2θ − center)² / fwhm²)   (`'area'`, ∫G = 1)
 *
 * or exp(−4 ln 2 · (2θ − center)² / fwhm²) (`'height'`, G(center) = 1). σ = fwhm / (2√(2 ln 2)).
 * The area-normalised value is the one of `gaussian` in `@intercalate/numerics`, equal to lmfit's
 * `lineshapes.gaussian(x, amplitude=1, center, sigma=σ)` and `scipy.stats.norm.pdf`.
 *
 * @param twoTheta - Where to evaluate, degrees 2θ (any finite value; the profile is unit-agnostic).
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param options - Normalisation; see {@link ProfileOptions}.
 * @returns G(2θ): in 1/degree for `'area'`, dimensionless for `'height'`.
 * @throws TypeError if an argument is not a number or `normalization` is not `'area'`/`'height'`.
 * @throws RangeError if an argument is not finite or `fwhm` ≤ 0.
 *
 * @example
 * ```ts
 * import { gaussian } from '@intercalate/crystallography';
 * gaussian(18.7, 18.7, 0.1); // 9.394372786996513 = 2√(ln 2/π)/0.1
 * gaussian(18.75, 18.7, 0.1, { normalization: 'height' }); // ≈ 0.5: half maximum at center + fwhm/2
 * ```
 */
export function gaussian(
  twoTheta: number,
  center: number,
  fwhm: number,
  options?: ProfileOptions,
): number;
/**
 * The Gaussian profile (see the scalar overload) at every value of a 2θ array.
 *
 * @param twoTheta - Where to evaluate, degrees 2θ; finite values in any order.
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param options - Normalisation and `out` buffer; see {@link ProfileArrayOptions}.
 * @returns `out` (or a new Float64Array) holding G at each 2θ.
 * @throws TypeError if `twoTheta` is not an array of numbers, `out` is not a Float64Array, or an
 *   argument has the wrong type.
 * @throws RangeError if a value is not finite, `fwhm` ≤ 0 or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { gaussian } from '@intercalate/crystallography';
 * gaussian([18.6, 18.7, 18.8], 18.7, 0.2, { normalization: 'height' }); // ≈ [0.5, 1, 0.5]
 * ```
 */
export function gaussian(
  twoTheta: ArrayLike<number>,
  center: number,
  fwhm: number,
  options?: ProfileArrayOptions,
): Float64Array;
export function gaussian(
  twoTheta: number | ArrayLike<number>,
  center: number,
  fwhm: number,
  options: ProfileArrayOptions = {},
): number | Float64Array {
  return evaluate('gaussian', twoTheta, center, fwhm, 0, options);
}

/**
 * The Lorentzian (Cauchy) peak profile in 2θ:
 *
 * L(2θ) = (2/(π·fwhm)) / (1 + 4(2θ − center)²/fwhm²)   (`'area'`, ∫L = 1)
 *
 * or 1 / (1 + 4(2θ − center)²/fwhm²) (`'height'`, L(center) = 1). The area-normalised value is the
 * one of `lorentzian` in `@intercalate/numerics`, equal to lmfit's
 * `lineshapes.lorentzian(x, amplitude=1, center, sigma=fwhm/2)` (lmfit's sigma is the half width).
 *
 * @param twoTheta - Where to evaluate, degrees 2θ.
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param options - Normalisation; see {@link ProfileOptions}.
 * @returns L(2θ): in 1/degree for `'area'`, dimensionless for `'height'`.
 * @throws TypeError if an argument is not a number or `normalization` is not `'area'`/`'height'`.
 * @throws RangeError if an argument is not finite or `fwhm` ≤ 0.
 *
 * @example
 * ```ts
 * import { lorentzian } from '@intercalate/crystallography';
 * lorentzian(44.5, 44.5, 0.2); // 3.1830988618379066 = 2/(π·0.2)
 * lorentzian(44.6, 44.5, 0.2, { normalization: 'height' }); // ≈ 0.5
 * ```
 */
export function lorentzian(
  twoTheta: number,
  center: number,
  fwhm: number,
  options?: ProfileOptions,
): number;
/**
 * The Lorentzian profile (see the scalar overload) at every value of a 2θ array.
 *
 * @param twoTheta - Where to evaluate, degrees 2θ; finite values in any order.
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param options - Normalisation and `out` buffer; see {@link ProfileArrayOptions}.
 * @returns `out` (or a new Float64Array) holding L at each 2θ.
 * @throws TypeError if `twoTheta` is not an array of numbers, `out` is not a Float64Array, or an
 *   argument has the wrong type.
 * @throws RangeError if a value is not finite, `fwhm` ≤ 0 or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { lorentzian } from '@intercalate/crystallography';
 * lorentzian([44.4, 44.5, 44.6], 44.5, 0.2, { normalization: 'height' }); // ≈ [0.5, 1, 0.5]
 * ```
 */
export function lorentzian(
  twoTheta: ArrayLike<number>,
  center: number,
  fwhm: number,
  options?: ProfileArrayOptions,
): Float64Array;
export function lorentzian(
  twoTheta: number | ArrayLike<number>,
  center: number,
  fwhm: number,
  options: ProfileArrayOptions = {},
): number | Float64Array {
  return evaluate('lorentzian', twoTheta, center, fwhm, 1, options);
}

/**
 * The pseudo-Voigt peak profile in 2θ, the mix of a Lorentzian and a Gaussian of the **same** FWHM
 * with η the Lorentzian fraction of the area:
 *
 * pV(2θ) = η·L(2θ) + (1 − η)·G(2θ)
 *
 * with L and G area-normalised (see {@link lorentzian}, {@link gaussian}). With `'area'` this is
 * `pseudoVoigt` of `@intercalate/numerics`, lmfit's
 * `lineshapes.pvoigt(x, amplitude=1, center, sigma=fwhm/2, fraction=η)` and the profile of GSAS-II
 * and FullProf (η from {@link tchPseudoVoigt} there). With `'height'` the same shape is divided by
 * its maximum pV(center) = (2η/π + (1 − η)·2√(ln 2/π))/fwhm, so the peak is 1.
 *
 * Convention: some peak-fitting codes mix unit-*height* components instead,
 * η_h/(1 + 4u²) + (1 − η_h)·exp(−4 ln 2·u²) with u = (2θ − center)/fwhm; that η_h is the Lorentzian
 * fraction of the height and relates to this η by η_h = 2η/π / (2η/π + (1 − η)·2√(ln 2/π)).
 *
 * @param twoTheta - Where to evaluate, degrees 2θ.
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param eta - Lorentzian fraction η ∈ [0, 1] (0: Gaussian, 1: Lorentzian).
 * @param options - Normalisation; see {@link ProfileOptions}.
 * @returns pV(2θ): in 1/degree for `'area'`, dimensionless for `'height'`.
 * @throws TypeError if an argument is not a number or `normalization` is not `'area'`/`'height'`.
 * @throws RangeError if an argument is not finite, `fwhm` ≤ 0 or `eta` is outside [0, 1].
 *
 * @example
 * ```ts
 * import { pseudoVoigt } from '@intercalate/crystallography';
 * pseudoVoigt(0, 0, 1, 0.5); // 0.7880285255336164 = (2/π + 2√(ln 2/π))/2
 * pseudoVoigt(0.5, 0, 1, 0.5, { normalization: 'height' }); // 0.5 (the FWHM is exact)
 * ```
 */
export function pseudoVoigt(
  twoTheta: number,
  center: number,
  fwhm: number,
  eta: number,
  options?: ProfileOptions,
): number;
/**
 * The pseudo-Voigt profile (see the scalar overload) at every value of a 2θ array.
 *
 * @param twoTheta - Where to evaluate, degrees 2θ; finite values in any order.
 * @param center - Peak position, degrees 2θ; finite.
 * @param fwhm - Full width at half maximum, degrees 2θ; finite and > 0.
 * @param eta - Lorentzian fraction η ∈ [0, 1].
 * @param options - Normalisation and `out` buffer; see {@link ProfileArrayOptions}.
 * @returns `out` (or a new Float64Array) holding pV at each 2θ.
 * @throws TypeError if `twoTheta` is not an array of numbers, `out` is not a Float64Array, or an
 *   argument has the wrong type.
 * @throws RangeError if a value is not finite, `fwhm` ≤ 0, `eta` is outside [0, 1] or `out` has
 *   the wrong length.
 *
 * @example
 * ```ts
 * import { pseudoVoigt } from '@intercalate/crystallography';
 * const grid = Float64Array.from({ length: 201 }, (_, i) => 17.7 + 0.01 * i);
 * const peak = pseudoVoigt(grid, 18.7, 0.1, 0.3); // unit area, maximum at grid[100]
 * ```
 */
export function pseudoVoigt(
  twoTheta: ArrayLike<number>,
  center: number,
  fwhm: number,
  eta: number,
  options?: ProfileArrayOptions,
): Float64Array;
export function pseudoVoigt(
  twoTheta: number | ArrayLike<number>,
  center: number,
  fwhm: number,
  eta: number,
  options: ProfileArrayOptions = {},
): number | Float64Array {
  assertFiniteNumber('eta', eta, { min: 0, max: 1 });
  return evaluate('pseudo-voigt', twoTheta, center, fwhm, eta, options);
}

/**
 * The FWHM and Lorentzian fraction of the pseudo-Voigt that approximates the Voigt convolution of
 * a Gaussian of FWHM H_G with a Lorentzian of FWHM H_L, by Thompson, Cox & Hastings,
 * J. Appl. Cryst. 20 (1987) 79–83 (the "TCH" or "modified Thompson–Cox–Hastings" pseudo-Voigt of
 * GSAS-II, FullProf and TOPAS):
 *
 * H = (H_G⁵ + 2.69269 H_G⁴H_L + 2.42843 H_G³H_L² + 4.47163 H_G²H_L³ + 0.07842 H_G H_L⁴ + H_L⁵)^(1/5)
 *
 * η = 1.36603 q − 0.47719 q² + 0.11116 q³,  q = H_L / H
 *
 * The same coefficients are in GSAS-II (`GSASIIpwd.getgamFW`). η is the Lorentzian fraction to pass
 * to {@link pseudoVoigt} with `fwhm: H`; ml-peak-shape-generator's `mu` is the Gaussian fraction
 * 1 − η. H is within 0.5 % of the exact Voigt FWHM for every H_L/H_G (see the fixture script
 * `test/fixtures/profiles.py`). Pure limits: H_L = 0 gives H = H_G, η = 0; H_G = 0 gives H = H_L,
 * η = 1. η increases with q from 0 to 1, and is clamped to [0, 1] against rounding. The
 * polynomial is evaluated on widths scaled by max(H_G, H_L), so it neither overflows nor
 * underflows.
 *
 * @param gaussianFwhm - Gaussian FWHM H_G (degrees 2θ, or any unit shared with `lorentzianFwhm`);
 *   finite and ≥ 0.
 * @param lorentzianFwhm - Lorentzian FWHM H_L, same unit; finite and ≥ 0, not both zero.
 * @returns `{ fwhm: H, eta: η }`, H in the unit of the inputs.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if an argument is negative or not finite, or both are zero.
 *
 * @example
 * ```ts
 * import { pseudoVoigt, tchPseudoVoigt } from '@intercalate/crystallography';
 * const { fwhm, eta } = tchPseudoVoigt(0.08, 0.05); // { fwhm: 0.10962…, eta: 0.53435… }
 * pseudoVoigt(18.7, 18.7, fwhm, eta); // 7.0939…, the peak of the unit-area profile
 * ```
 */
export function tchPseudoVoigt(gaussianFwhm: number, lorentzianFwhm: number): TchPseudoVoigt {
  const hG = assertFiniteNumber('gaussianFwhm', gaussianFwhm, { min: 0 });
  const hL = assertFiniteNumber('lorentzianFwhm', lorentzianFwhm, { min: 0 });
  const scale = Math.max(hG, hL);
  if (scale === 0) {
    throw new RangeError(
      'gaussianFwhm and lorentzianFwhm must not both be 0 (a peak needs a width); received 0 and 0',
    );
  }
  const g = hG / scale;
  const l = hL / scale;
  const g2 = g * g;
  const l2 = l * l;
  const sum =
    g2 * g2 * g +
    2.69269 * g2 * g2 * l +
    2.42843 * g2 * g * l2 +
    4.47163 * g2 * l2 * l +
    0.07842 * g * l2 * l2 +
    l2 * l2 * l;
  const fwhm = scale * sum ** 0.2;
  const q = Math.min(hL / fwhm, 1);
  const eta = Math.min(Math.max(q * (1.36603 + q * (-0.47719 + q * 0.11116)), 0), 1);
  return { fwhm, eta };
}

// ---------------------------------------------------------------------------------------------

type Kind = 'gaussian' | 'lorentzian' | 'pseudo-voigt';

function checkNormalization(value: unknown): ProfileNormalization {
  if (value === undefined) return 'area';
  if (value !== 'area' && value !== 'height') {
    throw new TypeError(
      `options.normalization must be 'area' or 'height'; received ${describeValue(value)}`,
    );
  }
  return value;
}

function checkOptions(options: unknown): ProfileArrayOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { normalization?, out? }; received ${describeValue(options)}`,
    );
  }
  return options as ProfileArrayOptions;
}

/**
 * Evaluates one profile. `eta` is the Lorentzian fraction (0 for a Gaussian, 1 for a Lorentzian);
 * the area-normalised kernels of `@intercalate/numerics` do the work, and the height-normalised
 * form divides by the peak value η·2/(π·fwhm) + (1 − η)·2√(ln 2/π)/fwhm.
 */
function evaluate(
  kind: Kind,
  twoTheta: unknown,
  center: number,
  fwhm: number,
  eta: number,
  options: unknown,
): number | Float64Array {
  const { normalization, out } = checkOptions(options);
  const mode = checkNormalization(normalization);
  assertFiniteNumber('center', center, { unit: 'degrees 2θ' });
  assertFiniteNumber('fwhm', fwhm, { min: 0, exclusiveMin: true, unit: 'degrees 2θ' });
  const peak = (eta * LORENTZIAN_PEAK + (1 - eta) * GAUSSIAN_PEAK) / fwhm;
  if (mode === 'height' && !Number.isFinite(peak)) {
    throw new RangeError(
      `fwhm must be large enough for the peak height 1/fwhm to be finite; received ${fwhm}`,
    );
  }
  const scale = mode === 'height' ? 1 / peak : 1;
  if (typeof twoTheta === 'number') {
    assertFiniteNumber('twoTheta', twoTheta, { unit: 'degrees 2θ' });
    let value: number;
    if (kind === 'gaussian') value = areaGaussian(twoTheta, center, fwhm);
    else if (kind === 'lorentzian') value = areaLorentzian(twoTheta, center, fwhm);
    else value = areaPseudoVoigt(twoTheta, center, fwhm, eta);
    return mode === 'height' ? value / peak : value;
  }
  if (typeof twoTheta !== 'object' || twoTheta === null) {
    throw new TypeError(
      `twoTheta must be a number or an array of numbers (degrees 2θ); received ${describeValue(twoTheta)}`,
    );
  }
  const grid = assertNumericArray('twoTheta', twoTheta);
  const result = outputBuffer(out, grid.length, 'twoTheta');
  result.fill(0);
  addLineShape(result, grid, { shape: kind, center, fwhm, eta, area: scale });
  return result;
}
