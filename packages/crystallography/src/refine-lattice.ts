import {
  assertFiniteNumber,
  describeValue,
  type FitStatistics,
  fitStatistics,
  levenbergMarquardt,
} from '@intercalate/numerics';
import type { MillerIndices } from './hexagonal-d-spacing.js';

/** One indexed peak position for {@link refineLattice}. */
export interface LatticeObservation {
  /** Miller indices (h, k, l) of the reflection (hexagonal axes for a hexagonal cell). */
  hkl: MillerIndices;
  /** Observed peak position 2θ in degrees, in (0, 180). */
  twoTheta: number;
  /**
   * Standard uncertainty of `twoTheta` in degrees (> 0), e.g. the `standardErrors.center` of a
   * peak fit; the observation gets the weight 1/σ. Give it for every observation or for none.
   * @defaultValue 1 for every observation (equal weights)
   */
  sigma?: number;
}

/** Options of {@link refineLattice}. */
export interface RefineLatticeOptions {
  /** X-ray wavelength λ in Å (> 0). Required: there is no default wavelength. */
  wavelength: number;
  /**
   * Crystal system of the cell: `'cubic'` (a), `'tetragonal'` (a, c), `'hexagonal'` (a, c; also
   * the hexagonal setting of a rhombohedral R-3m cell) or `'orthorhombic'` (a, b, c).
   */
  system: 'cubic' | 'tetragonal' | 'hexagonal' | 'orthorhombic';
  /**
   * Also refine a zero shift Δ of the 2θ scale, 2θ_obs = 2θ_Bragg(d_hkl) + Δ (in degrees; a
   * positive Δ means every peak is observed too high).
   * @defaultValue false
   */
  zeroShift?: boolean;
  /** Largest number of Levenberg–Marquardt steps. @defaultValue 1000 */
  maxIterations?: number;
  /** Relative tolerance of the convergence tests of `levenbergMarquardt`. @defaultValue 1e-10 */
  tolerance?: number;
}

/** Estimated standard deviations of a {@link RefinedLattice}; 0 for what was not refined. */
export interface LatticeStandardErrors {
  /** Of `a`, in Å. */
  a: number;
  /** Of `b`, in Å (that of a when b = a by symmetry). */
  b: number;
  /** Of `c`, in Å (that of a for a cubic cell). */
  c: number;
  /** Of `volume`, in Å³, with the covariance of the cell parameters. */
  volume: number;
  /** Of `zeroShift`, in degrees (0 when not refined). */
  zeroShift: number;
}

/** Result of {@link refineLattice}. */
export interface RefinedLattice extends FitStatistics {
  /** The crystal system that was refined. */
  system: 'cubic' | 'tetragonal' | 'hexagonal' | 'orthorhombic';
  /** Lattice parameter a in Å. */
  a: number;
  /** Lattice parameter b in Å (= a except for an orthorhombic cell). */
  b: number;
  /** Lattice parameter c in Å (= a for a cubic cell). */
  c: number;
  /** Cell angle α in degrees (90). */
  alpha: number;
  /** Cell angle β in degrees (90). */
  beta: number;
  /** Cell angle γ in degrees (120 for hexagonal, 90 otherwise). */
  gamma: number;
  /** Cell volume in Å³: a³, a²c, (√3/2)a²c or abc. */
  volume: number;
  /** The refined zero shift Δ in degrees (0 when not refined). */
  zeroShift: number;
  /**
   * Estimated standard deviations (esd), lmfit's default `stderr`: the covariance is scaled by
   * the reduced χ², so they reflect the scatter of the positions about the fit; NaN when there are
   * no more observations than parameters or the parameters are not all determined (e.g. a zero
   * shift refined from one reflection measured several times).
   */
  standardErrors: LatticeStandardErrors;
  /**
   * Names of the refined parameters in the order of `covariance`: `'a'`, then `'b'` (orthorhombic)
   * and `'c'` (all but cubic), then `'zeroShift'` when refined.
   */
  parameterNames: string[];
  /** Covariance matrix of the refined parameters (row-major), in Å² / Å·° / °². */
  covariance: Float64Array;
  /** The calculated positions 2θ_Bragg + Δ of the observations, in degrees. */
  calculated: Float64Array;
  /** Observed minus calculated positions, in degrees. */
  residuals: Float64Array;
}

