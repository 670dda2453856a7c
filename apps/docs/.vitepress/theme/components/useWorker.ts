// Runs a page's heavy computations in a module Web Worker so that the page never freezes.
// The worker is created only in the browser (onMounted: VitePress renders pages on the server at
// build time, where there is no Worker) and terminated when the component unmounts.
import { onBeforeUnmount, onMounted, ref, shallowRef, type WatchSource, watch } from 'vue';
import { errorText } from './format';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** An error re-created from a worker's answer, keeping the original name (RangeError, …). */
export class WorkerError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Creates the worker with `create` on mount, e.g.
 * `useWorker(() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' }))`
 * (the `new URL(…, import.meta.url)` must stay in the caller's file for Vite to bundle the worker).
 *
 * `run(type, payload, channel)` resolves with the handler's result, or with `undefined` when a
 * newer request on the same channel was sent meanwhile (latest wins, so a slider drag never shows
 * an out-of-date figure), and rejects with a {@link WorkerError} carrying the worker's error.
 * `busy` counts the requests in flight; `ready` turns true once the worker exists.
 */
export function useWorker(create: () => Worker) {
  const busy = ref(0);
  const ready = ref(false);
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  const latest = new Map<string, number>();
  const waiting: (() => void)[] = [];

  onMounted(() => {
    worker = create();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      const entry = pending.get(answer.id);
      if (!entry) return;
      pending.delete(answer.id);
      busy.value--;
      if (answer.ok) entry.resolve(answer.result);
      else entry.reject(new WorkerError(answer.error.name, answer.error.message));
    };
    worker.onerror = (event) => {
      const error = new WorkerError('Error', `the page's worker failed: ${event.message}`);
      for (const entry of pending.values()) entry.reject(error);
      busy.value -= pending.size;
      pending.clear();
    };
    ready.value = true;
    for (const resume of waiting.splice(0)) resume();
  });

  onBeforeUnmount(() => {
    worker?.terminate();
    worker = undefined;
    for (const entry of pending.values()) entry.reject(new WorkerError('AbortError', 'unmounted'));
    pending.clear();
  });

  async function run<T>(type: string, payload: unknown, channel = type): Promise<T | undefined> {
    if (!worker) await new Promise<void>((resume) => waiting.push(resume));
    const id = nextId++;
    latest.set(channel, id);
    busy.value++;
    const result = await new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker?.postMessage({ id, type, payload } satisfies WorkerRequest);
    }).catch((error: Error) => {
      if (latest.get(channel) !== id) return undefined;
      throw error;
    });
    return latest.get(channel) === id ? (result as T) : undefined;
  }

  return { run, busy, ready };
}

/** The `run` of {@link useWorker}. */
export type RunInWorker = ReturnType<typeof useWorker>['run'];

/**
 * Runs request `type` in the worker at once and again whenever one of `sources` changes, with the
 * payload `payload()` builds. `result` holds the latest answer (an out-of-date one is dropped, see
 * {@link useWorker}); `error` holds the failure as "Name: message", cleared by the next answer.
 * `payload()` may throw (shown in `error`, e.g. a check of an input before it is sent) or return
 * `undefined` to send nothing this time (e.g. while the data are not loaded yet).
 */
export function useWorkerResult<T>(
  run: RunInWorker,
  type: string,
  sources: WatchSource<unknown>[],
  payload: () => unknown,
) {
  const result = shallowRef<T>();
  const error = ref('');
  watch(
    sources,
    async () => {
      try {
        const request = payload();
        if (request === undefined) return;
        const next = await run<T>(type, request);
        if (next) {
          result.value = next;
          error.value = '';
        }
      } catch (e) {
        error.value = errorText(e);
      }
    },
    { immediate: true },
  );
  return { result, error };
}
