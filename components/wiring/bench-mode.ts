/**
 * Benchmark mode for `npm run bench:graph`: `/playground?bench=1000&nodes=20` seeds a Deployment with
 * that many replicas on that many workers before the graph mounts, then times the first complete render
 * and exposes a hook to start a rolling update. Bounded (≤ 5,000 pods, ≤ 100 nodes) and inert without
 * the query string, so it is harmless in normal use.
 */
import type { ClusterClient } from '@/lib/cluster/types';
import type { SimClient } from '@/lib/cluster/sim-client';
import type { WorkerSimClient } from '@/lib/cluster/worker-sim-client';
import type { PlaygroundStore } from '@/lib/store/playground-store';
import type { ClusterConfig } from '@/lib/sim/types';
import type { V1Deployment } from '@/lib/k8s/types';

export const MAX_BENCH_PODS = 5000;
export const MAX_BENCH_NODES = 100;
export const BENCH_DEPLOYMENT = 'bench';

export interface BenchParams {
  pods: number;
  nodes: number;
}

/** What the bench script reads from `window.__graphBench`. */
export interface BenchHandle {
  pods: number;
  nodes: number;
  /** performance.now() when the seeded cluster was handed to the graph. */
  dataReadyAt: number | null;
  /** ms from data ready to the frame after all pod tiles were in the DOM. */
  firstRenderMs: number | null;
  seedError: string | null;
  /** Main-thread ms spent advancing the simulator (the engine, not the graph) since the rollout started. */
  engineMs: number;
  /** The longest single engine advance since the rollout started. */
  engineMaxMs: number;
  /** [start, end] (performance.now()) of every engine advance since the rollout started. */
  engineSpans: [number, number][];
  /** ms spent folding change batches into the store (projection + grouping), and the longest batch. */
  storeMs: number;
  storeMaxMs: number;
  /**
   * One entry per store update since the rollout started: [changes folded in, ms in the store, ms in the store and
   * the React render and commit it caused (measured to a microtask queued after React's), component renders it caused
   * (counted when bench:graph counts renders)]. Changes per update is a
   * count the machine's load does not move.
   */
  commits: [number, number, number, number][];
  /** Where the engine runs: 'worker' (its steps are not main-thread time) or 'page'. */
  engineThread: 'worker' | 'page';
  /** Patch the Deployment's image and play at `speed`; resolves at once. */
  startRollout(speed?: number): void;
  /** True once every replica runs the new image and no old pod is left. */
  rolloutDone(): boolean;
}

declare global {
  interface Window {
    __graphBench?: BenchHandle;
  }
}

function intParam(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Bench parameters from the URL, clamped; null outside bench mode. */
export function readBenchParams(search = typeof window === 'undefined' ? '' : window.location.search): BenchParams | null {
  const q = new URLSearchParams(search);
  const pods = intParam(q, 'bench');
  if (pods === null) return null;
  const nodes = intParam(q, 'nodes') ?? Math.max(2, Math.ceil(pods / 100));
  return { pods: Math.min(pods, MAX_BENCH_PODS), nodes: Math.min(nodes, MAX_BENCH_NODES) };
}

/** Cluster shape for the provider's SimClient: enough workers and pod slots for the bench. */
export function benchClusterConfig(): ClusterConfig | undefined {
  const p = readBenchParams();
  if (!p) return undefined;
  const perNode = Math.ceil(p.pods / p.nodes) + 10; // room for the per-node system pods
  return { workers: p.nodes, workerCapacity: { cpu: '64', memory: '256Gi', pods: Math.max(110, perNode) } };
}

function benchDeployment(replicas: number, image: string): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: BENCH_DEPLOYMENT, namespace: 'default', labels: { app: BENCH_DEPLOYMENT } },
    spec: {
      replicas,
      selector: { matchLabels: { app: BENCH_DEPLOYMENT } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: BENCH_DEPLOYMENT } },
        spec: { containers: [{ name: 'web', image }] },
      },
    },
  };
}

function runningBenchPods(client: ClusterClient, image?: string): number {
  let n = 0;
  for (const [key, obj] of client.cached()) {
    if (!key.startsWith('Pod/default/bench-')) continue;
    const pod = obj as { status?: { phase?: string }; spec?: { containers?: { image?: string }[] }; metadata?: { deletionTimestamp?: unknown } };
    if (pod.metadata?.deletionTimestamp || pod.status?.phase !== 'Running') continue;
    if (image && pod.spec?.containers?.[0]?.image !== image) continue;
    n++;
  }
  return n;
}

