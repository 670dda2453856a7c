/**
 * Lattices, reflections, Bragg/q/energy conversions, peak profiles and peak and lattice fitting for
 * operando X-ray diffraction of layered oxides. Worker-thread fitting of series, for Node, is in
 * the `@intercalate/crystallography/parallel` entry point.
 *
 * @packageDocumentation
 * @mergeModuleWith <project>
 */
export {
  convertTwoTheta,
  convertTwoThetaAxis,
  dFromQ,
  dFromTwoTheta,
  dToTwoThetaAxis,
  energyToWavelength,
  HC_KEV_ANGSTROM,
  qFromD,
  qFromTwoTheta,
  qToTwoThetaAxis,
  twoTheta,
  twoThetaFromQ,
  twoThetaToQAxis,
  wavelengthToEnergy,
} from './bragg.js';
export {
  type CagliotiParameters,
  caglioti,
  cagliotiFromGsasII,
  cagliotiToGsasII,
  type GsasIIProfileParameters,
  type InstrumentProfileParameters,
  type LorentzianWidthParameters,
  lorentzianWidth,
  type WidthArrayOptions,
} from './caglioti.js';
export {
  type FitPatternSeriesOptions,
  fitPatternSeries,
  type PatternData,
  type PatternFitEntry,
  type PatternFitFailure,
  type PatternFitSuccess,
  type PatternSeriesModel,
  type PatternSeriesResult,
} from './fit-pattern-series.js';
export {
  type FitBackground,
  type FitPeaksOptions,
  type FitPeaksResult,
  type FittedPeak,
  fitPeaks,
  type InitialPeak,
  type PeakParameter,
  type PeakStandardErrors,
  type PolynomialBackground,
} from './fit-peaks.js';
export { hexagonalDSpacing, type MillerIndices } from './hexagonal-d-spacing.js';
export {
  type CrystalSystem,
  cellVolume,
  cubicLattice,
  dSpacing,
  dSpacings,
  hexagonalLattice,
  type Lattice,
  type LatticeOptions,
  type LatticeParameters,
  lattice,
  type SymmetricTensor3,
} from './lattice.js';
export {
  canonicalReflection,
  equivalentReflections,
  LAUE_CLASSES,
  type LaueClass,
  laueClassOperations,
  multiplicity,
} from './laue-classes.js';
export {
  dIL,
  dTM,
  oxygenZFromTmOxygenDistance,
  tmOxygenDistance,
} from './layered-oxide.js';
export {
  type LorentzPolarizationArrayOptions,
  type LorentzPolarizationOptions,
  lorentzPolarization,
} from './lorentz-polarization.js';
export {
  gaussian,
  lorentzian,
  type ProfileArrayOptions,
  type ProfileNormalization,
  type ProfileOptions,
  pseudoVoigt,
  type TchPseudoVoigt,
  tchPseudoVoigt,
} from './profiles.js';
export { type ReadXyOptions, readXy, type XyColumns, type XyPattern } from './read-pattern.js';
export {
  type LatticeObservation,
  type LatticeStandardErrors,
  type RefinedLattice,
  type RefineLatticeOptions,
  refineLattice,
} from './refine-lattice.js';
export { type Reflection, type ReflectionListOptions, reflections } from './reflections.js';
export {
  type InstrumentalSubtraction,
  type ScherrerOptions,
  scherrerSize,
  subtractInstrumentalWidth,
} from './scherrer.js';
export {
  type PatternPeak,
  type PatternProfile,
  type SimulatePatternOptions,
  simulatePattern,
} from './simulate-pattern.js';
export {
  isReflectionAllowed,
  type ReflectionConditionOptions,
  SPACE_GROUPS,
  type SpaceGroupInfo,
  type SpaceGroupSymbol,
  spaceGroupInfo,
} from './space-groups.js';
export {
  type HexagonalCell,
  type StephensHexagonalTerms,
  type StephensLaueClass,
  stephensBroadening,
  stephensCoefficients,
} from './stephens.js';
export {
  type AnodeWavelengths,
  type CopperWavelengths,
  WAVELENGTHS,
  type WavelengthTable,
} from './wavelengths.js';
export {
  type WilliamsonHallFit,
  type WilliamsonHallOptions,
  type WilliamsonHallPeak,
  type WilliamsonHallResult,
  williamsonHall,
} from './williamson-hall.js';
