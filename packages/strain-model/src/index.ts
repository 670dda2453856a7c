/**
 * The lithium-content-driven unified strain model for Ni-rich layered oxides,
 * ε = g(c_Li, Δc_Li) (Jousseaume et al., Energy Environ. Sci. 2024).
 *
 * @packageDocumentation
 */
export {
  type CharacteristicContent,
  type CharacteristicContents,
  type CharacteristicContentsOptions,
  characteristicContents,
} from './characteristic-contents.js';
export {
  type CriticalStateOfChargeOptions,
  criticalStateOfCharge,
} from './critical-state-of-charge.js';
export { examples, type IllustrativeLatticeCurves } from './examples.js';
export { heterogeneityStrain } from './heterogeneity-strain.js';
export {
  type LatticeFunction,
  type LatticeFunctionOptions,
  type LatticeInterpolation,
  type LatticeSmoothing,
  latticeFunction,
} from './lattice-function.js';
export {
  type LithiumLossProjection,
  type LithiumLossProjectionOptions,
  lithiumLossProjection,
} from './lithium-loss.js';
export {
  type FitStrainMasterCurveOptions,
  fitStrainMasterCurve,
  type StrainMasterCurveFit,
  type StrainMasterCurveParameters,
  strainMasterCurve,
} from './master-curve.js';
export {
  type CyclingWindow,
  type LayeredOxidePreset,
  MATERIALS,
  type PristineCell,
} from './materials.js';
export {
  type LocalContentDistribution,
  type PeakWarping,
  type SimulatePeakWarpingOptions,
  simulatePeakWarping,
  type WarpingProfile,
} from './peak-warping.js';
export {
  type LatticeTable,
  type ReadLatticeTableOptions,
  readLatticeTable,
} from './read-lattice-table.js';
export {
  type LatticeParameterFunction,
  type StrainMap,
  type StrainMapBuffers,
  type StrainMapOptions,
  strainMap,
} from './strain-map.js';
