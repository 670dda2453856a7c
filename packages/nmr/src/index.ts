/**
 * ⁷Li/²³Na paramagnetic shift bookkeeping, spectra with spinning sidebands, quantification and
 * Bruker/JCAMP readers for battery NMR. Shifts in ppm, frequencies in MHz or Hz as named.
 *
 * @packageDocumentation
 */
export { type CurieWeissOptions, curieWeissScale } from './curie-weiss.js';
export {
  fieldFromProtonFrequency,
  larmorFrequency,
  type Spectrometer,
} from './larmor-frequency.js';
export { NUCLEI, type Nucleus, type NucleusSymbol, nucleus } from './nuclei.js';
export {
  type NormalizeIntensityOptions,
  normalizeIntensity,
  relativeContent,
  type UncertainValue,
} from './quantification.js';
export { hzToPpm, ppmToHz } from './shift-units.js';
export { type SidebandPositionsOptions, sidebandPositions } from './sideband-positions.js';
