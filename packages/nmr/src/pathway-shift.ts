import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { type PathwayTable, speciesLabel } from './pathway-contributions.js';

/**
 * The cation environment of one Li/Na site: for each bond-pathway geometry (shell), the number of
 * neighbouring ions of each species, keyed by the species label of {@link speciesLabel}
 * (`'Ni3+'`). For a Li in an O3 layered oxide, `'90'` is the first shell (6 sites) and `'180'` the
 * second (6 sites). Counts are usually integers; non-negative fractional counts are accepted too
 * (e.g. 6 × 0.8 Ni³⁺ for a mean-field environment, whose shift is then the mean shift). Species
 * with a count of 0 may be listed and need no table entry.
 *
 * @example
 * ```ts
 * import type { PathwayEnvironment } from '@intercalate/nmr';
 * const environment: PathwayEnvironment = {
 *   '90': { 'Ni2+': 2, 'Ni3+': 2, 'Mn4+': 1, 'Co3+': 1 },
 *   '180': { 'Ni3+': 5, 'Mn4+': 1 },
 * };
 * ```
 */
export type PathwayEnvironment = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * A pathway table indexed for lookup: geometry → species label → shift in ppm.
 *
 * @internal
 */
export type PathwayIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Validates a {@link PathwayTable} and indexes it as geometry → species label → shift (ppm).
 *
 * @param table - The table to index.
 * @param name - The argument's name for error messages. @defaultValue 'table'
 * @returns The index.
 * @throws TypeError if `table` is not an array or an entry is not an object with the right types.
 * @throws RangeError if an entry has a bad symbol, oxidation state or non-finite shift, or two
 * entries give the same species and geometry.
 *
 * @internal
 */
export function indexPathwayTable(table: PathwayTable, name = 'table'): PathwayIndex {
  if (!Array.isArray(table)) {
    throw new TypeError(
      `${name} must be an array of { ion, oxidationState, geometry, shift, source } entries; received ${describeValue(table)}`,
    );
  }
  const index = new Map<string, Map<string, number>>();
  for (let i = 0; i < table.length; i++) {
    const entry: unknown = table[i];
    const where = `${name}[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(
        `${where} must be an object { ion, oxidationState, geometry, shift, source }; received ${describeValue(entry)}`,
      );
    }
    const { ion, oxidationState, geometry, shift, source } = entry as Record<string, unknown>;
    if (typeof ion !== 'string') {
      throw new TypeError(
        `${where}.ion must be an element symbol string; received ${describeValue(ion)}`,
      );
    }
    if (typeof geometry !== 'string') {
      throw new TypeError(
        `${where}.geometry must be a string such as '90' or '180'; received ${describeValue(geometry)}`,
      );
    }
    if (typeof source !== 'string') {
      throw new TypeError(
        `${where}.source must be a citation string; received ${describeValue(source)}`,
      );
    }
    assertFiniteNumber(`${where}.oxidationState`, oxidationState, {
      min: 1,
      max: 8,
      integer: true,
    });
    assertFiniteNumber(`${where}.shift`, shift, { unit: 'ppm' });
    let label: string;
    try {
      label = speciesLabel(ion, oxidationState as number);
    } catch (error) {
      throw new RangeError(`${where}: ${(error as Error).message}`);
    }
    let byGeometry = index.get(geometry);
    if (byGeometry === undefined) {
      byGeometry = new Map();
      index.set(geometry, byGeometry);
    }
    if (byGeometry.has(label)) {
      throw new RangeError(
        `${where} repeats species ${label} for geometry '${geometry}'; a table holds at most one entry per species and geometry`,
      );
    }
    byGeometry.set(label, shift as number);
  }
  return index;
}

/**
 * Looks up the contribution (ppm) of one species through one geometry, or throws a RangeError that
 * names the species and lists what the table holds for that geometry.
 *
 * @param index - An index from {@link indexPathwayTable}.
 * @param species - Species label, e.g. `'Ni3+'`.
 * @param geometry - Geometry label, e.g. `'90'`.
 * @param context - Where the species came from, for the message, e.g. `"environment['90']"`.
 * @returns The shift per neighbour in ppm.
 * @throws RangeError if the table has no entry for `species` and `geometry`.
 *
 * @internal
 */
export function lookupPathway(
  index: PathwayIndex,
  species: string,
  geometry: string,
  context: string,
): number {
  const byGeometry = index.get(geometry);
  const shift = byGeometry?.get(species);
  if (shift === undefined) {
    const known =
      byGeometry === undefined
        ? `the table has no '${geometry}' entries at all (its geometries: ${
            [...index.keys()].map((g) => `'${g}'`).join(', ') || 'none'
          })`
        : `the table's '${geometry}' species are ${[...byGeometry.keys()].join(', ')}`;
    throw new RangeError(
      `${context} has species ${JSON.stringify(species)} with no table entry for geometry '${geometry}'; ${known}. Add an entry { ion, oxidationState, geometry: '${geometry}', shift, source } to the table`,
    );
  }
  return shift;
}

