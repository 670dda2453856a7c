import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';

/**
 * The Caglioti parameters of the (Gaussian) peak width, in the classic convention of
 * {@link caglioti}: FWHM² = U tan²θ + V tanθ + W, all three in degrees² (of 2θ).
 */
export interface CagliotiParameters {
  /** U, degrees²; finite (usually ≥ 0: the term that grows with tan²θ, e.g. microstrain). */
  U: number;
  /** V, degrees²; finite (usually ≤ 0). */
  V: number;
  /** W, degrees²; finite (usually > 0: the width at 2θ = 0). */
  W: number;
}

/**
 * The angle dependence of the Lorentzian peak width in the Thompson–Cox–Hastings / GSAS-II form of
 * {@link lorentzianWidth}: H_L = X / cosθ + Y tanθ + Z, all in degrees (of 2θ).
 */
export interface LorentzianWidthParameters {
  /** X, degrees: the Scherrer-like size term that grows as 1/cosθ; finite. */
  X: number;
  /** Y, degrees: the strain-like term that grows as tanθ; finite. */
  Y: number;
  /**
   * Z, degrees: a constant term (GSAS-II added it to X and Y in its newer versions); finite.
   * @defaultValue 0
   */
  Z?: number;
}

/**
 * A full instrument profile in the units of this package: Gaussian U, V, W in degrees² (FWHM²,
 * see {@link caglioti}) and optional Lorentzian X, Y, Z in degrees (see {@link lorentzianWidth}).
 * The input and output of {@link cagliotiFromGsasII} / {@link cagliotiToGsasII}.
 */
export interface InstrumentProfileParameters extends CagliotiParameters {
  /** Lorentzian X, degrees (see {@link LorentzianWidthParameters}). */
  X?: number;
  /** Lorentzian Y, degrees. */
  Y?: number;
  /** Lorentzian Z, degrees. */
  Z?: number;
}

/**
 * An instrument profile in GSAS-II's units (its instrument-parameter file or `Inst` dictionary for
 * constant-wavelength data): U, V, W give the Gaussian **variance** σ² = U tan²θ + V tanθ + W in
 * centidegrees², and X, Y, Z the Lorentzian FWHM γ = X/cosθ + Y tanθ + Z in centidegrees
 * (`GSASIIpwd.getCWsig` and `getCWgam`).
 */
export interface GsasIIProfileParameters {
  /** U, centidegrees² of Gaussian variance. */
  U: number;
  /** V, centidegrees² of Gaussian variance. */
  V: number;
  /** W, centidegrees² of Gaussian variance. */
  W: number;
  /** X, centidegrees of Lorentzian FWHM. */
  X?: number;
  /** Y, centidegrees of Lorentzian FWHM. */
  Y?: number;
  /** Z, centidegrees of Lorentzian FWHM. */
  Z?: number;
}

/** Options of the typed-array forms of {@link caglioti} and {@link lorentzianWidth}. */
export interface WidthArrayOptions {
  /**
   * Destination buffer, one element per 2θ value; overwritten. A new array is allocated when
   * absent.
   */
  out?: Float64Array;
}

const DEG = Math.PI / 180;
/** FWHM² of a Gaussian / its variance: 8 ln 2. */
const EIGHT_LN2 = 8 * Math.LN2;

/**
 * The Gaussian peak width of an angle-dispersive diffractometer by Caglioti, Paoletti & Ricci,
 * Nucl. Instrum. 3 (1958) 223, in its classic form (FullProf, most textbooks):
 *
 * FWHM² = U tan²θ + V tanθ + W,   θ = 2θ / 2
 *
 * with U, V, W in degrees² and the FWHM in degrees of 2θ. At 2θ = 90° (tanθ = 1),
 * FWHM = √(U + V + W).
 *
 * Convention: GSAS-II uses the same polynomial for the Gaussian **variance** σ² in centidegrees²,
 * so its values are U_GSAS = U·10⁴/(8 ln 2) ≈ 1803.4·U (the same for V and W); convert with
 * {@link cagliotiFromGsasII} and {@link cagliotiToGsasII}.
 *
 * @param parameters - `{ U, V, W }` in degrees²; see {@link CagliotiParameters}.
 * @param twoTheta - Peak position, degrees 2θ, in [0, 180).
 * @returns The Gaussian FWHM, degrees 2θ.
 * @throws TypeError if `parameters` is not an object or a value is not a number.
 * @throws RangeError if a value is not finite, `twoTheta` is outside [0, 180), or
 *   U tan²θ + V tanθ + W < 0 there (the parameters give no real width at that angle).
 *
 * @example
 * ```ts
 * import { caglioti } from '@intercalate/crystallography';
 * caglioti({ U: 0.004, V: -0.002, W: 0.002 }, 90); // 0.06324555320336757 = √0.004
 * ```
 */
