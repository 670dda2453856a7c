import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/**
 * Faraday constant F = e·N_A, in C mol⁻¹.
 *
 * Exact since the 2019 SI redefinition (CODATA 2018): e = 1.602176634e-19 C and
 * N_A = 6.02214076e23 mol⁻¹, so F = 96485.33212331001… C mol⁻¹. The same value as
 * `scipy.constants.physical_constants['Faraday constant']` and PyBaMM. (MPET builds F from
 * rounded e and N_A, 96472.44: comparisons with it agree to about 2e-4 only.)
 *
 * @example
 * ```ts
 * import { FARADAY } from '@intercalate/electrochem';
 * // charge of one mole of electrons in mAh: F / 3.6
 * FARADAY / 3.6; // 26801.48…
 * ```
 */
export const FARADAY = 1.602176634e-19 * 6.02214076e23;

/**
 * Molar gas constant R = k_B·N_A, in J mol⁻¹ K⁻¹.
 *
 * Exact since the 2019 SI redefinition (CODATA 2018): k_B = 1.380649e-23 J K⁻¹ and
 * N_A = 6.02214076e23 mol⁻¹, so R = 8.31446261815324 J mol⁻¹ K⁻¹ (scipy, PyBaMM).
 *
 * @example
 * ```ts
 * import { GAS_CONSTANT } from '@intercalate/electrochem';
 * GAS_CONSTANT * 298.15; // 2478.96 J mol⁻¹
 * ```
 */
export const GAS_CONSTANT = 1.380649e-23 * 6.02214076e23;

/** A reference electrode accepted by {@link convertPotential}. */
export type ReferenceElectrode = 'Li+/Li' | 'Na+/Na' | 'SHE';

/** A standard electrode potential with its source. */
export interface StandardPotential {
  /** E° of the couple vs the standard hydrogen electrode, in V (25 °C, unit activities). */
  readonly value: number;
  /** Where the value comes from. */
  readonly source: string;
}

/**
 * Standard electrode potentials E° (V vs SHE, 25 °C) of the reference couples of
 * {@link convertPotential}.
 *
 * - Li⁺/Li: −3.040 V. Bard, Parsons, Jordan (eds.), *Standard Potentials in Aqueous Solution*
 *   (IUPAC, Marcel Dekker 1985), as tabulated in the CRC Handbook of Chemistry and Physics
 *   ("Electrochemical series"). Some tables give −3.04 or −3.05 (Mu et al., JACS 2024 use −3.05);
 *   older ones −3.10.
 * - Na⁺/Na: −2.71 V (same sources; Mu et al. 2024 use −2.71).
 * - SHE: 0 by definition.
 *
 * With these values E vs Na⁺/Na = E vs Li⁺/Li − 0.33 V.
 *
 * @example
 * ```ts
 * import { STANDARD_POTENTIALS } from '@intercalate/electrochem';
 * STANDARD_POTENTIALS['Li+/Li'].value; // -3.04
 * ```
 */
export const STANDARD_POTENTIALS: Readonly<Record<ReferenceElectrode, StandardPotential>> =
  Object.freeze({
    'Li+/Li': Object.freeze({
      value: -3.04,
      source:
        'Bard, Parsons, Jordan, Standard Potentials in Aqueous Solution (IUPAC, 1985); CRC Handbook, electrochemical series',
    }),
    'Na+/Na': Object.freeze({
      value: -2.71,
      source:
        'Bard, Parsons, Jordan, Standard Potentials in Aqueous Solution (IUPAC, 1985); CRC Handbook, electrochemical series',
    }),
    SHE: Object.freeze({ value: 0, source: 'definition' }),
  });

/** Options of {@link convertPotential}. */
export interface ConvertPotentialOptions {
  /** Reference electrode the input potential is measured against. */
  from: ReferenceElectrode;
  /** Reference electrode to express the result against. */
  to: ReferenceElectrode;
  /**
   * Replacement E° values (V vs SHE) for some couples, e.g. `{ 'Li+/Li': -3.05 }` to follow
   * Mu et al. 2024.
   * @defaultValue the values of {@link STANDARD_POTENTIALS}
   */
  standardPotentials?: Partial<Record<ReferenceElectrode, number>>;
}

const REFERENCE_NAMES = Object.keys(STANDARD_POTENTIALS)
  .map((k) => `'${k}'`)
  .join(', ');

function referencePotential(
  name: string,
  reference: unknown,
  overrides: Partial<Record<ReferenceElectrode, number>> | undefined,
): number {
  if (typeof reference !== 'string' || !Object.hasOwn(STANDARD_POTENTIALS, reference)) {
    throw new RangeError(
      `${name} must be one of ${REFERENCE_NAMES}; received ${describeValue(reference)}`,
    );
  }
  const key = reference as ReferenceElectrode;
  const override = overrides?.[key];
  if (override !== undefined) {
    return assertFiniteNumber(`options.standardPotentials['${key}']`, override, { unit: 'V' });
  }
  return STANDARD_POTENTIALS[key].value;
}

/**
 * Converts an electrode potential between reference electrodes through the SHE scale:
 * E_to = E_from + E°(from) − E°(to), with E° vs SHE from {@link STANDARD_POTENTIALS}
 * (Li⁺/Li −3.04 V, Na⁺/Na −2.71 V) unless overridden. This shifts by the difference of standard
 * potentials only: it ignores liquid-junction potentials and non-unit activities, so it is the
 * usual ±0.01–0.05 V bookkeeping between half-cells, not a thermodynamic correction.
 *
 * @param potential - Electrode potential in V vs `options.from`.
 * @param options - Source and target reference electrodes, and optional E° overrides.
 * @returns The same potential in V vs `options.to`.
 * @throws TypeError if `potential` is not a number or `options` is not an object.
 * @throws RangeError if `potential` is not finite, or `from`/`to` is not one of 'Li+/Li',
 *   'Na+/Na', 'SHE', or an override is not finite.
 *
 * @example
 * ```ts
 * import { convertPotential } from '@intercalate/electrochem';
 * convertPotential(4.3, { from: 'Li+/Li', to: 'Na+/Na' }); // 3.97 V
 * convertPotential(0, { from: 'Li+/Li', to: 'SHE' }); // -3.04 V
 * ```
 */
export function convertPotential(potential: number, options: ConvertPotentialOptions): number {
  assertFiniteNumber('potential', potential, { unit: 'V' });
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { from, to }; received ${describeValue(options)}`,
    );
  }
  const overrides = options.standardPotentials;
  if (overrides !== undefined && (typeof overrides !== 'object' || overrides === null)) {
    throw new TypeError(
      `options.standardPotentials must be an object such as { 'Li+/Li': -3.05 }; received ${describeValue(overrides)}`,
    );
  }
  const from = referencePotential('options.from', options.from, overrides);
  const to = referencePotential('options.to', options.to, overrides);
  return potential + from - to;
}
