import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import type { Image } from './image.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';
import { gatherSpectra, mapImage, readMask, readStack } from './xanes-stack.js';

/** Options of {@link whiteLineEnergy}. */
export interface WhiteLineOptions extends ProgressOptions {
  /**
   * `'polynomial'`: least-squares polynomial of `order` through the points within `window` eV of
   * the discrete maximum, and the energy of its maximum (as TXM-Wizard, TXM-Sandbox and PyXAS
   * do); `'maximum'`: the energy of the discrete maximum itself.
   * @defaultValue 'polynomial'
   */
  method?: 'polynomial' | 'maximum';
  /** Half-width of the fitting window around the discrete maximum, in eV, > 0. @defaultValue 5 */
  window?: number;
  /** Polynomial order, an integer from 2 to 6. @defaultValue 3 (the TXM tools' choice) */
  order?: number;
  /**
   * When given (an integer ≥ 1), the maximum of the polynomial is searched on a grid `upsample`
   * times denser than the fitted points, (m − 1)·upsample + 1 evenly spaced energies from the
   * first to the last of the m window points, taking the first largest value (TXM-Sandbox
   * evaluates on a 20× grid). When omitted, the exact maximum over that interval: the largest of
   * the polynomial's values at its stationary points inside and at both ends.
   * @defaultValue undefined (exact maximum)
   */
  upsample?: number;
  /**
   * Pixels to map: an {@link Image} or a plain array of height × width samples (e.g. from
   * `circleMask`), nonzero = inside. Pixels outside are NaN.
   * @defaultValue every pixel
   */
  mask?: Image | ArrayLike<number>;
  /** Destination for the map (one element per pixel), returned as the result's `data`. */
  out?: Float64Array;
}

const BLOCK = 512; // pixels whose spectra are gathered together (contiguous copies)

/**
 * Maps the white-line energy (the energy of the main absorption peak above an edge, e.g. the Ni
 * K-edge white line near 8350 eV) of every pixel of a TXM-XANES energy stack, as used to map
 * oxidation states in Mu et al., JACS 2024 and Yang & Lin, JPCC 2021.
 *
 * Per pixel, with the spectrum μ(E) = stack[·, y, x]:
 * 1. k = the index of the largest μ (the first one on ties; NaN samples are never the maximum);
 * 2. `'maximum'`: the result is E_k. `'polynomial'`: the m points with |E_i − E_k| ≤ `window`
 *    are fitted by least squares with p(t) = Σ_j c_j t^j of degree `order` in the scaled variable
 *    t = (E − E_k)/`window` (normal equations, Gaussian elimination with partial pivoting); the
 *    result is the energy of the maximum of p between the first and last window point (see
 *    {@link WhiteLineOptions.upsample}). Matches `numpy.polyfit` on the same points to ~1e-9 eV.
 *
 * Pixels outside `mask`, pixels whose spectrum is all NaN, and pixels whose window holds fewer
 * than `order + 1` points (a maximum at the end of the energy range, or a window narrower than
 * the energy step) give NaN. A NaN inside the window propagates.
 *
 * Spectra are gathered in blocks of pixels so that the stack (energy-major in memory) is read in
 * contiguous runs.
 *
 * @param stack - A 3D single-channel {@link Image} of shape `[nEnergies, height, width]`
 * (absorbance or normalized μ; any pixel type).
 * @param energies - The energy of each plane, in eV, strictly increasing; length nEnergies.
 * @param options - Method, window, order, upsampling, mask, `out`, progress; see
 * {@link WhiteLineOptions}.
 * @returns A `[height, width]` Float64 {@link Image} of white-line energies in eV (NaN outside
 * the mask), with the stack's in-plane spacing.
 * @throws TypeError if `stack` is not an image, `energies` or `mask` is not an array/image, or an
 * option has the wrong type.
 * @throws RangeError if `stack` is not 3D single-channel, has fewer than 2 energies, `energies`
 * has the wrong length, is not finite or not strictly increasing, `window` is not > 0, `order`
 * is not an integer 2 … 6, `upsample` is not an integer ≥ 1, `method` is unknown, or `mask`/`out`
 * has the wrong size.
 * @throws Error named `AbortError` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createImage, whiteLineEnergy } from '@intercalate/imaging';
 * // One pixel whose spectrum is a parabola peaking at 8350.3 eV, sampled every 0.5 eV.
 * const energies = Array.from({ length: 21 }, (_, i) => 8345 + 0.5 * i);
 * const stack = createImage(Float64Array.from(energies, (e) => 2 - 0.01 * (e - 8350.3) ** 2), [21, 1, 1]);
 * whiteLineEnergy(stack, energies, { order: 2, window: 3 }).data[0]; // 8350.3 (to rounding)
 * whiteLineEnergy(stack, energies, { method: 'maximum' }).data[0]; // 8350.5, the sampled maximum
 * ```
 */
