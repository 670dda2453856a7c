import {
  addLineShape,
  addLineShapeDerivatives,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type FitStatistics,
  fitStatistics,
  type LineShape,
  type LineShapeTargets,
  levenbergMarquardt,
} from '@intercalate/numerics';
import {
  checkSpectrumLine,
  resolveSidebands,
  type SpectrumLine,
  type SpinningSidebands,
} from './simulate-spectrum.js';

/** A parameter of a line in {@link fitSpectrum}: `'eta'` only for a pseudo-Voigt. */
export type FitLineParameter = 'shift' | 'fwhm' | 'area' | 'eta';

/**
 * Spinning sidebands in a fit: a {@link SpinningSidebands} manifold drawn for every line, with the
 * relative intensities either fixed or fitted.
 */
export interface FitSidebands extends SpinningSidebands {
  /**
   * Fit the relative intensities instead of holding them fixed. The manifold shape is then shared
   * by all lines: one free ratio r_N = I_N/I_0 ≥ 0 per order N ≠ 0 (2·orders parameters; the
   * centreband is the reference, r_0 = 1), and each copy of a line has area
   * area·r_N/Σ_K r_K, so a line's `area` stays the total area of its manifold. `intensities` or
   * `anisotropy` then only give the starting values; without either, the start is read from the
   * data (the height at each sideband position of the line with the largest |area|, relative to
   * its centreband). Per-line free manifolds are not offered: with overlapping manifolds they are
   * rarely determined. Orders whose sidebands fall outside the axis are undetermined and make the
   * covariance singular (all standard errors NaN): request only orders that lie on the axis.
   * @defaultValue false: the intensities are fixed (and normalised to sum 1)
   */
  vary?: boolean;
}

/** Options of {@link fitSpectrum}. */
export interface FitSpectrumOptions {
  /** Spinning sidebands of every line; see {@link FitSidebands}. @defaultValue none */
  sidebands?: FitSidebands;
  /**
   * A baseline fitted with the lines: `'none'`, `'constant'` (b₀) or `'linear'` (b₀ + b₁·δ, δ in
   * ppm). It is fitted in the centred, scaled variable (δ − δ_mid)/half-span for conditioning and
   * reported as offset and slope in ppm.
   * @defaultValue 'none'
   */
  background?: 'none' | 'constant' | 'linear';
  /** Reference frequency of the observed nucleus in MHz; required with `sidebands`. */
  referenceFrequency?: number;
  /**
   * Parameters held at their initial values: entry k lists those of line k, e.g.
   * `[[], ['fwhm', 'eta']]`. Missing entries (or a shorter array) leave every parameter free.
   * @defaultValue every parameter free
   */
  fixed?: ReadonlyArray<ReadonlyArray<FitLineParameter> | undefined>;
  /**
   * Weights wᵢ = 1/σᵢ of the points, passed to `levenbergMarquardt` (lmfit's `weights`).
   * @defaultValue every wᵢ = 1
   */
  weights?: ArrayLike<number>;
  /** Largest number of Levenberg–Marquardt steps. @defaultValue 1000 */
  maxIterations?: number;
  /** Relative tolerance of the convergence tests of `levenbergMarquardt`. @defaultValue 1e-10 */
  tolerance?: number;
}

/** One fitted line of a {@link SpectrumFit}. */
export interface FittedLine {
  /** The profile, as given. */
  shape: 'lorentzian' | 'gaussian' | 'pseudo-voigt';
  /** Isotropic shift of the centreband in ppm. */
  shift: number;
  /** Full width at half maximum in ppm. */
  fwhm: number;
  /** Total area of the line (its whole manifold with sidebands), in the unit of y × ppm. */
  area: number;
  /** Lorentzian fraction (pseudo-Voigt lines only). */
  eta?: number;
  /**
   * Standard errors of the parameters (lmfit's `stderr`, scaled so that the reduced χ² is 1),
   * in the parameter's unit; 0 for a fixed parameter, NaN when the covariance is singular.
   */
  standardErrors: {
    /** Of `shift`, ppm. */
    shift: number;
    /** Of `fwhm`, ppm. */
    fwhm: number;
    /** Of `area`. */
    area: number;
    /** Of `eta` (pseudo-Voigt lines only). */
    eta?: number;
  };
}

