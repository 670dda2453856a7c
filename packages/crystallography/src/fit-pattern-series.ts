import {
  type AbortSignalLike,
  assertAbortSignal,
  assertNumericArray,
  describeValue,
} from '@intercalate/numerics';
import {
  checkPeakModel,
  type FitPeaksOptions,
  type FitPeaksResult,
  fitPeaks,
  type InitialPeak,
} from './fit-peaks.js';

/** One pattern of an operando series for {@link fitPatternSeries} (the shape `readXy` returns). */
export interface PatternData {
  /** The axis (°2θ or any strictly monotone axis), as for {@link fitPeaks}. */
  x: ArrayLike<number>;
  /** The intensities, one per point of x. */
  y: ArrayLike<number>;
  /**
   * Standard uncertainties σᵢ of the intensities (> 0), e.g. the ESD column of an `.xye` file; the
   * points are then weighted by 1/σᵢ, overriding the model's `weights`.
   * @defaultValue the model's `weights`, or equal weights
   */
  sigma?: ArrayLike<number>;
}

/**
 * The model fitted to every pattern of a series: the starting peaks and the {@link fitPeaks}
 * options. `peaks` (and `initialBackground`) start the first pattern only; each later pattern
 * starts from the last successful fit. The `fixed` lists are kept for every pattern, a fixed
 * parameter keeping its value from the starting peaks.
 */
export interface PatternSeriesModel extends FitPeaksOptions {
  /** Starting peaks of the first pattern; see {@link InitialPeak}. */
  peaks: readonly InitialPeak[];
}

/** Options of {@link fitPatternSeries}. */
export interface FitPatternSeriesOptions {
  /**
   * Called after each pattern (fitted or failed) with the number of patterns done and the total
   * (the array's length; `undefined` for an iterable of unknown length). An exception thrown by it
   * rejects the series.
   * @defaultValue none
   */
  onProgress?: (done: number, total: number | undefined) => void;
  /**
   * Stops the series between two patterns once aborted; the promise then resolves with the
   * patterns done so far and `aborted: true` (it does not reject). The series yields to the event
   * loop every ~10 ms of fitting, so an abort from a button or a timer takes effect within about
   * one fit plus 10 ms.
   * @defaultValue none
   */
  signal?: AbortSignalLike;
}

/** A pattern of the series that was fitted. */
export interface PatternFitSuccess {
  /** Always `true`. */
  ok: true;
  /** Position of the pattern in the series (0-based). */
  index: number;
  /** The fit; see {@link FitPeaksResult}. */
  fit: FitPeaksResult;
}

/** A pattern of the series whose fit failed; the series went on without it. */
export interface PatternFitFailure {
  /** Always `false`. */
  ok: false;
  /** Position of the pattern in the series (0-based). */
  index: number;
  /**
   * Why: the TypeError/RangeError thrown by {@link fitPeaks} for bad data (NaN values, a constant
   * pattern, lengths that differ), or an `Error` saying the fit did not converge or left a
   * parameter undetermined.
   */
  error: Error;
  /** The fit, when it ran to the end but was rejected (not converged, or singular covariance). */
  fit?: FitPeaksResult;
}

/** The entry of one pattern in a {@link PatternSeriesResult}. */
export type PatternFitEntry = PatternFitSuccess | PatternFitFailure;

/** Result of {@link fitPatternSeries}. */
export interface PatternSeriesResult {
  /** One entry per pattern processed, in order (all of them unless aborted). */
  entries: PatternFitEntry[];
  /** Number of entries with `ok: true`. */
  fitted: number;
  /** Number of entries with `ok: false`. */
  failed: number;
  /** True when the series stopped early because `signal` was aborted. */
  aborted: boolean;
}

/** Fitting time after which the series yields to the event loop, in ms. */
const YIELD_INTERVAL_MS = 10;

