import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';

/**
 * A lattice parameter as a function of lithium content: a plain `(cLi) => value` function, or a
 * {@link LatticeFunction} (whose array evaluator `evaluate` is then used, which is much faster on
 * sorted grids).
 */
export type LatticeParameterFunction =
  | ((cLi: number) => number)
  | {
      (cLi: number): number;
      /** Array evaluator, as the `Interpolant` of `@intercalate/numerics`. */
      evaluate(cLi: ArrayLike<number>, out?: Float64Array): Float64Array;
    };

/** Buffers {@link strainMap} writes into instead of allocating; each has rows × columns elements. */
export interface StrainMapBuffers {
  /** Receives ε^a. */
  epsA?: Float64Array;
  /** Receives ε^c. */
  epsC?: Float64Array;
  /** Receives ε^c/ε^a. */
  anisotropy?: Float64Array;
}

/** Input of {@link strainMap}. */
export interface StrainMapOptions {
  /** f_a: the a lattice parameter (Å) as a function of c_Li, e.g. from {@link latticeFunction}. */
  fa: LatticeParameterFunction;
  /** f_c: the c lattice parameter (Å) as a function of c_Li. */
  fc: LatticeParameterFunction;
  /**
   * The lithium contents c_Li of the map, fractions in [0, 1] (the columns). Sorted grids are
   * fastest.
   */
  cLi: ArrayLike<number>;
  /** The heterogeneity amplitudes Δc_Li, in [−1, 1] (the rows); one number gives one row. */
  deltaCLi: number | ArrayLike<number>;
  /** Optional destination buffers; see {@link StrainMapBuffers}. */
  out?: StrainMapBuffers;
}

/**
 * The strain landscape of {@link strainMap}. Each array holds rows × columns values, row-major:
 * element `j * columns + i` belongs to Δc_Li = `deltaCLi[j]` and c_Li = `cLi[i]`.
 */
export interface StrainMap {
  /** ε^a, dimensionless; `NaN` where c_Li ± Δc_Li/2 leaves the domain of f_a. */
  epsA: Float64Array;
  /** ε^c, dimensionless; `NaN` where c_Li ± Δc_Li/2 leaves the domain of f_c. */
  epsC: Float64Array;
  /** The anisotropy ε^c/ε^a, dimensionless; `NaN` where ε^a is 0 or either strain is `NaN`. */
  anisotropy: Float64Array;
  /** Number of rows: the number of Δc_Li values. */
  rows: number;
  /** Number of columns: the number of c_Li values. */
  columns: number;
}

function assertLatticeFunction(name: string, f: unknown): void {
  if (typeof f !== 'function') {
    throw new TypeError(
      `${name} must be a function of the lithium content, (cLi) => lattice parameter; received ${describeValue(f)}`,
    );
  }
}

function hasEvaluate(
  f: LatticeParameterFunction,
): f is Extract<LatticeParameterFunction, { evaluate: unknown }> {
  return typeof (f as { evaluate?: unknown }).evaluate === 'function';
}

/** Evaluates f at every x into out (no allocation with an array evaluator). */
function evaluateInto(f: LatticeParameterFunction, x: Float64Array, out: Float64Array): void {
  if (hasEvaluate(f)) {
    f.evaluate(x, out);
    return;
  }
  for (let i = 0; i < x.length; i++) out[i] = f(x[i] as number);
}

/**
 * Eqn (1) of Jousseaume et al. (Energy Environ. Sci. 2024) over a whole grid: for every c_Li of
 * `cLi` and every Δc_Li of `deltaCLi`,
 *
 * ε^a = |f_a(c_Li − Δc_Li/2) − f_a(c_Li + Δc_Li/2)| / f_a(c_Li),
 * ε^c = the same with f_c, and the anisotropy ε^c/ε^a
 *
 * (the paper's Fig. 6C–D and its "about 30 times higher" ε^c below c_Li = 0.4). Each element
 * equals {@link heterogeneityStrain} of the same arguments. The centre values f(c_Li) are computed
 * once per c_Li and reused for every Δc_Li; with {@link LatticeFunction}s and a sorted grid each
 * evaluation costs O(1) and 10⁴ c_Li × 50 Δc_Li take a few milliseconds
 * (`bench/strain-map.mjs`).
 *
 * @param options - The two lattice functions, the grids and optional buffers; see
 *   {@link StrainMapOptions}.
 * @returns ε^a, ε^c and ε^c/ε^a, row-major by Δc_Li; see {@link StrainMap}.
 * @throws TypeError if `fa` or `fc` is not a function, a grid is not a number or an array of
 *   numbers, or a buffer is not a Float64Array.
 * @throws RangeError if a c_Li is outside [0, 1], a Δc_Li is outside [−1, 1], either grid is empty,
 *   f_a or f_c is 0 at a c_Li of the grid, or a buffer has the wrong length.
 *
 * @example
 * ```ts
 * import { examples, latticeFunction, strainMap } from '@intercalate/strain-model';
 * const { cLi, a, c } = examples.nmc811; // illustrative curves, not measured data
 * const fa = latticeFunction(cLi, a);
 * const fc = latticeFunction(cLi, c);
 * const grid = Float64Array.from({ length: 61 }, (_, i) => 0.25 + 0.01 * i); // 0.25 … 0.85
 * const map = strainMap({ fa, fc, cLi: grid, deltaCLi: [0.02, 0.05, 0.1] });
 * map.epsC[1 * map.columns + 0]; // ε^c at Δc_Li = 0.05, c_Li = 0.25
 * ```
 */
