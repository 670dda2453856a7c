/**
 * The lithium-content-driven unified strain model for Ni-rich layered oxides,
 * ε = g(c_Li, Δc_Li) (Jousseaume et al., Energy Environ. Sci. 2024).
 *
 * @packageDocumentation
 */
export { heterogeneityStrain } from './heterogeneity-strain.js';
