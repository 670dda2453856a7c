// A tiny request/response protocol between a page and its module Web Worker. The worker side
// (`serveWorker`) calls a handler by name and posts back its result (typed arrays transferred, not
// copied) or the error's name and message, so that the page can show e.g. a reader's RangeError.

/** A request posted to a worker. */
export interface WorkerRequest {
  id: number;
  type: string;
  payload: unknown;
}

/** A worker's answer to a {@link WorkerRequest}. */
export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

/** The buffers of every typed array found (one level deep, or in nested plain objects/arrays). */
export function transferables(
  value: unknown,
  found = new Set<ArrayBuffer>(),
  depth = 0,
): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [...found];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    return [...found];
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    transferables(item, found, depth + 1);
  }
  return [...found];
}

/**
 * Serves `handlers` in a worker: each message `{ id, type, payload }` runs `handlers[type](payload)`
 * and posts `{ id, ok, result | error }`.
 */
export function serveWorker(handlers: Record<string, (payload: never) => unknown>): void {
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
    postMessage: (message: WorkerResponse, transfer?: Transferable[]) => void;
  };
  scope.onmessage = (event) => {
    const { id, type, payload } = event.data;
    try {
      const handler = handlers[type];
      if (!handler) throw new TypeError(`unknown request type ${type}`);
      const result = handler(payload as never);
      scope.postMessage({ id, ok: true, result }, transferables(result));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
    }
  };
}