/** The fitted baseline of a {@link SpectrumFit}: b(δ) = offset + slope·δ. */
export interface FittedBackground {
  /** The background model that was fitted. */
  kind: 'none' | 'constant' | 'linear';
  /** Value at δ = 0 ppm, in the unit of y (0 for `'none'`). */
  offset: number;
  /** Slope in the unit of y per ppm (0 unless `'linear'`). */
  slope: number;
  /** Standard errors of `offset` and `slope` (0 when not fitted). */
  standardErrors: {
    /** Of `offset`. */
    offset: number;
    /** Of `slope`. */
    slope: number;
  };
}

/** The fitted (or fixed) sideband manifold of a {@link SpectrumFit}. */
export interface FittedSidebands {
  /** Normalised intensities of N = −orders … orders (sum 1; centreband at index `orders`). */
  intensities: Float64Array;
  /**
   * Their standard errors (propagated from the free ratios through the normalisation); all 0 when
   * the intensities were fixed.
   */
  standardErrors: Float64Array;
}

/** Result of {@link fitSpectrum}. */
export interface SpectrumFit extends FitStatistics {
  /** The fitted lines, in the order of `initialLines`. */
  lines: FittedLine[];
  /** The fitted baseline; see {@link FittedBackground}. */
  background: FittedBackground;
  /** The sideband manifold used (fitted or fixed); undefined without sidebands. */
  sidebands: FittedSidebands | undefined;
  /** The model at the fitted parameters, at each axis point. */
  fitted: Float64Array;
  /** y − fitted at each axis point (unweighted). */
  residuals: Float64Array;
}

/** A parameter's place: its index in the fitted vector, or −1 when held at `value`. */
interface Slot {
  index: number;
  value: number;
}

interface LineSlots {
  shift: Slot;
  fwhm: Slot;
  area: Slot;
  eta: Slot | undefined;
}

const PARAMETER_NAMES: readonly FitLineParameter[] = ['shift', 'fwhm', 'area', 'eta'];

/**
 * Fits a sum of lines (with spinning-sideband manifolds and a baseline) to a 1D spectrum by
 * nonlinear least squares, with `levenbergMarquardt` from `@intercalate/numerics` and the analytic
 * Jacobian of the line shapes (`addLineShapeDerivatives`). The model is that of
 * {@link simulateSpectrum} plus the background:
 *
 * y(δ) ≈ Σ_lines Σ_N area·w_N·P(δ; shift + N·ν_r/ν_ref, fwhm, η) + b₀ + b₁·δ
 *
 * Free parameters per line: shift (ppm), fwhm (ppm, kept > 0), area (unbounded) and, for a
 * pseudo-Voigt, η (kept in [0, 1]); the baseline's b₀ (and b₁); with `sidebands.vary`, one ratio
 * per sideband order (see {@link FitSidebands}). Any line parameter can be held fixed
 * (`fixed`). Standard errors are lmfit's default (covariance scaled by the reduced χ²), so a
 * noise-free or a noisy spectrum gives errors that reflect the misfit; they are 0 for fixed
 * parameters. Areas are integrals over ppm of the whole manifold, the quantity to compare between
 * samples after normalising by moles and scans.
 *
 * @param axis - The ppm axis: n finite values in any order (as read, usually decreasing).
 * @param y - The intensities at the axis points (n finite values, n ≥ number of free parameters).
 * @param initialLines - Starting lines (at least one; see {@link SpectrumLine}); their shapes are
 *   kept.
 * @param options - Sidebands, background, reference frequency, fixed parameters, weights and
 *   iteration settings; see {@link FitSpectrumOptions}.
 * @returns The fit; see {@link SpectrumFit}.
 * @throws TypeError if an argument has the wrong type, a line or `fixed` entry is malformed, or
 *   as {@link simulateSpectrum} for the sidebands.
 * @throws RangeError if `y` and `axis` differ in length, a value is not finite, an initial line is
 *   invalid, `fixed` names `eta` for a line that is not a pseudo-Voigt or has more entries than
 *   lines, every parameter is fixed, there are fewer points than free parameters, or as
 *   `levenbergMarquardt` (weights, iteration settings, a non-finite model at the start).
 *
 * @example
 * ```ts
 * import { fitSpectrum, simulateSpectrum } from '@intercalate/nmr';
 * const axis = Float64Array.from({ length: 2048 }, (_, i) => 1500 - (3000 * i) / 2047);
 * const truth = [
 *   { shift: 740, fwhm: 60, area: 0.7, shape: 'lorentzian' as const },
 *   { shift: 520, fwhm: 90, area: 0.3, shape: 'lorentzian' as const },
 * ];
 * const sidebands = { spinningRate: 60_000, orders: 1, intensities: [0.1, 1, 0.1] };
 * const y = simulateSpectrum({ axis, lines: truth, sidebands, referenceFrequency: 116.591 });
 * const fit = fitSpectrum(
 *   axis,
 *   y,
 *   [
 *     { shift: 730, fwhm: 50, area: 0.5, shape: 'lorentzian' },
 *     { shift: 530, fwhm: 70, area: 0.5, shape: 'lorentzian' },
 *   ],
 *   { sidebands, referenceFrequency: 116.591, background: 'constant' },
 * );
 * fit.lines[0].area; // 0.7 (to ~1e-10)
 * ```
 */
