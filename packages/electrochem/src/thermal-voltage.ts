import { assertFiniteNumber } from '@intercalate/numerics';
import { FARADAY, GAS_CONSTANT } from './constants.js';

/**
 * Thermal voltage V_T = RT/F = k_B T / e, in volts: the natural scale of overpotentials in
 * Butler–Volmer kinetics (exp(αFη/RT) = exp(αη/V_T)).
 *
 * @param temperature - Absolute temperature T in kelvin, finite and > 0.
 * @returns RT/F in V (25.693 mV at 298.15 K).
 * @throws RangeError if `temperature` is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { thermalVoltage } from '@intercalate/electrochem';
 * thermalVoltage(298.15); // 0.025693 V
 * ```
 */
export function thermalVoltage(temperature: number): number {
  assertFiniteNumber('temperature', temperature, { min: 0, exclusiveMin: true, unit: 'K' });
  return (GAS_CONSTANT * temperature) / FARADAY;
}
