import { assertFiniteNumber } from '@intercalate/numerics';
import { type Lattice, type LatticeParameters, toLattice } from './lattice.js';

/** Relative tolerance on a = b and absolute tolerance (degrees) on the angles of the setting. */
const LENGTH_TOLERANCE = 1e-6;
const ANGLE_TOLERANCE = 1e-6;

/**
 * Validates that `cell` is a hexagonal cell in the standard setting (a = b, α = β = 90°,
 * γ = 120°), the setting in which the R-3m layered oxides are described on hexagonal axes.
 */
function hexagonalSetting(cell: Lattice | LatticeParameters): Lattice {
  const value = toLattice(cell);
  const { a, b, alpha, beta, gamma } = value;
  const ok =
    Math.abs(a - b) <= LENGTH_TOLERANCE * Math.max(a, b) &&
    Math.abs(alpha - 90) <= ANGLE_TOLERANCE &&
    Math.abs(beta - 90) <= ANGLE_TOLERANCE &&
    Math.abs(gamma - 120) <= ANGLE_TOLERANCE;
  if (!ok) {
    throw new RangeError(
      `lattice must be hexagonal in the standard setting (a = b, alpha = beta = 90°, gamma = 120°, as the R-3m layered oxides on hexagonal axes); received a ${a}, b ${b}, alpha ${alpha}, beta ${beta}, gamma ${gamma} (system '${value.system}')`,
    );
  }
  return value;
}

/**
 * Distance between neighbouring transition-metal (TM) atoms in a layered oxide LiMO₂ (R-3m,
 * hexagonal axes): d_TM = a, the edge of the triangular TM layer (Jousseaume et al., Energy
 * Environ. Sci. 2024, "unified strain model", Table 1 and text, where d_TM and
 * {@link dIL | d_IL} replace a and c as the structural variables).
 *
 * @param cell - A hexagonal {@link Lattice} in the standard setting (a = b, γ = 120°), or its six
 *   parameters.
 * @returns d_TM in Å.
 * @throws TypeError if `cell` is not an object.
 * @throws RangeError if the cell is invalid or not hexagonal in the standard setting.
 *
 * @example
 * ```ts
 * import { dTM, hexagonalLattice } from '@intercalate/crystallography';
 * dTM(hexagonalLattice(2.8727, 14.2127)); // 2.8727 (NMC811, Jousseaume et al. 2024, Table 1)
 * ```
 */
export function dTM(cell: Lattice | LatticeParameters): number {
  return hexagonalSetting(cell).a;
}

/**
 * Interlayer distance of a layered oxide LiMO₂ (R-3m, hexagonal axes): d_IL = c/3, the spacing of
 * consecutive TM layers (three MO₂ slabs per hexagonal cell, d_IL = d₀₀₃), as defined by
 * Jousseaume et al., Energy Environ. Sci. 2024.
 *
 * @param cell - A hexagonal {@link Lattice} in the standard setting (a = b, γ = 120°), or its six
 *   parameters.
 * @returns d_IL in Å.
 * @throws TypeError if `cell` is not an object.
 * @throws RangeError if the cell is invalid or not hexagonal in the standard setting.
 *
 * @example
 * ```ts
 * import { dIL, hexagonalLattice } from '@intercalate/crystallography';
 * dIL(hexagonalLattice(2.8727, 14.2127)); // 4.737566… (NMC811, c/3)
 * ```
 */
export function dIL(cell: Lattice | LatticeParameters): number {
  return hexagonalSetting(cell).c / 3;
}