/**
 * Fits the same peak model to every pattern of an operando series, in order, each pattern
 * starting from the previous successful fit (warm start: peak centres, widths, areas, η and the
 * background carry over, so a slowly drifting series converges in a few steps per pattern).
 *
 * Each fit is {@link fitPeaks} with the model's options. A pattern whose fit throws (bad data: NaN,
 * a constant pattern, mismatched lengths, an object that is not a pattern), does not converge, or
 * ends with a singular covariance (a peak that vanished, leaving its position undetermined) is
 * reported as `{ ok: false, error }` and does not stop the series; the next pattern then starts
 * from the last successful fit (or from the model when none succeeded yet).
 *
 * The work runs on the calling thread, yielding to the event loop about every 10 ms so that
 * progress can be drawn and an `AbortSignal` can stop it between patterns; it works the same in
 * Node and in a browser. There is no `workers` option here (passing one is an error, not silently
 * ignored): in Node, `fitPatternSeriesParallel` from `@intercalate/crystallography/parallel`
 * splits a series into contiguous chunks fitted in worker threads.
 *
 * **Speed.** A fit of a 4,000-point pattern with 7 pseudo-Voigt peaks and a line (30 parameters)
 * takes ~5 Levenberg–Marquardt steps from a warm start, about 7–12 ms in Node 20 (bench/
 * fit-pattern-series.mjs: 13–20× faster than lmfit doing the same fits). For long series,
 * `tolerance: 1e-8` in the model (MINPACK's default `xtol`) saves about a third of the steps
 * (22–27× lmfit) and still converges to within 10⁻⁴ of the standard errors. Every entry keeps
 * its x values, fitted curve and residuals (3 × 8 bytes per point). To use several cores in Node,
 * see `fitPatternSeriesParallel` (`@intercalate/crystallography/parallel`).
 *
 * @param patterns - The series: an array, an iterable or an async iterable (e.g. files read one by
 *   one) of {@link PatternData}.
 * @param model - Starting peaks and fit options; see {@link PatternSeriesModel}.
 * @param options - Progress callback and abort signal; see {@link FitPatternSeriesOptions}.
 * @returns A promise of the per-pattern results; see {@link PatternSeriesResult}. It resolves
 *   (with `aborted: true` and the entries done) when the signal aborts.
 * @throws TypeError (as a rejection) if `patterns` is not iterable, the model or an option has the
 *   wrong type, or a `workers` option is passed (see above: use `fitPatternSeriesParallel`).
 * @throws RangeError (as a rejection) if the model is invalid as {@link fitPeaks} options and
 *   starting peaks.
 *
 * @example
 * ```ts
 * import { fitPatternSeries } from '@intercalate/crystallography';
 * import { pseudoVoigt } from '@intercalate/numerics';
 * const x = Float64Array.from({ length: 601 }, (_, i) => 17 + 0.005 * i);
 * // The 003 peak of a layered oxide moving to lower angle as c expands.
 * const patterns = Array.from({ length: 50 }, (_, k) => ({
 *   x,
 *   y: x.map((t) => 80 * pseudoVoigt(t, 18.72 - 0.002 * k, 0.09, 0.5) + 40),
 * }));
 * const series = await fitPatternSeries(patterns, {
 *   peaks: [{ center: 18.72, fwhm: 0.1, height: 400 }],
 *   background: 'constant',
 * }, { onProgress: (done, total) => console.log(`${done}/${total}`) });
 * series.entries.map((e) => (e.ok ? e.fit.peaks[0].center : Number.NaN)); // 18.72 … 18.622
 * ```
 */
