import { describeValue } from '@intercalate/numerics';
import type { MillerIndices } from './hexagonal-d-spacing.js';
import { assertMillerIndices } from './lattice.js';

/**
 * A Laue class (one of the eleven centrosymmetric crystallographic point groups), in
 * Hermann–Mauguin notation: it decides which reflections of a powder pattern coincide. Thirteen
 * names for the eleven classes, because −3m has two orientations on hexagonal axes (−3m1 and −31m)
 * and `'-3m'` is accepted as a synonym of `'-3m1'`:
 *
 * | Laue class | order | crystal system, axes |
 * | --- | ---: | --- |
 * | `'-1'` | 2 | triclinic |
 * | `'2/m'` | 4 | monoclinic, unique axis b (the ITA standard setting) |
 * | `'mmm'` | 8 | orthorhombic |
 * | `'4/m'`, `'4/mmm'` | 8, 16 | tetragonal, 4-fold axis along c |
 * | `'-3'` | 6 | trigonal, hexagonal axes |
 * | `'-3m'` (= `'-3m1'`), `'-31m'` | 12 | trigonal, hexagonal axes |
 * | `'6/m'`, `'6/mmm'` | 12, 24 | hexagonal |
 * | `'m-3'`, `'m-3m'` | 24, 48 | cubic |
 *
 * `'-3m'` means −3m1, the Laue class of R-3m and P-3m1 on hexagonal axes: the 2-fold axes lie along
 * a, b and a + b, so (h, k, l) ≡ (k, h, −l) and 012 and 102 are NOT equivalent. `'-31m'` (Laue class
 * of P-31m, P-31c) has its 2-fold axes along a − b instead, so (h, k, l) ≡ (−k, −h, −l) ≡ (k, h, l).
 * Rhombohedral axes (3-fold along [111]) are not supported: use the hexagonal setting.
 */
export type LaueClass =
  | '-1'
  | '2/m'
  | 'mmm'
  | '4/m'
  | '4/mmm'
  | '-3'
  | '-3m'
  | '-3m1'
  | '-31m'
  | '6/m'
  | '6/mmm'
  | 'm-3'
  | 'm-3m';

/**
 * The accepted {@link LaueClass} names (13 names for the 11 Laue classes), in order of increasing
 * symmetry within each crystal system.
 *
 * @example
 * ```ts
 * import { LAUE_CLASSES } from '@intercalate/crystallography';
 * LAUE_CLASSES.includes('-3m'); // true
 * ```
 */
export const LAUE_CLASSES: readonly LaueClass[] = Object.freeze([
  '-1',
  '2/m',
  'mmm',
  '4/m',
  '4/mmm',
  '-3',
  '-3m',
  '-3m1',
  '-31m',
  '6/m',
  '6/mmm',
  'm-3',
  'm-3m',
] as const);

// Generators as integer 3×3 matrices M acting on a column of Miller indices, (h', k', l')ᵀ =
// M (h, k, l)ᵀ, row-major. For a direct-space operation R on fractional coordinates, hkl transforms
// with Rᵀ; the Laue groups below are written directly on hkl.
const INVERSION = [-1, 0, 0, 0, -1, 0, 0, 0, -1];
// 2-fold along b: (h, k, l) → (−h, k, −l)
const TWO_Y = [-1, 0, 0, 0, 1, 0, 0, 0, -1];
// 2-fold along c: (h, k, l) → (−h, −k, l)
const TWO_Z = [-1, 0, 0, 0, -1, 0, 0, 0, 1];
// 2-fold along a (orthogonal axes): (h, k, l) → (h, −k, −l)
const TWO_X = [1, 0, 0, 0, -1, 0, 0, 0, -1];
// 4-fold along c: (h, k, l) → (−k, h, l)
const FOUR_Z = [0, -1, 0, 1, 0, 0, 0, 0, 1];
// 3-fold along c, hexagonal axes: direct (x, y, z) → (−y, x − y, z), on hkl (h, k, l) → (k, −h − k, l)
const THREE_Z_HEX = [0, 1, 0, -1, -1, 0, 0, 0, 1];
// 6-fold along c, hexagonal axes: direct (x − y, x, z), on hkl (h, k, l) → (h + k, −h, l)
const SIX_Z_HEX = [1, 1, 0, -1, 0, 0, 0, 0, 1];
// 2-fold along a + b (−3m1, 6/mmm): direct (y, x, −z), on hkl (h, k, l) → (k, h, −l)
const TWO_AB = [0, 1, 0, 1, 0, 0, 0, 0, -1];
// 2-fold along a − b (−31m): direct (−y, −x, −z), on hkl (h, k, l) → (−k, −h, −l)
const TWO_A_MINUS_B = [0, -1, 0, -1, 0, 0, 0, 0, -1];
// 3-fold along [111] (cubic): (h, k, l) → (l, h, k)
const THREE_111 = [0, 0, 1, 1, 0, 0, 0, 1, 0];

