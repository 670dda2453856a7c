import {
  twoTheta as braggTwoTheta,
  hexagonalDSpacing,
  type MillerIndices,
  type PatternPeak,
  simulatePattern,
} from '@intercalate/crystallography';
import { assertFiniteNumber, assertNumericArray, describeValue } from '@intercalate/numerics';
import type { LatticeParameterFunction } from './strain-map.js';

/**
 * The profile of the peak of one local domain (instrument and size broadening), area-normalised,
 * widths in degrees 2θ.
 */
export interface WarpingProfile {
  /** Profile shape. @defaultValue 'pseudo-voigt' */
  shape?: 'gaussian' | 'lorentzian' | 'pseudo-voigt';
  /** Full width at half maximum, degrees 2θ, > 0. */
  fwhm: number;
  /** Lorentzian fraction η of a pseudo-Voigt, in [0, 1]. @defaultValue 0.5 */
  eta?: number;
}

/**
 * The distribution of local lithium contents around the mean c_Li:
 *
 * - `'uniform'`: N contents at the midpoints of N equal bins across [c_Li − Δc_Li/2,
 *   c_Li + Δc_Li/2], equal weights (the window of eqn (1));
 * - `'gaussian'`: N equally spaced contents across ±3σ with σ = Δc_Li/√12 (the standard deviation
 *   of the uniform case), weights ∝ exp(−t²/2σ²);
 * - `{ offsets, weights }`: explicit contents c_Li + offsetₖ with weights ≥ 0 (normalised to sum 1).
 */
export type LocalContentDistribution =
  | 'uniform'
  | 'gaussian'
  | {
      /** Offsets from the mean c_Li (units of c_Li). */
      offsets: ArrayLike<number>;
      /** Non-negative weights, one per offset, not all 0. */
      weights: ArrayLike<number>;
    };

/** Input of {@link simulatePeakWarping}. */
export interface SimulatePeakWarpingOptions {
  /** Miller indices (h, k, l) on hexagonal axes, e.g. [0, 0, 3] or [1, 0, 1]. */
  hkl: MillerIndices;
  /** f_a: a (Å) as a function of c_Li, e.g. from {@link latticeFunction}. */
  fa: LatticeParameterFunction;
  /** f_c: c (Å) as a function of c_Li. */
  fc: LatticeParameterFunction;
  /** The mean lithium content c_Li, in [0, 1]. */
  cLi: number;
  /** The heterogeneity amplitude Δc_Li, in [0, 1]; 0 gives a single domain. */
  deltaCLi: number;
  /** How the local contents are distributed. @defaultValue 'uniform' */
  distribution?: LocalContentDistribution;
  /** Number N of local contents for `'uniform'` and `'gaussian'`, an integer 1 … 100,000. @defaultValue 200 */
  samples?: number;
  /** X-ray wavelength λ (Å), > 0; no default (see `WAVELENGTHS` of `@intercalate/crystallography`). */
  wavelength: number;
  /** The 2θ grid (degrees), finite and non-decreasing. */
  twoTheta: ArrayLike<number>;
  /** The profile of each local domain's peak; see {@link WarpingProfile}. */
  profile: WarpingProfile;
  /**
   * Half-width of each profile's evaluation window, in FWHM (as `simulatePattern`'s `window`);
   * `Infinity` sums every profile over the whole grid (exact).
   * @defaultValue Infinity
   */
  window?: number;
  /** Destination for the intensity, one element per 2θ value. */
  out?: Float64Array;
}

/** Result of {@link simulatePeakWarping}. */
export interface PeakWarping {
  /**
   * Intensity at each 2θ of the grid, in 1/degree: the weighted sum of area-normalised profiles,
   * so that it integrates to 1 over all 2θ (less over a grid that does not cover the peak).
   */
  intensity: Float64Array;
  /** The local lithium contents used. */
  contents: Float64Array;
  /** Their weights, summing to 1. */
  weights: Float64Array;
  /** The peak position 2θ (degrees) of each local content. */
  positions: Float64Array;
  /** Weighted mean of `positions` (degrees): the centroid of the warped peak. */
  meanPosition: number;
  /**
   * Weighted standard deviation of `positions` (degrees): the broadening added by the
   * heterogeneity, independent of the profile.
   */
  positionSpread: number;
}

