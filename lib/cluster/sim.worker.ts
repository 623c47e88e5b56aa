/**
 * The simulator engine in a Web Worker: the page posts sim-protocol requests, this answers them from sim-host.ts.
 * Keeping the engine here keeps its long steps (a 5,000-pod rollout) off the page's main thread.
 */
import { createSimHost } from './sim-host';
import type { SimRequest, SimResponse } from './sim-protocol';

interface WorkerScope {
  postMessage(m: SimResponse): void;
  onmessage: ((e: MessageEvent<SimRequest>) => void) | null;
  /** Requests answered here, by operation: lets an e2e see that the page's calls reach the worker. */
  simRequests?: Record<string, number>;
}

/** `self` is typed as a Window here (the project compiles with the DOM library); both satisfy WorkerScope. */
const scope: WorkerScope = self;
const counts: Record<string, number> = {};
scope.simRequests = counts;
const host = createSimHost((res) => scope.postMessage(res));
scope.onmessage = (e) => {
  counts[e.data.op] = (counts[e.data.op] ?? 0) + 1;
  host.handle(e.data);
};
