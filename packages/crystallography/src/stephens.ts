import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { hexagonalDSpacing, type MillerIndices } from './hexagonal-d-spacing.js';

/**
 * Laue classes whose Stephens microstrain has the three hexagonal-axes terms S400, S004, S202
 * (GSAS-II groups `6/m`, `6/mmm` and `3m1` the same way):
 *
 * - `'-3m1'`: trigonal, e.g. R-3m (LiCoO₂, NMC, LiNiO₂) on hexagonal axes, P-3m1.
 * - `'-3m'`: accepted as a synonym of `'-3m1'`, the usual name of R-3m's Laue class (the
 *   rhombohedral lattices on hexagonal axes only occur in the −3m1 orientation).
 * - `'6/m'`, `'6/mmm'`: hexagonal.
 *
 * The −3 and −31m classes need a fourth term and are not supported.
 */
export type StephensLaueClass = '-3m1' | '-3m' | '6/m' | '6/mmm';

/**
 * The three anisotropic-microstrain terms of the hexagonal-axes Laue classes
 * ({@link StephensLaueClass}); used both for the Stephens parameters S_HKL (the input of
 * {@link stephensBroadening}) and for their hkl coefficients (the output of
 * {@link stephensCoefficients}).
 */
export interface StephensHexagonalTerms {
  /** The h⁴-type term: S400, or its coefficient h⁴ + k⁴ + 2h³k + 2hk³ + 3h²k² = (h² + hk + k²)². */
  S400: number;
  /** The l⁴ term: S004, or its coefficient l⁴. */
  S004: number;
  /**
   * The mixed term: S202, or its coefficient 3(h²l² + k²l² + hkl²) = 3(h² + hk + k²)l² (GSAS-II's
   * form, with the factor 3; TOPAS's macro omits the 3, so its S202 is 3× this one; FullProf calls
   * this parameter S_112).
   */
  S202: number;
}

/** The a and c (Å) of a hexagonal cell; other members (e.g. of a full lattice object) are ignored. */
export interface HexagonalCell {
  /** Lattice parameter a, Å; > 0. */
  a: number;
  /** Lattice parameter c, Å; > 0. */
  c: number;
}

const STEPHENS_LAUE_CLASSES: readonly string[] = ['-3m1', '-3m', '6/m', '6/mmm'];

/**
 * The hkl coefficients C of the Stephens anisotropic-microstrain model (P. W. Stephens,
 * J. Appl. Cryst. 32 (1999) 281–289) for the hexagonal-axes Laue classes, so that the variance of
 * M = 1/d² is σ²(M) = Σ S_HKL·C_HKL:
 *
 * C400 = h⁴ + k⁴ + 2h³k + 2hk³ + 3h²k²,  C004 = l⁴,  C202 = 3(h²l² + k²l² + hkl²)
 *
 * on three-index hexagonal axes. These are the terms of GSAS-II's `GSASIIspc.MustrainCoeff` for its
 * Laue classes `6/m`, `6/mmm` and `3m1`, in that form (with the factor 3 in C202).
 * Since C400 = (h² + hk + k²)² and C202 = 3(h² + hk + k²)l², the choice
 * S400 = 16s/(9a⁴), S004 = s/c⁴, S202 = 8s/(9a²c²) gives Σ S·C = s/d⁴: isotropic strain.
 *
 * @param hkl - Miller indices [h, k, l] on hexagonal axes; integers, not all zero.
 * @param laueClass - One of {@link StephensLaueClass}.
 * @returns `{ S400, S004, S202 }` holding the coefficients (dimensionless).
 * @throws TypeError if `hkl` is not an array of three numbers or `laueClass` is not supported.
 * @throws RangeError if an index is not an integer or all three are zero.
 *
 * @example
 * ```ts
 * import { stephensCoefficients } from '@intercalate/crystallography';
 * stephensCoefficients([1, 0, 4], '-3m1'); // { S400: 1, S004: 256, S202: 48 }
 * ```
 */
export function stephensCoefficients(
  hkl: MillerIndices,
  laueClass: StephensLaueClass,
): StephensHexagonalTerms {
  checkLaueClass(laueClass);
  const [h, k, l] = checkHkl(hkl);
  const q = h * h + h * k + k * k;
  return { S400: q * q, S004: l * l * l * l, S202: 3 * q * l * l };
}

