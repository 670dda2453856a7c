import { molarMass, theoreticalCapacity } from '@intercalate/electrochem';

/**
 * Lattice parameters of a pristine layered oxide (R-3m, hexagonal axes), Table 1 of Jousseaume
 * et al., Energy Environ. Sci. 2024 (Rietveld refinements, FullProf; LNO from the synchrotron
 * setup).
 */
export interface PristineCell {
  /** Lattice parameter a = d_TM (Å). */
  readonly a: number;
  /** Lattice parameter c = 3·d_IL (Å). */
  readonly c: number;
  /** Distance from a transition-metal atom to its nearest oxygen, d_TM–O (Å). */
  readonly tmOxygenDistance: number;
}

/**
 * A lithium-content window over which a cathode is cycled: c_Li at the end of discharge (high)
 * and at the end of charge (low), fractions in [0, 1].
 */
export interface CyclingWindow {
  /** c_Li at the end of discharge (0 % state of charge). */
  readonly cLiDischarged: number;
  /** c_Li at the end of charge (100 % state of charge). */
  readonly cLiCharged: number;
}

/** A layered-oxide cathode of the paper; see {@link MATERIALS}. */
export interface LayeredOxidePreset {
  /** Short name used in the paper. */
  readonly name: 'NMC622' | 'NMC811' | 'LNO';
  /** Chemical formula of the lithiated (pristine) material. */
  readonly formula: string;
  /** Atoms per formula unit, by element symbol. */
  readonly composition: Readonly<Record<string, number>>;
  /**
   * Space group (Hermann–Mauguin, hexagonal axes). Table 1 of the paper prints "R3m" for LNO, a
   * dropped overbar: LiNiO₂ is R-3m (the text: "indexed on the R-3m hexagonal space group").
   */
  readonly spaceGroup: 'R-3m';
  /** The pristine cell of Table 1. */
  readonly pristine: PristineCell;
  /**
   * Molar mass M of the formula unit (g mol⁻¹), computed by `molarMass` of
   * `@intercalate/electrochem` from the IUPAC (CIAAW 2021) standard atomic weights: Li 6.94 and
   * O 15.999 (conventional values of their intervals), Ni 58.6934, Mn 54.938043, Co 58.933194.
   * pymatgen's table gives the same to 2·10⁻⁵ relative (Li 6.941).
   */
  readonly molarMass: number;
  /**
   * Theoretical specific capacity for the removal of all lithium, Q = F/(3.6·M) mAh g⁻¹
   * (F = 96485.33212331001 C mol⁻¹, CODATA 2018), by `theoreticalCapacity` of
   * `@intercalate/electrochem`.
   */
  readonly theoreticalCapacity: number;
  /**
   * The c_Li window assumed for a 2.5–4.2 V full-cell cycle (first charge, with the formation loss
   * in `cLiDischarged`). **An assumption of this package, not a number of the paper**, which gives
   * only the resulting states of charge (c_Li = 0.4 ≈ 85 % SOC for NMC622, ≈ 65 % for LNO, §3.6);
   * the windows were chosen as typical values that reproduce them with {@link criticalStateOfCharge}:
   * NMC622 1.00 → 0.30 (0.70 Li, ≈ 194 mAh g⁻¹), NMC811 0.97 → 0.22 (0.75 Li, ≈ 207 mAh g⁻¹),
   * LNO 0.95 → 0.10 (0.85 Li, ≈ 233 mAh g⁻¹).
   */
  readonly cyclingWindow: CyclingWindow;
}

function preset(
  name: LayeredOxidePreset['name'],
  formula: string,
  composition: Record<string, number>,
  pristine: PristineCell,
  cyclingWindow: CyclingWindow,
): LayeredOxidePreset {
  return Object.freeze({
    name,
    formula,
    composition: Object.freeze(composition),
    spaceGroup: 'R-3m' as const,
    pristine: Object.freeze(pristine),
    molarMass: molarMass(formula),
    theoreticalCapacity: theoreticalCapacity(formula, { electrons: 1 }),
    cyclingWindow: Object.freeze(cyclingWindow),
  });
}

/**
 * The three cathodes of Jousseaume et al., Energy Environ. Sci. 2024: NMC622, NMC811 and LiNiO₂,
 * with the pristine cells of Table 1, formula, molar mass, theoretical capacity and an assumed
 * cycling window (see {@link LayeredOxidePreset.cyclingWindow}).
 *
 * | | a (Å) | c (Å) | d_TM–O (Å) | M (g mol⁻¹) | Q (mAh g⁻¹) |
 * | --- | ---: | ---: | ---: | ---: | ---: |
 * | NMC622 | 2.8703 | 14.2255 | 1.9732 | 96.928 | 276.5 |
 * | NMC811 | 2.8727 | 14.2127 | 1.9708 | 97.280 | 275.5 |
 * | LNO | 2.8747 | 14.1775 | 1.9719 | 97.631 | 274.5 |
 *
 * @example
 * ```ts
 * import { criticalStateOfCharge, MATERIALS } from '@intercalate/strain-model';
 * MATERIALS.NMC811.pristine.c; // 14.2127 Å
 * MATERIALS.NMC811.theoreticalCapacity; // 275.509… mAh/g
 * criticalStateOfCharge({ criticalContent: 0.4, ...MATERIALS.NMC622.cyclingWindow }); // 0.857
 * criticalStateOfCharge({ criticalContent: 0.4, ...MATERIALS.LNO.cyclingWindow }); // 0.647
 * ```
 */
export const MATERIALS: {
  /** LiNi₀.₆Mn₀.₂Co₀.₂O₂. */
  readonly NMC622: LayeredOxidePreset;
  /** LiNi₀.₈Mn₀.₁Co₀.₁O₂. */
  readonly NMC811: LayeredOxidePreset;
  /** LiNiO₂. */
  readonly LNO: LayeredOxidePreset;
} = /* @__PURE__ */ Object.freeze({
  NMC622: preset(
    'NMC622',
    'LiNi0.6Mn0.2Co0.2O2',
    { Li: 1, Ni: 0.6, Mn: 0.2, Co: 0.2, O: 2 },
    { a: 2.8703, c: 14.2255, tmOxygenDistance: 1.9732 },
    { cLiDischarged: 1, cLiCharged: 0.3 },
  ),
  NMC811: preset(
    'NMC811',
    'LiNi0.8Mn0.1Co0.1O2',
    { Li: 1, Ni: 0.8, Mn: 0.1, Co: 0.1, O: 2 },
    { a: 2.8727, c: 14.2127, tmOxygenDistance: 1.9708 },
    { cLiDischarged: 0.97, cLiCharged: 0.22 },
  ),
  LNO: preset(
    'LNO',
    'LiNiO2',
    { Li: 1, Ni: 1, O: 2 },
    { a: 2.8747, c: 14.1775, tmOxygenDistance: 1.9719 },
    { cLiDischarged: 0.95, cLiCharged: 0.1 },
  ),
});