export function caglioti(parameters: CagliotiParameters, twoTheta: number): number;
/**
 * The Caglioti width (see the scalar overload) at every 2θ of an array, e.g. the positions of all
 * the reflections of a phase.
 *
 * @param parameters - `{ U, V, W }` in degrees².
 * @param twoTheta - Peak positions, degrees 2θ, each in [0, 180).
 * @param options - Optional `out` buffer; see {@link WidthArrayOptions}.
 * @returns `out` (or a new Float64Array) with the FWHM at each 2θ, degrees.
 * @throws TypeError if an argument has the wrong type.
 * @throws RangeError if a value is not finite or out of range, the width² is negative at some
 *   2θ, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { caglioti } from '@intercalate/crystallography';
 * caglioti({ U: 0.004, V: -0.002, W: 0.002 }, [20, 90]); // Float64Array [0.0423…, 0.0632…]
 * ```
 */
export function caglioti(
  parameters: CagliotiParameters,
  twoTheta: ArrayLike<number>,
  options?: WidthArrayOptions,
): Float64Array;
export function caglioti(
  parameters: CagliotiParameters,
  twoTheta: number | ArrayLike<number>,
  options: WidthArrayOptions = {},
): number | Float64Array {
  const p = checkParameters('parameters', parameters, ['U', 'V', 'W'], []);
  const U = p.U as number;
  const V = p.V as number;
  const W = p.W as number;
  const width = (value: number, name: string): number => {
    const t = Math.tan(checkTwoTheta(name, value) * 0.5 * DEG);
    const square = (U * t + V) * t + W;
    if (!(square >= 0)) {
      throw new RangeError(
        `U tan²θ + V tanθ + W must be ≥ 0 (degrees²) at ${name} = ${value}; received ${square} for U = ${U}, V = ${V}, W = ${W}`,
      );
    }
    return Math.sqrt(square);
  };
  return mapTwoTheta(twoTheta, options, width);
}

/**
 * The Lorentzian peak width in the Thompson–Cox–Hastings form (J. Appl. Cryst. 20 (1987) 79; the
 * `X`, `Y`, `Z` of GSAS-II's `getCWgam`):
 *
 * H_L = X / cosθ + Y tanθ + Z,   θ = 2θ / 2
 *
 * in degrees of 2θ (X/cosθ follows a Scherrer size broadening, Y tanθ a strain broadening). Pair it
 * with {@link caglioti} for H_G and {@link tchPseudoVoigt} for the pseudo-Voigt FWHM and η.
 * GSAS-II gives X, Y, Z in centidegrees: divide by 100, or use {@link cagliotiFromGsasII}.
 *
 * @param parameters - `{ X, Y, Z? }` in degrees; see {@link LorentzianWidthParameters}.
 * @param twoTheta - Peak position, degrees 2θ, in [0, 180).
 * @returns The Lorentzian FWHM, degrees 2θ.
 * @throws TypeError if `parameters` is not an object or a value is not a number.
 * @throws RangeError if a value is not finite, `twoTheta` is outside [0, 180), or the width is
 *   negative there.
 *
 * @example
 * ```ts
 * import { lorentzianWidth } from '@intercalate/crystallography';
 * lorentzianWidth({ X: 0.02, Y: 0.03 }, 90); // 0.0582842712474619 = 0.02·√2 + 0.03
 * ```
 */
export function lorentzianWidth(parameters: LorentzianWidthParameters, twoTheta: number): number;
/**
 * The Lorentzian width (see the scalar overload) at every 2θ of an array.
 *
 * @param parameters - `{ X, Y, Z? }` in degrees.
 * @param twoTheta - Peak positions, degrees 2θ, each in [0, 180).
 * @param options - Optional `out` buffer; see {@link WidthArrayOptions}.
 * @returns `out` (or a new Float64Array) with the Lorentzian FWHM at each 2θ, degrees.
 * @throws TypeError if an argument has the wrong type.
 * @throws RangeError if a value is not finite or out of range, the width is negative at some 2θ,
 *   or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { lorentzianWidth } from '@intercalate/crystallography';
 * lorentzianWidth({ X: 0.02, Y: 0 }, [0, 120]); // Float64Array ≈ [0.02, 0.04]
 * ```
 */
export function lorentzianWidth(
  parameters: LorentzianWidthParameters,
  twoTheta: ArrayLike<number>,
  options?: WidthArrayOptions,
): Float64Array;
export function lorentzianWidth(
  parameters: LorentzianWidthParameters,
  twoTheta: number | ArrayLike<number>,
  options: WidthArrayOptions = {},
): number | Float64Array {
  const p = checkParameters('parameters', parameters, ['X', 'Y'], ['Z']);
  const X = p.X as number;
  const Y = p.Y as number;
  const Z = p.Z ?? 0;
  const width = (value: number, name: string): number => {
    const theta = checkTwoTheta(name, value) * 0.5 * DEG;
    const result = X / Math.cos(theta) + Y * Math.tan(theta) + Z;
    if (!(result >= 0)) {
      throw new RangeError(
        `X/cosθ + Y tanθ + Z must be ≥ 0 (degrees) at ${name} = ${value}; received ${result} for X = ${X}, Y = ${Y}, Z = ${Z}`,
      );
    }
    return result;
  };
  return mapTwoTheta(twoTheta, options, width);
}

