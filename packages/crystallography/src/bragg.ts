import { assertFiniteNumber, assertNumericArray, outputBuffer } from '@intercalate/numerics';

/** Planck constant h (J s), exact in the SI since 2019 (CODATA 2018). */
const PLANCK = 6.62607015e-34;
/** Speed of light in vacuum c (m s⁻¹), exact. */
const SPEED_OF_LIGHT = 299792458;
/** Elementary charge e (C), exact in the SI since 2019 (CODATA 2018). */
const ELEMENTARY_CHARGE = 1.602176634e-19;

/**
 * hc in keV·Å, computed from the exact SI constants (CODATA 2018): h = 6.62607015e-34 J s,
 * c = 299792458 m s⁻¹, e = 1.602176634e-19 C, hc/e = 1.2398419843320026e-6 eV m, times
 * 10¹⁰ Å m⁻¹ / 10³ eV keV⁻¹ = 12.398419843320026 keV·Å (the value scipy ≥ 1.4 and xrayutilities
 * use; older programs use 12.3984429 (Dans_Diffraction) or 12.398 (GSAS-II energy-dispersive)).
 *
 * @example
 * ```ts
 * import { HC_KEV_ANGSTROM } from '@intercalate/crystallography';
 * HC_KEV_ANGSTROM / 20; // 0.6199209921660013 Å, the wavelength of 20 keV photons
 * ```
 */
export const HC_KEV_ANGSTROM: number = ((PLANCK * SPEED_OF_LIGHT) / ELEMENTARY_CHARGE) * 1e7;

const HALF_DEGREE = Math.PI / 360;
const FOUR_PI = 4 * Math.PI;
const TWO_PI = 2 * Math.PI;

const POSITIVE_LENGTH = { min: 0, exclusiveMin: true, unit: 'Å' } as const;

function wavelengthArgument(name: string, value: number): number {
  return assertFiniteNumber(name, value, POSITIVE_LENGTH);
}

/**
 * Bragg angle 2θ (degrees) of a lattice spacing d at wavelength λ: 2θ = 2·asin(λ / 2d).
 *
 * A spacing shorter than λ/2 cannot diffract (sin θ would exceed 1): the result is then `NaN`,
 * the package's marker of an inaccessible reflection (d = λ/2 exactly gives 180°).
 *
 * @param d - Lattice spacing (Å), finite and > 0.
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default (see {@link WAVELENGTHS}).
 * @returns 2θ in degrees, in (0, 180], or `NaN` when λ > 2d.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if `d` or `wavelength` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { twoTheta, WAVELENGTHS } from '@intercalate/crystallography';
 * twoTheta(4.7376, WAVELENGTHS.Cu.kAlpha1); // 18.7148… (003 of NMC811)
 * twoTheta(0.5, WAVELENGTHS.Cu.kAlpha1); // NaN (λ > 2d)
 * ```
 */
export function twoTheta(d: number, wavelength: number): number {
  assertFiniteNumber('d', d, POSITIVE_LENGTH);
  wavelengthArgument('wavelength', wavelength);
  const sine = wavelength / (2 * d);
  return sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
}

/**
 * Lattice spacing d (Å) of a Bragg peak at 2θ (degrees) and wavelength λ: d = λ / (2 sin θ).
 *
 * @param twoThetaDegrees - Scattering angle 2θ (degrees), in (0, 180].
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @returns d in Å.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if 2θ is not in (0, 180] or `wavelength` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { dFromTwoTheta, WAVELENGTHS } from '@intercalate/crystallography';
 * dFromTwoTheta(18.7149, WAVELENGTHS.Cu.kAlpha1); // 4.7376…
 * ```
 */
export function dFromTwoTheta(twoThetaDegrees: number, wavelength: number): number {
  assertFiniteNumber('twoTheta', twoThetaDegrees, {
    min: 0,
    max: 180,
    exclusiveMin: true,
    unit: 'degrees',
  });
  wavelengthArgument('wavelength', wavelength);
  return wavelength / (2 * Math.sin(twoThetaDegrees * HALF_DEGREE));
}

/**
 * Scattering vector magnitude q (Å⁻¹) at 2θ (degrees) and wavelength λ: q = 4π sin θ / λ (the
 * physicists' q with the 2π, so q = 2π/d at the Bragg condition; pymatgen, pyFAI and
 * xrayutilities use the same).
 *
 * @param twoThetaDegrees - Scattering angle 2θ (degrees), in [0, 180].
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @returns q in Å⁻¹.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if 2θ is not in [0, 180] or `wavelength` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { qFromTwoTheta, WAVELENGTHS } from '@intercalate/crystallography';
 * qFromTwoTheta(18.7149, WAVELENGTHS.Cu.kAlpha1); // 1.326247… (= 2π/d, d = 4.737567 Å)
 * ```
 */