/**
 * Distance (Å) from a transition-metal atom to its nearest oxygen in a layered oxide LiMO₂ of space
 * group R-3m on hexagonal axes, with TM at 3a (0, 0, 0) and O at 6c (0, 0, ±z) (Li at 3b
 * (0, 0, ½)). This is the d_TM–O of Jousseaume et al., Energy Environ. Sci. 2024, Table 1.
 *
 * Derivation. The R centring adds the translations (⅔, ⅓, ⅓) and (⅓, ⅔, ⅔), so the O sites are
 * (0, 0, ±z), (⅔, ⅓, ⅓ ± z) and (⅓, ⅔, ⅔ ± z) modulo lattice vectors. The in-plane offset (⅔, ⅓)
 * (or (⅓, ⅔)) has length a·√((⅔)² + (⅓)² − ⅔·⅓) = a/√3 on a 120° cell, and the heights of those
 * O relative to the TM are z − ⅓, −z − ⅓ (from ⅔ ± z − 1) and their negatives. For 0 < z < ½ the
 * closest of those heights is |z − ⅓|, and the O straight above the TM is at height z, so
 *
 * d_TM–O = min( c·z, √(a²/3 + c²(z − ⅓)²) ),
 *
 * which for the layered oxides (z ≈ 0.258 with TM at the origin) is the octahedral bond
 * √(a²/3 + c²(⅓ − z)²), six per TM. Programs and papers that put Li at the origin (TM at 3b) quote
 * z' = ½ − z ≈ 0.242 for the same structure: convert with z = ½ − z' before calling. The value equals the nearest TM–O distance pymatgen finds by a periodic neighbour search of the same
 * structure (test/fixtures/lattice-geometry.py).
 *
 * @param cell - A hexagonal {@link Lattice} in the standard setting (a = b, γ = 120°), or its six
 *   parameters.
 * @param oxygenZ - The fractional z of the O 6c site with TM at the origin, in (0, 0.5).
 * @returns d_TM–O in Å.
 * @throws TypeError if `cell` is not an object or `oxygenZ` is not a number.
 * @throws RangeError if the cell is invalid or not hexagonal in the standard setting, or `oxygenZ`
 *   is not in (0, 0.5).
 *
 * @example
 * ```ts
 * import { hexagonalLattice, tmOxygenDistance } from '@intercalate/crystallography';
 * // NMC622 (Jousseaume et al. 2024, Table 1: d_TM–O = 1.9732 Å)
 * tmOxygenDistance(hexagonalLattice(2.8703, 14.2255), 0.258037); // 1.97320…
 * ```
 */
export function tmOxygenDistance(cell: Lattice | LatticeParameters, oxygenZ: number): number {
  const { a, c } = hexagonalSetting(cell);
  const z = assertFiniteNumber('oxygenZ', oxygenZ, {
    min: 0,
    max: 0.5,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  return Math.min(c * z, Math.hypot(a / Math.sqrt(3), c * (z - 1 / 3)));
}

/**
 * The oxygen z (6c site, TM at the origin) that gives a layered oxide LiMO₂ (R-3m, hexagonal axes)
 * the TM–O distance `distance`: the inverse of {@link tmOxygenDistance} on the branch of the
 * layered oxides, where the six octahedral O are the nearest and z < ⅓:
 *
 * z = ⅓ − √(d² − a²/3) / c.
 *
 * @param cell - A hexagonal {@link Lattice} in the standard setting (a = b, γ = 120°), or its six
 *   parameters.
 * @param distance - The TM–O distance d (Å), finite and ≥ a/√3 (the in-plane offset of the
 *   octahedral O).
 * @returns z, in (0, ⅓].
 * @throws TypeError if `cell` is not an object or `distance` is not a number.
 * @throws RangeError if the cell is invalid or not hexagonal in the standard setting, `distance`
 *   is not finite and > 0, d < a/√3 (no z gives so short a bond), or the z found would put the O
 *   straight above the TM nearer than d (c·z < d: no layered-oxide z gives that distance).
 *
 * @example
 * ```ts
 * import { hexagonalLattice, oxygenZFromTmOxygenDistance } from '@intercalate/crystallography';
 * // Table 1 of Jousseaume et al. 2024 gives NMC811 a, c and d_TM–O = 1.9708 Å:
 * oxygenZFromTmOxygenDistance(hexagonalLattice(2.8727, 14.2127), 1.9708); // 0.258432…
 * ```
 */
export function oxygenZFromTmOxygenDistance(
  cell: Lattice | LatticeParameters,
  distance: number,
): number {
  const { a, c } = hexagonalSetting(cell);
  const d = assertFiniteNumber('distance', distance, { min: 0, exclusiveMin: true, unit: 'Å' });
  const inPlane = a / Math.sqrt(3);
  if (d < inPlane) {
    throw new RangeError(
      `distance must be ≥ a/√3 = ${inPlane} Å (the in-plane offset of the octahedral O) for a = ${a} Å; received ${d}`,
    );
  }
  // (d − a/√3)(d + a/√3) avoids the cancellation of d² − a²/3 near the lower limit.
  const z = 1 / 3 - Math.sqrt((d - inPlane) * (d + inPlane)) / c;
  if (c * z < d) {
    throw new RangeError(
      `distance ${d} Å has no layered-oxide oxygen z for a = ${a} Å, c = ${c} Å: the z it implies (${z}) puts the O above the TM at ${c * z} Å, nearer than the octahedral O`,
    );
  }
  return z;
}
