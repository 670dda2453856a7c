import { assertFiniteNumber, describeValue, outputBuffer } from '@intercalate/numerics';
import type { MillerIndices } from './hexagonal-d-spacing.js';

/**
 * The six cell parameters of a crystal lattice: edge lengths in Å and inter-axial angles in
 * degrees, α = ∠(b, c), β = ∠(a, c), γ = ∠(a, b) (the convention of the International Tables,
 * pymatgen, xrayutilities, GSAS-II and CIF).
 */
export interface LatticeParameters {
  /** Length of the a axis (Å), finite and > 0. */
  readonly a: number;
  /** Length of the b axis (Å), finite and > 0. */
  readonly b: number;
  /** Length of the c axis (Å), finite and > 0. */
  readonly c: number;
  /** Angle between b and c (degrees), in the open interval (0, 180). */
  readonly alpha: number;
  /** Angle between a and c (degrees), in the open interval (0, 180). */
  readonly beta: number;
  /** Angle between a and b (degrees), in the open interval (0, 180). */
  readonly gamma: number;
}

/**
 * The six independent components of a symmetric 3 × 3 tensor, in Voigt order
 * `[xx, yy, zz, yz, xz, xy]` (= `[g11, g22, g33, g23, g13, g12]`). The full matrix is
 * `[[xx, xy, xz], [xy, yy, yz], [xz, yz, zz]]`.
 */
export type SymmetricTensor3 = readonly [
  xx: number,
  yy: number,
  zz: number,
  yz: number,
  xz: number,
  xy: number,
];

/**
 * A crystal system as inferred by {@link lattice} from the cell parameters. `'rhombohedral'` is a
 * rhombohedral cell on rhombohedral axes (a = b = c, α = β = γ ≠ 90°); an R-centred lattice in its
 * hexagonal setting (such as the R-3m layered oxides LiMO₂) has the metric of a hexagonal cell and is
 * reported as `'hexagonal'`: the centring belongs to the space group, not to the cell.
 */
export type CrystalSystem =
  | 'cubic'
  | 'tetragonal'
  | 'orthorhombic'
  | 'hexagonal'
  | 'rhombohedral'
  | 'monoclinic'
  | 'triclinic';

/**
 * A validated crystal lattice, as returned by {@link lattice}: a plain frozen object holding the
 * parameters, the cell volume, the direct and reciprocal metric tensors and the inferred crystal
 * system.
 */
export interface Lattice extends LatticeParameters {
  /**
   * Cell volume V (Å³): V = abc·√D with the metric determinant
   * D = 1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ (so det G = V²).
   */
  readonly volume: number;
  /** The crystal system inferred from the parameters; see {@link lattice} for the rules. */
  readonly system: CrystalSystem;
  /**
   * The direct metric tensor G (Å²), G_ij = a_i · a_j, as its six independent components
   * `[a², b², c², bc cos α, ac cos β, ab cos γ]` (Voigt order, see {@link SymmetricTensor3}).
   * Equals pymatgen's `Lattice.metric_tensor`.
   */
  readonly metric: SymmetricTensor3;
  /**
   * The reciprocal metric tensor G* = G⁻¹ (Å⁻²), without the 2π factor (crystallographic
   * reciprocal lattice, |g_hkl| = 1/d_hkl), as its six independent components in Voigt order:
   *
   * g*₁₁ = sin²α / (a²D), g*₂₂ = sin²β / (b²D), g*₃₃ = sin²γ / (c²D),
   * g*₂₃ = (cos β cos γ − cos α) / (bcD), g*₁₃ = (cos α cos γ − cos β) / (acD),
   * g*₁₂ = (cos α cos β − cos γ) / (abD).
   *
   * Then 1/d² = g*₁₁h² + g*₂₂k² + g*₃₃l² + 2(g*₂₃kl + g*₁₃hl + g*₁₂hk). Equals pymatgen's
   * `Lattice.reciprocal_lattice_crystallographic.metric_tensor`.
   */
  readonly reciprocalMetric: SymmetricTensor3;
}