const GENERATORS: Record<LaueClass, readonly number[][]> = {
  '-1': [INVERSION],
  '2/m': [INVERSION, TWO_Y],
  mmm: [INVERSION, TWO_Z, TWO_Y],
  '4/m': [INVERSION, FOUR_Z],
  '4/mmm': [INVERSION, FOUR_Z, TWO_X],
  '-3': [INVERSION, THREE_Z_HEX],
  '-3m': [INVERSION, THREE_Z_HEX, TWO_AB],
  '-3m1': [INVERSION, THREE_Z_HEX, TWO_AB],
  '-31m': [INVERSION, THREE_Z_HEX, TWO_A_MINUS_B],
  '6/m': [INVERSION, SIX_Z_HEX],
  '6/mmm': [INVERSION, SIX_Z_HEX, TWO_AB],
  'm-3': [INVERSION, TWO_Z, THREE_111],
  'm-3m': [INVERSION, FOUR_Z, THREE_111],
};

const GROUP_ORDERS: Record<LaueClass, number> = {
  '-1': 2,
  '2/m': 4,
  mmm: 8,
  '4/m': 8,
  '4/mmm': 16,
  '-3': 6,
  '-3m': 12,
  '-3m1': 12,
  '-31m': 12,
  '6/m': 12,
  '6/mmm': 24,
  'm-3': 24,
  'm-3m': 48,
};

function multiply(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const c = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let m = 0; m < 3; m++) s += (a[i * 3 + m] as number) * (b[m * 3 + j] as number);
      c[i * 3 + j] = s;
    }
  }
  return c;
}

// Closure of the generators under multiplication (breadth first; a finite group closes after at
// most 48 elements, the loop is capped as a guard).
function generateGroup(generators: readonly number[][]): Int32Array {
  const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const elements: number[][] = [identity];
  const seen = new Set<string>([identity.join(',')]);
  for (let i = 0; i < elements.length && elements.length <= 48; i++) {
    for (const g of generators) {
      const product = multiply(g, elements[i] as number[]);
      const key = product.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        elements.push(product);
      }
    }
  }
  return Int32Array.from(elements.flat());
}

const TABLES = new Map<LaueClass, Int32Array>();

/**
 * Checks a Laue-class name and returns it.
 *
 * @internal
 */
export function assertLaueClass(name: string, value: unknown): LaueClass {
  if (typeof value !== 'string' || !(LAUE_CLASSES as readonly string[]).includes(value)) {
    throw new RangeError(
      `${name} must be one of the Laue classes ${LAUE_CLASSES.map((c) => `'${c}'`).join(', ')}; received ${describeValue(value)}`,
    );
  }
  return value as LaueClass;
}

/**
 * The operations of a Laue class as a flat row-major `Int32Array` of 9·N integers (cached; do not
 * modify).
 *
 * @internal
 */
