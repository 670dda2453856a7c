import { assertFiniteNumber, assertNumericArray, createRng } from '@intercalate/numerics';
import {
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapStatistic,
  bootstrapInterval,
  createWorkspace,
  readBootstrapSettings,
  readStatistic,
  readValues,
  statisticOf,
} from './bootstrap-confidence-interval.js';
import { readOptions, readProgress } from './progress.js';

/** Options of {@link representativeness}. */
export interface RepresentativenessOptions extends BootstrapOptions {
  /**
   * The particle counts n to evaluate: integers from the statistic's minimum (2; `ddof` + 2 for
   * `'std'`) up to the number of values N, in any order (results keep it).
   * @defaultValue the ladder round(5·2^(k/2)) = 5, 7, 10, 14, 20, 28, 40, 57, 80, 113, … below N,
   * then N itself (only N when N ≤ 5)
   */
  sampleSizes?: ArrayLike<number>;
  /**
   * The statistic whose interval is followed; see {@link BootstrapStatistic}.
   * @defaultValue 'mean'
   */
  statistic?: BootstrapStatistic;
  /**
   * Random subsamples drawn for each n (their interval widths are averaged), an integer in
   * [1, 10⁶].
   * @defaultValue 20
   */
  repeats?: number;
  /**
   * Bootstrap resamples per interval, an integer in [2, 10⁸]. Fewer than for a single interval,
   * because each width is averaged over `repeats` intervals.
   * @defaultValue 1999
   */
  resamples?: number;
  /**
   * Target half-width of the interval, in the unit of the values, > 0. When given, the result
   * reports the smallest evaluated n whose mean half-width is at most this, and a 1/√n
   * projection. (For a relative target, multiply it by the full-sample estimate.)
   * @defaultValue none
   */
  tolerance?: number;
}

/** The result of {@link representativeness}. Arrays are indexed like `sampleSizes`. */
export interface Representativeness {
  /** The particle counts n evaluated. */
  sampleSizes: Float64Array;
  /**
   * Expected half-width of the confidence interval with n particles: the mean over the repeats of
   * (high − low)/2, in the unit of the values (NaN if no repeat gave a finite interval).
   */
  halfWidth: Float64Array;
  /** Standard deviation (ddof 1; 0 for one repeat) of the half-width over the repeats. */
  halfWidthStd: Float64Array;
  /** Mean over the repeats of the subsample estimate θ̂ₙ. */
  estimate: Float64Array;
  /** Mean over the repeats of the lower bound. */
  low: Float64Array;
  /** Mean over the repeats of the upper bound. */
  high: Float64Array;
  /** The statistic of all N values. */
  populationEstimate: number;
  /**
   * The smallest evaluated n with halfWidth ≤ `tolerance`; undefined without a tolerance or when
   * no evaluated n reaches it.
   */
  sufficientSampleSize: number | undefined;
  /**
   * With a tolerance: ⌈(c/tolerance)²⌉ from the fit halfWidth ≈ c/√n, where ln c is the mean of
   * ln(halfWidth·√n) over the evaluated n weighted by n (bootstrap intervals of small samples are
   * too narrow by O(1/n), so the large n dominate). An extrapolation that assumes particles keep
   * being drawn from the same population; undefined without a tolerance.
   */
  projectedSampleSize: number | undefined;
  /** Confidence level used. */
  confidence: number;
  /** Interval method used. */
  method: BootstrapMethod;
  /** Bootstrap resamples per interval. */
  resamples: number;
  /** Subsamples per n. */
  repeats: number;
}