/** Options of {@link lattice}: the tolerances of the crystal-system inference. */
export interface LatticeOptions {
  /**
   * Two lengths count as equal when they differ by at most this fraction of the larger one.
   * @defaultValue 1e-6
   */
  lengthTolerance?: number;
  /**
   * An angle counts as 90° or 120°, and two angles as equal, within this many degrees.
   * @defaultValue 1e-6
   */
  angleTolerance?: number;
}

const DEFAULT_LENGTH_TOLERANCE = 1e-6;
const DEFAULT_ANGLE_TOLERANCE = 1e-6;
const DEGREE = Math.PI / 180;

/** Lattices built by {@link lattice}: their derived fields are trusted without recomputation. */
const built = new WeakSet<object>();

/** cos of an angle in degrees, exact at 60°, 90° and 120° (where Math.cos(x·π/180) is not). */
function cosDegrees(angle: number): number {
  if (angle === 90) return 0;
  if (angle === 60) return 0.5;
  if (angle === 120) return -0.5;
  return Math.cos(angle * DEGREE);
}

/** sin of an angle in degrees, exact at 0°, 90° and 180° (a flat cell must give D = 0 exactly). */
function sinDegrees(angle: number): number {
  if (angle === 0 || angle === 180) return 0;
  return angle === 90 ? 1 : Math.sin(angle * DEGREE);
}

/**
 * The metric determinant D = 1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ. The cosine form is
 * exact for right and 120° angles; for flat cells (D < 1/4), where it loses relative accuracy by
 * cancellation, the equivalent product D = 4 sin σ sin(σ − α) sin(σ − β) sin(σ − γ) with
 * σ = (α + β + γ)/2 is used instead (its factors carry full relative accuracy, and its sign is
 * that of the triangle inequalities between the angles).
 */
function metricDeterminant(
  alpha: number,
  beta: number,
  gamma: number,
  ca: number,
  cb: number,
  cg: number,
): number {
  const fromCosines = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
  if (fromCosines >= 0.25) return fromCosines;
  const sigma = (alpha + beta + gamma) / 2;
  return (
    4 *
    sinDegrees(sigma) *
    sinDegrees((beta + gamma - alpha) / 2) *
    sinDegrees((alpha + gamma - beta) / 2) *
    sinDegrees((alpha + beta - gamma) / 2)
  );
}

function inferSystem(
  p: LatticeParameters,
  lengthTolerance: number,
  angleTolerance: number,
): CrystalSystem {
  const sameLength = (x: number, y: number) => Math.abs(x - y) <= lengthTolerance * Math.max(x, y);
  const isAngle = (x: number, target: number) => Math.abs(x - target) <= angleTolerance;
  const { a, b, c, alpha, beta, gamma } = p;
  const right = [isAngle(alpha, 90), isAngle(beta, 90), isAngle(gamma, 90)];
  const rightCount = right.filter(Boolean).length;
  const ab = sameLength(a, b);
  const bc = sameLength(b, c);
  const ac = sameLength(a, c);
  if (rightCount === 3) {
    if (ab && bc && ac) return 'cubic';
    return ab || bc || ac ? 'tetragonal' : 'orthorhombic';
  }
  if (rightCount === 2) {
    // The odd angle lies between the two axes other than the unique one; hexagonal when those two
    // axes are equal and the angle is 120°, monoclinic otherwise.
    if (!right[2] && ab && isAngle(gamma, 120)) return 'hexagonal';
    if (!right[0] && bc && isAngle(alpha, 120)) return 'hexagonal';
    if (!right[1] && ac && isAngle(beta, 120)) return 'hexagonal';
    return 'monoclinic';
  }
  if (
    rightCount === 0 &&
    ab &&
    bc &&
    ac &&
    isAngle(alpha, beta) &&
    isAngle(beta, gamma) &&
    isAngle(alpha, gamma)
  ) {
    return 'rhombohedral';
  }
  return 'triclinic';
}

