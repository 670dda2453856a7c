/**
 * ⁷Li/²³Na paramagnetic shift bookkeeping, spectra with spinning sidebands, quantification and
 * Bruker/JCAMP readers for battery NMR. Shifts in ppm, frequencies in MHz or Hz as named.
 *
 * @packageDocumentation
 */
export {
  type Composition,
  type CompositionOptions,
  compositionFromFormula,
} from './composition.js';
export { type CurieWeissOptions, curieWeissScale } from './curie-weiss.js';
export {
  type EnvironmentDistribution,
  type EnvironmentDistributionOptions,
  environmentDistribution,
  type SiteEnvironment,
} from './environment-distribution.js';
export {
  type FitLineParameter,
  type FitSidebands,
  type FitSpectrumOptions,
  type FittedBackground,
  type FittedLine,
  type FittedSidebands,
  fitSpectrum,
  type SpectrumFit,
} from './fit-spectrum.js';
export {
  type JcampParameterOptions,
  type JcampValue,
  parseJcampParameters,
} from './jcamp-parameters.js';
export {
  fieldFromProtonFrequency,
  larmorFrequency,
  type Spectrometer,
} from './larmor-frequency.js';
export { NUCLEI, type Nucleus, type NucleusSymbol, nucleus } from './nuclei.js';
export {
  type PathwayContribution,
  type PathwayGeometry,
  type PathwayNucleus,
  type PathwayTable,
  pathwayContributions,
  speciesLabel,
} from './pathway-contributions.js';
export { type PathwayEnvironment, pathwayShift } from './pathway-shift.js';
export { type PpmAxisOptions, ppmAxis } from './ppm-axis.js';
export {
  type PredictSpectrumOptions,
  predictSpectrum,
  type ShiftDistribution,
} from './predict-spectrum.js';
export {
  type NormalizeIntensityOptions,
  normalizeIntensity,
  relativeContent,
  type UncertainValue,
} from './quantification.js';
export { type BrukerFiles, type BrukerSpectrum, readBruker } from './read-bruker.js';
export { type JcampSpectrum, type ReadJcampOptions, readJcamp } from './read-jcamp.js';
export { hzToPpm, ppmToHz } from './shift-units.js';
export { type SidebandIntensitiesOptions, sidebandIntensities } from './sideband-intensities.js';
export { type SidebandPositionsOptions, sidebandPositions } from './sideband-positions.js';
export {
  type SimulateSpectrumOptions,
  type SpectrumLine,
  type SpinningSidebands,
  simulateSpectrum,
} from './simulate-spectrum.js';
