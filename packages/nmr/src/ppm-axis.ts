import { assertFiniteNumber, describeValue, outputBuffer } from '@intercalate/numerics';

/**
 * Options of {@link ppmAxis}: the spectrometer parameters of one frequency-domain dimension, with
 * exactly one of `offset` (Bruker's OFFSET, the shift of the first point) or `center` (the shift
 * at the carrier).
 */
export interface PpmAxisOptions {
  /** Number of points SI of the real spectrum, an integer ≥ 1. */
  size: number;
  /**
   * Spectral width in Hz spanned by the `size` points (Bruker's SW_p in `procs`, or SW_h of the
   * acquisition when the spectrum was not stripped), > 0. The point spacing is
   * `spectralWidth / size` Hz.
   */
  spectralWidth: number;
  /**
   * Reference frequency in MHz at which 0 ppm lies (Bruker's SF = BF1 + SR/10⁶), > 0. Use SF, not
   * BF1 or SFO1: dividing Hz by BF1 rescales the whole axis by SF/BF1 and, worse, ignores the
   * referencing offset SR.
   */
  referenceFrequency: number;
  /**
   * Chemical shift in ppm of the first point (index 0, the high-ppm left edge), as Bruker's
   * OFFSET in `procs`. Give this or `center`, not both.
   */
  offset?: number;
  /**
   * Chemical shift in ppm at the carrier (the transmitter frequency SFO1 expressed on the SF
   * scale, e.g. Bruker's O1P when SR = 0). The carrier sits at index ⌊size/2⌋. Give this or
   * `offset`, not both.
   */
  center?: number;
  /** Optional output buffer of length `size`, overwritten and returned (no allocation). */
  out?: Float64Array;
}

/**
 * Builds the chemical-shift axis (ppm, decreasing: point 0 is the high-ppm left edge, the NMR
 * display convention) of a processed spectrum of `size` points.
 *
 * With Δ = spectralWidth / referenceFrequency / size the spacing in ppm per point:
 *
 * - `offset` (Bruker): ppm[i] = OFFSET − i·Δ. The `size` points tile the spectral width, one
 *   spacing per point, so the last point is OFFSET − (size − 1)/size · SW_p/SF: the axis spans
 *   (size − 1)·Δ, one spacing short of SW_p/SF. This is TopSpin's definition (OFFSET is the
 *   shift of the first point, SW_p the full width, the carrier SFO1 falls on point size/2) and
 *   matches nmrglue's `bruker.guess_udic` + `fileiobase.uc_from_udic`, whose
 *   `car = OFFSET·SF − SW_p/2` and `ppm(i) = car/SF + SW_p/(2·SF) − i·SW_p/(SF·size)` reduce to
 *   the same formula. Readers that divide by (size − 1) instead (e.g. cheminfo's brukerconverter,
 *   `deltaX = −(SW_p/SF)/(SI − 1)`) stretch the axis by size/(size − 1): the error grows to one
 *   full point at the right edge.
 * - `center`: ppm[i] = center + (⌊size/2⌋ − i)·Δ, the carrier on index ⌊size/2⌋. For even sizes
 *   this is the Bruker/nmrglue placement above (OFFSET = center + SW_p/(2·SF)), with one more
 *   point above the carrier than below it. For odd sizes the carrier sits on the middle point
 *   (size − 1)/2 and the axis is symmetric about it, which is where `numpy.fft.fftshift` puts
 *   zero frequency for an odd length; nmrglue's `unit_conversion` instead keeps the carrier at
 *   the fractional index size/2, which places every point half a spacing higher than here —
 *   the "half-point for odd sizes" discrepancy users report. A spectrum computed with numpy
 *   and flipped to decreasing ppm, `center + np.fft.fftshift(np.fft.fftfreq(size, 1/sw))[::-1]/SF`,
 *   agrees with this axis for odd sizes but puts the carrier on index size/2 − 1 for even sizes,
 *   one point right of Bruker's (its extra point lies below the carrier, not above).
 *
 * Every value is computed directly as `first − i·Δ` (no running sum), so the axis carries no
 * accumulated rounding error.
 *
 * SF versus BF1: Bruker's SF is the frequency of 0 ppm after referencing (SF = BF1 + SR/10⁶, with
 * SR in Hz); BF1 is the basic spectrometer frequency of the nucleus before referencing. The ppm
 * spacing must use SF: with BF1 it is off by the factor SF/BF1, and a shift computed from an
 * absolute frequency as (ν − BF1)/BF1 misses the referencing offset SR/BF1 altogether (1 kHz of
 * SR for ⁷Li at 116.6 MHz is 8.6 ppm).
 *
 * @param options - Size, spectral width (Hz), reference frequency (MHz) and one of `offset` /
 *   `center` (ppm); see {@link PpmAxisOptions}.
 * @returns A `Float64Array` of `size` decreasing shifts in ppm (`options.out` when given).
 * @throws TypeError if `options` is not an object, a field is not a number, or `out` is not a
 *   `Float64Array`.
 * @throws RangeError if `size` is not an integer ≥ 1, `spectralWidth` or `referenceFrequency` is
 *   not finite and > 0, `offset`/`center` is not finite, both or neither of `offset` and `center`
 *   are given, the spacing Δ under- or overflows, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { ppmAxis } from '@intercalate/nmr';
 * // 8 points over 5 kHz at SF = 125 MHz: 5 ppm per point, first point at 20 ppm
 * ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 125, offset: 20 });
 * // Float64Array [20, 15, 10, 5, 0, -5, -10, -15]
 * ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 125, center: 0 }); // same axis
 * ppmAxis({ size: 5, spectralWidth: 3125, referenceFrequency: 125, center: 0 });
 * // Float64Array [10, 5, 0, -5, -10]  (odd size: carrier on the middle point)
 * ```
 */