/** Create the bench Deployment and advance simulated time (paused) until every replica runs. */
export async function seedBenchCluster(client: ClusterClient, pods: number): Promise<void> {
  client.time?.setPlaying(false);
  await client.create(benchDeployment(pods, 'nginx:1.25'));
  for (let i = 0; i < 120 && runningBenchPods(client) < pods; i++) await client.time?.step(5_000);
}

/**
 * Time the engine's steps. In a worker the engine reports its own step times (not main-thread time, so no spans);
 * on the page, wrap the client's `advance` (its play loop calls it on itself) so the bench can tell engine work
 * apart from graph work on the shared main thread.
 */
/** A client whose engine runs in a worker and reports its own step times (WorkerSimClient). */
const reportsEngineSteps = (c: ClusterClient): c is ClusterClient & Pick<WorkerSimClient, 'onEngineStep'> =>
  'onEngineStep' in c && typeof c.onEngineStep === 'function';

/** A client that advances its engine on this thread (SimClient). */
const advancesOnPage = (c: ClusterClient): c is ClusterClient & Pick<SimClient, 'advance'> => 'advance' in c && typeof c.advance === 'function';

function timeEngine(client: ClusterClient, handle: BenchHandle): void {
  if (reportsEngineSteps(client)) {
    handle.engineThread = 'worker';
    client.onEngineStep((spent) => {
      handle.engineMs += spent;
      handle.engineMaxMs = Math.max(handle.engineMaxMs, spent);
    });
    return;
  }
  if (!advancesOnPage(client)) return;
  const original = client.advance;
  client.advance = (ms: number) => {
    const t = performance.now();
    original.call(client, ms);
    const end = performance.now();
    const spent = end - t;
    handle.engineSpans.push([t, end]);
    handle.engineMs += spent;
    handle.engineMaxMs = Math.max(handle.engineMaxMs, spent);
  };
}

/** Time the store's batch folding (the graph's own data work, before React renders). */
export function timeStore(store: PlaygroundStore, handle: BenchHandle): void {
  const original = store.getState().applyBatch;
  store.setState({
    applyBatch: (changes) => {
      const t = performance.now();
      original(changes);
      const spent = performance.now() - t;
      handle.storeMs += spent;
      handle.storeMaxMs = Math.max(handle.storeMaxMs, spent);
      // the component renders the update caused, when bench:graph counts them (bench/react-renders.ts)
      const stats = (window as { __renderStats?: { renders: number } }).__renderStats;
      const rendersBefore = stats?.renders ?? 0;
      const entry: [number, number, number, number] = [changes.length, spent, spent, 0];
      handle.commits.push(entry);
      // React renders a store update in a microtask queued during applyBatch: this one runs after it
      queueMicrotask(() => {
        entry[2] = performance.now() - t;
        entry[3] = (stats?.renders ?? 0) - rendersBefore;
      });
    },
  });
}

/** Install `window.__graphBench` for the bench script. */
export function installBenchHandle(client: ClusterClient, params: BenchParams): BenchHandle {
  const handle: BenchHandle = {
    ...params,
    dataReadyAt: null,
    firstRenderMs: null,
    seedError: null,
    engineMs: 0,
    engineMaxMs: 0,
    engineSpans: [],
    storeMs: 0,
    storeMaxMs: 0,
    commits: [],
    engineThread: 'page',
    startRollout(speed = 1) {
      timeEngine(client, handle);
      handle.storeMs = 0;
      handle.storeMaxMs = 0;
      handle.commits = [];
      void client.patch('Deployment', BENCH_DEPLOYMENT, 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'strategic');
      client.time?.setSpeed(speed);
      client.time?.setPlaying(true);
    },
    rolloutDone() {
      // The page polls this every 100 ms during the measured window: look at the Deployment's status first (O(1)), as
      // `kubectl rollout status` does (kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go), and count pods
      // only once it says done, so the bench's own polling is not main-thread time it then charges to the graph.
      const d = client.cached().get(`Deployment/default/${BENCH_DEPLOYMENT}`) as V1Deployment | undefined;
      const st = d?.status;
      if (!st || (st.updatedReplicas ?? 0) < params.pods || (st.availableReplicas ?? 0) < params.pods) return false;
      let total = 0;
      for (const key of client.cached().keys()) if (key.startsWith('Pod/default/bench-')) total++;
      return total === params.pods && runningBenchPods(client, 'nginx:1.26') === params.pods;
    },
  };
  window.__graphBench = handle;
  return handle;
}
