/**
 * Pristine lattice parameters (R-3m, hexagonal axes, Å) from Table 1 of Jousseaume et al.,
 * "A unified strain model for layered oxides", Energy Environ. Sci. 2024 (Rietveld refinements).
 */
export const LATTICE_PRESETS = [
  { name: 'NMC622', a: 2.8703, c: 14.2255 },
  { name: 'NMC811', a: 2.8727, c: 14.2127 },
  { name: 'LNO', a: 2.8747, c: 14.1775 },
] as const;

/** The synchrotron energy of the paper's operando S-XRD (ESRF BM32), keV. */
export const PAPER_SYNCHROTRON_KEV = 27;
