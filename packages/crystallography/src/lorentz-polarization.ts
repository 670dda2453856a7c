import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';

/** Options of {@link lorentzPolarization}. */
export interface LorentzPolarizationOptions {
  /**
   * Diffraction angle 2θ_m of the monochromator crystal, degrees, in [0, 180); 0 means no
   * monochromator. The monochromator is taken as ideally mosaic (polarisation ratio cos²2θ_m, as
   * graphite; Azaroff, Acta Cryst. 8 (1955) 701) with its diffraction plane parallel to the
   * sample's, the usual laboratory geometry. Common values: graphite (002) with Cu Kα 26.6°, with
   * Mo Kα 12.2°; Ge (111) with Cu Kα1 27.3°.
   * @defaultValue 0
   */
  monochromatorTwoTheta?: number;
  /**
   * Fraction P ∈ [0, 1] of the incident intensity polarised perpendicular to the diffraction plane
   * (before the monochromator, if any). 0.5 is an unpolarised laboratory tube; a synchrotron beam
   * polarised in the horizontal plane gives P ≈ 1 with a vertical diffraction plane and P ≈ 0 with
   * a horizontal one. The same quantity as GSAS-II's `Polariz.` at azimuth 0.
   * @defaultValue 0.5
   */
  polarization?: number;
}

/** Options of the typed-array form of {@link lorentzPolarization}. */
export interface LorentzPolarizationArrayOptions extends LorentzPolarizationOptions {
  /**
   * Destination buffer, one element per 2θ value; overwritten. A new array is allocated when
   * absent.
   */
  out?: Float64Array;
}

const DEG = Math.PI / 180;

/**
 * The Lorentz–polarisation factor of a powder (Bragg–Brentano or Debye–Scherrer) pattern, by which
 * the integrated intensity of a reflection at 2θ is multiplied:
 *
 * LP(2θ) = [P + (1 − P) cos²2θ_m cos²2θ] / ([P + (1 − P) cos²2θ_m] · sin²θ cosθ)
 *
 * 1/(sin²θ cosθ) is the powder Lorentz factor and the bracket ratio the polarisation factor,
 * normalised to 1 at 2θ = 0 (P and 2θ_m: see {@link LorentzPolarizationOptions}). For an
 * unpolarised tube (P = ½) this is the textbook form
 *
 * LP = (1 + cos²2θ_m cos²2θ) / ((1 + cos²2θ_m) sin²θ cosθ),
 *
 * and without monochromator (1 + cos²2θ) / (2 sin²θ cosθ), so LP(90°) = 1/(2 sin²45° cos45°) = √2.
 *
 * Convention: LP is defined up to a constant that the scale factor of a refinement absorbs, and
 * programs differ by such constants. This value is 2× GSAS-II's `Lorenz × Polarization` product
 * 1/(2 sin²θ cosθ) · (P′ + (1 − P′) cos²2θ) with P′ = P / (P + (1 − P) cos²2θ_m) (GSAS-II has no
 * monochromator angle; P′ is the polarisation reaching the sample), and half of Cullity's
 * (1 + cos²2θ)/(sin²θ cosθ).
 *
 * @param twoTheta - Diffraction angle, degrees 2θ, in (0, 180).
 * @param options - Monochromator angle and polarisation; see {@link LorentzPolarizationOptions}.
 * @returns LP, dimensionless.
 * @throws TypeError if an argument has the wrong type.
 * @throws RangeError if `twoTheta` is outside (0, 180) or so close to 0 that LP overflows,
 *   `monochromatorTwoTheta` is outside [0, 180), `polarization` is outside [0, 1], or P = 0 with
 *   2θ_m = 90° (no intensity leaves the monochromator).
 *
 * @example
 * ```ts
 * import { lorentzPolarization } from '@intercalate/crystallography';
 * lorentzPolarization(90); // 1.4142135623730951 = 1/(2 sin²45° cos45°)
 * lorentzPolarization(18.7, { monochromatorTwoTheta: 26.6 }); // 36.64…, graphite monochromator, Cu Kα
 * ```
 */