/**
 * Builds a crystal lattice of any of the seven crystal systems from its six cell parameters,
 * through the metric tensor G and its inverse, the reciprocal metric G* (see {@link Lattice}).
 *
 * The cell must be real: lengths > 0, angles in (0°, 180°), and the metric determinant
 * D = 1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ must be > 0 (equivalently, each angle is
 * smaller than the sum of the other two and the three sum to less than 360°). Cosines of 60°,
 * 90° and 120° are taken as exact, so orthogonal and hexagonal cells get exact metrics. For flat
 * cells (D < 1/4) D is evaluated as 4 sin σ sin(σ−α) sin(σ−β) sin(σ−γ), σ = (α+β+γ)/2, which keeps
 * its full relative accuracy where the cosine form cancels.
 *
 * The crystal system is inferred from the parameters as given (no cell reduction is attempted),
 * with lengths equal within `lengthTolerance` (relative) and angles equal within `angleTolerance`
 * (degrees):
 * - cubic: a = b = c, α = β = γ = 90°;
 * - tetragonal: two lengths equal, the third different, all angles 90° (any axis may be unique);
 * - orthorhombic: all angles 90°, three different lengths;
 * - hexagonal: two equal lengths at 120° and the third axis at 90° to both (a = b, γ = 120° in the
 *   standard setting), which includes the hexagonal setting of rhombohedral (R) lattices;
 * - rhombohedral: a = b = c and α = β = γ ≠ 90° (rhombohedral axes);
 * - monoclinic: exactly two angles of 90° (any unique axis), unless hexagonal;
 * - triclinic: anything else.
 * A cell in a non-conventional description (e.g. the primitive rhombohedral cell of a cubic F
 * lattice, a = b = c, α = β = γ = 60°) is classified by its parameters: 'rhombohedral'.
 *
 * @param parameters - The cell: `{ a, b, c }` in Å and `{ alpha, beta, gamma }` in degrees.
 * @param options - Tolerances of the system inference; see {@link LatticeOptions}.
 * @returns A frozen {@link Lattice}.
 * @throws TypeError if `parameters` is not an object or a parameter is not a number.
 * @throws RangeError if a length is not finite and > 0, an angle is not in (0, 180), the angles do
 *   not make a real cell (D ≤ 0), or a tolerance is not finite and ≥ 0.
 *
 * @example
 * ```ts
 * import { lattice } from '@intercalate/crystallography';
 * const cell = lattice({ a: 5.1, b: 6.3, c: 7.7, alpha: 82.5, beta: 103.1, gamma: 95.7 });
 * cell.system; // 'triclinic'
 * cell.volume; // 238.2773762174… Å³ (pymatgen: 238.27737621746397)
 * lattice({ a: 2.8727, b: 2.8727, c: 14.2127, alpha: 90, beta: 90, gamma: 120 }).system; // 'hexagonal'
 * ```
 */