export function qFromTwoTheta(twoThetaDegrees: number, wavelength: number): number {
  assertFiniteNumber('twoTheta', twoThetaDegrees, { min: 0, max: 180, unit: 'degrees' });
  wavelengthArgument('wavelength', wavelength);
  // Operations in the order of twoThetaToQAxis, so both give identical numbers.
  return (FOUR_PI / wavelength) * Math.sin(twoThetaDegrees * HALF_DEGREE);
}

/**
 * Scattering angle 2θ (degrees) of a scattering vector q (Å⁻¹) at wavelength λ:
 * 2θ = 2·asin(qλ / 4π). `NaN` when qλ/4π > 1 (q beyond 4π/λ cannot be reached at that
 * wavelength), as {@link twoTheta}.
 *
 * @param q - Scattering vector magnitude (Å⁻¹), finite and ≥ 0.
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @returns 2θ in degrees, in [0, 180], or `NaN` when q > 4π/λ.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if `q` is not finite and ≥ 0 or `wavelength` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { twoThetaFromQ } from '@intercalate/crystallography';
 * twoThetaFromQ(1.3262, 0.6199209921660013); // 7.502369… (20 keV)
 * ```
 */
export function twoThetaFromQ(q: number, wavelength: number): number {
  assertFiniteNumber('q', q, { min: 0, unit: 'Å⁻¹' });
  wavelengthArgument('wavelength', wavelength);
  const sine = (wavelength / FOUR_PI) * q;
  return sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
}

/**
 * Scattering vector magnitude (Å⁻¹) of a lattice spacing: q = 2π/d.
 *
 * @param d - Lattice spacing (Å), finite and > 0.
 * @returns q in Å⁻¹.
 * @throws TypeError if `d` is not a number.
 * @throws RangeError if `d` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { qFromD } from '@intercalate/crystallography';
 * qFromD(2 * Math.PI); // 1
 * ```
 */
export function qFromD(d: number): number {
  return TWO_PI / assertFiniteNumber('d', d, POSITIVE_LENGTH);
}

/**
 * Lattice spacing (Å) of a scattering vector magnitude: d = 2π/q.
 *
 * @param q - Scattering vector magnitude (Å⁻¹), finite and > 0.
 * @returns d in Å.
 * @throws TypeError if `q` is not a number.
 * @throws RangeError if `q` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { dFromQ } from '@intercalate/crystallography';
 * dFromQ(1.3262); // 4.737736…
 * ```
 */
export function dFromQ(q: number): number {
  return TWO_PI / assertFiniteNumber('q', q, { min: 0, exclusiveMin: true, unit: 'Å⁻¹' });
}

/**
 * Wavelength (Å) of an X-ray photon of energy E (keV): λ = hc/E with
 * hc = {@link HC_KEV_ANGSTROM} = 12.398419843320026 keV·Å (CODATA 2018, exact; xrayutilities'
 * `en2lam` agrees to the last digit).
 *
 * @param energy - Photon energy (keV), finite and > 0.
 * @returns λ in Å.
 * @throws TypeError if `energy` is not a number.
 * @throws RangeError if `energy` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { energyToWavelength } from '@intercalate/crystallography';
 * energyToWavelength(27); // 0.45920073… Å (the 27 keV of Jousseaume et al. 2024 at ESRF BM32)
 * ```
 */
export function energyToWavelength(energy: number): number {
  return (
    HC_KEV_ANGSTROM /
    assertFiniteNumber('energy', energy, { min: 0, exclusiveMin: true, unit: 'keV' })
  );
}

/**
 * Energy (keV) of an X-ray photon of wavelength λ (Å): E = hc/λ, hc = {@link HC_KEV_ANGSTROM}.
 *
 * @param wavelength - Wavelength (Å), finite and > 0.
 * @returns E in keV.
 * @throws TypeError if `wavelength` is not a number.
 * @throws RangeError if `wavelength` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { wavelengthToEnergy, WAVELENGTHS } from '@intercalate/crystallography';
 * wavelengthToEnergy(WAVELENGTHS.Cu.kAlpha1); // 8.04782… keV
 * ```
 */
export function wavelengthToEnergy(wavelength: number): number {
  return HC_KEV_ANGSTROM / wavelengthArgument('wavelength', wavelength);
}

