/**
 * Worker-thread fitting of operando series, for Node: `@intercalate/crystallography/parallel`.
 *
 * A separate entry point so that the main entry stays free of `node:worker_threads` and bundles
 * for browsers; import it only in Node (≥ 20.19).
 *
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type AbortSignalLike,
  assertAbortSignal,
  assertFiniteNumber,
  describeValue,
} from '@intercalate/numerics';
import {
  assertPatternSource,
  createSeriesFitter,
  type FitPatternSeriesOptions,
  type PatternData,
  type PatternFitEntry,
  type PatternSeriesModel,
  type PatternSeriesResult,
} from './fit-pattern-series.js';
import type { InitialPeak } from './fit-peaks.js';
import {
  type ChunkTask,
  isPackable,
  type PackedPattern,
  packPatterns,
  type ToMainMessage,
} from './parallel-protocol.js';

/** Options of {@link fitPatternSeriesParallel}. */
export interface FitPatternSeriesParallelOptions extends FitPatternSeriesOptions {
  /**
   * Number of worker threads, an integer ≥ 1; the series is split into this many contiguous
   * chunks (fewer when there are fewer patterns). `workers: 1` fits the whole series in one worker,
   * exactly as {@link !fitPatternSeries | fitPatternSeries} would, off the calling thread.
   * @defaultValue `os.availableParallelism()`
   */
  workers?: number;
  /**
   * Called on the calling thread after each pattern (fitted or failed, in any worker) with the
   * number of patterns done over all workers and the total (the series' length). An exception
   * thrown by it terminates the workers and rejects the series.
   * @defaultValue none
   */
  onProgress?: (done: number, total: number | undefined) => void;
  /**
   * Terminates every worker once aborted (looked for through `addEventListener('abort')` when the
   * signal has it, else every 10 ms and after each pattern); the promise then resolves with the
   * entries done so far and `aborted: true` (it does not reject).
   * @defaultValue none
   */
  signal?: AbortSignalLike;
}

/** How often an abort is looked for when the signal has no `addEventListener`, in ms. */
const ABORT_POLL_MS = 10;

/**
 * Fits the same peak model to every pattern of an operando series in Node worker threads: the
 * parallel form of {@link !fitPatternSeries | fitPatternSeries}, with the same model, entries and result.
 *
 * **How the series is split.** The patterns are cut into `workers` contiguous chunks of nearly
 * equal length (patterns 0 … k−1 to the first worker, k … 2k−1 to the second, …). Each worker fits
 * its chunk in order with warm starts within the chunk, exactly as {@link !fitPatternSeries | fitPatternSeries} does;
 * the first pattern of every chunk starts from the model (its `peaks` and `initialBackground`),
 * not from the end of the previous chunk. So:
 *
 * - the model must be a good enough start for the first pattern of every chunk, not only for
 *   pattern 0 (in an operando series where the peaks walk several FWHM, use fewer workers or start
 *   from a mid-series fit);
 * - results can differ from the sequential run only within the fit tolerance: where both runs
 *   converge, they reach the same minimum from different starts (the parameters agree to about
 *   `tolerance` relative, far below their standard errors), and a pattern that converges in one
 *   run may fail in the other only through its different start.
 *
 * **Semantics kept from the sequential series.** One bad pattern never stops the series (its
 * failure is an entry with `ok: false`, and the next pattern of its chunk starts from the last
 * success); `entries` are in input order, each with its `index` in the series; `onProgress` is
 * called on the calling thread with the number of patterns done over all workers and the total;
 * an abort of `signal` terminates every worker at once (within a few ms, even mid-fit) and the
 * promise resolves with the entries done so far (`aborted: true`; the entries are then a prefix
 * of each chunk, so their indices can have gaps). A worker that dies (e.g. out of memory) leaves
 * the rest of its chunk as failures saying so.
 *
 * **Data movement.** The series (an array, iterable or async iterable, collected first) is packed
 * into one Float64Array per chunk, an x axis shared by several patterns stored once, and
 * transferred to its worker without copying; each fit comes back with its typed arrays
 * transferred. Patterns whose x, y or sigma are not arrays of numbers are not sent: they are
 * reported on the calling thread with the same error as in {@link !fitPatternSeries | fitPatternSeries}.
 *
 * **Speed.** Workers start in ~30–50 ms each and the fits then run on separate cores, so a series
 * of hundreds of patterns runs up to `workers` times faster than {@link !fitPatternSeries | fitPatternSeries} when
 * that many cores are free (bench/fit-pattern-series.mjs). For a few patterns,
 * {@link !fitPatternSeries | fitPatternSeries} is faster.
 *
 * Node only (it uses `node:worker_threads`); in a browser use {@link !fitPatternSeries | fitPatternSeries}.
 *
 * @param patterns - The series: an array, an iterable or an async iterable of
 *   {@link PatternData}.
 * @param model - Starting peaks and fit options, as for {@link !fitPatternSeries | fitPatternSeries}; see
 *   {@link PatternSeriesModel}. Only its documented fields are sent to the workers.
 * @param options - Number of workers, progress callback and abort signal; see
 *   {@link FitPatternSeriesParallelOptions}.
 * @returns A promise of the per-pattern results in input order; see {@link PatternSeriesResult}.
 * @throws TypeError (as a rejection) if `patterns` is not iterable, the model or an option has the
 *   wrong type, or `workers` is not a number.
 * @throws RangeError (as a rejection) if `workers` is not an integer ≥ 1, or the model is invalid
 *   (as for {@link !fitPatternSeries | fitPatternSeries}). An exception thrown by `onProgress` terminates the workers
 *   and rejects the promise with it.
 *
 * @example
 * ```ts
 * import { fitPatternSeriesParallel } from '@intercalate/crystallography/parallel';
 * import { pseudoVoigt } from '@intercalate/numerics';
 * const x = Float64Array.from({ length: 601 }, (_, i) => 17 + 0.005 * i);
 * const patterns = Array.from({ length: 200 }, (_, k) => ({
 *   x,
 *   y: x.map((t) => 80 * pseudoVoigt(t, 18.72 - 0.0005 * k, 0.09, 0.5) + 40),
 * }));
 * const series = await fitPatternSeriesParallel(
 *   patterns,
 *   { peaks: [{ center: 18.72, fwhm: 0.1, height: 400 }], background: 'constant' },
 *   { workers: 2, onProgress: (done, total) => console.log(`${done}/${total}`) },
 * );
 * series.fitted; // 200
 * series.entries[150].ok && series.entries[150].fit.peaks[0].center; // 18.645
 * ```
 */
