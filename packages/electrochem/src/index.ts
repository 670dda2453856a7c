/**
 * Butler–Volmer family kinetics, electrochemical bookkeeping and particle models for battery
 * electrodes. SI units throughout (A m⁻², mol m⁻³, V, K, s, m), mAh g⁻¹ for specific capacity.
 *
 * @packageDocumentation
 */
export { FARADAY, GAS_CONSTANT } from './constants.js';
export { thermalVoltage } from './thermal-voltage.js';
