/**
 * The sim cluster server: the lib/sim engine behind a Kubernetes REST API on 127.0.0.1 (plain
 * HTTP) that the real kubectl and @kubernetes/client-node can use. Node only.
 *
 *   const server = await startSimServer({ port: 0, seed: 1, workers: 2 });
 *   // server.url → http://127.0.0.1:PORT ; server.sim is the live engine
 *   await server.close();
 */
import { createServer } from 'node:http';
import { serveExec } from './exec';
import type { AddressInfo } from 'node:net';
import { createSimulator } from '../sim';
import type { Simulator, SimulatorOptions, Timings } from '../sim/types';
import type { ServerContext } from './context';
import { createRequestHandler } from './handler';
import { writeKubeconfig } from './kubeconfig';

export interface SimServerOptions {
  /** 0 picks a free port. Default 6443. */
  port?: number;
  seed?: number;
  /** worker nodes (default 2) */
  workers?: number;
  /** when set, a kubeconfig for the server is written there */
  kubeconfigPath?: string;
  /** simulated ms per wall-clock ms (default 1: real time) */
  speed?: number;
  /** lifecycle timing overrides, e.g. short ones for tests */
  timings?: Partial<Timings>;
  /** how often the engine is advanced, wall-clock ms (default 100) */
  tickMs?: number;
  /** interval of watch BOOKMARK events when a client allows them (default 5000) */
  bookmarkIntervalMs?: number;
  /** use this engine instead of creating one */
  sim?: Simulator;
}

export interface SimServer {
  url: string;
  port: number;
  sim: Simulator;
  /**
   * Simulate etcd compaction: end every open watch and answer 410 Expired to watches that resume
   * from an older resourceVersion, so clients must relist.
   */
  compact(): void;
  close(): Promise<void>;
}

/** Start listening; resolves once the server accepts requests. */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const simOptions: SimulatorOptions = {
    seed: options.seed ?? 1,
    startTime: Date.now(),
    cluster: { workers: options.workers ?? 2 },
    timings: options.timings,
  };
  const sim = options.sim ?? createSimulator(simOptions);
  const ctx: ServerContext = {
    sim,
    serverAddress: '',
    watchFloor: 0,
    activeWatches: new Set(),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
  };
  const server = createServer(createRequestHandler(ctx));
  server.keepAliveTimeout = 65_000;
  const stopExec = serveExec(server, ctx);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 6443, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  ctx.serverAddress = `127.0.0.1:${port}`;
  const stopClock = runInRealTime(sim, options.speed ?? 1, options.tickMs ?? 100);
  if (options.kubeconfigPath) await writeKubeconfig(options.kubeconfigPath, url);

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    sim,
    compact() {
      ctx.watchFloor = Number(sim.resourceVersion());
      for (const end of [...ctx.activeWatches]) end();
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        stopClock();
        stopExec();
        for (const end of [...ctx.activeWatches]) end();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/**
 * Advance the engine by the wall-clock time elapsed since the last tick × speed. A failing
 * control loop is logged, not fatal: the API keeps answering.
 */
function runInRealTime(sim: Simulator, speed: number, tickMs: number): () => void {
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const elapsed = now - last;
    last = now;
    try {
      sim.advance(elapsed * speed);
    } catch (e) {
      console.error('kubesim: advance failed:', e);
    }
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}

export { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
