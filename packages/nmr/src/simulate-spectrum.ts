import {
  addLineShape,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type LineShape,
  outputBuffer,
} from '@intercalate/numerics';
import { hzToPpm } from './shift-units.js';
import { sidebandIntensities } from './sideband-intensities.js';

/** One resonance of a simulated or fitted spectrum: its centreband and, with sidebands, its manifold. */
export interface SpectrumLine {
  /** Isotropic shift δ_iso of the centreband in ppm; finite. */
  shift: number;
  /**
   * Full width at half maximum in ppm (the unit of the axis, not Hz: multiply a width in Hz by
   * 1/ν_ref in MHz, e.g. with `hzToPpm`); finite and > 0. Every sideband has the same width.
   */
  fwhm: number;
  /**
   * Integrated area of the line in the unit of the intensities × ppm; with sidebands, the total
   * area of the manifold (centreband and every sideband drawn). Finite, may be negative or zero.
   */
  area: number;
  /**
   * The profile: area-normalised Lorentzian, Gaussian or pseudo-Voigt with the same FWHM for both
   * components (see `lorentzian`, `gaussian` and `pseudoVoigt` in `@intercalate/numerics`).
   */
  shape: 'lorentzian' | 'gaussian' | 'pseudo-voigt';
  /**
   * Lorentzian fraction η in [0, 1] of a `'pseudo-voigt'` (lmfit's `fraction`); required for that
   * shape, ignored for the others.
   */
  eta?: number;
}

/**
 * Spinning sidebands under magic-angle spinning: every line is drawn as a manifold of copies at
 * δ_iso + N·ν_r/ν_ref (ν_r in Hz, ν_ref in MHz, so the spacing is in ppm), N = −orders … orders.
 * Give the relative intensities either directly (`intensities`) or through the shift anisotropy
 * (`anisotropy`, `asymmetry`; computed by {@link sidebandIntensities}), not both.
 */
export interface SpinningSidebands {
  /** Magic-angle spinning rate ν_r in Hz (not kHz); finite and > 0. */
  spinningRate: number;
  /** Highest sideband order N_max; an integer in 0 … 10 000 (0 draws the centreband only). */
  orders: number;
  /**
   * Relative intensities of the orders N = −orders … orders (length 2·orders + 1, the centreband
   * at index `orders`); finite, ≥ 0, not all zero. They are normalised to sum 1, so a line's
   * `area` is the total area of its manifold.
   */
  intensities?: ArrayLike<number>;
  /**
   * Reduced shift anisotropy δ_aniso = δ_zz − δ_iso in ppm (Haeberlen), from which the intensities
   * are computed by {@link sidebandIntensities} (then normalised over the orders drawn, like given
   * intensities). Used when `intensities` is absent.
   */
  anisotropy?: number;
  /**
   * Asymmetry η of the shift tensor in [0, 1] (Haeberlen), with `anisotropy`.
   * @defaultValue 0
   */
  asymmetry?: number;
}

/** Options of {@link simulateSpectrum}. */
export interface SimulateSpectrumOptions {
  /**
   * The chemical-shift axis in ppm: n ≥ 1 finite values in any order (NMR axes usually decrease
   * from left to right) and any spacing.
   */
  axis: ArrayLike<number>;
  /** The lines to draw; see {@link SpectrumLine}. May be empty (a zero spectrum). */
  lines: ReadonlyArray<SpectrumLine>;
  /**
   * Spinning sidebands to draw for every line; see {@link SpinningSidebands}.
   * @defaultValue none: centrebands only
   */
  sidebands?: SpinningSidebands;
  /**
   * Reference frequency ν_ref of the observed nucleus in MHz (the frequency at 0 ppm, e.g.
   * 116.591 for ⁷Li at ¹H 300 MHz); required with `sidebands`, to turn ν_r into ppm.
   */
  referenceFrequency?: number;
  /** A Float64Array of length n to write into (overwritten) instead of allocating. */
  out?: Float64Array;
}

/** Largest `orders` accepted in a spectrum. */
const MAX_SPECTRUM_ORDERS = 10_000;

