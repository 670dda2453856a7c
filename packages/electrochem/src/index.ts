/**
 * Butler–Volmer family kinetics, electrochemical bookkeeping and particle models for battery
 * electrodes. SI units throughout (A m⁻², mol m⁻³, V, K, s, m), mAh g⁻¹ for specific capacity.
 *
 * @packageDocumentation
 */
// Constants and reference electrodes

// Bookkeeping: formulas, capacity, lithium content, state of charge
export { ATOMIC_WEIGHTS } from './atomic-weights.js';
// Kinetics: Butler–Volmer family
export {
  type ButlerVolmerArrayOptions,
  type ButlerVolmerOptions,
  butlerVolmer,
  butlerVolmerArray,
} from './butler-volmer.js';
export {
  type CRateCurrentOptions,
  capacityFromLithiumContent,
  cRateCurrent,
  type LithiumContentOptions,
  lithiumContentFromCapacity,
  type StateOfChargeOptions,
  stateOfCharge,
  type TheoreticalCapacityOptions,
  theoreticalCapacity,
} from './capacity.js';
export {
  type ConvertPotentialOptions,
  convertPotential,
  FARADAY,
  GAS_CONSTANT,
  type ReferenceElectrode,
  STANDARD_POTENTIALS,
  type StandardPotential,
} from './constants.js';
export type { CyclerData } from './cycler-data.js';
export type {
  CurrentStep,
  CyclingStep,
  CyclingStepSummary,
  ParticleKinetics,
  RestStep,
  SimulationProgressOptions,
  StepEndReason,
  VoltageStep,
} from './cycling-protocol.js';
export {
  type DifferentialCapacity,
  type DifferentialCapacityBranch,
  type DifferentialCapacityOptions,
  type DifferentialCapacitySmoothing,
  differentialCapacity,
} from './differential-capacity.js';
export {
  type ExchangeCurrentDensityOptions,
  exchangeCurrentDensity,
} from './exchange-current-density.js';
export { parseFormula } from './formula.js';
export {
  type AnalyzeGittOptions,
  analyzeGitt,
  type GittAnalysis,
  type GittDiffusionInput,
  type GittGeometry,
  type GittTitration,
  gittDiffusionCoefficient,
} from './gitt.js';
export {
  type ChargeTransferResistanceOptions,
  chargeTransferResistance,
  type LinearizedButlerVolmerOptions,
  linearizedButlerVolmer,
} from './linear-kinetics.js';
export {
  type MarcusHushChidseyOptions,
  marcusHushChidsey,
} from './marcus-hush-chidsey.js';
export { type MolarMassOptions, molarMass } from './molar-mass.js';
export {
  type OverpotentialArrayOptions,
  type OverpotentialOptions,
  overpotential,
  overpotentialArray,
} from './overpotential.js';
export {
  type NetworkHalfCycle,
  type ParticleNetworkOptions,
  type ParticleNetworkResult,
  simulateParticleNetwork,
} from './particle-network.js';
export type { ParticleOptions } from './particle-options.js';
export { readBiologicMpt } from './read-biologic-mpt.js';
export {
  type CyclerQuantity,
  type ReadCyclerCsvOptions,
  readCyclerCsv,
} from './read-cycler-csv.js';
export {
  type SingleParticleOptions,
  type SingleParticleResult,
  simulateSingleParticle,
} from './single-particle.js';
export type { ShellGrid } from './sphere-diffusion.js';
export { type TafelOptions, type TafelSlopeOptions, tafel, tafelSlope } from './tafel.js';
export { thermalVoltage } from './thermal-voltage.js';
export {
  illustrativeNmcConductivity,
  illustrativeNmcDiffusivity,
  illustrativeNmcOcv,
  type TransportLaw,
} from './transport-laws.js';