/**
 * The microstrain broadening of reflection hkl by the Stephens model for the hexagonal-axes Laue
 * classes ({@link stephensCoefficients}), in GSAS-II's scaling (`GSASIIstrMath`, "generalized"
 * mustrain):
 *
 * FWHM(2θ, radians) = 10⁻⁶ · d² · tanθ · √(Σ S_HKL·C_HKL)
 *
 * returned in **degrees** of 2θ (× 180/π), with d in Å and the S in GSAS-II's units. The d² (not
 * d⁴) follows from Stephens' σ²(M) = Σ S·C for M = 1/d²: Δd/d = −ΔM/(2M) and Δ2θ = −2 tanθ·Δd/d,
 * so the 2θ width is tanθ·d²·(width of M), and 10⁻⁶√(ΣS·C) is the width of M in Å⁻². With the
 * isotropic choice of S (see {@link stephensCoefficients}) and s = μ², the width is
 * 10⁻⁶·μ·tanθ for every hkl, GSAS-II's isotropic mustrain μ (in 10⁻⁶). GSAS-II then splits this
 * width into Lorentzian and Gaussian parts with its mixing coefficient ("mx"); do the same, e.g.
 * H_L = mx·FWHM and H_G = (1 − mx)·FWHM, and combine with {@link tchPseudoVoigt}.
 *
 * @param parameters - `{ S400, S004, S202 }` in GSAS-II's units (see {@link StephensHexagonalTerms});
 *   finite. Individual values may be negative as long as Σ S·C ≥ 0 for this hkl.
 * @param hkl - Miller indices [h, k, l] on hexagonal axes; integers, not all zero.
 * @param d - The d-spacing of hkl in Å (> 0), or the hexagonal cell `{ a, c }` to compute it with
 *   {@link hexagonalDSpacing}.
 * @param twoTheta - Peak position, degrees 2θ, in (0, 180) (it sets tanθ; it must belong to the
 *   same d at your wavelength, which is not checked).
 * @returns The strain FWHM, degrees 2θ.
 * @throws TypeError if an argument has the wrong type.
 * @throws RangeError if a value is out of range, the cell is not hexagonal (α, β ≠ 90° or γ ≠ 120°
 *   when given), or Σ S·C < 0 for this hkl (a negative variance).
 *
 * @example
 * ```ts
 * import { stephensBroadening } from '@intercalate/crystallography';
 * // NMC811-like cell, (104) at 44.4° with Cu Kα1:
 * stephensBroadening({ S400: 4e4, S004: 2, S202: 30 }, [1, 0, 4], { a: 2.872, c: 14.2 }, 44.4);
 * // ≈ 0.0199 degrees 2θ
 * ```
 */
export function stephensBroadening(
  parameters: StephensHexagonalTerms,
  hkl: MillerIndices,
  d: number | HexagonalCell,
  twoTheta: number,
): number {
  if (typeof parameters !== 'object' || parameters === null) {
    throw new TypeError(
      `parameters must be an object { S400, S004, S202 }; received ${describeValue(parameters)}`,
    );
  }
  const s400 = assertFiniteNumber('parameters.S400', parameters.S400);
  const s004 = assertFiniteNumber('parameters.S004', parameters.S004);
  const s202 = assertFiniteNumber('parameters.S202', parameters.S202);
  const c = stephensCoefficients(hkl, '-3m1');
  const spacing = checkSpacing(d, hkl);
  const angle = assertFiniteNumber('twoTheta', twoTheta, {
    min: 0,
    max: 180,
    exclusiveMin: true,
    exclusiveMax: true,
    unit: 'degrees 2θ',
  });
  const sum = s400 * c.S400 + s004 * c.S004 + s202 * c.S202;
  if (!(sum >= 0)) {
    throw new RangeError(
      `parameters must give Σ S·C ≥ 0 for hkl [${hkl.join(', ')}] (a variance); received Σ S·C = ${sum} from S400 ${s400}, S004 ${s004}, S202 ${s202}`,
    );
  }
  const theta = (angle * Math.PI) / 360;
  const radians = 1e-6 * spacing * spacing * Math.tan(theta) * Math.sqrt(sum);
  return (radians * 180) / Math.PI;
}

// ---------------------------------------------------------------------------------------------

function checkLaueClass(laueClass: unknown): void {
  if (typeof laueClass !== 'string' || !STEPHENS_LAUE_CLASSES.includes(laueClass)) {
    throw new TypeError(
      `laueClass must be one of ${STEPHENS_LAUE_CLASSES.map((name) => `'${name}'`).join(', ')} (hexagonal axes); received ${describeValue(laueClass)}`,
    );
  }
}

function checkHkl(hkl: unknown): [number, number, number] {
  if (!Array.isArray(hkl) || hkl.length !== 3) {
    throw new TypeError(
      `hkl must be an array of three integers [h, k, l]; received ${describeValue(hkl)}`,
    );
  }
  const h = assertFiniteNumber('hkl[0] (h)', hkl[0], { integer: true });
  const k = assertFiniteNumber('hkl[1] (k)', hkl[1], { integer: true });
  const l = assertFiniteNumber('hkl[2] (l)', hkl[2], { integer: true });
  if (h === 0 && k === 0 && l === 0) {
    throw new RangeError('hkl must not be [0, 0, 0] (no lattice plane); received [0, 0, 0]');
  }
  return [h, k, l];
}

function checkSpacing(d: unknown, hkl: MillerIndices): number {
  if (typeof d === 'number') {
    return assertFiniteNumber('d', d, { min: 0, exclusiveMin: true, unit: 'Å' });
  }
  if (typeof d !== 'object' || d === null) {
    throw new TypeError(
      `d must be a d-spacing in Å or a hexagonal cell { a, c }; received ${describeValue(d)}`,
    );
  }
  const cell = d as Record<string, unknown>;
  for (const [key, expected] of [
    ['alpha', 90],
    ['beta', 90],
    ['gamma', 120],
  ] as const) {
    const value = cell[key];
    if (value !== undefined && !(typeof value === 'number' && Math.abs(value - expected) <= 1e-9)) {
      throw new RangeError(
        `d.${key} must be ${expected}° for a hexagonal cell (the Stephens terms here are for hexagonal axes); received ${describeValue(value)}`,
      );
    }
  }
  const a = assertFiniteNumber('d.a', cell.a, { min: 0, exclusiveMin: true, unit: 'Å' });
  const c = assertFiniteNumber('d.c', cell.c, { min: 0, exclusiveMin: true, unit: 'Å' });
  return hexagonalDSpacing(a, c, hkl);
}