const SHAPES = ['gaussian', 'lorentzian', 'pseudo-voigt'] as const;

/**
 * Simulates the Bragg peak hkl of a crystal whose lithium content is locally heterogeneous, the
 * idea of ESI §S16 of Jousseaume et al. (Energy Environ. Sci. 2024): each local content cₖ gives its
 * own lattice a = f_a(cₖ), c = f_c(cₖ), hence d_hkl (`hexagonalDSpacing`) and 2θₖ (`twoTheta`,
 * both from `@intercalate/crystallography`), and the observed peak is the weighted sum
 *
 * I(2θ) = Σₖ wₖ · P(2θ; 2θₖ, FWHM, η)
 *
 * of area-normalised profiles P (`simulatePattern`). Below c_Li ≈ 0.4, where c collapses while a
 * stays on its plateau, the 00l peaks spread and warp (asymmetric) much more than 101 or 110, the
 * anisotropic signature the paper fits as strain along c.
 *
 * @param options - Reflection, lattice functions, content distribution, wavelength, grid and
 *   profile; see {@link SimulatePeakWarpingOptions}.
 * @returns The intensity and the per-content positions and weights; see {@link PeakWarping}.
 * @throws TypeError if `options` is not an object, `fa`/`fc` is not a function, an array is not an
 *   array of numbers, `profile.shape` or `distribution` is not one of the names above, or `out`
 *   is not a Float64Array.
 * @throws RangeError if `cLi` or `deltaCLi` is outside [0, 1], a local content leaves [0, 1] or the
 *   domain of f_a or f_c, `samples` is out of range, the wavelength or a width is not > 0, η is
 *   outside [0, 1], the reflection is beyond 2θ = 180° (λ > 2d), the grid is not finite and
 *   non-decreasing, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { WAVELENGTHS } from '@intercalate/crystallography';
 * import { examples, latticeFunction, simulatePeakWarping } from '@intercalate/strain-model';
 * const { cLi, a, c } = examples.nmc811; // illustrative curves
 * const fa = latticeFunction(cLi, a);
 * const fc = latticeFunction(cLi, c);
 * const grid = Float64Array.from({ length: 4000 }, (_, i) => 18 + 0.0005 * i); // 18–20°
 * const peak = simulatePeakWarping({
 *   hkl: [0, 0, 3], fa, fc, cLi: 0.3, deltaCLi: 0.1,
 *   wavelength: WAVELENGTHS.Cu.kAlpha1, twoTheta: grid, profile: { fwhm: 0.05, eta: 0.3 },
 * });
 * peak.positionSpread; // degrees of 2θ added by the heterogeneity
 * ```
 */
