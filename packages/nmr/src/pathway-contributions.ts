/**
 * Geometry of a TM–O–(Li/Na) bond pathway, written as the bond angle in degrees as a string.
 *
 * In an O3 layered oxide (α-NaFeO₂ type, e.g. LiNi₀.₈Mn₀.₁Co₀.₁O₂) a Li in the Li layer has two
 * cation shells of transition-metal (TM) neighbours in the adjacent TM layers: 6 in the first
 * shell, each reached through one ≈ 90° TM–O–Li bond (edge-sharing octahedra, label `'90'`), and
 * 6 in the second shell, each reached through one ≈ 180° TM–O–Li bond (corner-sharing, label
 * `'180'`). These two labels are the ones the bundled tables use; any other string is accepted
 * so that user tables can describe other structures (P2/P3 Na sites, spinels), as long as the
 * environment or shell description uses the same labels.
 */
export type PathwayGeometry = '90' | '180' | (string & {});

/**
 * One bond-pathway contribution to the Fermi-contact shift: the shift a single paramagnetic ion of
 * the given element and oxidation state adds to the observed nucleus through one pathway of the
 * given geometry.
 */
export interface PathwayContribution {
  /** Element symbol of the neighbouring ion, e.g. `'Ni'`. */
  readonly ion: string;
  /** Formal oxidation state of the ion, a positive integer (3 for Ni³⁺). */
  readonly oxidationState: number;
  /** Bond-pathway geometry, the TM–O–Li/Na angle in degrees as a string (`'90'` or `'180'`). */
  readonly geometry: PathwayGeometry;
  /** Shift contributed per neighbouring ion through this pathway, in ppm. */
  readonly shift: number;
  /** Where the value comes from (citation, or the argument for a value fixed by construction). */
  readonly source: string;
}

/**
 * A pathway table: a list of contributions, at most one per species and geometry. Build your own
 * as a plain array (for ²³Na, for other hosts, or with other DFT values) and pass it wherever a
 * table is accepted.
 */
export type PathwayTable = readonly PathwayContribution[];

/** Nuclei with a bundled pathway table in {@link pathwayContributions}. */
export type PathwayNucleus = '7Li';

/**
 * Canonical label of an ion species: element symbol, oxidation state, then `+`, e.g. `'Ni3+'`.
 * The number is always written, also for 1 (`'Li1+'`), so labels are unambiguous to build and
 * read. Environments, compositions and error messages all use these labels.
 *
 * @param ion - Element symbol, e.g. `'Ni'` (one capital letter, optionally one lower-case).
 * @param oxidationState - Formal oxidation state, an integer from 1 to 8.
 * @returns The label, e.g. `'Ni3+'`.
 * @throws TypeError if `ion` is not a string.
 * @throws RangeError if `ion` is not an element-like symbol or `oxidationState` is not an integer
 * from 1 to 8.
 *
 * @example
 * ```ts
 * import { speciesLabel } from '@intercalate/nmr';
 * speciesLabel('Ni', 3); // 'Ni3+'
 * ```
 */
export function speciesLabel(ion: string, oxidationState: number): string {
  if (typeof ion !== 'string') {
    throw new TypeError(
      `ion must be an element symbol string such as 'Ni'; received ${typeof ion}`,
    );
  }
  if (!/^[A-Z][a-z]?$/.test(ion)) {
    throw new RangeError(
      `ion must be an element symbol (a capital letter, optionally one lower-case letter) such as 'Ni'; received ${JSON.stringify(ion)}`,
    );
  }
  if (
    typeof oxidationState !== 'number' ||
    !Number.isInteger(oxidationState) ||
    oxidationState < 1 ||
    oxidationState > 8
  ) {
    throw new RangeError(
      `oxidationState of ${ion} must be an integer from 1 to 8; received ${String(oxidationState)}`,
    );
  }
  return `${ion}${oxidationState}+`;
}

const MARKER_2019 =
  'Märker, Reeves, Xu, Griffith, Grey, Chem. Mater. 2019, 31, 2545, Table 1 (DFT, ppm per TM neighbour)';
const LOW_SPIN_CO =
  'Low-spin Co³⁺ (t2g⁶, S = 0) has no unpaired electron, hence no Fermi-contact shift: 0 by construction, not a DFT value';

function entry(
  ion: string,
  oxidationState: number,
  geometry: PathwayGeometry,
  shift: number,
  source: string,
): PathwayContribution {
  return Object.freeze({ ion, oxidationState, geometry, shift, source });
}

/**
 * Bundled bond-pathway tables, keyed by the observed nucleus.
 *
 * `'7Li'`: contributions to the ⁷Li Fermi-contact shift of a Li in the Li layer of an O3 layered
 * oxide (NMC), per TM neighbour, from DFT (Märker, Reeves, Xu, Griffith, Grey, Chem. Mater. 2019,
 * 31, 2545, Table 1), in ppm:
 *
 * | ion | 90° (first shell, 6 sites) | 180° (second shell, 6 sites) |
 * | --- | ---: | ---: |
 * | Ni²⁺ | −30 | +170 |
 * | Ni³⁺ | −15 | +110 |
 * | Mn⁴⁺ | +250 | −60 |
 * | Co³⁺ (low spin) | 0 | 0 |
 *
 * The contributions are additive (the total shift is the sum over all pathways, see
 * {@link pathwayShift}). The Co³⁺ zeros are not DFT values: low-spin d⁶ Co³⁺ has no unpaired
 * electron. Ni⁴⁺, Al³⁺ and other species are not tabulated; add entries to your own table (for a
 * diamagnetic ion a 0 ppm entry) when a composition contains them.
 *
 * No public ²³Na table is bundled: pass your own {@link PathwayTable}. The record is keyed by
 * nucleus so that further nuclei can be added without changing the API.
 *
 * @example
 * ```ts
 * import { pathwayContributions, pathwayShift } from '@intercalate/nmr';
 * const table = pathwayContributions['7Li'];
 * // LiNiO2, all Ni3+: 6 × (−15) + 6 × 110 = 570 ppm
 * pathwayShift({ '90': { 'Ni3+': 6 }, '180': { 'Ni3+': 6 } }, table); // 570
 * ```
 */
export const pathwayContributions: Readonly<Record<PathwayNucleus, PathwayTable>> = Object.freeze({
  '7Li': Object.freeze([
    entry('Ni', 2, '90', -30, MARKER_2019),
    entry('Ni', 2, '180', 170, MARKER_2019),
    entry('Ni', 3, '90', -15, MARKER_2019),
    entry('Ni', 3, '180', 110, MARKER_2019),
    entry('Mn', 4, '90', 250, MARKER_2019),
    entry('Mn', 4, '180', -60, MARKER_2019),
    entry('Co', 3, '90', 0, LOW_SPIN_CO),
    entry('Co', 3, '180', 0, LOW_SPIN_CO),
  ]),
});