/**
 * Sums the bond-pathway contributions of every neighbouring ion of a Li/Na site:
 *
 * δ = Σ_geometry Σ_species n(species, geometry) · δ_pathway(species, geometry)   (ppm)
 *
 * the additive model of Fermi-contact shifts in layered oxides (Grey and co-workers; the ⁷Li
 * values of Märker et al., Chem. Mater. 2019, 31, 2545, are bundled in
 * {@link pathwayContributions}). Only the Fermi-contact (hyperfine) part is computed: no
 * diamagnetic reference shift, no pseudo-contact or temperature scaling. Species counted 0 times
 * need no table entry.
 *
 * @param environment - Counts of each species per geometry, see {@link PathwayEnvironment}.
 * @param table - Pathway contributions (ppm per neighbour), e.g. `pathwayContributions['7Li']` or
 * a user table.
 * @returns The summed shift in ppm.
 * @throws TypeError if `environment` or one of its shells is not an object, or `table` is malformed.
 * @throws RangeError if a count is negative or not finite, or a species with a nonzero count has no
 * entry for that geometry (the message names it and lists the table's species).
 *
 * @example
 * ```ts
 * import { pathwayContributions, pathwayShift } from '@intercalate/nmr';
 * const table = pathwayContributions['7Li'];
 * // LiNiO2 with all Ni3+: 6 × (−15) + 6 × 110 = 570 ppm
 * pathwayShift({ '90': { 'Ni3+': 6 }, '180': { 'Ni3+': 6 } }, table); // 570
 * // one Mn4+ in the first shell of an otherwise Ni3+ site: 570 + 250 − (−15) = 835 ppm
 * pathwayShift({ '90': { 'Ni3+': 5, 'Mn4+': 1 }, '180': { 'Ni3+': 6 } }, table); // 835
 * ```
 */
export function pathwayShift(environment: PathwayEnvironment, table: PathwayTable): number {
  if (typeof environment !== 'object' || environment === null || Array.isArray(environment)) {
    throw new TypeError(
      `environment must be an object { geometry: { species: count } } such as { '90': { 'Ni3+': 6 } }; received ${describeValue(environment)}`,
    );
  }
  const index = indexPathwayTable(table);
  let total = 0;
  for (const geometry of Object.keys(environment)) {
    const shell: unknown = environment[geometry];
    const where = `environment['${geometry}']`;
    if (typeof shell !== 'object' || shell === null || Array.isArray(shell)) {
      throw new TypeError(
        `${where} must be an object { species: count } such as { 'Ni3+': 6 }; received ${describeValue(shell)}`,
      );
    }
    for (const species of Object.keys(shell)) {
      const count = assertFiniteNumber(
        `${where}['${species}']`,
        (shell as Record<string, unknown>)[species],
        { min: 0 },
      );
      if (count === 0) continue;
      total += count * lookupPathway(index, species, geometry, where);
    }
  }
  return total;
}