/**
 * How the bootstrap confidence interval of a particle statistic narrows as particles are added:
 * "how many particles are enough?" (Yang & Lin, J. Phys. Chem. C 2021, §3: conclusions drawn from
 * a few imaged particles must be checked for statistical representativeness).
 *
 * Procedure, for each n in `sampleSizes` and each of `repeats` repetitions: draw n of the N
 * values without replacement (a partial Fisher–Yates shuffle), compute their bootstrap interval
 * exactly as {@link bootstrapConfidenceInterval} does (`resamples`, `confidence`, `method`,
 * `statistic`), and record its half-width (high − low)/2. The result is the mean half-width per
 * n (with its spread over the repeats), i.e. the interval one should expect after measuring n
 * particles of this population. For a mean it falls as s/√n (z·s/√n for the percentile interval
 * of a normal population). All random numbers (subsamples, then each interval's resamples) come
 * in order from one MT19937 stream seeded with `seed`, so results are reproducible.
 *
 * With `tolerance`, `sufficientSampleSize` is the smallest evaluated n whose mean half-width is
 * at most the tolerance, and `projectedSampleSize` extrapolates the 1/√n law beyond N.
 *
 * Cost: repeats × resamples × Σn statistic work (for the default ladder Σn ≈ 3.4·N): with the
 * defaults and N = 1000 about 1.4·10⁸ index draws, on the order of a second. Lower `repeats` or
 * `resamples` for quick looks. `onProgress` is called after each interval with (intervals done,
 * total intervals).
 *
 * @param values - One measurement per particle (any unit), at least the statistic's minimum
 *   (2; `ddof` + 2 for `'std'`), all finite.
 * @param options - Sample sizes, statistic, repeats, tolerance and the bootstrap options; see
 *   {@link RepresentativenessOptions}.
 * @returns Half-widths per sample size and the sufficient and projected sample sizes; see
 *   {@link Representativeness}.
 * @throws TypeError if `values` or `sampleSizes` is not an array of numbers, or an option has the
 *   wrong type.
 * @throws RangeError if `values` is too short or not finite, a sample size is not an integer in
 *   [minimum, N], or another option is out of range.
 * @throws Error named `'AbortError'` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createRng } from '@intercalate/numerics';
 * import { representativeness } from '@intercalate/imaging';
 * // 400 particle white-line energies (eV), spread σ = 0.5 eV:
 * const rng = createRng(3);
 * const energies = Array.from({ length: 400 }, () => 8350 + 0.5 * rng.normal());
 * const r = representativeness(energies, { tolerance: 0.05, repeats: 10, method: 'percentile' });
 * // r.halfWidth·√n → ≈ 1.0 eV for n ≥ 40 (z·σ = 0.98 eV): ±0.056 eV at n = 320, ±0.050 eV at
 * // n = 400; r.projectedSampleSize = 395 particles for ±0.05 eV ((1.96·0.5/0.05)² = 384)
 * ```
 */
