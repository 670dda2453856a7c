import {
  assertFiniteNumber,
  assertNumericArray,
  brent,
  describeValue,
} from '@intercalate/numerics';
import {
  type LatticeFunction,
  type LatticeInterpolation,
  type LatticeSmoothing,
  latticeFunction,
} from './lattice-function.js';

/** Input of {@link characteristicContents}. */
export interface CharacteristicContentsOptions {
  /** Lithium contents of the refined patterns, in [0, 1], any order; at least 3 distinct. */
  cLi: ArrayLike<number>;
  /** Refined a (Å) at each c_Li; d_TM = a. */
  a: ArrayLike<number>;
  /** Refined c (Å) at each c_Li; d_IL = c/3. */
  c: ArrayLike<number>;
  /** Smoothing of both curves, as in {@link latticeFunction}. @defaultValue 'rolling-mean' */
  smoothing?: LatticeSmoothing;
  /** Smoothing window (points), as in {@link latticeFunction}. @defaultValue 5 */
  window?: number;
  /** Interpolation, as in {@link latticeFunction}. @defaultValue 'pchip' */
  interpolation?: LatticeInterpolation;
  /**
   * The d_TM plateau starts where d(d_TM)/dc_Li, followed from its maximum towards lower c_Li,
   * first falls to this fraction of its maximum; in [0, 1). 0 finds where the slope reaches zero.
   * @defaultValue 0.1
   */
  plateauFraction?: number;
}

/** One characteristic lithium content with its uncertainty. */
export interface CharacteristicContent {
  /** The lithium content, or `NaN` when the feature is not inside the data (see below). */
  cLi: number;
  /**
   * Standard uncertainty of `cLi` from the data spacing and the smoothing, w·h/√12, with h the
   * median spacing of the distinct c_Li and w the smoothing window in points (1 for `'none'`): the
   * standard deviation of a uniform distribution as wide as the smoothing window. It does not
   * include the scatter of the refined values.
   */
  uncertainty: number;
  /**
   * The smoothed quantity at `cLi`: d_IL (Å) for the d_IL maximum, d_TM (Å) for the plateau
   * onset, d(d_TM)/dc_Li (Å per unit c_Li) for the steepest d_TM.
   */
  value: number;
}

/** Result of {@link characteristicContents}: the three contents of Fig. 5 of the paper. */
export interface CharacteristicContents {
  /** Where d_IL = c/3 is largest (≈ 0.40 in the paper). */
  dILMaximum: CharacteristicContent;
  /** Where the d_TM plateau begins (≈ 0.32 in the paper). */
  dTMPlateauOnset: CharacteristicContent;
  /** Where d(d_TM)/dc_Li is largest (≈ 0.62 in the paper). */
  dTMSlopeMaximum: CharacteristicContent;
  /** The smoothed d_IL(c_Li) used (Å). */
  dIL: LatticeFunction;
  /** The smoothed d_TM(c_Li) used (Å). */
  dTM: LatticeFunction;
}

/** Points of the dense grid on which the smoothed curves are scanned. */
const SCAN_POINTS = 4001;

/**
 * The three characteristic lithium contents that Jousseaume et al. (Energy Environ. Sci. 2024,
 * §3.4, Fig. 5 and S13) read off the smoothed d_IL = c/3 and d_TM = a of NMC622, NMC811 and LNO:
 *
 * 1. **d_IL maximum** (paper: 0.40): the largest value of the smoothed d_IL, refined to the zero of
 *    its derivative (Brent's method) when that is bracketed;
 * 2. **d_TM plateau onset** (paper: ≈ 0.32): following d(d_TM)/dc_Li from its maximum towards lower
 *    c_Li, the first content where it falls to `plateauFraction` (default 10 %) of its maximum,
 *    interpolated linearly between scan points. The paper gives no numerical criterion; this
 *    threshold is this package's;
 * 3. **steepest d_TM** (paper: ≈ 0.62): the largest d(d_TM)/dc_Li, refined by the vertex of the
 *    parabola through the three scan points around it.
 *
 * Both curves are built with {@link latticeFunction} (rolling mean then PCHIP by default, the
 * paper's procedure) and scanned on 4,001 points across the data. A feature at an end of the data
 * (a maximum on the boundary, no fall of the slope) is reported as `NaN`: it is not inside the
 * measured range.
 *
 * @param options - The refined lattice parameters and the smoothing; see
 *   {@link CharacteristicContentsOptions}.
 * @returns The three contents with uncertainties and the smoothed curves; see
 *   {@link CharacteristicContents}.
 * @throws TypeError if an array is not an array of numbers, `options` is not an object, or an
 *   option has the wrong type.
 * @throws RangeError if the lengths differ, a c_Li is outside [0, 1], a lattice parameter is not
 *   finite and > 0, fewer than 3 distinct c_Li are given, or `window` or `plateauFraction` is out of
 *   range.
 *
 * @example
 * ```ts
 * import { characteristicContents, examples } from '@intercalate/strain-model';
 * const { cLi, a, c } = examples.nmc811; // illustrative curves, not measured data
 * const found = characteristicContents({ cLi, a, c });
 * found.dILMaximum.cLi; // ≈ 0.40
 * found.dTMPlateauOnset.cLi; // ≈ 0.32
 * found.dTMSlopeMaximum.cLi; // ≈ 0.62 (± found.dTMSlopeMaximum.uncertainty ≈ 0.014)
 * ```
 */
