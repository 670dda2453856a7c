import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/**
 * How the instrumental width b is removed from an observed width B to give the sample width β:
 *
 * - `'quadratic'`: β² = B² − b², exact when both profiles are Gaussian (widths of convolved
 *   Gaussians add in quadrature).
 * - `'linear'`: β = B − b, exact when both are Lorentzian (widths of convolved Lorentzians add).
 *
 * For pseudo-Voigt or Voigt peaks neither is exact; separate the Gaussian and Lorentzian widths
 * (e.g. with {@link tchPseudoVoigt}) or pick the rule of the dominant component.
 */
export type InstrumentalSubtraction = 'quadratic' | 'linear';

/** Arguments of {@link scherrerSize}. */
export interface ScherrerOptions {
  /** Observed peak width B (FWHM or integral breadth; see `shapeFactor`), degrees 2θ; > 0. */
  fwhm: number;
  /** Peak position, degrees 2θ, in (0, 180). */
  twoTheta: number;
  /** X-ray wavelength λ, Å; > 0. Required: there is no default wavelength. */
  wavelength: number;
  /**
   * Scherrer constant K > 0, required because programs disagree: 0.9 (Dans_Diffraction and most
   * textbooks), 0.94 (cheminfo xrd-analysis), 1 (GSAS-II's size broadening, whose
   * 1.8λ/(π·L·cosθ) centidegrees with L in µm is Kλ/(L cosθ) radians with K = 1). K depends on the crystallite shape and on whether the width is a FWHM or an
   * integral breadth (Langford & Wilson, J. Appl. Cryst. 11 (1978) 102).
   */
  shapeFactor: number;
  /**
   * Instrumental width b, degrees 2θ, in [0, fwhm]; measured on a line-profile standard (LaB₆,
   * Si) or from {@link caglioti} at the same 2θ.
   * @defaultValue 0
   */
  instrumentalFwhm?: number;
  /**
   * How `instrumentalFwhm` is removed; see {@link InstrumentalSubtraction}. Required when
   * `instrumentalFwhm` > 0 (the two rules give different sizes, and neither is a safe default).
   */
  subtraction?: InstrumentalSubtraction;
}

const DEG = Math.PI / 180;

/**
 * Removes the instrumental contribution from an observed peak width:
 * β = √(B² − b²) (`'quadratic'`) or β = B − b (`'linear'`); see {@link InstrumentalSubtraction}.
 * The quadratic form is evaluated as √((B − b)(B + b)), which keeps its accuracy when b is close
 * to B.
 *
 * @param fwhm - Observed width B, degrees 2θ; finite and ≥ 0.
 * @param instrumentalFwhm - Instrumental width b, degrees 2θ; finite, in [0, fwhm].
 * @param subtraction - `'quadratic'` or `'linear'`.
 * @returns The sample width β, degrees 2θ (0 when b = B).
 * @throws TypeError if a width is not a number or `subtraction` is not one of the two names.
 * @throws RangeError if a width is negative or not finite, or `instrumentalFwhm` > `fwhm`.
 *
 * @example
 * ```ts
 * import { subtractInstrumentalWidth } from '@intercalate/crystallography';
 * subtractInstrumentalWidth(0.5, 0.3, 'quadratic'); // 0.4
 * subtractInstrumentalWidth(0.5, 0.3, 'linear'); // 0.2
 * ```
 */
export function subtractInstrumentalWidth(
  fwhm: number,
  instrumentalFwhm: number,
  subtraction: InstrumentalSubtraction,
): number {
  return subtract('fwhm', fwhm, 'instrumentalFwhm', instrumentalFwhm, 'subtraction', subtraction);
}

