import { type AbortSignalLike, assertAbortSignal, describeValue } from '@intercalate/numerics';

/** Progress and cancellation options shared by the long-running functions of the package. */
export interface ProgressOptions {
  /**
   * Called after each unit of work (a plane of a volume, the whole of a 2D image, or a block of
   * 512 pixels of a map) with the number of units done and the total. An exception thrown by it
   * propagates to the caller.
   * @defaultValue none
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Checked between units of work; once `aborted` is true the function throws an `Error` whose
   * `name` is `'AbortError'`. The functions are synchronous, so the signal can only change while
   * they run if it is aborted from `onProgress` or from another thread (run the call in a worker
   * to cancel it from a user interface).
   * @defaultValue none
   */
  signal?: AbortSignalLike;
}

/** Internal: validated progress callback and signal, with a checkpoint to call between units. */
export interface Progress {
  step(done: number): void;
}

/** Internal: reads `onProgress`/`signal` from an options object and returns a checkpoint. */
export function readProgress(options: ProgressOptions, total: number, what: string): Progress {
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(
      `onProgress must be a function (done, total) => void; received ${describeValue(onProgress)}`,
    );
  }
  const signal = assertAbortSignal('signal', options.signal);
  const check = (): void => {
    if (signal?.aborted) {
      const error = new Error(`${what} was aborted by its signal`);
      error.name = 'AbortError';
      throw error;
    }
  };
  check();
  return {
    step(done: number): void {
      onProgress?.(done, total);
      check();
    },
  };
}

/** Internal: checks that `options` is undefined or an object, and returns an object. */
export function readOptions<T extends object>(options: unknown, expected: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object ${expected}; received ${describeValue(options)}`,
    );
  }
  return options as T;
}