export async function fitPatternSeriesParallel(
  patterns: Iterable<PatternData> | AsyncIterable<PatternData>,
  model: PatternSeriesModel,
  options: FitPatternSeriesParallelOptions = {},
): Promise<PatternSeriesResult> {
  assertPatternSource(patterns);
  createSeriesFitter(model); // validates the model
  const sent = cloneableModel(model);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { workers?, onProgress?, signal? }; received ${describeValue(options)}`,
    );
  }
  const workerCount =
    options.workers === undefined
      ? availableParallelism()
      : assertFiniteNumber('options.workers', options.workers, { min: 1, integer: true });
  const { onProgress } = options;
  const signal = assertAbortSignal('signal', options.signal);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(
      `onProgress must be a function (done, total) => void; received ${describeValue(onProgress)}`,
    );
  }

  const list: unknown[] = [];
  for await (const pattern of patterns) list.push(pattern);
  const total = list.length;
  if (signal?.aborted) return { entries: [], fitted: 0, failed: 0, aborted: true };

  const slots: Array<PatternFitEntry | undefined> = new Array(total);
  let done = 0;
  const chunks = Math.min(workerCount, total);
  const tasks: Array<{ task: ChunkTask; indices: number[] }> = [];
  const local: Array<{ index: number; pattern: unknown }> = [];
  for (let c = 0; c < chunks; c++) {
    const from = Math.floor((c * total) / chunks);
    const to = Math.floor(((c + 1) * total) / chunks);
    const members: Array<{ index: number; pattern: PatternData }> = [];
    for (let index = from; index < to; index++) {
      const pattern = list[index];
      if (isPackable(pattern)) members.push({ index, pattern });
      else local.push({ index, pattern });
    }
    if (members.length === 0) continue;
    const { data, packed } = packPatterns(members);
    tasks.push({
      task: { model: sent, data, patterns: packed },
      indices: packed.map((p: PackedPattern) => p.index),
    });
  }
  list.length = 0;

  return new Promise<PatternSeriesResult>((resolve, reject) => {
    const workers: Worker[] = [];
    let running = 0;
    let settled = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const onAbort = (): void => finish(true);
    const cleanUp = (): void => {
      if (poll !== undefined) clearInterval(poll);
      const target = signal as unknown as {
        removeEventListener?: (type: string, listener: () => void) => void;
      };
      target?.removeEventListener?.('abort', onAbort);
      for (const worker of workers) void worker.terminate();
    };
    function finish(aborted: boolean, error?: unknown): void {
      if (settled) return;
      settled = true;
      cleanUp();
      if (error !== undefined) {
        reject(error);
        return;
      }
      const entries = slots.filter((e): e is PatternFitEntry => e !== undefined);
      const fitted = entries.reduce((count, e) => count + (e.ok ? 1 : 0), 0);
      resolve({ entries, fitted, failed: entries.length - fitted, aborted });
    }
    const record = (entry: PatternFitEntry): void => {
      if (settled || slots[entry.index] !== undefined) return;
      slots[entry.index] = entry;
      done++;
      try {
        onProgress?.(done, total);
      } catch (error) {
        finish(false, error);
        return;
      }
      if (signal?.aborted) finish(true);
    };
    const chunkEnded = (): void => {
      running--;
      if (running === 0 && done === total) finish(false);
    };

    // Patterns that cannot be sent fail here with the sequential series' error.
    for (const { index, pattern } of local) record(createSeriesFitter(model).fit(pattern, index));
    if (settled) return;
    if (tasks.length === 0) {
      finish(false);
      return;
    }

    const target = signal as unknown as {
      addEventListener?: (type: string, listener: () => void) => void;
    };
    if (typeof target?.addEventListener === 'function') target.addEventListener('abort', onAbort);
    else if (signal !== undefined) {
      poll = setInterval(() => {
        if (signal.aborted) finish(true);
      }, ABORT_POLL_MS);
    }

    for (const { task, indices } of tasks) {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./parallel-worker.js', import.meta.url), {
          workerData: task,
          transferList: [task.data.buffer as ArrayBuffer],
        });
      } catch (error) {
        finish(false, error);
        return;
      }
      workers.push(worker);
      running++;
      let ended = false;
      const endChunk = (why: string | undefined): void => {
        if (ended) return;
        ended = true;
        if (why !== undefined) {
          for (const index of indices) {
            if (slots[index] === undefined) {
              record({
                ok: false,
                index,
                error: new Error(
                  `patterns[${index}]: the worker thread fitting it stopped: ${why}`,
                ),
              });
            }
          }
        }
        chunkEnded();
      };
      worker.on('message', (message: ToMainMessage) => {
        if (message.type === 'done') endChunk(undefined);
        else record(fromMessage(message));
      });
      worker.on('error', (error: Error) => endChunk(error.message));
      worker.on('exit', (code: number) => endChunk(`it exited with code ${code}`));
    }
  });
}

/** An entry as posted by a worker, with its error rebuilt as a TypeError, RangeError or Error. */
function fromMessage(message: Exclude<ToMainMessage, { type: 'done' }>): PatternFitEntry {
  if (message.ok) return { ok: true, index: message.index, fit: message.fit };
  const { name, message: text } = message.error;
  const error =
    name === 'TypeError'
      ? new TypeError(text)
      : name === 'RangeError'
        ? new RangeError(text)
        : new Error(text);
  if (error.name !== name) error.name = name;
  return {
    ok: false,
    index: message.index,
    error,
    ...(message.fit === undefined ? {} : { fit: message.fit }),
  };
}

/** The model's documented fields only, as plain data that structured clone can send. */
function cloneableModel(model: PatternSeriesModel): PatternSeriesModel {
  const copy: PatternSeriesModel = {
    peaks: model.peaks.map((peak) => {
      const start: InitialPeak = { center: peak.center, fwhm: peak.fwhm };
      if (peak.area !== undefined) start.area = peak.area;
      if (peak.height !== undefined) start.height = peak.height;
      if (peak.eta !== undefined) start.eta = peak.eta;
      if (peak.fixed !== undefined) start.fixed = [...peak.fixed];
      return start;
    }),
  };
  if (model.profile !== undefined) copy.profile = model.profile;
  if (model.background !== undefined) {
    copy.background =
      typeof model.background === 'object'
        ? { polynomial: model.background.polynomial }
        : model.background;
  }
  if (model.initialBackground !== undefined)
    copy.initialBackground = Float64Array.from(model.initialBackground);
  if (model.weights !== undefined) copy.weights = Float64Array.from(model.weights);
  if (model.fixed !== undefined) copy.fixed = [...model.fixed];
  if (model.window !== undefined) copy.window = [model.window[0], model.window[1]];
  if (model.maxIterations !== undefined) copy.maxIterations = model.maxIterations;
  if (model.tolerance !== undefined) copy.tolerance = model.tolerance;
  return copy;
}