/**
 * Converts an instrument profile from GSAS-II's units to this package's: U, V, W from
 * centidegrees² of Gaussian variance to degrees² of FWHM² (× 8 ln 2 / 10⁴), and X, Y, Z from
 * centidegrees to degrees (÷ 100). Members absent from the input are absent from the result.
 *
 * @param parameters - GSAS-II values; see {@link GsasIIProfileParameters}.
 * @returns The same profile for {@link caglioti} and {@link lorentzianWidth}.
 * @throws TypeError if `parameters` is not an object or a member is not a number.
 * @throws RangeError if a member is not finite.
 *
 * @example
 * ```ts
 * import { cagliotiFromGsasII } from '@intercalate/crystallography';
 * cagliotiFromGsasII({ U: 2, V: -2, W: 5, X: 0, Y: 5 });
 * // { U: 0.00110903…, V: −0.00110903…, W: 0.00277258…, X: 0, Y: 0.05 }
 * ```
 */
export function cagliotiFromGsasII(
  parameters: GsasIIProfileParameters,
): InstrumentProfileParameters {
  return convert(parameters, EIGHT_LN2 / 1e4, 1 / 100);
}

/**
 * Converts an instrument profile from this package's units to GSAS-II's: U, V, W from degrees² of
 * FWHM² to centidegrees² of Gaussian variance (× 10⁴ / (8 ln 2)), and X, Y, Z from degrees to
 * centidegrees (× 100). The inverse of {@link cagliotiFromGsasII}.
 *
 * @param parameters - U, V, W in degrees², optional X, Y, Z in degrees; see
 *   {@link InstrumentProfileParameters}.
 * @returns The GSAS-II values; see {@link GsasIIProfileParameters}.
 * @throws TypeError if `parameters` is not an object or a member is not a number.
 * @throws RangeError if a member is not finite.
 *
 * @example
 * ```ts
 * import { cagliotiToGsasII } from '@intercalate/crystallography';
 * cagliotiToGsasII({ U: 0.004, V: -0.002, W: 0.002 }); // { U: 7.2135…, V: −3.6067…, W: 3.6067… }
 * ```
 */
export function cagliotiToGsasII(parameters: InstrumentProfileParameters): GsasIIProfileParameters {
  return convert(parameters, 1e4 / EIGHT_LN2, 100);
}

// ---------------------------------------------------------------------------------------------

function checkParameters(
  name: string,
  parameters: unknown,
  required: readonly string[],
  optional: readonly string[],
): Record<string, number> {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    const members = [...required, ...optional.map((key) => `${key}?`)].join(', ');
    throw new TypeError(
      `${name} must be an object { ${members} }; received ${describeValue(parameters)}`,
    );
  }
  const record = parameters as Record<string, unknown>;
  const result: Record<string, number> = {};
  for (const key of required) result[key] = assertFiniteNumber(`${name}.${key}`, record[key]);
  for (const key of optional) {
    if (record[key] !== undefined) result[key] = assertFiniteNumber(`${name}.${key}`, record[key]);
  }
  return result;
}

function checkTwoTheta(name: string, value: unknown): number {
  return assertFiniteNumber(name, value, {
    min: 0,
    max: 180,
    exclusiveMax: true,
    unit: 'degrees 2θ',
  });
}

function mapTwoTheta(
  twoTheta: unknown,
  options: unknown,
  width: (value: number, name: string) => number,
): number | Float64Array {
  if (typeof twoTheta === 'number') return width(twoTheta, 'twoTheta');
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object { out? }; received ${describeValue(options)}`);
  }
  if (typeof twoTheta !== 'object' || twoTheta === null) {
    throw new TypeError(
      `twoTheta must be a number or an array of numbers (degrees 2θ); received ${describeValue(twoTheta)}`,
    );
  }
  const values = assertNumericArray('twoTheta', twoTheta, { finite: false });
  const result = outputBuffer((options as WidthArrayOptions).out, values.length, 'twoTheta');
  for (let i = 0; i < values.length; i++) {
    result[i] = width(values[i] as number, `twoTheta[${i}]`);
  }
  return result;
}

function convert(
  parameters: unknown,
  gaussian: number,
  lorentzian: number,
): InstrumentProfileParameters {
  const p = checkParameters('parameters', parameters, ['U', 'V', 'W'], ['X', 'Y', 'Z']);
  const result: InstrumentProfileParameters = {
    U: (p.U as number) * gaussian,
    V: (p.V as number) * gaussian,
    W: (p.W as number) * gaussian,
  };
  for (const key of ['X', 'Y', 'Z'] as const) {
    const value = p[key];
    if (value !== undefined) result[key] = value * lorentzian;
  }
  return result;
}