type System = RefineLatticeOptions['system'];
const SYSTEMS: readonly System[] = ['cubic', 'tetragonal', 'hexagonal', 'orthorhombic'];
const DEGREES = 180 / Math.PI;

/**
 * Coefficients of 1/d² in the reciprocal-metric parameters of each system, with A = 1/a²,
 * B = 1/b², C = 1/c² (all angles fixed by symmetry):
 * cubic Q = A(h² + k² + l²); tetragonal Q = A(h² + k²) + Cl²;
 * hexagonal Q = A·4(h² + hk + k²)/3 + Cl²; orthorhombic Q = Ah² + Bk² + Cl².
 */
function metricCoefficients(system: System, h: number, k: number, l: number): number[] {
  switch (system) {
    case 'cubic':
      return [h * h + k * k + l * l];
    case 'tetragonal':
      return [h * h + k * k, l * l];
    case 'hexagonal':
      return [(4 * (h * h + h * k + k * k)) / 3, l * l];
    default:
      return [h * h, k * k, l * l];
  }
}

/** Names of the cell parameters refined for each system (one per metric coefficient). */
function cellNames(system: System): string[] {
  if (system === 'cubic') return ['a'];
  if (system === 'orthorhombic') return ['a', 'b', 'c'];
  return ['a', 'c'];
}

/**
 * Refines the cell parameters of a cubic, tetragonal, hexagonal or orthorhombic lattice from the
 * 2θ positions of indexed reflections, by weighted least squares in 2θ:
 *
 * minimise Σᵢ ((2θᵢ − 2θ_calc,ᵢ)/σᵢ)², 2θ_calc = 2·asin(λ·√Q_hkl / 2) + Δ (degrees),
 *
 * with Q_hkl = 1/d²_hkl linear in the reciprocal-metric components (A = 1/a², B = 1/b², C = 1/c²;
 * e.g. hexagonal Q = (4/3)(h² + hk + k²)·A + l²·C). Those components (and the optional zero
 * shift Δ) are the refined parameters, the standard choice of cell-refinement programs (Holland &
 * Redfern's UnitCell, GSAS-II's cell refinement) because Q is linear in them: a linear fit of
 * Q_obs = (2 sin θ/λ)² gives the start, `levenbergMarquardt` (analytic Jacobian) then minimises in
 * 2θ, where the uncertainties of the positions live. The cell parameters a = 1/√A, … and their
 * esd follow by propagation of the covariance (exact for the linearised problem, so the same as
 * refining a, c directly, e.g. with lmfit). Noise-free positions give back the cell to rounding.
 *
 * The esd follow lmfit's default (covariance scaled by the reduced χ²). The angles are fixed by
 * the system (hexagonal γ = 120°, all others 90°).
 *
 * @param observations - Indexed peak positions, at least as many as refined parameters (1 + the
 *   zero shift for cubic, 2 for tetragonal and hexagonal, 3 for orthorhombic); see
 *   {@link LatticeObservation}. They must determine every parameter (e.g. a hexagonal cell needs
 *   a reflection with l ≠ 0 and one with (h, k) ≠ (0, 0)).
 * @param options - Wavelength (required), crystal system, zero shift and iteration settings; see
 *   {@link RefineLatticeOptions}.
 * @returns The refined cell; see {@link RefinedLattice}.
 * @throws TypeError if an argument has the wrong type, `hkl` is not three numbers or `system` is
 *   not one of those listed.
 * @throws RangeError if `wavelength` is not a finite number > 0, an index is not an integer or
 *   (h, k, l) = (0, 0, 0), a 2θ is outside (0, 180) degrees, a sigma is not > 0 or given for only
 *   some observations, there are fewer observations than parameters, the observations do not
 *   determine every parameter, or they fit no cell of the system (a refined 1/a² ≤ 0).
 *
 * @example
 * ```ts
 * import { refineLattice } from '@intercalate/crystallography';
 * // NMC811 (Jousseaume et al. 2024, Table 1: a = 2.8727 Å, c = 14.2127 Å) at Cu Kα1, positions
 * // rounded to 0.0001°.
 * const fit = refineLattice(
 *   [
 *     { hkl: [0, 0, 3], twoTheta: 18.7149 },
 *     { hkl: [1, 0, 1], twoTheta: 36.6411 },
 *     { hkl: [0, 1, 2], twoTheta: 38.3011 },
 *     { hkl: [1, 0, 4], twoTheta: 44.4168 },
 *     { hkl: [1, 1, 0], twoTheta: 64.8625 },
 *   ],
 *   { wavelength: 1.54059292, system: 'hexagonal' },
 * );
 * fit.a; // 2.872701 (esd fit.standardErrors.a ≈ 9e-7 Å)
 * fit.c; // 14.21270 (esd ≈ 1.7e-5 Å)
 * ```
 */
