import { assertFiniteNumber } from '@intercalate/numerics';
import {
  assertOptions,
  fOverRTFrom,
  positiveCurrentDensity,
  transferCoefficient,
} from './kinetics-options.js';

/** Options of {@link linearizedButlerVolmer}. */
export interface LinearizedButlerVolmerOptions {
  /** Exchange current density i0, in A m⁻², finite and > 0. */
  exchangeCurrentDensity: number;
  /** Overpotential η, in V, finite. */
  overpotential: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Linearized (low-overpotential) Butler–Volmer kinetics, the first-order Taylor term of
 * {@link butlerVolmer} at η = 0:
 *
 * i = i0·(αa + αc)·F·η/(RT) = η / R_ct·(area),  R_ct = RT/((αa + αc)·F·i0).
 *
 * Its relative deviation from Butler–Volmer is (αa − αc)·fη/2 + (αa² − αa·αc + αc²)·(fη)²/6 + …
 * (f = F/RT): for αa = αc = ½ it is (fη)²/24, 1 % at |η| ≈ 12.6 mV at 298 K. Anodic positive.
 *
 * @param options - i0 (A m⁻²), η (V), αa, αc, T (K); see {@link LinearizedButlerVolmerOptions}.
 * @returns Current density in A m⁻².
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i0 ≤ 0, η is not finite, αa or αc is outside (0, 1), or T ≤ 0.
 *
 * @example
 * ```ts
 * import { linearizedButlerVolmer } from '@intercalate/electrochem';
 * linearizedButlerVolmer({ exchangeCurrentDensity: 1, overpotential: 0.001, temperature: 298.15 });
 * // 0.001/0.0256926 = 0.038921 A m⁻²
 * ```
 */
export function linearizedButlerVolmer(options: LinearizedButlerVolmerOptions): number {
  assertOptions(options, '{ exchangeCurrentDensity, overpotential, alphaA, alphaC, temperature }');
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const eta = assertFiniteNumber('options.overpotential', options.overpotential, { unit: 'V' });
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  return i0 * (alphaA + alphaC) * f * eta;
}

/** Options of {@link chargeTransferResistance}. */
export interface ChargeTransferResistanceOptions {
  /** Exchange current density i0, in A m⁻², finite and > 0. */
  exchangeCurrentDensity: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Area-specific charge-transfer resistance R_ct = (dη/di at η = 0) = RT/((αa + αc)·F·i0), the
 * slope of {@link linearizedButlerVolmer}; with αa + αc = 1 the familiar RT/(F·i0).
 *
 * @param options - i0 (A m⁻²), αa, αc, T (K); see {@link ChargeTransferResistanceOptions}.
 * @returns R_ct in Ω m² (divide by the electrode area in m² for Ω).
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i0 ≤ 0, αa or αc is outside (0, 1), or T ≤ 0.
 *
 * @example
 * ```ts
 * import { chargeTransferResistance } from '@intercalate/electrochem';
 * chargeTransferResistance({ exchangeCurrentDensity: 1, temperature: 298.15 }); // 0.025693 Ω m²
 * ```
 */
export function chargeTransferResistance(options: ChargeTransferResistanceOptions): number {
  assertOptions(options, '{ exchangeCurrentDensity, alphaA, alphaC, temperature }');
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  return 1 / ((alphaA + alphaC) * f * i0);
}
