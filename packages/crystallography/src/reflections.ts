import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { twoTheta } from './bragg.js';
import type { MillerIndices } from './hexagonal-d-spacing.js';
import { dSpacings, type Lattice, type LatticeParameters, toLattice } from './lattice.js';
import { isRepresentative, laueOperationTable, stabilizerOrder } from './laue-classes.js';
import {
  type ReflectionConditionOptions,
  reflectionCondition,
  type SpaceGroupInfo,
  type SpaceGroupSymbol,
} from './space-groups.js';

/** One family of equivalent reflections in a list from {@link reflections}. */
export interface Reflection {
  /**
   * The family's representative Miller indices, chosen as {@link canonicalReflection} does (h ≥ 0
   * and k ≥ 0 preferred, then l ≥ 0, then the lexicographically largest): 012 rather than 10−2 in
   * R-3m, 511 rather than 115 in a cubic group. Hexagonal axes for R-3m.
   */
  readonly hkl: MillerIndices;
  /** Interplanar spacing d_hkl (Å), as {@link dSpacing} computes it. */
  readonly d: number;
  /** Bragg angle 2θ = 2 asin(λ / 2d) (degrees) at the requested wavelength, as {@link twoTheta}. */
  readonly twoTheta: number;
  /**
   * Number of distinct reflections in the family (Friedel pairs counted): the orbit size of hkl
   * under the space group's Laue class, as in {@link multiplicity} (xrayutilities and GSAS-II
   * convention; not pymatgen's permutation count).
   */
  readonly multiplicity: number;
}

/** Options of {@link reflections}. */
export interface ReflectionListOptions extends ReflectionConditionOptions {
  /**
   * The space group whose systematic absences are removed and whose Laue class merges the
   * equivalent reflections; see {@link SpaceGroupSymbol} and {@link isReflectionAllowed}. The
   * lattice must have its symmetry: hexagonal axes (a = b, α = β = 90°, γ = 120°) for R-3m, a cubic
   * cell for Pm-3m, Fm-3m and Fd-3m, any cell for P1.
   */
  spaceGroup: SpaceGroupSymbol;
  /**
   * X-ray (or neutron) wavelength λ (Å), finite and > 0. Required: there is no default, because a
   * silently assumed anode is the commonest cause of wrong peak positions (Cu Kα1 is 1.54059292 Å).
   */
  wavelength: number;
  /**
   * Largest Bragg angle 2θ (degrees) of the list, in (0, 180]. Reflections with d < λ/2, which
   * would need 2θ > 180°, never appear.
   */
  twoThetaMax: number;
  /**
   * Smallest d (Å) to list, ≥ 0; the list stops at the larger of `dMin` and λ / (2 sin(θmax)).
   * @defaultValue 0 (only `twoThetaMax` limits the list)
   */
  dMin?: number;
}

/** Upper bound on the index box scanned, to never hang on an absurd request. */
const MAX_BOX_POINTS = 5e7;

function checkLatticeSymmetry(cell: Lattice, info: SpaceGroupInfo): void {
  if (info.axes === 'triclinic') return;
  const { a, b, c, alpha, beta, gamma } = cell;
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(x, y);
  const angle = (x: number, target: number) => Math.abs(x - target) <= 1e-6;
  const ok =
    info.axes === 'cubic'
      ? same(a, b) && same(a, c) && angle(alpha, 90) && angle(beta, 90) && angle(gamma, 90)
      : same(a, b) && angle(alpha, 90) && angle(beta, 90) && angle(gamma, 120);
  if (!ok) {
    const wanted =
      info.axes === 'cubic'
        ? 'a cubic cell (a = b = c, α = β = γ = 90°)'
        : 'hexagonal axes (a = b, α = β = 90°, γ = 120°)';
    throw new RangeError(
      `lattice must have the symmetry of ${info.symbol}, ${wanted}, to within 1e-6; received a ${a}, b ${b}, c ${c}, alpha ${alpha}, beta ${beta}, gamma ${gamma}`,
    );
  }
}

/**
 * The powder-diffraction reflections of a crystal up to a maximum Bragg angle: every family of
 * symmetry-equivalent reflections allowed by the space group, with its d-spacing, 2θ and
 * multiplicity, sorted by increasing 2θ (equivalently, decreasing d).
 *
 * - Enumeration: with d_min = max(`dMin`, λ / (2 sin(θmax))), every (h, k, l) with
 *   1/d² = hᵀG*h ≤ 1/d_min² (G* the reciprocal metric) is found by scanning |h| ≤ a/d_min,
 *   |k| ≤ b/d_min, |l| ≤ c/d_min. The bound is exact for any cell, oblique ones included: since
 *   h = g·a for the reciprocal vector g of length 1/d, |h| ≤ |a|·|g| ≤ a/d_min.
 * - Systematic absences are removed with {@link isReflectionAllowed} (with the `setting` and
 *   `sites` options); accidental absences of a particular structure are not.
 * - Equivalent reflections (the orbit under the Laue class, see {@link multiplicity}) are merged
 *   into one entry labelled by its representative ({@link canonicalReflection}); reflections with
 *   the same d that are not symmetry-equivalent stay separate entries (Si 511 and 333, LaB₆ 300 and
 *   221), ordered by decreasing hkl.
 * - Reflections beyond 2θ = 180° (d < λ/2) are omitted.
 *
 * The list matches the allowed reflections, d and multiplicities of xrayutilities
 * (`SGLattice.get_allowed_hkl`, `equivalent_hkls`). pymatgen's `XRDCalculator` gives the same d and
 * 2θ but merges peaks by position and counts multiplicities by permuting |h|, |k|, |l|: it labels
 * the NMC 012 peak "10-12" with multiplicity 12, where R-3m has 012 (×6) and no 102.
 *
 * @param lattice - The cell, a {@link Lattice} or its six parameters (Å, degrees).
 * @param options - Space group, wavelength, 2θ range and reflection-condition options; see
 * {@link ReflectionListOptions}.
 * @returns The reflection families, sorted by increasing 2θ (decreasing d); entries whose d agree
 * to 1e-12 (relative) count as equal and are ordered by decreasing (h, k, l).
 * @throws TypeError if `options` is not an object, `options.wavelength` or `options.twoThetaMax`
 * is missing or not a number, or `options.sites` is not a non-empty array.
 * @throws RangeError if the lattice is invalid or lacks the symmetry of the space group, the space
 * group is not supported, the wavelength is not finite and > 0, `twoThetaMax` is not in (0, 180],
 * `dMin` is negative, the setting or a site is invalid, or the request would scan more than
 * 5·10⁷ index triples (raise `dMin` or lower `twoThetaMax`).
 *
 * @example
 * ```ts
 * import { hexagonalLattice, reflections } from '@intercalate/crystallography';
 * // NMC811 (Jousseaume et al. 2024, Table 1) at Cu Kα1
 * const nmc811 = hexagonalLattice(2.8727, 14.2127);
 * const lines = reflections(nmc811, { spaceGroup: 'R-3m', wavelength: 1.54059292, twoThetaMax: 70 });
 * lines.map((r) => r.hkl.join('')); // ['003', '101', '006', '012', '104', '015', '009', '107', '018', '110', '113']
 * lines[0]; // { hkl: [0, 0, 3], d: 4.73757 (= c/3), twoTheta: 18.7149…, multiplicity: 2 }
 * ```
 */
