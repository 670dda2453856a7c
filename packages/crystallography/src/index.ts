/**
 * Lattices, reflections, Bragg/q/energy conversions, peak profiles and peak and lattice fitting for
 * operando X-ray diffraction of layered oxides.
 *
 * @packageDocumentation
 */
export { hexagonalDSpacing, type MillerIndices } from './hexagonal-d-spacing.js';
