/**
 * ⁷Li/²³Na paramagnetic shift bookkeeping, spectra with spinning sidebands, quantification and
 * Bruker/JCAMP readers for battery NMR. Shifts in ppm, frequencies in MHz or Hz as named.
 *
 * @packageDocumentation
 */
export { hzToPpm, ppmToHz } from './shift-units.js';