export function lorentzPolarization(twoTheta: number, options?: LorentzPolarizationOptions): number;
/**
 * The Lorentz–polarisation factor (see the scalar overload) at every 2θ of an array.
 *
 * @param twoTheta - Diffraction angles, degrees 2θ, each in (0, 180).
 * @param options - Monochromator angle, polarisation and `out`; see
 *   {@link LorentzPolarizationArrayOptions}.
 * @returns `out` (or a new Float64Array) with LP at each 2θ.
 * @throws TypeError if an argument has the wrong type.
 * @throws RangeError as for the scalar form, or if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { lorentzPolarization } from '@intercalate/crystallography';
 * const grid = Float64Array.from({ length: 1201 }, (_, i) => 10 + 0.1 * i); // 10–130°
 * const lp = lorentzPolarization(grid, { monochromatorTwoTheta: 26.6 });
 * ```
 */
export function lorentzPolarization(
  twoTheta: ArrayLike<number>,
  options?: LorentzPolarizationArrayOptions,
): Float64Array;
export function lorentzPolarization(
  twoTheta: number | ArrayLike<number>,
  options: LorentzPolarizationArrayOptions = {},
): number | Float64Array {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { monochromatorTwoTheta?, polarization?, out? }; received ${describeValue(options)}`,
    );
  }
  const { monochromatorTwoTheta = 0, polarization = 0.5, out } = options;
  assertFiniteNumber('options.monochromatorTwoTheta', monochromatorTwoTheta, {
    min: 0,
    max: 180,
    exclusiveMax: true,
    unit: 'degrees 2θ',
  });
  assertFiniteNumber('options.polarization', polarization, { min: 0, max: 1 });
  // cos 90° is 6e-17 in floating point; make it exactly 0 so that P = 0 is caught below.
  const c = monochromatorTwoTheta === 90 ? 0 : Math.cos(monochromatorTwoTheta * DEG);
  const parallel = (1 - polarization) * c * c; // the in-plane component after the monochromator
  const norm = polarization + parallel;
  if (!(norm > 0)) {
    throw new RangeError(
      `options.polarization 0 with options.monochromatorTwoTheta ${monochromatorTwoTheta} lets no intensity through the monochromator (P + (1 − P) cos²2θ_m = ${norm}); use a polarization > 0 or a monochromator angle ≠ 90`,
    );
  }
  const perpendicular = polarization / norm;
  const inPlane = parallel / norm;
  const factor = (value: number, name: string): number => {
    assertFiniteNumber(name, value, {
      min: 0,
      max: 180,
      exclusiveMin: true,
      exclusiveMax: true,
      unit: 'degrees 2θ',
    });
    const theta = value * 0.5 * DEG;
    const s = Math.sin(theta);
    const cos2t = Math.cos(2 * theta);
    const result = (perpendicular + inPlane * cos2t * cos2t) / (s * s * Math.cos(theta));
    if (!Number.isFinite(result)) {
      throw new RangeError(
        `${name} must be far enough from 0 and 180 for LP to be finite (degrees 2θ); received ${value}`,
      );
    }
    return result;
  };
  if (typeof twoTheta === 'number') return factor(twoTheta, 'twoTheta');
  if (typeof twoTheta !== 'object' || twoTheta === null) {
    throw new TypeError(
      `twoTheta must be a number or an array of numbers (degrees 2θ); received ${describeValue(twoTheta)}`,
    );
  }
  const values = assertNumericArray('twoTheta', twoTheta, { finite: false });
  const result = outputBuffer(out, values.length, 'twoTheta');
  for (let i = 0; i < values.length; i++) result[i] = factor(values[i] as number, `twoTheta[${i}]`);
  return result;
}