export function laueOperationTable(laueClass: LaueClass): Int32Array {
  let table = TABLES.get(laueClass);
  if (table === undefined) {
    table = generateGroup(GENERATORS[laueClass]);
    if (table.length !== 9 * GROUP_ORDERS[laueClass]) {
      throw new Error(`internal error: Laue class ${laueClass} generated ${table.length / 9} ops`);
    }
    TABLES.set(laueClass, table);
  }
  return table;
}

/**
 * Checks Miller indices (three integers, not all zero, as `dSpacing` requires, and
 * |index| ≤ 10⁹ so that index arithmetic stays exact) and returns them as a fresh tuple.
 *
 * @internal
 */
export function millerTriple(name: string, hkl: unknown): [number, number, number] {
  assertMillerIndices(name, hkl);
  const triple: [number, number, number] = [hkl[0] + 0, hkl[1] + 0, hkl[2] + 0]; // −0 → 0
  for (let i = 0; i < 3; i++) {
    if (Math.abs(triple[i] as number) > 1e9) {
      throw new RangeError(
        `${name}[${i}] (${'hkl'[i]}) must be an integer ≥ -1000000000 and ≤ 1000000000; received ${describeValue(triple[i])}`,
      );
    }
  }
  return triple;
}

/**
 * True if (h₁, k₁, l₁) comes before (h₂, k₂, l₂) in the choice of representative: first the
 * indices with h ≥ 0 and k ≥ 0, then those with l ≥ 0, then the lexicographically largest.
 *
 * @internal
 */
export function precedes(h1: number, k1: number, l1: number, h2: number, k2: number, l2: number) {
  const sector1 = h1 >= 0 && k1 >= 0;
  const sector2 = h2 >= 0 && k2 >= 0;
  if (sector1 !== sector2) return sector1;
  if (l1 >= 0 !== l2 >= 0) return l1 >= 0;
  if (h1 !== h2) return h1 > h2;
  if (k1 !== k2) return k1 > k2;
  return l1 > l2;
}

/**
 * The integer 3×3 matrices M of the point-group operations of a Laue class acting on Miller
 * indices, (h′, k′, l′)ᵀ = M·(h, k, l)ᵀ (the transpose of the direct-space rotation on fractional
 * coordinates). The group is generated from the inversion and the class's rotation generators and
 * always contains the identity first and the inversion −1; its order is 2, 4, 8, 8, 16, 6, 12, 12,
 * 24, 24, 48 for −1 … m−3m (see {@link LaueClass} for the axes of each class).
 *
 * @param laueClass - The Laue class, e.g. `'-3m'` for R-3m on hexagonal axes.
 * @returns A fresh array of the operations, each as rows `[[m11, m12, m13], [m21, …], […]]`.
 * @throws RangeError if `laueClass` is not one of {@link LAUE_CLASSES}.
 *
 * @example
 * ```ts
 * import { laueClassOperations } from '@intercalate/crystallography';
 * laueClassOperations('-3m').length; // 12
 * laueClassOperations('m-3m').length; // 48
 * ```
 */
export function laueClassOperations(laueClass: LaueClass): number[][][] {
  const table = laueOperationTable(assertLaueClass('laueClass', laueClass));
  const result: number[][][] = [];
  for (let op = 0; op < table.length; op += 9) {
    result.push([
      [table[op] as number, table[op + 1] as number, table[op + 2] as number],
      [table[op + 3] as number, table[op + 4] as number, table[op + 5] as number],
      [table[op + 6] as number, table[op + 7] as number, table[op + 8] as number],
    ]);
  }
  return result;
}

