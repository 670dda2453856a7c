/**
 * The worker thread of `fitPatternSeriesParallel` (`@intercalate/crystallography/parallel`): fits
 * one contiguous chunk of a series, warm-starting within it, and posts each entry as soon as it is
 * done. Not a public entry point: the package builds it as `dist/parallel-worker.js` and the
 * parallel entry starts it with `new Worker(new URL('./parallel-worker.js', import.meta.url))`.
 *
 * @internal
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSeriesFitter } from './fit-pattern-series.js';
import {
  type ChunkTask,
  type ToMainMessage,
  transferablesOf,
  unpackPattern,
} from './parallel-protocol.js';

const port = parentPort;
if (port === null) {
  throw new Error('parallel-worker is the worker thread of fitPatternSeriesParallel, not a module');
}
const task = workerData as ChunkTask;
const fitter = createSeriesFitter(task.model);
for (const descriptor of task.patterns) {
  const entry = fitter.fit(unpackPattern(task.data, descriptor), descriptor.index);
  const message: ToMainMessage = entry.ok
    ? { type: 'entry', ok: true, index: entry.index, fit: entry.fit }
    : {
        type: 'entry',
        ok: false,
        index: entry.index,
        error: { name: entry.error.name, message: entry.error.message },
        ...(entry.fit === undefined ? {} : { fit: entry.fit }),
      };
  port.postMessage(message, entry.fit === undefined ? [] : transferablesOf(entry.fit));
}
port.postMessage({ type: 'done' } satisfies ToMainMessage);