export function representativeness(
  values: ArrayLike<number>,
  options?: RepresentativenessOptions,
): Representativeness {
  const opts = readOptions<RepresentativenessOptions>(
    options,
    '{ sampleSizes?, statistic?, repeats?, resamples?, confidence?, method?, seed?, ddof?, tolerance?, onProgress?, signal? }',
  );
  const settings = readBootstrapSettings(opts, 1999);
  const kernel = readStatistic(opts.statistic ?? 'mean', settings.ddof);
  const population = readValues(values, kernel);
  const total = population.length;
  const repeats = assertFiniteNumber('repeats', opts.repeats ?? 20, {
    min: 1,
    max: 1e6,
    integer: true,
  });
  const tolerance =
    opts.tolerance === undefined
      ? undefined
      : assertFiniteNumber('tolerance', opts.tolerance, { min: 0 });
  if (tolerance === 0) {
    throw new RangeError('tolerance must be a finite number > 0 (unit of values); received 0');
  }
  const sizes = readSampleSizes(opts.sampleSizes, kernel.minLength, total);
  const count = sizes.length;
  const progress = readProgress(opts, count * repeats, 'representativeness');

  const rng = createRng(settings.seed);
  const workspace = createWorkspace(total, settings.resamples);
  const shuffled = Float64Array.from(population);
  const halfWidth = new Float64Array(count);
  const halfWidthStd = new Float64Array(count);
  const estimate = new Float64Array(count);
  const low = new Float64Array(count);
  const high = new Float64Array(count);

  const populationEstimate = statisticOf(population, kernel, workspace);
  let done = 0;
  for (let s = 0; s < count; s++) {
    const n = sizes[s] as number;
    let finite = 0;
    let sumWidth = 0;
    let sumWidthSquares = 0;
    let sumEstimate = 0;
    let sumLow = 0;
    let sumHigh = 0;
    for (let r = 0; r < repeats; r++) {
      // The first n entries of a partial Fisher–Yates shuffle are a uniform n-subset.
      for (let i = 0; i < n; i++) {
        const j = rng.integer(i, total);
        const t = shuffled[i] as number;
        shuffled[i] = shuffled[j] as number;
        shuffled[j] = t;
      }
      const interval = bootstrapInterval(
        shuffled.subarray(0, n),
        kernel,
        settings,
        rng,
        workspace,
        undefined,
      );
      const width = (interval.high - interval.low) / 2;
      if (Number.isFinite(width)) {
        finite++;
        sumWidth += width;
        sumWidthSquares += width * width;
        sumEstimate += interval.estimate;
        sumLow += interval.low;
        sumHigh += interval.high;
      }
      progress.step(++done);
    }
    const meanWidth = sumWidth / finite;
    halfWidth[s] = finite > 0 ? meanWidth : Number.NaN;
    halfWidthStd[s] =
      finite > 1
        ? Math.sqrt(Math.max(0, (sumWidthSquares - finite * meanWidth * meanWidth) / (finite - 1)))
        : finite === 1
          ? 0
          : Number.NaN;
    estimate[s] = finite > 0 ? sumEstimate / finite : Number.NaN;
    low[s] = finite > 0 ? sumLow / finite : Number.NaN;
    high[s] = finite > 0 ? sumHigh / finite : Number.NaN;
  }

  let sufficientSampleSize: number | undefined;
  let projectedSampleSize: number | undefined;
  if (tolerance !== undefined) {
    let logSum = 0;
    let weights = 0;
    for (let s = 0; s < count; s++) {
      const w = halfWidth[s] as number;
      const n = sizes[s] as number;
      if (w <= tolerance && (sufficientSampleSize === undefined || n < sufficientSampleSize)) {
        sufficientSampleSize = n;
      }
      if (w > 0 && Number.isFinite(w)) {
        // Weight n: small-sample bootstrap intervals are too narrow by O(1/n).
        logSum += n * (Math.log(w) + 0.5 * Math.log(n));
        weights += n;
      }
    }
    if (weights > 0) {
      const c = Math.exp(logSum / weights);
      projectedSampleSize = Math.max(1, Math.ceil((c / tolerance) ** 2));
    } else if (sufficientSampleSize !== undefined) {
      projectedSampleSize = sufficientSampleSize; // every width is 0 (constant data)
    }
  }
  return {
    sampleSizes: sizes,
    halfWidth,
    halfWidthStd,
    estimate,
    low,
    high,
    populationEstimate,
    sufficientSampleSize,
    projectedSampleSize,
    confidence: settings.confidence,
    method: settings.method,
    resamples: settings.resamples,
    repeats,
  };
}

/** Validates the sample sizes or builds the default ladder. */
function readSampleSizes(
  sampleSizes: ArrayLike<number> | undefined,
  minimum: number,
  total: number,
): Float64Array {
  if (sampleSizes === undefined) {
    const ladder: number[] = [];
    for (let k = 0; ; k++) {
      const n = Math.round(5 * 2 ** (k / 2));
      if (n >= total) break;
      if (n >= minimum && ladder[ladder.length - 1] !== n) ladder.push(n);
    }
    ladder.push(total);
    return Float64Array.from(ladder);
  }
  assertNumericArray('sampleSizes', sampleSizes, { minLength: 1 });
  const sizes = Float64Array.from(sampleSizes);
  for (let s = 0; s < sizes.length; s++) {
    assertFiniteNumber(`sampleSizes[${s}]`, sizes[s], {
      min: minimum,
      max: total,
      integer: true,
    });
  }
  return sizes;
}
