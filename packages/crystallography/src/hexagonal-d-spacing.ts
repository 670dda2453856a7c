import { assertFiniteNumber } from '@intercalate/numerics';
import { assertMillerIndices } from './lattice.js';

/** Miller indices (h, k, l) of a lattice plane; three integers, not all zero. */
export type MillerIndices = readonly [h: number, k: number, l: number];

/**
 * Interplanar spacing d_hkl of a hexagonal lattice (also the hexagonal-axes setting of a
 * rhombohedral lattice such as the R-3m layered oxides LiMO₂):
 *
 * 1/d² = 4(h² + hk + k²) / (3a²) + l² / c²
 *
 * Three-index (h, k, l) Miller indices on hexagonal axes (the Miller–Bravais i = −(h + k) is
 * implied). For a layered oxide, d₀₀₃ = c/3 is the interlayer distance d_IL and d₁₁₀ = a/2.
 *
 * A fast path for the hexagonal case of {@link dSpacing}: it gives the same d (to rounding, a
 * relative 1e-15 at most) as `dSpacing(hexagonalLattice(a, c), hkl)` without building a lattice.
 *
 * @param a - Lattice parameter a (Å), finite and > 0.
 * @param c - Lattice parameter c (Å), finite and > 0.
 * @param hkl - Miller indices, three integers not all zero.
 * @returns d_hkl in Å.
 * @throws RangeError if `a` or `c` is not a finite number > 0, or if an index is not an integer
 * or all three are zero.
 * @throws TypeError if `hkl` is not an array of three numbers.
 *
 * @example
 * ```ts
 * import { hexagonalDSpacing } from '@intercalate/crystallography';
 * // NMC811, a = 2.872 Å, c = 14.20 Å: the (003) spacing is c/3
 * hexagonalDSpacing(2.872, 14.2, [0, 0, 3]); // 4.7333…
 * ```
 */
export function hexagonalDSpacing(a: number, c: number, hkl: MillerIndices): number {
  assertFiniteNumber('a', a, { min: 0, exclusiveMin: true, unit: 'Å' });
  assertFiniteNumber('c', c, { min: 0, exclusiveMin: true, unit: 'Å' });
  assertMillerIndices('hkl', hkl);
  const h = hkl[0];
  const k = hkl[1];
  const l = hkl[2];
  const inverseSquare = (4 * (h * h + h * k + k * k)) / (3 * a * a) + (l * l) / (c * c);
  return 1 / Math.sqrt(inverseSquare);
}