export function ppmAxis(options: PpmAxisOptions): Float64Array {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { size, spectralWidth, referenceFrequency, offset | center }; received ${describeValue(options)}`,
    );
  }
  const size = assertFiniteNumber('size', options.size, { min: 1, integer: true });
  const spectralWidth = assertFiniteNumber('spectralWidth', options.spectralWidth, {
    min: 0,
    exclusiveMin: true,
    unit: 'Hz',
  });
  const referenceFrequency = assertFiniteNumber('referenceFrequency', options.referenceFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  const hasOffset = options.offset !== undefined;
  const hasCenter = options.center !== undefined;
  if (hasOffset === hasCenter) {
    throw new RangeError(
      `options must give exactly one of offset (ppm of the first point) and center (ppm at the carrier); received ${hasOffset ? 'both' : 'neither'}`,
    );
  }
  const step = spectralWidth / referenceFrequency / size;
  let first: number;
  if (hasOffset) {
    first = assertFiniteNumber('offset', options.offset, { unit: 'ppm' });
  } else {
    const center = assertFiniteNumber('center', options.center, { unit: 'ppm' });
    first = center + Math.floor(size / 2) * step;
  }
  const out = outputBuffer(options.out, size, 'size');
  if (!(step > 0 && Number.isFinite(step))) {
    throw new RangeError(
      `spectralWidth / referenceFrequency / size must be a finite spacing > 0 (ppm); received ${spectralWidth} Hz / ${referenceFrequency} MHz / ${size} = ${step}`,
    );
  }
  if (!Number.isFinite(first) || !Number.isFinite(first - (size - 1) * step)) {
    throw new RangeError(
      `options give an axis that overflows: first point ${first} ppm, ${step} ppm per point, ${size} points`,
    );
  }
  if (hasOffset) {
    for (let i = 0; i < size; i++) out[i] = first - i * step;
  } else {
    // Anchor on the carrier so that the carrier point is exactly `center`.
    const center = options.center as number;
    const middle = Math.floor(size / 2);
    for (let i = 0; i < size; i++) out[i] = center + (middle - i) * step;
  }
  return out;
}