/**
 * Simulates a 1D spectrum on a ppm axis: a sum of area-normalised lines, each with its manifold of
 * spinning sidebands,
 *
 * y(δ) = Σ_lines Σ_N area·w_N·P(δ; δ_iso + N·ν_r/ν_ref, fwhm, η)
 *
 * with P the line shape (Lorentzian, Gaussian or pseudo-Voigt, unit area; see
 * `addLineShape` in `@intercalate/numerics`), w_N the normalised sideband intensities (Σ w_N = 1;
 * w_0 = 1 without sidebands) and ν_r/ν_ref the sideband spacing in ppm (ν_r in Hz, ν_ref in MHz:
 * 60 kHz for ⁷Li at 116.591 MHz is 514.6 ppm). The result is an intensity density per ppm:
 * its integral over δ is Σ area (on an axis wide enough to hold the lines' tails).
 *
 * Lorentzian components are summed over the whole axis (their 1/δ² tails hold a fraction
 * ≈ 1/(πk) of the area beyond ±k FWHM, too much to cut), Gaussian components within 9σ of their
 * centre, where they are exact to rounding. 4 lines × 31 orders on 65 536 points take about
 * 18 ms (6× faster than the same sum vectorised in numpy; bench/spectra.mjs).
 *
 * @param options - Axis, lines, sidebands, reference frequency and output buffer; see
 *   {@link SimulateSpectrumOptions}.
 * @returns The intensities at each axis point (`out` if given), in the unit of `area` per ppm.
 * @throws TypeError if `options` or a line is not an object, a line's `shape` is unknown, `lines`
 *   is not an array, `sidebands` has neither `intensities` nor `anisotropy` (or both), or `out` is
 *   not a Float64Array.
 * @throws RangeError if the axis is empty or holds a non-finite value, a line's `shift` or `area`
 *   is not finite, its `fwhm` is not > 0 or its `eta` not in [0, 1], the spinning rate or the
 *   reference frequency is not > 0 (or the latter is missing with sidebands), `orders` is not an
 *   integer in 0 … 10 000, the intensities have the wrong length, a negative or non-finite value
 *   or sum to 0, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { simulateSpectrum } from '@intercalate/nmr';
 * // ⁷Li at ¹H 300 MHz, 60 kHz MAS: two environments with a 3-order sideband manifold.
 * const axis = Float64Array.from({ length: 8192 }, (_, i) => 2500 - (5000 * i) / 8191);
 * const y = simulateSpectrum({
 *   axis,
 *   lines: [
 *     { shift: 740, fwhm: 60, area: 0.7, shape: 'lorentzian' },
 *     { shift: 520, fwhm: 90, area: 0.3, shape: 'pseudo-voigt', eta: 0.5 },
 *   ],
 *   sidebands: { spinningRate: 60_000, orders: 3, intensities: [0.02, 0.1, 0.2, 1, 0.2, 0.1, 0.02] },
 *   referenceFrequency: 116.591,
 * });
 * // sidebands of the 740 ppm line at 740 ± 514.6 ppm, ± 1029.2 ppm, ± 1543.8 ppm
 * ```
 */
export function simulateSpectrum(options: SimulateSpectrumOptions): Float64Array {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { axis, lines, sidebands?, referenceFrequency?, out? }; received ${describeValue(options)}`,
    );
  }
  const axis = assertNumericArray('axis', options.axis, { minLength: 1 });
  const lines = checkSpectrumLines('lines', options.lines);
  const manifold = resolveSidebands(options.sidebands, options.referenceFrequency);
  const out = outputBuffer(options.out, axis.length, 'axis');
  out.fill(0);
  addLineShape(out, axis, manifoldCopies(lines, manifold));
  return out;
}

/**
 * A sideband manifold resolved to numbers: the spacing in ppm and the normalised weights w_N of
 * N = −orders … orders.
 * @internal
 */
export interface ResolvedSidebands {
  /** Highest order. */
  orders: number;
  /** ν_r/ν_ref in ppm. */
  spacing: number;
  /** w_N, summing to 1 (index orders + N). */
  weights: Float64Array;
}

/**
 * Checks a list of {@link SpectrumLine}s, naming `name[k].member` in errors, and returns it.
 * @internal
 */
export function checkSpectrumLines(name: string, lines: unknown): ReadonlyArray<SpectrumLine> {
  if (!Array.isArray(lines)) {
    throw new TypeError(
      `${name} must be an array of lines { shift, fwhm, area, shape, eta? }; received ${describeValue(lines)}`,
    );
  }
  lines.forEach((line: unknown, k) => {
    checkSpectrumLine(`${name}[${k}]`, line);
  });
  return lines as ReadonlyArray<SpectrumLine>;
}

/**
 * Checks one {@link SpectrumLine}.
 * @internal
 */
export function checkSpectrumLine(name: string, line: unknown): SpectrumLine {
  if (typeof line !== 'object' || line === null) {
    throw new TypeError(
      `${name} must be an object { shift, fwhm, area, shape, eta? }; received ${describeValue(line)}`,
    );
  }
  const { shift, fwhm, area, shape, eta } = line as SpectrumLine;
  if (shape !== 'lorentzian' && shape !== 'gaussian' && shape !== 'pseudo-voigt') {
    throw new TypeError(
      `${name}.shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'; received ${describeValue(shape)}`,
    );
  }
  assertFiniteNumber(`${name}.shift`, shift, { unit: 'ppm' });
  assertFiniteNumber(`${name}.fwhm`, fwhm, { min: 0, exclusiveMin: true, unit: 'ppm' });
  assertFiniteNumber(`${name}.area`, area);
  if (shape === 'pseudo-voigt') assertFiniteNumber(`${name}.eta`, eta, { min: 0, max: 1 });
  return line as SpectrumLine;
}