export function reflections(
  lattice: Lattice | LatticeParameters,
  options: ReflectionListOptions,
): Reflection[] {
  const cell = toLattice(lattice);
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `options must be an object { spaceGroup, wavelength, twoThetaMax }; received ${describeValue(options)}`,
    );
  }
  const { test, info } = reflectionCondition(
    options.spaceGroup,
    options,
    'options',
    'options.spaceGroup',
  );
  if (options.wavelength === undefined) {
    throw new TypeError(
      'options.wavelength is required (Å; there is no default, e.g. 1.54059292 for Cu Kα1); received undefined',
    );
  }
  const wavelength = assertFiniteNumber('options.wavelength', options.wavelength, {
    min: 0,
    exclusiveMin: true,
    unit: 'Å',
  });
  const twoThetaMax = assertFiniteNumber('options.twoThetaMax', options.twoThetaMax, {
    min: 0,
    max: 180,
    exclusiveMin: true,
    unit: 'degrees',
  });
  const dMinOption = assertFiniteNumber('options.dMin', options.dMin ?? 0, { min: 0, unit: 'Å' });
  checkLatticeSymmetry(cell, info);

  const dMinBragg =
    twoThetaMax === 180
      ? wavelength / 2
      : wavelength / (2 * Math.sin((twoThetaMax * Math.PI) / 360));
  const dMin = Math.max(dMinOption, dMinBragg);
  const limit = 1 / (dMin * dMin);
  // |h| ≤ a/d_min (see above); the small excess only widens the scan, the test below is exact.
  const hMax = Math.floor((cell.a / dMin) * (1 + 1e-9));
  const kMax = Math.floor((cell.b / dMin) * (1 + 1e-9));
  const lMax = Math.floor((cell.c / dMin) * (1 + 1e-9));
  const boxPoints = (2 * hMax + 1) * (2 * kMax + 1) * (2 * lMax + 1);
  if (boxPoints > MAX_BOX_POINTS) {
    throw new RangeError(
      `options.twoThetaMax ${twoThetaMax} (with options.dMin ${dMinOption}) asks for d down to ${dMin} Å, which needs ${boxPoints} index triples (at most ${MAX_BOX_POINTS}); raise options.dMin or lower options.twoThetaMax`,
    );
  }

  const table = laueOperationTable(info.laueClass);
  const order = table.length / 9;
  const [g11, g22, g33, g23, g13, g12] = cell.reciprocalMetric;
  const found: number[] = [];
  const multiplicities: number[] = [];
  for (let h = -hMax; h <= hMax; h++) {
    for (let k = -kMax; k <= kMax; k++) {
      const partial = g11 * h * h + g22 * k * k + 2 * g12 * h * k;
      for (let l = -lMax; l <= lMax; l++) {
        if (h === 0 && k === 0 && l === 0) continue;
        const inverseSquare = partial + g33 * l * l + 2 * (g23 * k * l + g13 * h * l);
        if (inverseSquare > limit || !test(h, k, l) || !isRepresentative(table, h, k, l)) continue;
        found.push(h, k, l);
        multiplicities.push(order / stabilizerOrder(table, h, k, l));
      }
    }
  }

  const indices = Int32Array.from(found);
  const d = dSpacings(cell, indices);
  const list: Reflection[] = [];
  for (let i = 0; i < multiplicities.length; i++) {
    const angle = twoTheta(d[i] as number, wavelength);
    if (Number.isNaN(angle)) continue; // d < λ/2 by rounding at 2θ = 180°
    list.push({
      hkl: [indices[3 * i] as number, indices[3 * i + 1] as number, indices[3 * i + 2] as number],
      d: d[i] as number,
      twoTheta: angle,
      multiplicity: multiplicities[i] as number,
    });
  }
  list.sort((p, q) => {
    if (Math.abs(p.d - q.d) > 1e-12 * Math.max(p.d, q.d)) return q.d - p.d;
    for (let i = 0; i < 3; i++) {
      const diff = (q.hkl[i] as number) - (p.hkl[i] as number);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return list;
}
