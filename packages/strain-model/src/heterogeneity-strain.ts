import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/**
 * Strain caused by a local heterogeneity of lithium content, eqn (1) of Jousseaume et al.,
 * Energy Environ. Sci. 2024 (the unified strain model):
 *
 * ε(c_Li, Δc_Li) = |f(c_Li − Δc_Li/2) − f(c_Li + Δc_Li/2)| / f(c_Li)
 *
 * where f is a lattice parameter as a function of lithium content (f_a for ε^a, f_c for ε^c),
 * typically a {@link LatticeFunction} from {@link latticeFunction} (any `(cLi) => number` works).
 * The strain is dimensionless (multiply by 100 for %). It is even in Δc_Li (the absolute value
 * makes the sign of the heterogeneity irrelevant), zero for Δc_Li = 0, and for a linear f equal to
 * |slope|·|Δc_Li| / f(c_Li) exactly. The denominator is |f(c_Li)|, the lattice parameter at the
 * mean content (the paper's "averaged value"). A point whose window c_Li ± Δc_Li/2 leaves the
 * domain of f gives whatever f returns there; with a {@link LatticeFunction} that is `NaN`.
 * For many c_Li and Δc_Li at once use {@link strainMap}.
 *
 * @param f - Lattice parameter (any length unit) as a function of lithium content.
 * @param cLi - Lithium content c_Li, a fraction in [0, 1].
 * @param deltaCLi - Amplitude of the local heterogeneity Δc_Li, in [−1, 1] (the sign does not
 *   matter).
 * @returns The strain ε, dimensionless.
 * @throws TypeError if `f` is not a function.
 * @throws RangeError if `cLi` is outside [0, 1], `deltaCLi` outside [−1, 1], or `f(cLi)` is zero.
 *
 * @example
 * ```ts
 * import { heterogeneityStrain } from '@intercalate/strain-model';
 * // a linear f_c = 14.2 + 0.3 (1 − c_Li) Å: ε = 0.3 · Δc_Li / f_c(c_Li)
 * const fc = (cLi: number) => 14.2 + 0.3 * (1 - cLi);
 * heterogeneityStrain(fc, 0.5, 0.1); // 0.03 / 14.35 ≈ 0.0020906
 * ```
 */
export function heterogeneityStrain(
  f: (cLi: number) => number,
  cLi: number,
  deltaCLi: number,
): number {
  if (typeof f !== 'function') {
    throw new TypeError(
      `f must be a function of the lithium content, (cLi) => lattice parameter; received ${describeValue(f)}`,
    );
  }
  assertFiniteNumber('cLi', cLi, { min: 0, max: 1 });
  assertFiniteNumber('deltaCLi', deltaCLi, { min: -1, max: 1 });
  const centre = f(cLi);
  if (centre === 0) {
    throw new RangeError(`f(cLi) must be non-zero to normalise the strain; received f(${cLi}) = 0`);
  }
  return Math.abs(f(cLi - deltaCLi / 2) - f(cLi + deltaCLi / 2)) / Math.abs(centre);
}
