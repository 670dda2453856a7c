// The particle-network simulation's Web Worker. Unlike the request/response workers of the other
// pages it also reports progress: it posts { kind: 'progress', done, total } after each protocol
// step, then { kind: 'done', result } or { kind: 'error', name, message }.
import { transferables } from '../components/worker-protocol';
import { type NetworkRequest, runNetwork } from './kinetics-core';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; request: NetworkRequest }>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    const result = runNetwork(request, (done, total) =>
      scope.postMessage({ id, kind: 'progress', done, total }),
    );
    scope.postMessage({ id, kind: 'done', result }, transferables(result));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    scope.postMessage({ id, kind: 'error', name: e.name, message: e.message });
  }
};