export function refineLattice(
  observations: readonly LatticeObservation[],
  options: RefineLatticeOptions,
): RefinedLattice {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { wavelength, system, zeroShift? }; received ${describeValue(options)}`,
    );
  }
  const wavelength = assertFiniteNumber('wavelength', options.wavelength, {
    min: 0,
    exclusiveMin: true,
    unit: 'Å',
  });
  const system = options.system;
  if (!SYSTEMS.includes(system)) {
    throw new TypeError(
      `system must be 'cubic', 'tetragonal', 'hexagonal' or 'orthorhombic'; received ${describeValue(system)}`,
    );
  }
  const zeroShift = options.zeroShift ?? false;
  if (typeof zeroShift !== 'boolean') {
    throw new TypeError(`zeroShift must be a boolean; received ${describeValue(zeroShift)}`);
  }
  if (!Array.isArray(observations)) {
    throw new TypeError(
      `observations must be an array of { hkl, twoTheta, sigma? }; received ${describeValue(observations)}`,
    );
  }
  const names = cellNames(system);
  const cellCount = names.length;
  const m = cellCount + (zeroShift ? 1 : 0);
  const n = observations.length;
  if (n < m) {
    throw new RangeError(
      `observations must hold at least ${m} reflections to refine ${[...names, ...(zeroShift ? ['zeroShift'] : [])].join(', ')}; received ${n}`,
    );
  }

  // Design matrix of Q in the metric parameters (row-major n × cellCount), the observed 2θ and
  // their weights.
  const design = new Float64Array(n * cellCount);
  const observed = new Float64Array(n);
  const weights = new Float64Array(n);
  let withSigma = 0;
  observations.forEach((observation: unknown, i) => {
    const name = `observations[${i}]`;
    if (typeof observation !== 'object' || observation === null) {
      throw new TypeError(
        `${name} must be an object { hkl, twoTheta, sigma? }; received ${describeValue(observation)}`,
      );
    }
    const { hkl, twoTheta, sigma } = observation as LatticeObservation;
    if (!Array.isArray(hkl) || hkl.length !== 3) {
      throw new TypeError(
        `${name}.hkl must be an array of three integers [h, k, l]; received ${describeValue(hkl)}`,
      );
    }
    const h = assertFiniteNumber(`${name}.hkl[0] (h)`, hkl[0], { integer: true });
    const k = assertFiniteNumber(`${name}.hkl[1] (k)`, hkl[1], { integer: true });
    const l = assertFiniteNumber(`${name}.hkl[2] (l)`, hkl[2], { integer: true });
    if (h === 0 && k === 0 && l === 0) {
      throw new RangeError(`${name}.hkl must not be [0, 0, 0] (no lattice plane); received it`);
    }
    observed[i] = assertFiniteNumber(`${name}.twoTheta`, twoTheta, {
      min: 0,
      max: 180,
      exclusiveMin: true,
      exclusiveMax: true,
      unit: 'degrees',
    });
    if (sigma !== undefined) {
      withSigma++;
      weights[i] =
        1 /
        assertFiniteNumber(`${name}.sigma`, sigma, { min: 0, exclusiveMin: true, unit: 'degrees' });
    } else weights[i] = 1;
    const coefficients = metricCoefficients(system, h, k, l);
    for (let j = 0; j < cellCount; j++) design[i * cellCount + j] = coefficients[j] as number;
  });
  if (withSigma !== 0 && withSigma !== n) {
    throw new RangeError(
      `observations must all give sigma or none of them; received sigma for ${withSigma} of ${n}`,
    );
  }
  for (let j = 0; j < cellCount; j++) {
    let any = false;
    for (let i = 0; i < n; i++) if (design[i * cellCount + j] !== 0) any = true;
    if (!any) {
      throw new RangeError(
        `observations do not determine ${names[j]}: every reflection has a zero coefficient of 1/${names[j]}² in 1/d² (add one with ${system === 'orthorhombic' ? ['h', 'k', 'l'][j] : names[j] === 'a' ? '(h, k) ≠ (0, 0)' : 'l'} ≠ 0)`,
      );
    }
  }

  // Start: linear least squares of Q_obs = (2 sin θ/λ)² on the design matrix (zero shift 0).
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = (2 * Math.sin((observed[i] as number) / (2 * DEGREES))) / wavelength;
    q[i] = s * s;
  }
  const metric = solveNormalEquations(design, q, n, cellCount);
  if (metric === undefined) {
    throw new RangeError(
      `observations do not determine the ${system} cell: their (h, k, l) give linearly dependent equations for ${names.join(', ')}; add reflections of other directions`,
    );
  }
  const initial = new Float64Array(m);
  initial.set(metric);

  const qOf = (p: Float64Array, i: number): number => {
    let sum = 0;
    for (let j = 0; j < cellCount; j++)
      sum += (p[j] as number) * (design[i * cellCount + j] as number);
    return sum;
  };
  // 2θ = 2·asin(λ√Q/2) in degrees; NaN when λ√Q/2 > 1 or Q < 0 (the fitter rejects such steps).
  const model = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    const shift = zeroShift ? (p[cellCount] as number) : 0;
    for (let i = 0; i < n; i++) {
      out[i] = 2 * DEGREES * Math.asin((wavelength * Math.sqrt(qOf(p, i))) / 2) + shift;
    }
  };
  // ∂2θ/∂Q = (90/π)·λ/(√Q·cos θ) degrees per Å⁻², times ∂Q/∂A_j = design; ∂2θ/∂Δ = 1.
  const jacobian = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      const qi = qOf(p, i);
      const sine = (wavelength * Math.sqrt(qi)) / 2;
      const derivative =
        (2 * DEGREES * wavelength) / (4 * Math.sqrt(qi) * Math.sqrt(1 - sine * sine));
      for (let j = 0; j < cellCount; j++) {
        out[j * n + i] = derivative * (design[i * cellCount + j] as number);
      }
      if (zeroShift) out[cellCount * n + i] = 1;
    }
  };
  const result = levenbergMarquardt({
    model,
    jacobian,
    x: observed,
    y: observed,
    weights,
    initial,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  const p = result.params;
  for (let j = 0; j < cellCount; j++) {
    if (!((p[j] as number) > 0)) {
      throw new RangeError(
        `observations fit no ${system} cell: the refined 1/${names[j]}² is ${p[j]} (≤ 0); check the indexing`,
      );
    }
  }

  // Cell parameters x_j = 1/√A_j, with ∂x_j/∂A_j = −x_j/(2A_j); the zero shift is unchanged.
  const cell = Array.from({ length: cellCount }, (_, j) => 1 / Math.sqrt(p[j] as number));
  const scale = new Float64Array(m);
  for (let j = 0; j < cellCount; j++) scale[j] = -(cell[j] as number) / (2 * (p[j] as number));
  if (zeroShift) scale[cellCount] = 1;
  const covariance = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      covariance[i * m + j] =
        (scale[i] as number) * (scale[j] as number) * (result.covariance[i * m + j] as number);
    }
  }
  const esd = (j: number): number => Math.sqrt(covariance[j * m + j] as number);

  const a = cell[0] as number;
  const b = system === 'orthorhombic' ? (cell[1] as number) : a;
  const c = system === 'cubic' ? a : (cell[cellCount - 1] as number);
  // Volume V = k·Π x_j^e_j; ∂V/∂x_j = e_j·V/x_j.
  let volume: number;
  let exponents: number[];
  if (system === 'cubic') {
    volume = a * a * a;
    exponents = [3];
  } else if (system === 'orthorhombic') {
    volume = a * b * c;
    exponents = [1, 1, 1];
  } else {
    volume = (system === 'hexagonal' ? Math.sqrt(3) / 2 : 1) * a * a * c;
    exponents = [2, 1];
  }
  let volumeVariance = 0;
  for (let i = 0; i < cellCount; i++) {
    for (let j = 0; j < cellCount; j++) {
      volumeVariance +=
        (((exponents[i] as number) * volume) / (cell[i] as number)) *
        (((exponents[j] as number) * volume) / (cell[j] as number)) *
        (covariance[i * m + j] as number);
    }
  }

  const calculated = new Float64Array(n);
  model(p, observed, calculated);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = (observed[i] as number) - (calculated[i] as number);

  const aError = esd(0);
  return {
    system,
    a,
    b,
    c,
    alpha: 90,
    beta: 90,
    gamma: system === 'hexagonal' ? 120 : 90,
    volume,
    zeroShift: zeroShift ? (p[cellCount] as number) : 0,
    standardErrors: {
      a: aError,
      b: system === 'orthorhombic' ? esd(1) : aError,
      c: system === 'cubic' ? aError : esd(cellCount - 1),
      volume: Math.sqrt(volumeVariance),
      zeroShift: zeroShift ? esd(cellCount) : 0,
    },
    parameterNames: [...names, ...(zeroShift ? ['zeroShift'] : [])],
    covariance,
    calculated,
    residuals,
    ...fitStatistics(result),
  };
}

/**
 * Solves the linear least-squares problem min ‖D·v − q‖ (D row-major n × m, m ≤ 3) through its
 * normal equations, each column scaled to unit norm first; undefined when they are singular to
 * working precision (a pivot below 1e-10 of the largest scaled diagonal).
 */
function solveNormalEquations(
  design: Float64Array,
  q: Float64Array,
  n: number,
  m: number,
): Float64Array | undefined {
  const norms = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (design[i * m + j] as number) ** 2;
    norms[j] = Math.sqrt(sum);
  }
  // Augmented system [DᵀD | Dᵀq] of the scaled columns, by Gaussian elimination with pivoting.
  const w = m + 1;
  const system = new Float64Array(m * w);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      let sum = 0;
      for (let i = 0; i < n; i++)
        sum += (design[i * m + r] as number) * (design[i * m + c] as number);
      system[r * w + c] = sum / ((norms[r] as number) * (norms[c] as number));
    }
    let rhs = 0;
    for (let i = 0; i < n; i++) rhs += (design[i * m + r] as number) * (q[i] as number);
    system[r * w + m] = rhs / (norms[r] as number);
  }
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) {
      if (Math.abs(system[r * w + col] as number) > Math.abs(system[pivot * w + col] as number))
        pivot = r;
    }
    if (!(Math.abs(system[pivot * w + col] as number) > 1e-10)) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < w; c++) {
        const t = system[col * w + c] as number;
        system[col * w + c] = system[pivot * w + c] as number;
        system[pivot * w + c] = t;
      }
    }
    for (let r = col + 1; r < m; r++) {
      const f = (system[r * w + col] as number) / (system[col * w + col] as number);
      for (let c = col; c < w; c++) {
        system[r * w + c] = (system[r * w + c] as number) - f * (system[col * w + c] as number);
      }
    }
  }
  const v = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let sum = system[r * w + m] as number;
    for (let c = r + 1; c < m; c++) sum -= (system[r * w + c] as number) * (v[c] as number);
    v[r] = sum / (system[r * w + r] as number);
  }
  for (let j = 0; j < m; j++) v[j] = (v[j] as number) / (norms[j] as number);
  return v;
}