export function whiteLineEnergy(
  stack: Image,
  energies: ArrayLike<number>,
  options?: WhiteLineOptions,
): Image<Float64Array> {
  const s = readStack(stack, energies, 2);
  const opts = readOptions<WhiteLineOptions>(
    options,
    '{ method?, window?, order?, upsample?, mask?, out?, onProgress?, signal? }',
  );
  const method = opts.method ?? 'polynomial';
  if (method !== 'polynomial' && method !== 'maximum') {
    throw new RangeError(
      `method must be 'polynomial' or 'maximum'; received ${describeValue(method)}`,
    );
  }
  const window = assertFiniteNumber('window', opts.window ?? 5, {
    min: 0,
    exclusiveMin: true,
    unit: 'eV',
  });
  const order = assertFiniteNumber('order', opts.order ?? 3, { min: 2, max: 6, integer: true });
  const upsample =
    opts.upsample === undefined
      ? 0
      : assertFiniteNumber('upsample', opts.upsample, { min: 1, max: 1e6, integer: true });
  const { nEnergies, height, width, data } = s;
  const e = s.energies;
  const pixels = height * width;
  const mask = readMask('mask', opts.mask, [height, width]);
  const result = mapImage(opts.out, height, width, s.spacing);
  const map = result.data;
  const blocks = Math.ceil(pixels / BLOCK);
  const progress = readProgress(opts, blocks, 'whiteLineEnergy');

  const spectra = new Float64Array(BLOCK * nEnergies);
  const fit = new PolynomialMaximum(order);
  const t = new Float64Array(nEnergies);
  for (let block = 0; block < blocks; block++) {
    const first = block * BLOCK;
    const count = Math.min(BLOCK, pixels - first);
    gatherSpectra(data, pixels, nEnergies, first, count, spectra);
    for (let p = 0; p < count; p++) {
      const pixel = first + p;
      if (mask !== undefined && mask[pixel] === 0) {
        map[pixel] = Number.NaN;
        continue;
      }
      const offset = p * nEnergies;
      let k = -1;
      let best = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < nEnergies; i++) {
        const v = spectra[offset + i] as number;
        if (v > best) {
          best = v;
          k = i;
        }
      }
      if (k < 0) {
        map[pixel] = Number.NaN;
        continue;
      }
      const ek = e[k] as number;
      if (method === 'maximum') {
        map[pixel] = ek;
        continue;
      }
      let lo = k;
      while (lo > 0 && ek - (e[lo - 1] as number) <= window) lo--;
      let hi = k;
      while (hi < nEnergies - 1 && (e[hi + 1] as number) - ek <= window) hi++;
      const m = hi - lo + 1;
      if (m < order + 1) {
        map[pixel] = Number.NaN;
        continue;
      }
      for (let i = 0; i < m; i++) t[i] = ((e[lo + i] as number) - ek) / window;
      const tMax = fit.solve(t, spectra, offset + lo, m, upsample);
      map[pixel] = ek + tMax * window;
    }
    progress.step(block + 1);
  }
  return result;
}

/** Least-squares polynomial fit and the position of its maximum, with preallocated buffers. */
class PolynomialMaximum {
  private readonly q: number;
  private readonly moments: Float64Array;
  private readonly matrix: Float64Array;
  readonly coefficients: Float64Array;

  constructor(readonly order: number) {
    this.q = order + 1;
    this.moments = new Float64Array(2 * order + 1);
    this.matrix = new Float64Array(this.q * this.q);
    this.coefficients = new Float64Array(this.q);
  }