export function strainMap(options: StrainMapOptions): StrainMap {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { fa, fc, cLi, deltaCLi }; received ${describeValue(options)}`,
    );
  }
  const { fa, fc } = options;
  assertLatticeFunction('fa', fa);
  assertLatticeFunction('fc', fc);
  const grid = assertNumericArray('cLi', options.cLi, { minLength: 1 });
  const columns = grid.length;
  const centre = new Float64Array(columns);
  for (let i = 0; i < columns; i++) {
    const c = grid[i] as number;
    if (c < 0 || c > 1) {
      throw new RangeError(`cLi[${i}] must be a lithium content in [0, 1]; received ${c}`);
    }
    centre[i] = c;
  }
  let deltas: ArrayLike<number>;
  if (typeof options.deltaCLi === 'number') {
    deltas = [assertFiniteNumber('deltaCLi', options.deltaCLi, { min: -1, max: 1 })];
  } else {
    deltas = assertNumericArray('deltaCLi', options.deltaCLi, { minLength: 1 });
    for (let j = 0; j < deltas.length; j++) {
      const d = deltas[j] as number;
      if (d < -1 || d > 1) {
        throw new RangeError(`deltaCLi[${j}] must be in [−1, 1]; received ${d}`);
      }
    }
  }
  const rows = deltas.length;
  const size = rows * columns;
  const out = options.out ?? {};
  if (typeof out !== 'object' || out === null) {
    throw new TypeError(`out must be an object of Float64Arrays; received ${describeValue(out)}`);
  }
  const lengthOf = 'rows × columns';
  const epsA = outputBuffer(out.epsA, size, lengthOf);
  const epsC = outputBuffer(out.epsC, size, lengthOf);
  const anisotropy = outputBuffer(out.anisotropy, size, lengthOf);

  const centreA = new Float64Array(columns);
  const centreC = new Float64Array(columns);
  evaluateInto(fa, centre, centreA);
  evaluateInto(fc, centre, centreC);
  for (let i = 0; i < columns; i++) {
    if (centreA[i] === 0 || centreC[i] === 0) {
      const which = centreA[i] === 0 ? 'fa' : 'fc';
      throw new RangeError(
        `${which}(cLi) must be non-zero to normalise the strain; received ${which}(${centre[i]}) = 0`,
      );
    }
  }
  const below = new Float64Array(columns);
  const above = new Float64Array(columns);
  const valueBelow = new Float64Array(columns);
  const valueAbove = new Float64Array(columns);
  for (let j = 0; j < rows; j++) {
    const half = (deltas[j] as number) / 2;
    for (let i = 0; i < columns; i++) {
      const c = centre[i] as number;
      below[i] = c - half;
      above[i] = c + half;
    }
    const offset = j * columns;
    evaluateInto(fa, below, valueBelow);
    evaluateInto(fa, above, valueAbove);
    for (let i = 0; i < columns; i++) {
      epsA[offset + i] =
        Math.abs((valueBelow[i] as number) - (valueAbove[i] as number)) /
        Math.abs(centreA[i] as number);
    }
    evaluateInto(fc, below, valueBelow);
    evaluateInto(fc, above, valueAbove);
    for (let i = 0; i < columns; i++) {
      const ec =
        Math.abs((valueBelow[i] as number) - (valueAbove[i] as number)) /
        Math.abs(centreC[i] as number);
      epsC[offset + i] = ec;
      const ea = epsA[offset + i] as number;
      anisotropy[offset + i] = ea === 0 ? Number.NaN : ec / ea;
    }
  }
  return { epsA, epsC, anisotropy, rows, columns };
}