/**
 * The symmetry-equivalent reflections of (h, k, l) in a Laue class: the orbit {M·hkl} over the
 * class's operations (see {@link laueClassOperations}), without repeats. Friedel pairs (h, k, l)
 * and (−h, −k, −l) are always equivalent (every Laue class contains the inversion), as in a powder
 * pattern without anomalous scattering. The orbit is the same set that xrayutilities
 * (`SGLattice.equivalent_hkls`) and GSAS-II produce for a centrosymmetric space group.
 *
 * @param hkl - Miller indices, three integers not all zero.
 * @param laueClass - The Laue class, e.g. `'-3m'` for R-3m on hexagonal axes.
 * @returns The distinct equivalent indices, the representative ({@link canonicalReflection})
 * first, then in decreasing order of the same preference.
 * @throws TypeError if `hkl` is not an array of three numbers.
 * @throws RangeError if an index is not an integer in [−10⁹, 10⁹], if all three are zero, or if
 * `laueClass` is unknown.
 *
 * @example
 * ```ts
 * import { equivalentReflections } from '@intercalate/crystallography';
 * // −3m1: 012 ≡ 10-2 ≡ 1-12 ≡ -102 ≡ 0-1-2 ≡ -11-2 (but not 102)
 * equivalentReflections([0, 1, 2], '-3m');
 * // [[0, 1, 2], [1, 0, -2], [1, -1, 2], [-1, 0, 2], [0, -1, -2], [-1, 1, -2]]
 * ```
 */
export function equivalentReflections(
  hkl: ArrayLike<number>,
  laueClass: LaueClass,
): MillerIndices[] {
  const [h, k, l] = millerTriple('hkl', hkl);
  const table = laueOperationTable(assertLaueClass('laueClass', laueClass));
  const seen = new Set<string>();
  const orbit: [number, number, number][] = [];
  for (let op = 0; op < table.length; op += 9) {
    const image = applyOperation(table, op, h, k, l);
    const key = image.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      orbit.push(image);
    }
  }
  orbit.sort((p, q) => (precedes(p[0], p[1], p[2], q[0], q[1], q[2]) ? -1 : 1));
  return orbit;
}

function applyOperation(
  table: Int32Array,
  op: number,
  h: number,
  k: number,
  l: number,
): [number, number, number] {
  return [
    (table[op] as number) * h + (table[op + 1] as number) * k + (table[op + 2] as number) * l + 0,
    (table[op + 3] as number) * h +
      (table[op + 4] as number) * k +
      (table[op + 5] as number) * l +
      0,
    (table[op + 6] as number) * h +
      (table[op + 7] as number) * k +
      (table[op + 8] as number) * l +
      0,
  ];
}

/**
 * The number of operations of a Laue-class table that leave (h, k, l) unchanged (the order of its
 * stabiliser); the multiplicity is the group order divided by it. Allocation-free.
 *
 * @internal
 */
export function stabilizerOrder(table: Int32Array, h: number, k: number, l: number): number {
  let count = 0;
  for (let op = 0; op < table.length; op += 9) {
    if (
      (table[op] as number) * h + (table[op + 1] as number) * k + (table[op + 2] as number) * l ===
        h &&
      (table[op + 3] as number) * h +
        (table[op + 4] as number) * k +
        (table[op + 5] as number) * l ===
        k &&
      (table[op + 6] as number) * h +
        (table[op + 7] as number) * k +
        (table[op + 8] as number) * l ===
        l
    ) {
      count++;
    }
  }
  return count;
}

/**
 * True if no operation of the table maps (h, k, l) onto an index triple that comes before it in the
 * choice of representative (see {@link canonicalReflection}). Allocation-free.
 *
 * @internal
 */
export function isRepresentative(table: Int32Array, h: number, k: number, l: number): boolean {
  for (let op = 9; op < table.length; op += 9) {
    const h2 =
      (table[op] as number) * h + (table[op + 1] as number) * k + (table[op + 2] as number) * l;
    const k2 =
      (table[op + 3] as number) * h + (table[op + 4] as number) * k + (table[op + 5] as number) * l;
    const l2 =
      (table[op + 6] as number) * h + (table[op + 7] as number) * k + (table[op + 8] as number) * l;
    if (precedes(h2, k2, l2, h, k, l)) return false;
  }
  return true;
}