export function lattice(parameters: LatticeParameters, options: LatticeOptions = {}): Lattice {
  if (typeof parameters !== 'object' || parameters === null) {
    throw new TypeError(
      `parameters must be an object { a, b, c, alpha, beta, gamma } (Å, degrees); received ${describeValue(parameters)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const length = { min: 0, exclusiveMin: true, unit: 'Å' };
  const angle = { min: 0, max: 180, exclusiveMin: true, exclusiveMax: true, unit: 'degrees' };
  const a = assertFiniteNumber('a', parameters.a, length);
  const b = assertFiniteNumber('b', parameters.b, length);
  const c = assertFiniteNumber('c', parameters.c, length);
  const alpha = assertFiniteNumber('alpha', parameters.alpha, angle);
  const beta = assertFiniteNumber('beta', parameters.beta, angle);
  const gamma = assertFiniteNumber('gamma', parameters.gamma, angle);
  const lengthTolerance = assertFiniteNumber(
    'options.lengthTolerance',
    options.lengthTolerance ?? DEFAULT_LENGTH_TOLERANCE,
    { min: 0 },
  );
  const angleTolerance = assertFiniteNumber(
    'options.angleTolerance',
    options.angleTolerance ?? DEFAULT_ANGLE_TOLERANCE,
    { min: 0, unit: 'degrees' },
  );

  const ca = cosDegrees(alpha);
  const cb = cosDegrees(beta);
  const cg = cosDegrees(gamma);
  const D = metricDeterminant(alpha, beta, gamma, ca, cb, cg);
  if (!(D > 0)) {
    throw new RangeError(
      `alpha, beta, gamma must make a real cell (metric determinant 1 − cos²α − cos²β − cos²γ + 2cosα cosβ cosγ > 0: each angle less than the sum of the other two, the three summing to less than 360°); received alpha ${alpha}, beta ${beta}, gamma ${gamma} (determinant ${D})`,
    );
  }
  const volume = a * b * c * Math.sqrt(D);
  const metric: SymmetricTensor3 = Object.freeze([
    a * a,
    b * b,
    c * c,
    b * c * ca,
    a * c * cb,
    a * b * cg,
  ] as const);
  // sin² as (1 − cos)(1 + cos): exact 3/4 at 120°, and no cancellation near 90°.
  const reciprocalMetric: SymmetricTensor3 = Object.freeze([
    ((1 - ca) * (1 + ca)) / (a * a * D),
    ((1 - cb) * (1 + cb)) / (b * b * D),
    ((1 - cg) * (1 + cg)) / (c * c * D),
    (cb * cg - ca) / (b * c * D),
    (ca * cg - cb) / (a * c * D),
    (ca * cb - cg) / (a * b * D),
  ] as const);
  const result: Lattice = Object.freeze({
    a,
    b,
    c,
    alpha,
    beta,
    gamma,
    volume,
    system: inferSystem({ a, b, c, alpha, beta, gamma }, lengthTolerance, angleTolerance),
    metric,
    reciprocalMetric,
  });
  built.add(result);
  return result;
}

/**
 * A hexagonal lattice (a = b, α = β = 90°, γ = 120°), the cell of the R-3m layered oxides on
 * hexagonal axes. Shorthand for `lattice({ a, b: a, c, alpha: 90, beta: 90, gamma: 120 })`.
 *
 * @param a - Lattice parameter a (Å), finite and > 0.
 * @param c - Lattice parameter c (Å), finite and > 0.
 * @returns A frozen {@link Lattice} with `system: 'hexagonal'`.
 * @throws TypeError if `a` or `c` is not a number.
 * @throws RangeError if `a` or `c` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { hexagonalLattice } from '@intercalate/crystallography';
 * // NMC811, Jousseaume et al. 2024, Table 1
 * hexagonalLattice(2.8727, 14.2127).volume; // 101.5752… Å³ (= a²c·√3/2)
 * ```
 */
export function hexagonalLattice(a: number, c: number): Lattice {
  return lattice({ a, b: a, c, alpha: 90, beta: 90, gamma: 120 });
}

/**
 * A cubic lattice (a = b = c, α = β = γ = 90°). Shorthand for
 * `lattice({ a, b: a, c: a, alpha: 90, beta: 90, gamma: 90 })`.
 *
 * @param a - Lattice parameter a (Å), finite and > 0.
 * @returns A frozen {@link Lattice} with `system: 'cubic'`.
 * @throws TypeError if `a` is not a number.
 * @throws RangeError if `a` is not finite and > 0.
 *
 * @example
 * ```ts
 * import { cubicLattice, dSpacing } from '@intercalate/crystallography';
 * // Silicon, a = 5.431144 Å: d₁₁₁ = a/√3
 * dSpacing(cubicLattice(5.431144), [1, 1, 1]); // 3.1356725…
 * ```
 */
export function cubicLattice(a: number): Lattice {
  return lattice({ a, b: a, c: a, alpha: 90, beta: 90, gamma: 90 });
}

/**
 * Returns `value` as a validated {@link Lattice}: a lattice built by {@link lattice} is used as it
 * is, any other object is read as {@link LatticeParameters} and validated.
 *
 * @param value - A lattice or the six cell parameters.
 * @returns The lattice.
 * @throws TypeError if `value` is not an object, RangeError if its parameters are invalid.
 * @internal
 */
export function toLattice(value: Lattice | LatticeParameters): Lattice {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(
      `lattice must be a Lattice (from lattice()) or an object { a, b, c, alpha, beta, gamma }; received ${describeValue(value)}`,
    );
  }
  return built.has(value) ? (value as Lattice) : lattice(value);
}

/**
 * The volume of a unit cell (Å³): V = abc·√(1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ).
 *
 * @param cell - A {@link Lattice}, or the six cell parameters (validated as by {@link lattice}).
 * @returns V in Å³.
 * @throws TypeError if `cell` is not an object; RangeError if its parameters are invalid.
 *
 * @example
 * ```ts
 * import { cellVolume } from '@intercalate/crystallography';
 * // Monoclinic: V = abc sin β
 * cellVolume({ a: 5.2, b: 9.0, c: 5.4, alpha: 90, beta: 104.5, gamma: 90 }); // 244.6702…
 * ```
 */
export function cellVolume(cell: Lattice | LatticeParameters): number {
  return toLattice(cell).volume;
}

/**
 * Checks that `hkl` is a triple of integers, not all zero (an array or typed array of length 3).
 *
 * @param name - The argument's name, for the message.
 * @param hkl - The value to check.
 * @throws TypeError if `hkl` is not an array of three numbers.
 * @throws RangeError if an index is not an integer, or all three are zero.
 * @internal
 */
export function assertMillerIndices(name: string, hkl: unknown): asserts hkl is MillerIndices {
  const isList =
    Array.isArray(hkl) ||
    (ArrayBuffer.isView(hkl) && !(hkl instanceof DataView) && 'length' in hkl);
  if (!isList || (hkl as ArrayLike<unknown>).length !== 3) {
    throw new TypeError(
      `${name} must be an array of three integers [h, k, l]; received ${describeValue(hkl)}`,
    );
  }
  const list = hkl as ArrayLike<unknown>;
  const h = assertFiniteNumber(`${name}[0] (h)`, list[0], { integer: true });
  const k = assertFiniteNumber(`${name}[1] (k)`, list[1], { integer: true });
  const l = assertFiniteNumber(`${name}[2] (l)`, list[2], { integer: true });
  if (h === 0 && k === 0 && l === 0) {
    throw new RangeError(`${name} must not be [0, 0, 0] (no lattice plane); received [0, 0, 0]`);
  }
}

/**
 * Interplanar spacing d_hkl (Å) of any lattice, from the reciprocal metric G*:
 *
 * 1/d² = hᵀG*h = g*₁₁h² + g*₂₂k² + g*₃₃l² + 2(g*₂₃kl + g*₁₃hl + g*₁₂hk)
 *
 * (the crystallographic convention without 2π; pymatgen's `Lattice.d_hkl` and xrayutilities'
 * `planeDistance` give the same numbers). For a hexagonal cell this is the closed form of
 * {@link hexagonalDSpacing}; for a cubic cell, d = a/√(h² + k² + l²).
 *
 * @param cell - A {@link Lattice}, or the six cell parameters (validated as by {@link lattice}).
 * @param hkl - Miller indices, three integers not all zero.
 * @returns d_hkl in Å.
 * @throws TypeError if `cell` is not an object or `hkl` is not an array of three numbers.
 * @throws RangeError if the cell is invalid, an index is not an integer, or all three are zero.
 *
 * @example
 * ```ts
 * import { dSpacing, hexagonalLattice } from '@intercalate/crystallography';
 * const nmc622 = hexagonalLattice(2.8703, 14.2255); // Jousseaume et al. 2024, Table 1
 * dSpacing(nmc622, [0, 0, 3]); // 4.741833… = c/3, the interlayer distance
 * dSpacing(nmc622, [1, 0, 4]); // 2.037406…
 * ```
 */
export function dSpacing(cell: Lattice | LatticeParameters, hkl: MillerIndices): number {
  const { reciprocalMetric: g } = toLattice(cell);
  assertMillerIndices('hkl', hkl);
  const h = hkl[0];
  const k = hkl[1];
  const l = hkl[2];
  // Same operations, in the same order, as dSpacings (so both give identical numbers).
  const inverseSquare =
    g[0] * h * h +
    g[1] * k * k +
    g[2] * l * l +
    2 * g[3] * k * l +
    2 * g[4] * h * l +
    2 * g[5] * h * k;
  return 1 / Math.sqrt(inverseSquare);
}

/**
 * Interplanar spacings d_hkl (Å) of many reflections at once, as {@link dSpacing} computes each
 * one, into a `Float64Array` (one value per triple). The loop allocates nothing when `out` is
 * given, so a fitting loop can call it again and again.
 *
 * @param cell - A {@link Lattice}, or the six cell parameters (validated as by {@link lattice}).
 * @param hkl - The reflections: an array of [h, k, l] triples, or a flat array or typed array
 *   (e.g. an `Int32Array`) of consecutive triples h₀, k₀, l₀, h₁, k₁, l₁, …
 * @param out - Optional destination, a `Float64Array` with one element per triple.
 * @returns `out` (or a new `Float64Array`) holding d_hkl in Å.
 * @throws TypeError if `cell` is not an object, `hkl` is not an array of triples or a flat numeric
 *   array, or `out` is not a `Float64Array`.
 * @throws RangeError if the cell is invalid, a flat array's length is not a multiple of 3, an index
 *   is not an integer, a triple is [0, 0, 0], or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { dSpacings, hexagonalLattice } from '@intercalate/crystallography';
 * const nmc811 = hexagonalLattice(2.8727, 14.2127);
 * dSpacings(nmc811, [[0, 0, 3], [1, 0, 1], [1, 0, 4]]); // Float64Array [4.73757, 2.45057, 2.03795]
 * dSpacings(nmc811, Int32Array.of(0, 0, 3, 1, 1, 0)); // Float64Array [4.73757, 1.43635]
 * ```
 */
export function dSpacings(
  cell: Lattice | LatticeParameters,
  hkl: readonly MillerIndices[] | ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const { reciprocalMetric: g } = toLattice(cell);
  const g11 = g[0];
  const g22 = g[1];
  const g33 = g[2];
  const g23 = 2 * g[3];
  const g13 = 2 * g[4];
  const g12 = 2 * g[5];
  const isTyped =
    ArrayBuffer.isView(hkl) &&
    !(hkl instanceof DataView) &&
    !(hkl instanceof BigInt64Array) &&
    !(hkl instanceof BigUint64Array);
  if (!isTyped && !Array.isArray(hkl)) {
    throw new TypeError(
      `hkl must be an array of [h, k, l] triples or a flat array of integers h, k, l, h, k, l, …; received ${describeValue(hkl)}`,
    );
  }
  const list = hkl as ArrayLike<unknown>;
  const nested = !isTyped && list.length > 0 && typeof list[0] !== 'number';
  if (nested) {
    const n = list.length;
    const result = outputBuffer(out, n, 'hkl (one element per triple)');
    for (let i = 0; i < n; i++) {
      const triple = list[i];
      assertMillerIndices(`hkl[${i}]`, triple);
      const h = triple[0];
      const k = triple[1];
      const l = triple[2];
      result[i] =
        1 /
        Math.sqrt(
          g11 * h * h + g22 * k * k + g33 * l * l + g23 * k * l + g13 * h * l + g12 * h * k,
        );
    }
    return result;
  }
  if (list.length % 3 !== 0) {
    throw new RangeError(
      `hkl as a flat array must hold whole triples (length a multiple of 3); received length ${list.length}`,
    );
  }
  const n = list.length / 3;
  const result = outputBuffer(out, n, 'hkl (one element per triple)');
  // Integer typed arrays hold integers by construction; other arrays are checked element by element.
  const integerTyped =
    hkl instanceof Int32Array ||
    hkl instanceof Int16Array ||
    hkl instanceof Int8Array ||
    hkl instanceof Uint8Array ||
    hkl instanceof Uint16Array ||
    hkl instanceof Uint32Array ||
    hkl instanceof Uint8ClampedArray;
  const flat = hkl as ArrayLike<number>;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const h = flat[j] as number;
    const k = flat[j + 1] as number;
    const l = flat[j + 2] as number;
    if (!integerTyped && !(Number.isInteger(h) && Number.isInteger(k) && Number.isInteger(l))) {
      const which = Number.isInteger(h) ? (Number.isInteger(k) ? j + 2 : j + 1) : j;
      throw new (typeof flat[which] === 'number' ? RangeError : TypeError)(
        `hkl[${which}] must be an integer (Miller index of triple ${i}); received ${describeValue(flat[which])}`,
      );
    }
    if (h === 0 && k === 0 && l === 0) {
      throw new RangeError(
        `hkl triple ${i} (elements ${j}–${j + 2}) must not be [0, 0, 0] (no lattice plane); received [0, 0, 0]`,
      );
    }
    result[i] =
      1 /
      Math.sqrt(g11 * h * h + g22 * k * k + g33 * l * l + g23 * k * l + g13 * h * l + g12 * h * k);
  }
  return result;
}