  /** Fits y[offset + i] at t[i] (i < m); returns the t of the maximum over [t[0], t[m − 1]], or NaN. */
  solve(t: Float64Array, y: Float64Array, offset: number, m: number, upsample: number): number {
    const { q, order, moments, matrix } = this;
    const c = this.coefficients;
    moments.fill(0);
    c.fill(0);
    const top = 2 * order;
    for (let i = 0; i < m; i++) {
      const ti = t[i] as number;
      const yi = y[offset + i] as number;
      let power = 1;
      for (let j = 0; j < q; j++) {
        moments[j] = (moments[j] as number) + power;
        c[j] = (c[j] as number) + yi * power;
        power *= ti;
      }
      for (let j = q; j <= top; j++) {
        moments[j] = (moments[j] as number) + power;
        power *= ti;
      }
    }
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) matrix[a * q + b] = moments[a + b] as number;
    }
    // Gaussian elimination with partial pivoting; the right-hand side is `c`.
    for (let col = 0; col < q; col++) {
      let pivot = col;
      for (let r = col + 1; r < q; r++) {
        if (Math.abs(matrix[r * q + col] as number) > Math.abs(matrix[pivot * q + col] as number)) {
          pivot = r;
        }
      }
      const pv = matrix[pivot * q + col] as number;
      if (!(Math.abs(pv) > 1e-13 * (moments[0] as number))) return Number.NaN;
      if (pivot !== col) {
        for (let b = 0; b < q; b++) {
          const tmp = matrix[col * q + b] as number;
          matrix[col * q + b] = matrix[pivot * q + b] as number;
          matrix[pivot * q + b] = tmp;
        }
        const tmp = c[col] as number;
        c[col] = c[pivot] as number;
        c[pivot] = tmp;
      }
      for (let r = col + 1; r < q; r++) {
        const f = (matrix[r * q + col] as number) / pv;
        if (f === 0) continue;
        for (let b = col; b < q; b++) {
          matrix[r * q + b] = (matrix[r * q + b] as number) - f * (matrix[col * q + b] as number);
        }
        c[r] = (c[r] as number) - f * (c[col] as number);
      }
    }
    for (let r = q - 1; r >= 0; r--) {
      let sum = c[r] as number;
      for (let b = r + 1; b < q; b++) sum -= (matrix[r * q + b] as number) * (c[b] as number);
      c[r] = sum / (matrix[r * q + r] as number);
    }
    const t0 = t[0] as number;
    const t1 = t[m - 1] as number;
    if (upsample > 0) {
      const points = (m - 1) * upsample + 1;
      let bestT = t0;
      let best = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < points; j++) {
        const tj = t0 + ((t1 - t0) * j) / (points - 1);
        const v = this.value(tj);
        if (v > best) {
          best = v;
          bestT = tj;
        }
      }
      return best === Number.NEGATIVE_INFINITY ? Number.NaN : bestT;
    }
    // Exact maximum: ends and the stationary points inside.
    this.lo = t0;
    this.hi = t1;
    this.bestT = t0;
    this.best = this.value(t0);
    const end = this.value(t1);
    if (end > this.best) {
      this.best = end;
      this.bestT = t1;
    }
    if (order === 2) {
      if ((c[2] as number) !== 0) this.consider(-(c[1] as number) / (2 * (c[2] as number)));
    } else if (order === 3) {
      // p'(t) = c1 + 2 c2 t + 3 c3 t², roots by the stable quadratic formula.
      const a = 3 * (c[3] as number);
      const b = 2 * (c[2] as number);
      const cc = c[1] as number;
      if (a === 0) {
        if (b !== 0) this.consider(-cc / b);
      } else {
        const disc = b * b - 4 * a * cc;
        if (disc >= 0) {
          const qq = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
          this.consider(qq / a);
          if (qq !== 0) this.consider(cc / qq);
        }
      }
    } else {
      // Sign changes of p' on 64 sub-intervals, refined by bisection.
      const pieces = 64;
      let ta = t0;
      let da = this.slope(ta);
      for (let j = 1; j <= pieces; j++) {
        const tb = t0 + ((t1 - t0) * j) / pieces;
        const db = this.slope(tb);
        if (da === 0) this.consider(ta);
        else if (da > 0 !== db > 0 && db !== 0) {
          let l = ta;
          let r = tb;
          for (let it = 0; it < 60; it++) {
            const mid = 0.5 * (l + r);
            if (this.slope(mid) > 0 === da > 0) l = mid;
            else r = mid;
          }
          this.consider(0.5 * (l + r));
        }
        ta = tb;
        da = db;
      }
    }
    return Number.isNaN(this.best) ? Number.NaN : this.bestT;
  }

  private lo = 0;
  private hi = 0;
  private best = 0;
  private bestT = 0;

  /** Keeps `tc` if it lies strictly inside the window and p(tc) beats the best so far. */
  private consider(tc: number): void {
    if (!(tc > this.lo && tc < this.hi)) return;
    const v = this.value(tc);
    if (v > this.best) {
      this.best = v;
      this.bestT = tc;
    }
  }

  private value(x: number): number {
    const c = this.coefficients;
    let v = c[this.order] as number;
    for (let j = this.order - 1; j >= 0; j--) v = v * x + (c[j] as number);
    return v;
  }

  private slope(x: number): number {
    const c = this.coefficients;
    let v = this.order * (c[this.order] as number);
    for (let j = this.order - 1; j >= 1; j--) v = v * x + j * (c[j] as number);
    return v;
  }
}