/**
 * Volume-weighted crystallite size from the width of one reflection by the Scherrer equation:
 *
 * L = K λ / (β cos θ),   θ = 2θ / 2
 *
 * with β the sample width in **radians** of 2θ (converted here from the degrees given) after the
 * instrumental width is removed (see {@link subtractInstrumentalWidth}), K the shape factor and λ
 * the wavelength. The whole width is attributed to size: strain broadening (∝ tanθ) makes L an
 * underestimate; separate the two with {@link williamsonHall} over several reflections.
 *
 * @param options - Width, position, wavelength, shape factor and instrumental width; see
 *   {@link ScherrerOptions}.
 * @returns The crystallite size L, Å (same unit as the wavelength).
 * @throws TypeError if `options` is not an object, a value is not a number, or `subtraction` is
 *   missing while `instrumentalFwhm` > 0.
 * @throws RangeError if a value is out of range (`fwhm`, `wavelength`, `shapeFactor` ≤ 0,
 *   `twoTheta` outside (0, 180)), or `instrumentalFwhm` ≥ `fwhm` (no sample broadening left).
 *
 * @example
 * ```ts
 * import { scherrerSize } from '@intercalate/crystallography';
 * // NMC811 (003) at 18.7° with Cu Kα1, 0.12° observed, 0.05° instrumental (Gaussian):
 * scherrerSize({
 *   fwhm: 0.12,
 *   twoTheta: 18.7,
 *   wavelength: 1.5406,
 *   shapeFactor: 0.9,
 *   instrumentalFwhm: 0.05,
 *   subtraction: 'quadratic',
 * }); // ≈ 738 Å
 * ```
 */
export function scherrerSize(options: ScherrerOptions): number {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { fwhm, twoTheta, wavelength, shapeFactor, instrumentalFwhm?, subtraction? }; received ${describeValue(options)}`,
    );
  }
  const { fwhm, twoTheta, wavelength, shapeFactor, instrumentalFwhm = 0, subtraction } = options;
  assertFiniteNumber('fwhm', fwhm, { min: 0, exclusiveMin: true, unit: 'degrees 2θ' });
  assertFiniteNumber('twoTheta', twoTheta, {
    min: 0,
    max: 180,
    exclusiveMin: true,
    exclusiveMax: true,
    unit: 'degrees 2θ',
  });
  assertFiniteNumber('wavelength', wavelength, { min: 0, exclusiveMin: true, unit: 'Å' });
  assertFiniteNumber('shapeFactor', shapeFactor, { min: 0, exclusiveMin: true });
  const beta = subtract(
    'fwhm',
    fwhm,
    'instrumentalFwhm',
    instrumentalFwhm,
    'subtraction',
    subtraction,
  );
  if (!(beta > 0)) {
    throw new RangeError(
      `instrumentalFwhm must be < fwhm (no sample broadening is left to give a size); received ${instrumentalFwhm} for fwhm ${fwhm}`,
    );
  }
  return (shapeFactor * wavelength) / (beta * DEG * Math.cos(twoTheta * 0.5 * DEG));
}

/**
 * Shared by {@link scherrerSize} and `williamsonHall`: the sample width after the instrumental
 * width is removed, with the argument names of the caller in the messages.
 *
 * @internal
 */
export function subtract(
  fwhmName: string,
  fwhm: unknown,
  instrumentalName: string,
  instrumental: unknown,
  subtractionName: string,
  subtraction: unknown,
): number {
  const observed = assertFiniteNumber(fwhmName, fwhm, { min: 0, unit: 'degrees 2θ' });
  const b = assertFiniteNumber(instrumentalName, instrumental, { min: 0, unit: 'degrees 2θ' });
  if (b === 0 && subtraction === undefined) return observed;
  if (subtraction !== 'quadratic' && subtraction !== 'linear') {
    throw new TypeError(
      `${subtractionName} must be 'quadratic' (Gaussian widths) or 'linear' (Lorentzian widths)${b > 0 ? ` when ${instrumentalName} is given` : ''}; received ${describeValue(subtraction)}`,
    );
  }
  if (b > observed) {
    throw new RangeError(
      `${instrumentalName} must be ≤ ${fwhmName} (${observed} degrees 2θ); received ${b}`,
    );
  }
  return subtraction === 'linear' ? observed - b : Math.sqrt((observed - b) * (observed + b));
}
