/**
 * The characteristic Kα lines of one X-ray anode (Å), with the conventional doublet weighting.
 */
export interface AnodeWavelengths {
  /** Wavelength of the Kα1 line (KL3), Å. */
  readonly kAlpha1: number;
  /** Wavelength of the Kα2 line (KL2), Å. */
  readonly kAlpha2: number;
  /**
   * The intensity-weighted Kα average (Å), defined here as (2·Kα1 + Kα2)/3, i.e. weights 1 and
   * {@link AnodeWavelengths.kAlpha2Ratio | kAlpha2Ratio} = 0.5 (the "CuKa" 1.54184 of pymatgen is
   * the same average of older, Bearden-scale line values). Use it only for unresolved doublets;
   * fit Kα1 and Kα2 as two peaks when the doublet is resolved.
   */
  readonly kAlpha: number;
  /**
   * Conventional Kα2/Kα1 intensity ratio, 0.5 (the 2:1 statistical weight of the 2p₃/₂ and 2p₁/₂
   * levels; measured ratios, e.g. by Hölzer et al. 1997, are slightly higher). GSAS-II's default
   * lab Cu Kα instrument file uses `I(L2)/I(L1): 0.5` as well, and GSAS-II averages a doublet as
   * (Lam1 + r·Lam2)/(1 + r), the definition of {@link AnodeWavelengths.kAlpha | kAlpha}.
   */
  readonly kAlpha2Ratio: number;
}

/** Cu lines: the Kα doublet plus the Kβ1 line (removed by a Ni filter or a monochromator). */
export interface CopperWavelengths extends AnodeWavelengths {
  /**
   * Wavelength of the Cu Kβ1 line (KM3), Å: 1.3922340 (International Tables Vol. C, 3rd ed. 2004,
   * Table 4.2.2.1, from Hölzer et al. 1997). xrayutilities 1.7.4 uses 1.392246, pymatgen 1.39222.
   */
  readonly kBeta1: number;
}

/**
 * The table type of {@link WAVELENGTHS}: one entry per common laboratory anode. Values and their
 * sources are given per member.
 */
export interface WavelengthTable {
  /**
   * Copper: Kα1 = 1.54059292 Å (International Tables Vol. C, Table 4.2.2.6: 1.54059292(45); Table
   * 4.2.2.1 lists the same line as 1.5405929, from Hölzer et al., Phys. Rev. A 56, 4554 (1997); as
   * quoted by xrayutilities), Kα2 = 1.5444274 Å (Table 4.2.2.1, Hölzer et al. 1997), Kβ1 = 1.3922340
   * Å. Programs disagree: pymatgen uses Kα1 1.54056, Kα2 1.54439 and "CuKa" 1.54184 (Bearden-scale
   * values, 21 ppm shorter), GSAS-II's lab default is 1.5405/1.5443, and xrayutilities 1.7.4 stores
   * Kα2 as 1.5444141 (8.7 ppm shorter than Table 4.2.2.1).
   */
  readonly Cu: CopperWavelengths;
  /**
   * Molybdenum: Kα1 = 0.70931715 Å, Kα2 = 0.713607 Å (International Tables Vol. C, 3rd ed. 2004,
   * Table 4.2.2.1; Table 4.2.2.6 gives Kα1 = 0.70931713(41)). pymatgen: 0.70930 / 0.71359.
   */
  readonly Mo: AnodeWavelengths;
  /**
   * Cobalt: Kα1 = 1.7889960 Å, Kα2 = 1.7928350 Å (International Tables Vol. C, 3rd ed. 2004,
   * Table 4.2.2.1, from Hölzer et al. 1997). xrayutilities 1.7.4 (X-ray data booklet):
   * 1.789011 / 1.792897; pymatgen: 1.78896 / 1.79285.
   */
  readonly Co: AnodeWavelengths;
  /**
   * Silver: Kα1 = 0.55942178 Å, Kα2 = 0.5638131 Å (Deslattes et al., Rev. Mod. Phys. 75, 35
   * (2003), the NIST X-ray transition energies database SRD 128, direct-experimental column — the
   * evaluation behind International Tables Vol. C, Table 4.2.2.1 — as quoted by the RIETAN-FP
   * manual). pymatgen: 0.559421 / 0.563813; Bearden (1967): Kα1 0.5594075.
   */
  readonly Ag: AnodeWavelengths;
  /**
   * Chromium: Kα1 = 2.2897260 Å, Kα2 = 2.2936510 Å (International Tables Vol. C, 3rd ed. 2004,
   * Table 4.2.2.1, from Hölzer et al. 1997). pymatgen: 2.28970 / 2.29361.
   */
  readonly Cr: AnodeWavelengths;
  /**
   * Iron: Kα1 = 1.9360410 Å, Kα2 = 1.9399730 Å (International Tables Vol. C, 3rd ed. 2004,
   * Table 4.2.2.1, from Hölzer et al. 1997). pymatgen: 1.93604 / 1.93998.
   */
  readonly Fe: AnodeWavelengths;
}

/** The conventional Kα2/Kα1 intensity ratio used by every entry of {@link WAVELENGTHS}. */
const K_ALPHA2_RATIO = 0.5;

function anode(kAlpha1: number, kAlpha2: number): AnodeWavelengths {
  return Object.freeze({
    kAlpha1,
    kAlpha2,
    // Weighted mean with weights 1 : kAlpha2Ratio = (2·Kα1 + Kα2)/3.
    kAlpha: (kAlpha1 + K_ALPHA2_RATIO * kAlpha2) / (1 + K_ALPHA2_RATIO),
    kAlpha2Ratio: K_ALPHA2_RATIO,
  });
}

/**
 * Characteristic X-ray wavelengths (Å) of the common laboratory anodes — Cu, Mo, Co, Ag, Cr, Fe —
 * with Kα1, Kα2, the weighted Kα average (2·Kα1 + Kα2)/3 and the conventional Kα2/Kα1 intensity
 * ratio 0.5 (plus Cu Kβ1). A frozen table: sources per entry in {@link WavelengthTable}.
 *
 * Nothing in this package defaults to any of these: every function that needs λ takes it as a
 * required argument, so pick the line your instrument actually uses (a Ge(111) or Johansson
 * monochromator passes Kα1 only; a Ni filter passes the Kα doublet).
 *
 * @example
 * ```ts
 * import { twoTheta, WAVELENGTHS } from '@intercalate/crystallography';
 * WAVELENGTHS.Cu.kAlpha1; // 1.54059292
 * WAVELENGTHS.Cu.kAlpha; // 1.54187108 = (2·1.54059292 + 1.5444274)/3
 * twoTheta(2.03795, WAVELENGTHS.Co.kAlpha1); // 52.070…, NMC811 104 with a Co tube
 * ```
 */
export const WAVELENGTHS: WavelengthTable = Object.freeze({
  Cu: Object.freeze({ ...anode(1.54059292, 1.5444274), kBeta1: 1.392234 }),
  Mo: anode(0.70931715, 0.713607),
  Co: anode(1.788996, 1.792835),
  Ag: anode(0.55942178, 0.5638131),
  Cr: anode(2.289726, 2.293651),
  Fe: anode(1.936041, 1.939973),
});