export function simulatePeakWarping(options: SimulatePeakWarpingOptions): PeakWarping {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const { fa, fc, hkl } = options;
  for (const [name, f] of [
    ['fa', fa],
    ['fc', fc],
  ] as const) {
    if (typeof f !== 'function') {
      throw new TypeError(
        `${name} must be a function of the lithium content, (cLi) => lattice parameter; received ${describeValue(f)}`,
      );
    }
  }
  const mean = assertFiniteNumber('cLi', options.cLi, { min: 0, max: 1 });
  const delta = assertFiniteNumber('deltaCLi', options.deltaCLi, { min: 0, max: 1 });
  const wavelength = assertFiniteNumber('wavelength', options.wavelength, {
    min: 0,
    exclusiveMin: true,
    unit: 'Å',
  });
  const profile = options.profile;
  if (typeof profile !== 'object' || profile === null) {
    throw new TypeError(
      `profile must be an object { shape, fwhm, eta }; received ${describeValue(profile)}`,
    );
  }
  const shape = profile.shape ?? 'pseudo-voigt';
  if (!SHAPES.includes(shape)) {
    throw new TypeError(
      `profile.shape must be 'gaussian', 'lorentzian' or 'pseudo-voigt'; received ${describeValue(shape)}`,
    );
  }
  const fwhm = assertFiniteNumber('profile.fwhm', profile.fwhm, {
    min: 0,
    exclusiveMin: true,
    unit: 'degrees 2θ',
  });
  const eta = assertFiniteNumber('profile.eta', profile.eta ?? 0.5, { min: 0, max: 1 });

  const { contents, weights } = localContents(mean, delta, options.distribution, options.samples);
  const m = contents.length;
  const positions = new Float64Array(m);
  const peaks: PatternPeak[] = new Array(m);
  let meanPosition = 0;
  for (let k = 0; k < m; k++) {
    const ck = contents[k] as number;
    const a = fa(ck);
    const c = fc(ck);
    if (Number.isNaN(a) || Number.isNaN(c)) {
      throw new RangeError(
        `every local content must lie in the domain of fa and fc; c_Li ${mean} ± the distribution reaches ${ck}, where ${Number.isNaN(a) ? 'fa' : 'fc'} is NaN (outside its data)`,
      );
    }
    const d = hexagonalDSpacing(a, c, hkl);
    const position = braggTwoTheta(d, wavelength);
    if (Number.isNaN(position)) {
      throw new RangeError(
        `hkl [${hkl.join(', ')}] is beyond 2θ = 180° at wavelength ${wavelength} Å (d = ${d} Å < λ/2); received that wavelength`,
      );
    }
    positions[k] = position;
    meanPosition += (weights[k] as number) * position;
    peaks[k] = { twoTheta: position, area: weights[k] as number, fwhm, eta };
  }
  let variance = 0;
  for (let k = 0; k < m; k++) {
    const u = (positions[k] as number) - meanPosition;
    variance += (weights[k] as number) * u * u;
  }
  const grid = assertNumericArray('twoTheta', options.twoTheta, { minLength: 1 });
  const intensity = simulatePattern(grid, peaks, {
    profile: shape,
    window: options.window ?? Number.POSITIVE_INFINITY,
    out: options.out,
  });
  return {
    intensity,
    contents,
    weights,
    positions,
    meanPosition,
    positionSpread: Math.sqrt(variance),
  };
}

function localContents(
  mean: number,
  delta: number,
  distribution: LocalContentDistribution | undefined,
  samplesOption: number | undefined,
): { contents: Float64Array; weights: Float64Array } {
  const kind = distribution ?? 'uniform';
  let contents: Float64Array;
  let weights: Float64Array;
  if (kind === 'uniform' || kind === 'gaussian') {
    const n = assertFiniteNumber('samples', samplesOption ?? 200, {
      integer: true,
      min: 1,
      max: 100_000,
    });
    contents = new Float64Array(n);
    weights = new Float64Array(n);
    if (kind === 'uniform') {
      for (let k = 0; k < n; k++) {
        contents[k] = mean + delta * ((k + 0.5) / n - 0.5);
        weights[k] = 1 / n;
      }
    } else {
      const sigma = delta / Math.sqrt(12);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const t = n === 1 ? 0 : -3 + (6 * k) / (n - 1);
        contents[k] = mean + t * sigma;
        const w = Math.exp(-0.5 * t * t);
        weights[k] = w;
        total += w;
      }
      for (let k = 0; k < n; k++) weights[k] = (weights[k] as number) / total;
    }
  } else if (typeof kind === 'object' && kind !== null) {
    const offsets = assertNumericArray('distribution.offsets', kind.offsets, { minLength: 1 });
    const raw = assertNumericArray('distribution.weights', kind.weights, {
      length: offsets.length,
      lengthOf: 'distribution.offsets',
    });
    let total = 0;
    for (let k = 0; k < raw.length; k++) {
      const w = raw[k] as number;
      if (w < 0) throw new RangeError(`distribution.weights[${k}] must be ≥ 0; received ${w}`);
      total += w;
    }
    if (!(total > 0)) {
      throw new RangeError('distribution.weights must not all be 0; received only zeros');
    }
    contents = Float64Array.from(offsets, (o) => mean + o);
    weights = Float64Array.from(raw, (w) => w / total);
  } else {
    throw new TypeError(
      `distribution must be 'uniform', 'gaussian' or { offsets, weights }; received ${describeValue(kind)}`,
    );
  }
  for (let k = 0; k < contents.length; k++) {
    const ck = contents[k] as number;
    if (!(ck >= 0 && ck <= 1)) {
      throw new RangeError(
        `every local content must be in [0, 1]; c_Li ${mean} with the distribution reaches ${ck}`,
      );
    }
  }
  return { contents, weights };
}