export function characteristicContents(
  options: CharacteristicContentsOptions,
): CharacteristicContents {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { cLi, a, c }; received ${describeValue(options)}`,
    );
  }
  const cLi = assertNumericArray('cLi', options.cLi, { minLength: 3 });
  const a = assertNumericArray('a', options.a, { length: cLi.length, lengthOf: 'cLi' });
  const c = assertNumericArray('c', options.c, { length: cLi.length, lengthOf: 'cLi' });
  const fraction = assertFiniteNumber('plateauFraction', options.plateauFraction ?? 0.1, {
    min: 0,
    max: 1,
    exclusiveMax: true,
  });
  const settings = {
    smoothing: options.smoothing,
    window: options.window,
    interpolation: options.interpolation,
  };
  const dTM = latticeFunction(cLi, a, settings);
  const third = Float64Array.from(c, (v) => v / 3);
  let dIL: LatticeFunction;
  try {
    dIL = latticeFunction(cLi, third, settings);
  } catch (error) {
    // Name the caller's argument: the values checked were c/3.
    if (error instanceof RangeError && error.message.startsWith('values[')) {
      throw new RangeError(error.message.replace(/^values\[(\d+)\]/, 'c[$1]'));
    }
    throw error;
  }
  const knots = dTM.cLi;
  const n = knots.length;
  if (n < 3) {
    throw new RangeError(
      `cLi must hold at least 3 distinct lithium contents to locate extrema; received ${n}`,
    );
  }
  const spacings = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) spacings[i] = (knots[i + 1] as number) - (knots[i] as number);
  spacings.sort();
  const h =
    (n - 1) % 2 === 1
      ? (spacings[(n - 2) / 2] as number)
      : ((spacings[(n - 1) / 2 - 1] as number) + (spacings[(n - 1) / 2] as number)) / 2;
  const window =
    (options.smoothing ?? 'rolling-mean') === 'none' ? 1 : (options.window ?? Math.min(5, n));
  const uncertainty = (window * h) / Math.sqrt(12);

  const [low, high] = dTM.domain;
  const grid = new Float64Array(SCAN_POINTS);
  for (let i = 0; i < SCAN_POINTS; i++) grid[i] = low + ((high - low) * i) / (SCAN_POINTS - 1);
  grid[SCAN_POINTS - 1] = high;

  // 1. d_IL maximum.
  const il = dIL.evaluate(grid);
  const ilIndex = argmax(il);
  let ilCLi = Number.NaN;
  if (ilIndex > 0 && ilIndex < SCAN_POINTS - 1) {
    ilCLi = grid[ilIndex] as number;
    const slope = dIL.derivative;
    const left = grid[ilIndex - 1] as number;
    const right = grid[ilIndex + 1] as number;
    const sl = slope(left);
    const sr = slope(right);
    if (sl > 0 && sr < 0) ilCLi = brent(slope, left, right);
  }

  // 3. steepest d_TM.
  const tmSlope = dTM.derivative.evaluate(grid);
  const slopeIndex = argmax(tmSlope);
  let steepest = Number.NaN;
  const maxSlope = tmSlope[slopeIndex] as number;
  if (slopeIndex > 0 && slopeIndex < SCAN_POINTS - 1 && maxSlope > 0) {
    const y0 = tmSlope[slopeIndex - 1] as number;
    const y1 = maxSlope;
    const y2 = tmSlope[slopeIndex + 1] as number;
    const curvature = y0 - 2 * y1 + y2;
    const step = (high - low) / (SCAN_POINTS - 1);
    const shift = curvature < 0 ? (0.5 * (y0 - y2)) / curvature : 0;
    steepest = (grid[slopeIndex] as number) + Math.max(-0.5, Math.min(0.5, shift)) * step;
  }

  // 2. d_TM plateau onset, below the steepest point.
  let onset = Number.NaN;
  if (Number.isFinite(steepest)) {
    const threshold = fraction * maxSlope;
    for (let i = slopeIndex; i > 0; i--) {
      const upper = tmSlope[i] as number;
      const lower = tmSlope[i - 1] as number;
      if (lower <= threshold && upper > threshold) {
        const t = (upper - threshold) / (upper - lower);
        onset = (grid[i] as number) - t * ((grid[i] as number) - (grid[i - 1] as number));
        break;
      }
    }
  }

  return {
    dILMaximum: { cLi: ilCLi, uncertainty, value: Number.isNaN(ilCLi) ? Number.NaN : dIL(ilCLi) },
    dTMPlateauOnset: {
      cLi: onset,
      uncertainty,
      value: Number.isNaN(onset) ? Number.NaN : dTM(onset),
    },
    dTMSlopeMaximum: {
      cLi: steepest,
      uncertainty,
      value: Number.isNaN(steepest) ? Number.NaN : dTM.derivative(steepest),
    },
    dIL,
    dTM,
  };
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) > (values[best] as number)) best = i;
  }
  return best;
}