/**
 * Validates `sidebands` (and the reference frequency it needs) and resolves the weights; without
 * sidebands, a single centreband of weight 1.
 * @internal
 */
export function resolveSidebands(
  sidebands: unknown,
  referenceFrequency: unknown,
): ResolvedSidebands {
  if (sidebands === undefined) {
    return { orders: 0, spacing: 0, weights: new Float64Array([1]) };
  }
  if (typeof sidebands !== 'object' || sidebands === null) {
    throw new TypeError(
      `sidebands must be an object { spinningRate, orders, intensities? | anisotropy? }; received ${describeValue(sidebands)}`,
    );
  }
  const s = sidebands as SpinningSidebands;
  const spinningRate = assertFiniteNumber('sidebands.spinningRate', s.spinningRate, {
    min: 0,
    exclusiveMin: true,
    unit: 'Hz',
  });
  const orders = assertFiniteNumber('sidebands.orders', s.orders, {
    min: 0,
    max: MAX_SPECTRUM_ORDERS,
    integer: true,
  });
  if (referenceFrequency === undefined) {
    throw new RangeError(
      'referenceFrequency (MHz) is required with sidebands, to convert the spinning rate to ppm; received undefined',
    );
  }
  const frequency = assertFiniteNumber('referenceFrequency', referenceFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  const spacing = hzToPpm(spinningRate, frequency);
  const length = 2 * orders + 1;
  let raw: ArrayLike<number>;
  if (s.intensities !== undefined) {
    if (s.anisotropy !== undefined) {
      throw new TypeError(
        'sidebands must give either intensities or anisotropy (with asymmetry), not both',
      );
    }
    raw = assertNumericArray('sidebands.intensities', s.intensities, {
      length,
      lengthOf: '2·orders + 1',
    });
  } else if (s.anisotropy !== undefined) {
    raw = sidebandIntensities({
      anisotropy: s.anisotropy,
      asymmetry: s.asymmetry ?? 0,
      spinningRate,
      referenceFrequency: frequency,
      orders,
    });
  } else {
    throw new TypeError(
      'sidebands must give their relative intensities (intensities: 2·orders + 1 values) or the shift anisotropy to compute them from (anisotropy, asymmetry); received neither',
    );
  }
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const value = raw[i] as number;
    if (value < 0) {
      throw new RangeError(
        `sidebands.intensities[${i}] must be a finite number ≥ 0; received ${value}`,
      );
    }
    sum += value;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) {
    throw new RangeError(
      `sidebands.intensities must have a finite, positive sum; received sum ${sum}`,
    );
  }
  const weights = new Float64Array(length);
  for (let i = 0; i < length; i++) weights[i] = (raw[i] as number) / sum;
  return { orders, spacing, weights };
}

/**
 * The line shapes of every line's manifold, for `addLineShape` (copies of zero weight skipped).
 * @internal
 */
export function manifoldCopies(
  lines: ReadonlyArray<SpectrumLine>,
  manifold: ResolvedSidebands,
): LineShape[] {
  const copies: LineShape[] = [];
  const { orders, spacing, weights } = manifold;
  for (const line of lines) {
    for (let order = -orders; order <= orders; order++) {
      const weight = weights[order + orders] as number;
      if (weight === 0) continue;
      copies.push({
        shape: line.shape,
        center: line.shift + order * spacing,
        fwhm: line.fwhm,
        eta: line.eta,
        area: line.area,
        scale: weight,
      });
    }
  }
  return copies;
}