export function fitSpectrum(
  axis: ArrayLike<number>,
  y: ArrayLike<number>,
  initialLines: ReadonlyArray<SpectrumLine>,
  options: FitSpectrumOptions = {},
): SpectrumFit {
  assertNumericArray('axis', axis, { minLength: 1 });
  const n = axis.length;
  assertNumericArray('y', y, { length: n, lengthOf: 'axis' });
  if (!Array.isArray(initialLines) || initialLines.length === 0) {
    throw new TypeError(
      `initialLines must be a non-empty array of lines { shift, fwhm, area, shape, eta? }; received ${describeValue(initialLines)}`,
    );
  }
  initialLines.forEach((line: unknown, k) => {
    checkSpectrumLine(`initialLines[${k}]`, line);
  });
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { sidebands?, background?, referenceFrequency?, fixed?, weights? }; received ${describeValue(options)}`,
    );
  }
  const background = options.background ?? 'none';
  if (background !== 'none' && background !== 'constant' && background !== 'linear') {
    throw new TypeError(
      `background must be 'none', 'constant' or 'linear'; received ${describeValue(background)}`,
    );
  }
  const fixed = checkFixed(options.fixed, initialLines);

  // Axis extent, for the background variable u = (δ − mid)/half and the lower bound of the widths.
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = axis[i] as number;
    if (x < lowest) lowest = x;
    if (x > highest) highest = x;
  }
  const mid = (lowest + highest) / 2;
  const half = highest > lowest ? (highest - lowest) / 2 : 1;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = ((axis[i] as number) - mid) / half;

  // Sidebands: fixed weights, or free ratios r_N (N ≠ 0) with starting values.
  const sidebands = options.sidebands;
  const vary = sidebands !== undefined && sidebands !== null && sidebands.vary === true;
  let orders = 0;
  let spacing = 0;
  let fixedWeights: Float64Array = new Float64Array([1]);
  let startRatios: Float64Array = new Float64Array(0);
  if (sidebands !== undefined) {
    if (vary && sidebands.intensities === undefined && sidebands.anisotropy === undefined) {
      // Validate spinning rate, orders and frequency through a trivial manifold, then read the
      // starting ratios from the data.
      const requested = assertFiniteNumber('sidebands.orders', sidebands.orders, {
        min: 0,
        max: 10_000,
        integer: true,
      });
      const probe = resolveSidebands(
        {
          spinningRate: sidebands.spinningRate,
          orders: requested,
          intensities: new Float64Array(2 * requested + 1).fill(1),
        },
        options.referenceFrequency,
      );
      orders = probe.orders;
      spacing = probe.spacing;
      startRatios = ratiosFromData(axis, y, initialLines, orders, spacing);
    } else {
      const resolved = resolveSidebands(sidebands, options.referenceFrequency);
      orders = resolved.orders;
      spacing = resolved.spacing;
      fixedWeights = resolved.weights;
      if (vary) {
        const centre = fixedWeights[orders] as number;
        if (!(centre > 0)) {
          throw new RangeError(
            'sidebands.intensities must have a positive centreband (index orders) to start a fit with vary: true; received 0',
          );
        }
        startRatios = new Float64Array(2 * orders);
        for (let k = 0, order = -orders; order <= orders; order++) {
          if (order !== 0) startRatios[k++] = (fixedWeights[order + orders] as number) / centre;
        }
      }
    }
  }
  const copiesPerLine = 2 * orders + 1;

  // Parameter vector: line parameters, then background, then sideband ratios.
  const initial: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const slot = (value: number, free: boolean, lo: number, hi: number): Slot => {
    if (!free) return { index: -1, value };
    initial.push(value);
    lower.push(lo);
    upper.push(hi);
    return { index: initial.length - 1, value };
  };
  const span = highest - lowest;
  const lineSlots: LineSlots[] = initialLines.map((line, k) => {
    const held = fixed[k] as ReadonlySet<FitLineParameter>;
    const minFwhm = 1e-12 * (span > 0 ? Math.min(span, line.fwhm) : line.fwhm);
    return {
      shift: slot(
        line.shift,
        !held.has('shift'),
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
      ),
      fwhm: slot(line.fwhm, !held.has('fwhm'), minFwhm, Number.POSITIVE_INFINITY),
      area: slot(line.area, !held.has('area'), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
      eta:
        line.shape === 'pseudo-voigt'
          ? slot(line.eta as number, !held.has('eta'), 0, 1)
          : undefined,
    };
  });
  const offsetSlot = slot(
    0,
    background !== 'none',
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
  );
  const slopeSlot = slot(
    0,
    background === 'linear',
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
  );
  const ratioSlots: Slot[] = [];
  if (vary) {
    for (let k = 0; k < 2 * orders; k++) {
      ratioSlots.push(slot(startRatios[k] as number, true, 0, Number.POSITIVE_INFINITY));
    }
  }
  const m = initial.length;
  if (m === 0) {
    throw new RangeError(
      'fitSpectrum needs at least one free parameter; every line parameter is fixed, background is none and the sideband intensities are fixed',
    );
  }

  const read = (p: Float64Array, s: Slot): number =>
    s.index >= 0 ? (p[s.index] as number) : s.value;
  /** Sideband ratio of order N (r_0 = 1). */
  const ratio = (p: Float64Array, order: number): number => {
    if (order === 0) return 1;
    const k = order < 0 ? order + orders : order + orders - 1;
    return read(p, ratioSlots[k] as Slot);
  };
  const ratioSum = (p: Float64Array): number => {
    let sum = 0;
    for (let order = -orders; order <= orders; order++) sum += ratio(p, order);
    return sum;
  };

  // One mutable line shape per (line, order), reused by every evaluation.
  const copies: LineShape[] = [];
  for (const line of initialLines) {
    for (let order = -orders; order <= orders; order++) {
      copies.push({ shape: line.shape, center: 0, fwhm: 1, eta: 0, area: 0, scale: 0 });
    }
  }
  const updateCopies = (p: Float64Array): number => {
    const sum = vary ? ratioSum(p) : 1;
    initialLines.forEach((line, l) => {
      const s = lineSlots[l] as LineSlots;
      const shift = read(p, s.shift);
      const fwhm = read(p, s.fwhm);
      const area = read(p, s.area);
      const eta = s.eta ? read(p, s.eta) : 0;
      for (let order = -orders; order <= orders; order++) {
        const copy = copies[l * copiesPerLine + order + orders] as LineShape;
        copy.center = shift + order * spacing;
        copy.fwhm = fwhm;
        copy.eta = line.shape === 'pseudo-voigt' ? eta : 0;
        copy.area = area;
        copy.scale = vary ? ratio(p, order) / sum : (fixedWeights[order + orders] as number);
      }
    });
    return sum;
  };

  const model = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    updateCopies(p);
    out.fill(0);
    try {
      addLineShape(out, axis, copies);
    } catch (error) {
      // A trial point with an unusable line (e.g. a peak height that overflows) is rejected.
      if (error instanceof RangeError) {
        out.fill(Number.NaN);
        return;
      }
      throw error;
    }
    const b0 = read(p, offsetSlot);
    const b1 = read(p, slopeSlot);
    if (b0 !== 0 || b1 !== 0) {
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) + b0 + b1 * (u[i] as number);
    }
  };

  const total = new Float64Array(vary ? n : 0);
  let targetBuffer: Float64Array | undefined;
  let targets: LineShapeTargets[] = [];
  const column = (buffer: Float64Array, s: Slot | undefined): Float64Array | undefined =>
    s !== undefined && s.index >= 0 ? buffer.subarray(s.index * n, (s.index + 1) * n) : undefined;
  const jacobian = (p: Float64Array, _x: ArrayLike<number>, out: Float64Array): void => {
    const sum = updateCopies(p);
    out.fill(0);
    if (out !== targetBuffer) {
      targetBuffer = out;
      targets = [];
      initialLines.forEach((_line, l) => {
        const s = lineSlots[l] as LineSlots;
        const center = column(out, s.shift);
        const fwhm = column(out, s.fwhm);
        const area = column(out, s.area);
        const eta = column(out, s.eta);
        for (let order = -orders; order <= orders; order++) {
          const target: LineShapeTargets = {};
          if (center) target.center = center;
          if (fwhm) target.fwhm = fwhm;
          if (area) target.area = area;
          if (eta) target.eta = eta;
          if (vary) {
            target.value = total;
            if (order !== 0) {
              const k = order < 0 ? order + orders : order + orders - 1;
              target.scale = column(out, ratioSlots[k]) as Float64Array;
            }
          }
          targets.push(target);
        }
      });
    }
    if (vary) total.fill(0);
    addLineShapeDerivatives(axis, copies, targets);
    if (vary) {
      // ∂f/∂r_K = (G_K − F)/S, with G_K = Σ_l area_l·P_(l,K) accumulated above and F the lines' sum.
      for (const s of ratioSlots) {
        const col = column(out, s) as Float64Array;
        for (let i = 0; i < n; i++) col[i] = ((col[i] as number) - (total[i] as number)) / sum;
      }
    }
    const dOffset = column(out, offsetSlot);
    if (dOffset) dOffset.fill(1);
    const dSlope = column(out, slopeSlot);
    if (dSlope) dSlope.set(u);
  };

  const result = levenbergMarquardt({
    model,
    jacobian,
    x: axis,
    y,
    initial,
    lower,
    upper,
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  const p = result.params;
  const se = result.standardErrors;
  const cov = result.covariance;
  const error = (s: Slot | undefined): number =>
    s === undefined || s.index < 0 ? 0 : (se[s.index] as number);
  const covariance = (a: Slot, b: Slot): number =>
    a.index < 0 || b.index < 0 ? 0 : (cov[a.index * m + b.index] as number);

  const lines: FittedLine[] = initialLines.map((line, l) => {
    const s = lineSlots[l] as LineSlots;
    const fitted: FittedLine = {
      shape: line.shape,
      shift: read(p, s.shift),
      fwhm: read(p, s.fwhm),
      area: read(p, s.area),
      standardErrors: { shift: error(s.shift), fwhm: error(s.fwhm), area: error(s.area) },
    };
    if (s.eta) {
      fitted.eta = read(p, s.eta);
      fitted.standardErrors.eta = error(s.eta);
    }
    return fitted;
  });

  // Background b₀' + b₁'·(δ − mid)/half = offset + slope·δ.
  const b0 = read(p, offsetSlot);
  const b1 = read(p, slopeSlot);
  const slope = b1 / half;
  const offset = b0 - slope * mid;
  const slopeError = error(slopeSlot) / half;
  const offsetVariance =
    covariance(offsetSlot, offsetSlot) +
    mid * mid * slopeError * slopeError -
    (2 * mid * covariance(offsetSlot, slopeSlot)) / half;
  const fittedBackground: FittedBackground = {
    kind: background,
    offset,
    slope,
    standardErrors: {
      offset: offsetSlot.index < 0 ? 0 : Math.sqrt(Math.max(0, offsetVariance)),
      slope: slopeError,
    },
  };
  if (Number.isNaN(offsetVariance)) fittedBackground.standardErrors.offset = Number.NaN;

  let fittedSidebands: FittedSidebands | undefined;
  if (sidebands !== undefined) {
    const intensities = new Float64Array(copiesPerLine);
    const errors = new Float64Array(copiesPerLine);
    if (!vary) {
      intensities.set(fixedWeights);
    } else {
      const sum = ratioSum(p);
      for (let order = -orders; order <= orders; order++) {
        intensities[order + orders] = ratio(p, order) / sum;
      }
      // I_N = r_N/S: ∂I_N/∂r_K = (δ_NK − I_N)/S for the free K ≠ 0.
      const gradient = new Float64Array(ratioSlots.length);
      for (let order = -orders; order <= orders; order++) {
        const value = intensities[order + orders] as number;
        ratioSlots.forEach((_s, k) => {
          const kOrder = k < orders ? k - orders : k - orders + 1;
          gradient[k] = ((kOrder === order ? 1 : 0) - value) / sum;
        });
        let variance = 0;
        ratioSlots.forEach((a, i) => {
          ratioSlots.forEach((b, j) => {
            variance += (gradient[i] as number) * (gradient[j] as number) * covariance(a, b);
          });
        });
        errors[order + orders] = Number.isNaN(variance)
          ? Number.NaN
          : Math.sqrt(Math.max(0, variance));
      }
    }
    fittedSidebands = { intensities, standardErrors: errors };
  }

  const fittedCurve = new Float64Array(n);
  model(p, axis, fittedCurve);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = (y[i] as number) - (fittedCurve[i] as number);
  return {
    lines,
    background: fittedBackground,
    sidebands: fittedSidebands,
    fitted: fittedCurve,
    residuals,
    ...fitStatistics(result),
  };
}

/** Validates `fixed` and returns one set of held parameters per line. */
function checkFixed(
  fixed: unknown,
  lines: ReadonlyArray<SpectrumLine>,
): ReadonlySet<FitLineParameter>[] {
  const sets = lines.map(() => new Set<FitLineParameter>());
  if (fixed === undefined) return sets;
  if (!Array.isArray(fixed)) {
    throw new TypeError(
      `fixed must be an array with, per line, the list of parameters to hold (e.g. [[], ['fwhm']]); received ${describeValue(fixed)}`,
    );
  }
  if (fixed.length > lines.length) {
    throw new RangeError(
      `fixed must have at most one entry per line (${lines.length}); received length ${fixed.length}`,
    );
  }
  fixed.forEach((entry: unknown, k) => {
    if (entry === undefined) return;
    if (!Array.isArray(entry)) {
      throw new TypeError(
        `fixed[${k}] must be an array of 'shift', 'fwhm', 'area' or 'eta'; received ${describeValue(entry)}`,
      );
    }
    for (const name of entry as unknown[]) {
      if (!PARAMETER_NAMES.includes(name as FitLineParameter)) {
        throw new TypeError(
          `fixed[${k}] entries must be 'shift', 'fwhm', 'area' or 'eta'; received ${describeValue(name)}`,
        );
      }
      if (name === 'eta' && lines[k]?.shape !== 'pseudo-voigt') {
        throw new RangeError(
          `fixed[${k}] holds 'eta' but initialLines[${k}] is a ${lines[k]?.shape}, which has no η`,
        );
      }
      (sets[k] as Set<FitLineParameter>).add(name as FitLineParameter);
    }
  });
  return sets;
}

/**
 * Starting sideband ratios from the data: the height of y at each sideband position of the line
 * with the largest |area|, over its height at the centreband, clamped to [0, 10] (0 off the axis).
 */
function ratiosFromData(
  axis: ArrayLike<number>,
  y: ArrayLike<number>,
  lines: ReadonlyArray<SpectrumLine>,
  orders: number,
  spacing: number,
): Float64Array {
  let strongest = lines[0] as SpectrumLine;
  for (const line of lines) if (Math.abs(line.area) > Math.abs(strongest.area)) strongest = line;
  const heightAt = (position: number): number | undefined => {
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < axis.length; i++) {
      const x = axis[i] as number;
      lowest = Math.min(lowest, x);
      highest = Math.max(highest, x);
      const d = Math.abs(x - position);
      if (d < distance) {
        distance = d;
        best = i;
      }
    }
    if (position < lowest || position > highest) return undefined;
    return y[best] as number;
  };
  const centre = heightAt(strongest.shift);
  const ratios = new Float64Array(2 * orders);
  for (let k = 0, order = -orders; order <= orders; order++) {
    if (order === 0) continue;
    const height = heightAt(strongest.shift + order * spacing);
    let r = 0.1;
    if (height === undefined) r = 0;
    else if (centre !== undefined && centre > 0) r = Math.min(10, Math.max(0, height / centre));
    ratios[k++] = r;
  }
  return ratios;
}