/**
 * The multiplicity of a reflection in a powder pattern: the number of distinct reflections
 * symmetry-equivalent to (h, k, l) in the Laue class, i.e. the size of its orbit, computed as the
 * group order divided by the number of operations that leave (h, k, l) unchanged. It always
 * divides the group order. Friedel pairs are counted (every Laue class contains −1), as in
 * xrayutilities and GSAS-II.
 *
 * Examples for −3m1 (R-3m on hexagonal axes): 00l → 2; h00, hh0, h0l, 0kl and h−hl → 6; general
 * hkl, hhl and hk0 with h ≠ k → 12. For m−3m: h00 → 6, hh0 → 12, hhh → 8, hk0 and hhl → 24,
 * general → 48.
 *
 * pymatgen's `XRDCalculator` does NOT follow the symmetry: it counts the permutations and sign
 * changes of |h|, |k|, |l| that occur among the reflections it found, which gives wrong
 * multiplicities for hexagonal and trigonal cells.
 *
 * @param hkl - Miller indices, three integers not all zero.
 * @param laueClass - The Laue class, e.g. `'-3m'` for R-3m on hexagonal axes, `'m-3m'` for Si.
 * @returns The multiplicity, a divisor of the group order.
 * @throws TypeError if `hkl` is not an array of three numbers.
 * @throws RangeError if an index is not an integer in [−10⁹, 10⁹], if all three are zero, or if
 * `laueClass` is unknown.
 *
 * @example
 * ```ts
 * import { multiplicity } from '@intercalate/crystallography';
 * multiplicity([0, 0, 3], '-3m'); // 2
 * multiplicity([1, 0, 4], '-3m'); // 6
 * multiplicity([1, 1, 3], '-3m'); // 12
 * multiplicity([1, 1, 1], 'm-3m'); // 8
 * ```
 */
export function multiplicity(hkl: ArrayLike<number>, laueClass: LaueClass): number {
  const [h, k, l] = millerTriple('hkl', hkl);
  const table = laueOperationTable(assertLaueClass('laueClass', laueClass));
  return table.length / 9 / stabilizerOrder(table, h, k, l);
}

/**
 * The representative of the family of reflections equivalent to (h, k, l) in a Laue class, used
 * to merge equivalents in a reflection list. Among the orbit members it picks, in this order of
 * preference: those with h ≥ 0 and k ≥ 0, then among them those with l ≥ 0, then the
 * lexicographically largest (h, k, l). This gives the usual labels: h ≥ k ≥ l ≥ 0 for cubic
 * (511, not 115), h ≥ k ≥ 0 and l ≥ 0 for tetragonal and hexagonal classes, and all-non-negative
 * indices for −3m1 (012 rather than its equivalent 10−2; 104, 015, 113).
 *
 * @param hkl - Miller indices, three integers not all zero.
 * @param laueClass - The Laue class.
 * @returns The representative indices (equal to `hkl` if `hkl` is already its family's label).
 * @throws TypeError if `hkl` is not an array of three numbers.
 * @throws RangeError if an index is not an integer in [−10⁹, 10⁹], if all three are zero, or if
 * `laueClass` is unknown.
 *
 * @example
 * ```ts
 * import { canonicalReflection } from '@intercalate/crystallography';
 * canonicalReflection([1, 0, -2], '-3m'); // [0, 1, 2]
 * canonicalReflection([-1, 5, 1], 'm-3m'); // [5, 1, 1]
 * ```
 */
export function canonicalReflection(hkl: ArrayLike<number>, laueClass: LaueClass): MillerIndices {
  const [h, k, l] = millerTriple('hkl', hkl);
  const table = laueOperationTable(assertLaueClass('laueClass', laueClass));
  let best: [number, number, number] = [h, k, l];
  for (let op = 9; op < table.length; op += 9) {
    const image = applyOperation(table, op, h, k, l);
    if (precedes(image[0], image[1], image[2], best[0], best[1], best[2])) best = image;
  }
  return best;
}
