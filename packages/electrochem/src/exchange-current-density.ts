import { assertFiniteNumber } from '@intercalate/numerics';
import { exchangeCurrentDensityKernel } from './kinetics-kernels.js';
import { assertOptions, transferCoefficient } from './kinetics-options.js';

/** Options of {@link exchangeCurrentDensity}. */
export interface ExchangeCurrentDensityOptions {
  /**
   * Anodic reaction rate constant k_a, finite and > 0. In m s⁻¹ when αa + αc = 1; in general in
   * the unit that makes k_c^αa·k_a^αc·(mol m⁻³)^(αa+αc) a flux in mol m⁻² s⁻¹.
   */
  kA: number;
  /** Cathodic reaction rate constant k_c, finite and > 0, same unit as `kA`. */
  kC: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Li concentration in the solid c, in mol m⁻³, with 0 ≤ c ≤ cMax. */
  c: number;
  /** Maximum Li concentration in the solid c_max, in mol m⁻³, finite and > 0. */
  cMax: number;
  /** Li⁺ concentration in the electrolyte c_l, in mol m⁻³, finite and ≥ 0. */
  cElectrolyte: number;
  /**
   * Reference electrolyte concentration c_l,ref, in mol m⁻³, finite and > 0.
   * @defaultValue 1000 (1 mol L⁻¹)
   */
  cElectrolyteRef?: number;
}

/**
 * Concentration-dependent exchange current density, eqn (3) of Sharma, de Vasconcelos, Hassan,
 * Zhao, Nano Lett. 2022, 22, 5883 (the Doyle–Newman form used by COMSOL):
 *
 * i0 = F·k_c^αa·k_a^αc·(c_max − c)^αa·c^αc·(c_l/c_l,ref)^αa
 *
 * The exponents follow the standard Doyle form, as restated in the package's issue: k_c carries
 * αa and k_a carries αc (the paper's typeset eqn (3) prints αa on both rate constants, a
 * typesetting slip that would not reduce to the symmetric form). i0 vanishes at c = 0 and
 * c = c_max; for αa = αc its maximum over c is at c = c_max/2. PyBaMM's Chen2020 NMC811 form
 * j0 = m·c_e^½·c_s^½·(c_max − c_s)^½ is the case αa = αc = ½ with m = F·√(k_a k_c)/√c_l,ref.
 *
 * @param options - Rate constants, transfer coefficients and concentrations (mol m⁻³); see
 *   {@link ExchangeCurrentDensityOptions}.
 * @returns i0 in A m⁻² (≥ 0).
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if kA or kC is ≤ 0, αa or αc is outside (0, 1), cMax ≤ 0, c is outside
 *   [0, cMax], cElectrolyte < 0 or cElectrolyteRef ≤ 0.
 *
 * @example
 * ```ts
 * import { exchangeCurrentDensity } from '@intercalate/electrochem';
 * exchangeCurrentDensity({ kA: 2e-11, kC: 2e-11, c: 25000, cMax: 50000, cElectrolyte: 1000 });
 * // F·2e-11·25000 = 0.04824 A m⁻²
 * ```
 */
export function exchangeCurrentDensity(options: ExchangeCurrentDensityOptions): number {
  assertOptions(options, '{ kA, kC, alphaA, alphaC, c, cMax, cElectrolyte, cElectrolyteRef }');
  const positive = { min: 0, exclusiveMin: true };
  const kA = assertFiniteNumber('options.kA', options.kA, positive);
  const kC = assertFiniteNumber('options.kC', options.kC, positive);
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const cMax = assertFiniteNumber('options.cMax', options.cMax, { ...positive, unit: 'mol m⁻³' });
  const c = assertFiniteNumber('options.c', options.c, { min: 0, max: cMax, unit: 'mol m⁻³' });
  const cl = assertFiniteNumber('options.cElectrolyte', options.cElectrolyte, {
    min: 0,
    unit: 'mol m⁻³',
  });
  const clRef = assertFiniteNumber('options.cElectrolyteRef', options.cElectrolyteRef ?? 1000, {
    ...positive,
    unit: 'mol m⁻³',
  });
  return exchangeCurrentDensityKernel(kA, kC, alphaA, alphaC, c, cMax, cl, clRef);
}