export async function fitPatternSeries(
  patterns: Iterable<PatternData> | AsyncIterable<PatternData>,
  model: PatternSeriesModel,
  options: FitPatternSeriesOptions = {},
): Promise<PatternSeriesResult> {
  assertPatternSource(patterns);
  const fitter = createSeriesFitter(model);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { onProgress?, signal? }; received ${describeValue(options)}`,
    );
  }
  if ((options as { workers?: unknown }).workers !== undefined) {
    throw new TypeError(
      `options.workers is not an option of fitPatternSeries, which runs on the calling thread: use fitPatternSeriesParallel from '@intercalate/crystallography/parallel' (Node) for worker threads; received workers ${describeValue((options as { workers?: unknown }).workers)}`,
    );
  }
  const { onProgress } = options;
  const signal = assertAbortSignal('signal', options.signal);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(
      `onProgress must be a function (done, total) => void; received ${describeValue(onProgress)}`,
    );
  }
  const total = Array.isArray(patterns) ? patterns.length : undefined;

  const entries: PatternFitEntry[] = [];
  let fitted = 0;
  let aborted = false;
  let lastYield = now();
  let index = 0;
  for await (const pattern of patterns) {
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    const entry = fitter.fit(pattern, index);
    if (entry.ok) fitted++;
    entries.push(entry);
    index++;
    onProgress?.(index, total);
    if (now() - lastYield >= YIELD_INTERVAL_MS) {
      await yieldToEventLoop();
      lastYield = now();
    }
  }
  return { entries, fitted, failed: entries.length - fitted, aborted };
}

/**
 * The warm-started fitting of one series, pattern by pattern, shared by {@link fitPatternSeries}
 * and the worker threads of `fitPatternSeriesParallel`.
 * @internal
 */
export interface SeriesFitter {
  /**
   * Fits one pattern from the last successful fit (or the model), never throwing: a failure is
   * returned as a {@link PatternFitFailure}. A success becomes the start of the next pattern.
   */
  fit(pattern: unknown, index: number): PatternFitEntry;
}

/**
 * Validates the model and returns a {@link SeriesFitter} that starts from it.
 * @throws TypeError or RangeError as {@link fitPatternSeries} does for a bad model.
 * @internal
 */
export function createSeriesFitter(model: PatternSeriesModel): SeriesFitter {
  if (typeof model !== 'object' || model === null) {
    throw new TypeError(
      `model must be an object { peaks, profile?, background?, … }; received ${describeValue(model)}`,
    );
  }
  const { peaks: modelPeaks, ...fitOptions } = model;
  checkPeakModel(modelPeaks, fitOptions, 'model.peaks');
  let startPeaks: readonly InitialPeak[] = modelPeaks;
  let startBackground: ArrayLike<number> | undefined = model.initialBackground;
  return {
    fit(pattern: unknown, index: number): PatternFitEntry {
      try {
        const fit = fitOne(pattern, index, startPeaks, startBackground, fitOptions);
        const problem = !fit.converged
          ? `the fit did not converge within ${fit.iterations} steps`
          : !Number.isFinite(fit.reducedChiSquare) || fit.covariance.some((v) => Number.isNaN(v))
            ? 'the covariance is singular: a parameter is not determined by the data (a vanished peak?)'
            : undefined;
        if (problem !== undefined) {
          return { ok: false, index, error: new Error(`patterns[${index}]: ${problem}`), fit };
        }
        startPeaks = fit.peaks.map((peak, k) => {
          const start: InitialPeak = { center: peak.center, fwhm: peak.fwhm, area: peak.area };
          if (peak.eta !== undefined) start.eta = peak.eta;
          const own = modelPeaks[k]?.fixed;
          if (own !== undefined) start.fixed = own;
          return start;
        });
        startBackground = fit.background.slice(); // a copy: the entry's arrays may be transferred
        return { ok: true, index, fit };
      } catch (error) {
        return {
          ok: false,
          index,
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
    },
  };
}

function fitOne(
  pattern: unknown,
  index: number,
  peaks: readonly InitialPeak[],
  background: ArrayLike<number> | undefined,
  options: FitPeaksOptions,
): FitPeaksResult {
  if (typeof pattern !== 'object' || pattern === null) {
    throw new TypeError(
      `patterns[${index}] must be an object { x, y, sigma? }; received ${describeValue(pattern)}`,
    );
  }
  const { x, y, sigma } = pattern as PatternData;
  const run: FitPeaksOptions = { ...options };
  if (background !== undefined) run.initialBackground = background;
  if (sigma !== undefined) {
    assertNumericArray(`patterns[${index}].sigma`, sigma, {
      length: y?.length,
      lengthOf: `patterns[${index}].y`,
    });
    const weights = new Float64Array(sigma.length);
    for (let i = 0; i < sigma.length; i++) {
      const s = sigma[i] as number;
      if (!(s > 0)) {
        throw new RangeError(
          `patterns[${index}].sigma[${i}] must be a finite number > 0; received ${s}`,
        );
      }
      weights[i] = 1 / s;
    }
    run.weights = weights;
  }
  return fitPeaks(x, y, peaks, run);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * @internal Checks that a series is an array, iterable or async iterable (the forms
 * {@link fitPatternSeries} and `fitPatternSeriesParallel` accept).
 */
export function assertPatternSource(patterns: unknown): void {
  const iterable = patterns as unknown as Record<symbol, unknown> | null | undefined;
  if (
    iterable === null ||
    iterable === undefined ||
    (typeof iterable[Symbol.iterator] !== 'function' &&
      typeof iterable[Symbol.asyncIterator] !== 'function')
  ) {
    throw new TypeError(
      `patterns must be an array, iterable or async iterable of { x, y, sigma? }; received ${describeValue(patterns)}`,
    );
  }
}

/** Lets timers, I/O and abort events run: setImmediate in Node, a 0 ms timeout elsewhere. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
