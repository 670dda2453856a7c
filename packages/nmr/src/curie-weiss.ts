import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/** Options of {@link curieWeissScale}. */
export interface CurieWeissOptions {
  /** Temperature T₁ in kelvin at which `shift` was measured, finite and > 0. */
  from: number;
  /** Temperature T₂ in kelvin to scale the shift to, finite and > 0. */
  to: number;
  /**
   * Weiss temperature θ in kelvin, finite, usually negative for the antiferromagnetically coupled
   * transition-metal oxides of cathodes. Both T₁ − θ and T₂ − θ must be > 0 (paramagnetic regime).
   * @defaultValue 0 (pure Curie law, shift ∝ 1/T)
   */
  theta?: number;
  /**
   * Temperature-independent (diamagnetic, orbital) part of the shift in ppm, which does not scale;
   * only `shift − diamagneticShift` is scaled. For ⁷Li and ²³Na it is a few ppm at most.
   * @defaultValue 0
   */
  diamagneticShift?: number;
}

/**
 * Scales a paramagnetic (Fermi-contact / hyperfine) shift from one temperature to another with the
 * Curie–Weiss law.
 *
 * The hyperfine shift is proportional to the bulk magnetic susceptibility, which above the ordering
 * temperature follows χ = C / (T − θ) (Grey & Dupré, "NMR Studies of Cathode Materials for
 * Lithium-Ion Rechargeable Batteries", Chem. Rev. 2004, 104, 4493, section 2.2). Hence
 *
 * δ(T₂) = δ_dia + (δ(T₁) − δ_dia) · (T₁ − θ) / (T₂ − θ)
 *
 * with δ_dia the temperature-independent `diamagneticShift` (0 by default). θ = 0 is the pure
 * Curie law δ ∝ 1/T. Use it to compare spectra recorded at different sample temperatures: fast MAS
 * can heat the rotor by tens of kelvin through friction, enough to move a 700 ppm ⁷Li
 * line by tens of ppm.
 *
 * @param shift - Observed shift δ(T₁) in ppm, finite.
 * @param options - `from` (T₁, K), `to` (T₂, K), `theta` (θ, K) and `diamagneticShift` (ppm); see
 *   {@link CurieWeissOptions}.
 * @returns The shift δ(T₂) in ppm.
 * @throws TypeError if `options` is not an object or a member is not a number.
 * @throws RangeError if a value is not finite, a temperature is not > 0, or T − θ ≤ 0 for either
 *   temperature (below the Weiss temperature the law does not apply).
 *
 * @example
 * ```ts
 * import { curieWeissScale } from '@intercalate/nmr';
 * // a 700 ppm line measured at 320 K (rotor heated by MAS), θ = −100 K, brought to 298 K
 * curieWeissScale(700, { from: 320, to: 298, theta: -100 }); // 738.69 ppm
 * curieWeissScale(700, { from: 320, to: 298 }); // 751.68 ppm (Curie law, θ = 0)
 * ```
 */
export function curieWeissScale(shift: number, options: CurieWeissOptions): number {
  assertFiniteNumber('shift', shift, { unit: 'ppm' });
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { from, to, theta? } (K); received ${describeValue(options)}`,
    );
  }
  const from = assertFiniteNumber('from', options.from, { min: 0, exclusiveMin: true, unit: 'K' });
  const to = assertFiniteNumber('to', options.to, { min: 0, exclusiveMin: true, unit: 'K' });
  const theta = assertFiniteNumber('theta', options.theta ?? 0, { unit: 'K' });
  const diamagneticShift = assertFiniteNumber('diamagneticShift', options.diamagneticShift ?? 0, {
    unit: 'ppm',
  });
  if (from - theta <= 0 || to - theta <= 0) {
    const which = from - theta <= 0 ? 'from' : 'to';
    const value = which === 'from' ? from : to;
    throw new RangeError(
      `${which} must be above the Weiss temperature theta (T − θ > 0, Curie–Weiss regime); received ${which} = ${value} K with theta = ${theta} K`,
    );
  }
  return diamagneticShift + ((shift - diamagneticShift) * (from - theta)) / (to - theta);
}