/**
 * Moves a Bragg angle from one wavelength to another at fixed d (e.g. a Cu Kα1 literature peak to
 * a synchrotron energy, or Mo data onto a Cu 2θ scale): sin θ₂ = sin θ₁ · λ₂/λ₁. `NaN` when the
 * reflection is inaccessible at the new wavelength (sin θ₂ > 1), as {@link twoTheta}.
 *
 * @param twoThetaDegrees - 2θ at `fromWavelength` (degrees), in [0, 180].
 * @param fromWavelength - The wavelength of the given angle (Å), finite and > 0.
 * @param toWavelength - The wavelength to convert to (Å), finite and > 0.
 * @returns 2θ at `toWavelength` in degrees, or `NaN` if inaccessible.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if 2θ is not in [0, 180] or a wavelength is not finite and > 0.
 *
 * @example
 * ```ts
 * import { convertTwoTheta, energyToWavelength, WAVELENGTHS } from '@intercalate/crystallography';
 * convertTwoTheta(18.7149, WAVELENGTHS.Cu.kAlpha1, energyToWavelength(20)); // 7.502637…
 * ```
 */
export function convertTwoTheta(
  twoThetaDegrees: number,
  fromWavelength: number,
  toWavelength: number,
): number {
  assertFiniteNumber('twoTheta', twoThetaDegrees, { min: 0, max: 180, unit: 'degrees' });
  wavelengthArgument('fromWavelength', fromWavelength);
  wavelengthArgument('toWavelength', toWavelength);
  const sine = Math.sin(twoThetaDegrees * HALF_DEGREE) * (toWavelength / fromWavelength);
  return sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
}

/** Validates an axis (array-like of numbers) and its `out` buffer; returns the buffer. */
function axisBuffer(name: string, values: ArrayLike<number>, out: unknown): Float64Array {
  // Element domains are checked in the conversion loops (which reject NaN), so skip the finite scan.
  assertNumericArray(name, values, { finite: false });
  return outputBuffer(out, values.length, name);
}

function outOfDomain(name: string, index: number, value: number, accepted: string): RangeError {
  return new RangeError(`${name}[${index}] must be ${accepted}; received ${value}`);
}

/**
 * Converts a whole 2θ axis (degrees) to q (Å⁻¹) at wavelength λ, q = 4π sin θ / λ as
 * {@link qFromTwoTheta}, into a `Float64Array`; allocation-free with `out`.
 *
 * @param twoThetaAxis - 2θ values (degrees), each in [0, 180].
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @param out - Optional destination, a `Float64Array` of the same length.
 * @returns `out` (or a new `Float64Array`) holding q in Å⁻¹.
 * @throws TypeError if `twoThetaAxis` is not an array of numbers or `out` not a `Float64Array`.
 * @throws RangeError if a 2θ is not in [0, 180], `wavelength` is not finite and > 0, or `out` has
 *   the wrong length.
 *
 * @example
 * ```ts
 * import { twoThetaToQAxis, WAVELENGTHS } from '@intercalate/crystallography';
 * twoThetaToQAxis([15, 45, 79], WAVELENGTHS.Cu.kAlpha1); // Float64Array [1.06468…, 3.12149…, 5.18839…]
 * ```
 */
export function twoThetaToQAxis(
  twoThetaAxis: ArrayLike<number>,
  wavelength: number,
  out?: Float64Array,
): Float64Array {
  wavelengthArgument('wavelength', wavelength);
  const result = axisBuffer('twoThetaAxis', twoThetaAxis, out);
  const scale = FOUR_PI / wavelength;
  for (let i = 0; i < result.length; i++) {
    const t = twoThetaAxis[i] as number;
    if (!(t >= 0 && t <= 180)) throw outOfDomain('twoThetaAxis', i, t, 'in [0, 180] (degrees)');
    result[i] = scale * Math.sin(t * HALF_DEGREE);
  }
  return result;
}

/**
 * Converts a whole q axis (Å⁻¹) to 2θ (degrees) at wavelength λ, 2θ = 2·asin(qλ/4π) as
 * {@link twoThetaFromQ}, into a `Float64Array` (`NaN` where q > 4π/λ); allocation-free with `out`.
 *
 * @param qAxis - q values (Å⁻¹), each finite and ≥ 0.
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @param out - Optional destination, a `Float64Array` of the same length.
 * @returns `out` (or a new `Float64Array`) holding 2θ in degrees.
 * @throws TypeError if `qAxis` is not an array of numbers or `out` not a `Float64Array`.
 * @throws RangeError if a q is not finite and ≥ 0, `wavelength` is not finite and > 0, or `out`
 *   has the wrong length.
 *
 * @example
 * ```ts
 * import { energyToWavelength, qToTwoThetaAxis } from '@intercalate/crystallography';
 * qToTwoThetaAxis([1, 2, 3], energyToWavelength(20)); // Float64Array [5.65530…, 11.32443…, 17.02153…]
 * ```
 */
