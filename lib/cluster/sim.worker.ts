/**
 * The simulator engine in a Web Worker: the page posts sim-protocol requests, this answers them from sim-host.ts.
 * Keeping the engine here keeps its long steps (a 5,000-pod rollout) off the page's main thread.
 */
import { createSimHost } from './sim-host';
import type { SimRequest, SimResponse } from './sim-protocol';

interface WorkerScope {
  postMessage(m: SimResponse): void;
  onmessage: ((e: MessageEvent<SimRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createSimHost((res) => scope.postMessage(res));
scope.onmessage = (e) => host.handle(e.data);
