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
