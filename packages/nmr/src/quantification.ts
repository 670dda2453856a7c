import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/** A value with its standard uncertainty (one standard deviation, same unit as the value). */
export interface UncertainValue {
  /** The value. */
  value: number;
  /** Its standard uncertainty, ≥ 0 (0 when unknown or exact). */
  uncertainty: number;
}

/** Options of {@link normalizeIntensity}. */
export interface NormalizeIntensityOptions {
  /**
   * Integrated signal in the spectrometer's arbitrary units, finite and ≥ 0. For paramagnetic
   * samples include the spinning sidebands in the integral (or integrate a sideband-free
   * pj-MATPASS spectrum), otherwise the centreband alone underestimates the content.
   */
  integral: number;
  /**
   * Amount of material in the rotor in mol (of formula units, e.g. mass / molar mass of
   * LiNi₁/₃Mn₁/₃Co₁/₃O₂), finite and > 0.
   */
  moles: number;
  /** Number of scans (Bruker NS), an integer ≥ 1. */
  scans: number;
  /**
   * Receiver gain as a linear amplitude factor (Bruker RG), finite and > 0. Convert a gain given
   * in dB with 10^(dB/20) first.
   * @defaultValue 1
   */
  receiverGain?: number;
  /** Standard uncertainty of `integral`, same unit, finite and ≥ 0. @defaultValue 0 */
  integralUncertainty?: number;
  /** Standard uncertainty of `moles` in mol (weighing), finite and ≥ 0. @defaultValue 0 */
  molesUncertainty?: number;
}

function requireObject(name: string, value: unknown, shape: string): void {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`${name} must be an object ${shape}; received ${describeValue(value)}`);
  }
}

/**
 * Scales an integrated NMR signal to the amount of material in the rotor and the acquisition
 * settings, as in Mu et al. (J. Am. Chem. Soc. 2024: "each spectrum is scaled according to the
 * number of moles of material in the rotor and the number of scans"):
 *
 * value = I / (n · N_s · RG)
 *
 * with I the integral, n the moles, N_s the number of scans and RG the receiver gain. The summed
 * signal grows linearly with the number of scans (noise only as √N_s) and with the receiver gain,
 * which on Bruker consoles is a linear amplitude factor, so the normalized value is comparable
 * between samples recorded with the same probe, pulse program, pulse lengths and a recycle delay
 * long enough for full relaxation.
 *
 * The uncertainty is propagated to first order for uncorrelated errors (the relative errors of I
 * and n add in quadrature; scans and gain are exact):
 *
 * σ = √(σ_I² + (I σ_n / n)²) / (n · N_s · RG),
 *
 * which equals |value| · √((σ_I/I)² + (σ_n/n)²) and stays defined at I = 0.
 *
 * @param options - Integral, moles, scans, receiver gain and uncertainties; see
 *   {@link NormalizeIntensityOptions}.
 * @returns The normalized intensity (integral units per mol per scan per unit gain) and its
 *   standard uncertainty.
 * @throws TypeError if `options` is not an object or a member is not a number.
 * @throws RangeError if `integral` is negative or not finite, `moles` or `receiverGain` is not
 *   > 0, `scans` is not an integer ≥ 1, or an uncertainty is negative or not finite.
 *
 * @example
 * ```ts
 * import { normalizeIntensity } from '@intercalate/nmr';
 * normalizeIntensity({
 *   integral: 1.2e6,
 *   moles: 2.0e-4,
 *   scans: 2048,
 *   integralUncertainty: 0.03e6,
 *   molesUncertainty: 0.04e-4,
 * }); // { value: 2929687.5, uncertainty: 93795.8 }
 * ```
 */
export function normalizeIntensity(options: NormalizeIntensityOptions): UncertainValue {
  requireObject('options', options, '{ integral, moles, scans, receiverGain? }');
  const integral = assertFiniteNumber('integral', options.integral, { min: 0 });
  const moles = assertFiniteNumber('moles', options.moles, {
    min: 0,
    exclusiveMin: true,
    unit: 'mol',
  });
  const scans = assertFiniteNumber('scans', options.scans, { min: 1, integer: true });
  const receiverGain = assertFiniteNumber('receiverGain', options.receiverGain ?? 1, {
    min: 0,
    exclusiveMin: true,
  });
  const integralUncertainty = assertFiniteNumber(
    'integralUncertainty',
    options.integralUncertainty ?? 0,
    { min: 0 },
  );
  const molesUncertainty = assertFiniteNumber('molesUncertainty', options.molesUncertainty ?? 0, {
    min: 0,
    unit: 'mol',
  });
  const scale = moles * scans * receiverGain;
  return {
    value: integral / scale,
    uncertainty: Math.hypot(integralUncertainty, (integral * molesUncertainty) / moles) / scale,
  };
}

function readUncertainValue(
  name: string,
  input: unknown,
  strictlyPositive: boolean,
): UncertainValue {
  requireObject(name, input, '{ value, uncertainty }');
  const { value, uncertainty } = input as { value: unknown; uncertainty: unknown };
  return {
    value: assertFiniteNumber(`${name}.value`, value, { min: 0, exclusiveMin: strictlyPositive }),
    uncertainty: assertFiniteNumber(`${name}.uncertainty`, uncertainty, { min: 0 }),
  };
}

/**
 * Content of a sample relative to a reference, from two normalized intensities
 * ({@link normalizeIntensity}): value = S / R, e.g. the Li content of a cycled cathode relative to
 * the pristine one. With pristine Li₁.₀ as the reference, a value of 0.62 means 62 % of the
 * pristine Li, i.e. Li₀.₆₂ per formula unit if `moles` counted formula units in both.
 *
 * The uncertainty is propagated to first order for uncorrelated errors:
 *
 * σ = √(σ_S² + (value · σ_R)²) / R = |value| · √((σ_S/S)² + (σ_R/R)²).
 *
 * Errors common to both measurements (the same probe calibration) cancel in the ratio and are not
 * counted; do not include them in the inputs' uncertainties. The ratio is meaningful only for the
 * same nucleus under the same acquisition conditions, and only for signal that is fully observed
 * in both (very fast-relaxing Li next to strongly paramagnetic ions can escape detection).
 *
 * @param sample - Normalized intensity S of the sample and its uncertainty (value ≥ 0).
 * @param reference - Normalized intensity R of the reference and its uncertainty (value > 0).
 * @returns S / R and its standard uncertainty (dimensionless).
 * @throws TypeError if an argument is not an object or a member is not a number.
 * @throws RangeError if `sample.value` is negative, `reference.value` is not > 0, an uncertainty is
 *   negative, or any member is not finite.
 *
 * @example
 * ```ts
 * import { relativeContent } from '@intercalate/nmr';
 * relativeContent({ value: 1860, uncertainty: 60 }, { value: 3000, uncertainty: 90 });
 * // { value: 0.62, uncertainty: 0.0273 }
 * ```
 */
export function relativeContent(sample: UncertainValue, reference: UncertainValue): UncertainValue {
  const s = readUncertainValue('sample', sample, false);
  const r = readUncertainValue('reference', reference, true);
  const value = s.value / r.value;
  return { value, uncertainty: Math.hypot(s.uncertainty, value * r.uncertainty) / r.value };
}