export function qToTwoThetaAxis(
  qAxis: ArrayLike<number>,
  wavelength: number,
  out?: Float64Array,
): Float64Array {
  wavelengthArgument('wavelength', wavelength);
  const result = axisBuffer('qAxis', qAxis, out);
  const scale = wavelength / FOUR_PI;
  for (let i = 0; i < result.length; i++) {
    const q = qAxis[i] as number;
    if (!(q >= 0 && q < Number.POSITIVE_INFINITY)) {
      throw outOfDomain('qAxis', i, q, 'a finite number ≥ 0 (Å⁻¹)');
    }
    const sine = scale * q;
    result[i] = sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
  }
  return result;
}

/**
 * Converts a whole 2θ axis (degrees) from one wavelength to another at fixed d, as
 * {@link convertTwoTheta} (`NaN` where inaccessible), into a `Float64Array`; allocation-free with
 * `out`.
 *
 * @param twoThetaAxis - 2θ values at `fromWavelength` (degrees), each in [0, 180].
 * @param fromWavelength - The wavelength of the given axis (Å), finite and > 0.
 * @param toWavelength - The wavelength to convert to (Å), finite and > 0.
 * @param out - Optional destination, a `Float64Array` of the same length.
 * @returns `out` (or a new `Float64Array`) holding 2θ at `toWavelength` in degrees.
 * @throws TypeError if `twoThetaAxis` is not an array of numbers or `out` not a `Float64Array`.
 * @throws RangeError if a 2θ is not in [0, 180], a wavelength is not finite and > 0, or `out` has
 *   the wrong length.
 *
 * @example
 * ```ts
 * import { convertTwoThetaAxis, WAVELENGTHS } from '@intercalate/crystallography';
 * convertTwoThetaAxis([20, 40], WAVELENGTHS.Cu.kAlpha1, WAVELENGTHS.Mo.kAlpha1); // [9.17148…, 18.12042…]
 * ```
 */
export function convertTwoThetaAxis(
  twoThetaAxis: ArrayLike<number>,
  fromWavelength: number,
  toWavelength: number,
  out?: Float64Array,
): Float64Array {
  wavelengthArgument('fromWavelength', fromWavelength);
  wavelengthArgument('toWavelength', toWavelength);
  const result = axisBuffer('twoThetaAxis', twoThetaAxis, out);
  const ratio = toWavelength / fromWavelength;
  for (let i = 0; i < result.length; i++) {
    const t = twoThetaAxis[i] as number;
    if (!(t >= 0 && t <= 180)) throw outOfDomain('twoThetaAxis', i, t, 'in [0, 180] (degrees)');
    const sine = Math.sin(t * HALF_DEGREE) * ratio;
    result[i] = sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
  }
  return result;
}

/**
 * Bragg angles 2θ (degrees) of many lattice spacings at wavelength λ, as {@link twoTheta} (`NaN`
 * where λ > 2d), into a `Float64Array`; allocation-free with `out`. Feed it the output of
 * {@link dSpacings}.
 *
 * @param dValues - Lattice spacings (Å), each finite and > 0.
 * @param wavelength - X-ray wavelength λ (Å), finite and > 0; no default.
 * @param out - Optional destination, a `Float64Array` of the same length.
 * @returns `out` (or a new `Float64Array`) holding 2θ in degrees.
 * @throws TypeError if `dValues` is not an array of numbers or `out` not a `Float64Array`.
 * @throws RangeError if a d is not finite and > 0, `wavelength` is not finite and > 0, or `out`
 *   has the wrong length.
 *
 * @example
 * ```ts
 * import { dSpacings, dToTwoThetaAxis, hexagonalLattice, WAVELENGTHS } from '@intercalate/crystallography';
 * const d = dSpacings(hexagonalLattice(2.8727, 14.2127), [[0, 0, 3], [1, 0, 4]]);
 * dToTwoThetaAxis(d, WAVELENGTHS.Cu.kAlpha1); // Float64Array [18.71490…, 44.41683…]
 * ```
 */
export function dToTwoThetaAxis(
  dValues: ArrayLike<number>,
  wavelength: number,
  out?: Float64Array,
): Float64Array {
  wavelengthArgument('wavelength', wavelength);
  const result = axisBuffer('dValues', dValues, out);
  const half = wavelength / 2;
  for (let i = 0; i < result.length; i++) {
    const d = dValues[i] as number;
    if (!(d > 0 && d < Number.POSITIVE_INFINITY)) {
      throw outOfDomain('dValues', i, d, 'a finite number > 0 (Å)');
    }
    const sine = half / d;
    result[i] = sine > 1 ? Number.NaN : Math.asin(sine) / HALF_DEGREE;
  }
  return result;
}
