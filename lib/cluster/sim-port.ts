/**
 * Opens the channel to the simulator engine: a module Web Worker where the browser has one (the engine's steps then
 * never block the page), else the same host in-process (jsdom/vitest, old browsers). Both go through the same
 * messages; the in-process one clones them as postMessage would, so it behaves like the worker in every respect but
 * the thread.
 */
import type { SimPort, SimRequest, SimResponse } from './sim-protocol';
import { WorkerSimClient, type WorkerSimClientOptions } from './worker-sim-client';
import { createSimWorker, takeSimWorker } from './sim-worker';

export function workerPort(worker: Worker): SimPort {
  return {
    post: (req) => worker.postMessage(req),
    onMessage: (cb) => worker.addEventListener('message', (e: MessageEvent<SimResponse>) => cb(e.data)),
    onFailure: (cb) => {
      worker.addEventListener('error', (e) => cb(e.message || '시뮬레이터 워커를 불러오지 못했습니다.'));
      worker.addEventListener('messageerror', () => cb('시뮬레이터 워커와 메시지를 주고받지 못했습니다.'));
    },
    close: () => worker.terminate(),
  };
}

/**
 * The engine on this thread, behind a MessageChannel: messages are cloned and each answer arrives in its own task,
 * exactly as a worker's would, so code that works here works with the worker.
 */
export async function inProcessPort(): Promise<SimPort> {
  const { createSimHost } = await import('./sim-host');
  const channel = new MessageChannel();
  const host = createSimHost((res) => channel.port2.postMessage(res));
  channel.port2.onmessage = (e: MessageEvent<SimRequest>) => host.handle(e.data);
  // Node's ports would otherwise keep a test process alive.
  for (const p of [channel.port1, channel.port2]) if ('unref' in p && typeof p.unref === 'function') p.unref();
  return {
    post: (req) => channel.port1.postMessage(req),
    onMessage: (cb) => {
      channel.port1.onmessage = (e: MessageEvent<SimResponse>) => cb(e.data);
    },
    onFailure: () => {},
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** A worker when the browser can run one (the one the page started early, if any: sim-worker.ts), else in-process. */
export async function openSimPort(): Promise<SimPort> {
  if (typeof Worker === 'undefined') return inProcessPort();
  try {
    return workerPort(takeSimWorker() ?? createSimWorker());
  } catch {
    return inProcessPort();
  }
}

/**
 * The page's simulator client: the engine in a worker, or in-process when the worker can't start (no Worker, or a
 * worker script the browser refused to load) — then the same client over the in-process port.
 */
export async function startEngineClient(opts: WorkerSimClientOptions): Promise<WorkerSimClient> {
  const client = new WorkerSimClient(await openSimPort(), opts);
  try {
    await client.ready;
    return client;
  } catch (e) {
    if (!client.unreachable()) throw e;
    client.dispose();
    const local = new WorkerSimClient(await inProcessPort(), opts);
    await local.ready;
    return local;
  }
}
