/**
 * `npm run bench:fanout` — 200 browsers' worth of SSE clients on one app server against the sim cluster.
 * A Deployment is scaled repeatedly; for every scale we time how long until EVERY client has received the
 * Deployment with the new spec.replicas. Prints the upstream watch count (must be kinds × namespaces, not
 * grow with clients), p50/p95 scale→receipt latency over all (client, scale) pairs and the server's RSS.
 * Targets (issue 8): p95 ≤ 250 ms, RSS ≤ 300 MB. FANOUT_GZIP=1: the clients ask for gzip as browsers do (the
 * first STREAM_GZIP_MAX streams get it, each with its own compressor), to see what compression costs at fan-out.
 */
import { Worker } from 'node:worker_threads';
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startApp, startSimCluster, tempKubeconfigPath } from '../e2e/live-servers';
import { treeCpuMs, treeRssMb } from './process-rss';
import { runBench, stopServers } from './run-bench';

const CLIENTS = Number(process.env.FANOUT_CLIENTS ?? 200);
const SCALES = Number(process.env.FANOUT_SCALES ?? 20);
const THREADS = Number(process.env.FANOUT_THREADS ?? 4);
const GZIP = process.env.FANOUT_GZIP === '1';
const NAMESPACES = ['default'];
const EXPECTED_WATCHES = 1 + 6 * NAMESPACES.length; // nodes + 6 namespaced kinds per namespace

/**
 * The SSE clients run in worker threads (plain JS, so no loader is needed there): in one thread, parsing
 * 200 streams would measure the bench's own queue rather than the server. Receipt times are absolute
 * (timeOrigin + now), comparable across threads.
 */
const CLIENT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const now = () => performance.timeOrigin + performance.now();
const seen = new Map(); // "client:replicas" already reported
for (let id = workerData.from; id < workerData.to; id++) {
  (async () => {
    // fetch decodes gzip itself; without it, ask for no encoding (fetch would ask for gzip by default)
    const res = await fetch(workerData.url + '/api/cluster/stream', { headers: { 'accept-encoding': workerData.gzip ? 'gzip' : 'identity' } });
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body) {
      buf += decoder.decode(chunk, { stream: true });
      let i;
      while ((i = buf.indexOf('\\n\\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (frame.includes('event: snapshot')) parentPort.postMessage({ id, snapshot: true });
        if (!frame.includes('"key":"Deployment/default/fan"')) continue;
        const data = frame.split('\\n').find((l) => l.startsWith('data: '));
        const replicas = JSON.parse(data.slice(6)).object.spec?.replicas;
        const k = id + ':' + replicas;
        if (typeof replicas === 'number' && !seen.has(k)) {
          seen.set(k, true);
          parentPort.postMessage({ id, replicas, at: now() });
        }
      }
    }
  })().catch(() => {});
}
parentPort.on('message', (m) => { if (m.forget !== undefined) for (const k of [...seen.keys()]) if (k.endsWith(':' + m.forget)) seen.delete(k); });
`;

interface Fleet {
  snapshots: Set<number>;
  /** replicas value → (client id → absolute receipt ms) */
  receipts: Map<number, Map<number, number>>;
  forget(replicas: number): void;
  close(): Promise<void>;
}

function startFleet(url: string, clients: number, threads: number): Fleet {
  const fleet: Fleet = { snapshots: new Set(), receipts: new Map(), forget: () => {}, close: async () => {} };
  const workers: Worker[] = [];
  const per = Math.ceil(clients / threads);
  for (let from = 0; from < clients; from += per) {
    const w = new Worker(CLIENT_WORKER, { eval: true, workerData: { url, from, to: Math.min(clients, from + per), gzip: GZIP } });
    w.on('message', (m: { id: number; snapshot?: boolean; replicas?: number; at?: number }) => {
      if (m.snapshot) fleet.snapshots.add(m.id);
      else if (m.replicas !== undefined) {
        const byClient = fleet.receipts.get(m.replicas) ?? new Map<number, number>();
        fleet.receipts.set(m.replicas, byClient);
        byClient.set(m.id, m.at!);
      }
    });
    workers.push(w);
  }
  fleet.forget = (replicas) => {
    fleet.receipts.delete(replicas);
    for (const w of workers) w.postMessage({ forget: replicas });
  };
  fleet.close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return fleet;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const kubeconfig = tempKubeconfigPath();
  const sim = await startSimCluster({ kubeconfig, speed: 10 });
  // every client comes from 127.0.0.1: lift the per-address stream limit (32) to the fleet's size
  const app = await startApp({ KUBECONFIG: kubeconfig, CLUSTER_NAMESPACES: NAMESPACES.join(','), STREAM_MAX_PER_CLIENT: String(CLIENTS) });
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const apps = kc.makeApiClient(AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: { metadata: { name: 'fan' }, spec: { replicas: 1, selector: { matchLabels: { app: 'fan' } }, template: { metadata: { labels: { app: 'fan' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
    });

    const fleet = startFleet(app.url, CLIENTS, THREADS);
    const t0 = Date.now();
    while (fleet.snapshots.size < CLIENTS) {
      if (Date.now() - t0 > 60_000) throw new Error(`only ${fleet.snapshots.size}/${CLIENTS} clients got a snapshot`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const info = (await (await fetch(`${app.url}/api/cluster/info`)).json()) as { upstreamWatches: number; streams: number };
    console.log(`clients connected: ${CLIENTS} in ${THREADS} threads (server counts ${info.streams} streams)`);
    console.log(`upstream watches: ${info.upstreamWatches} (expected kinds × namespaces = ${EXPECTED_WATCHES})`);

    const latencies: number[] = [];
    let missed = 0;
    const cpu0 = treeCpuMs(app.child.pid!);
    const patchOpts = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const absNow = () => performance.timeOrigin + performance.now();
    for (let i = 0; i < SCALES; i++) {
      const replicas = 2 + (i % 2) + 2 * (i % 3); // varies every step, never the previous value
      fleet.forget(replicas);
      await new Promise((r) => setTimeout(r, 20)); // let the workers drop their memory of this value
      const start = absNow();
      await apps.patchNamespacedDeployment({ namespace: 'default', name: 'fan', body: { spec: { replicas } } }, patchOpts);
      const until = start + 5_000;
      while ((fleet.receipts.get(replicas)?.size ?? 0) < CLIENTS && absNow() < until) await new Promise((r) => setTimeout(r, 5));
      const got = fleet.receipts.get(replicas) ?? new Map<number, number>();
      missed += CLIENTS - got.size;
      for (const at of got.values()) latencies.push(at - start);
      await new Promise((r) => setTimeout(r, 150));
    }
    const cpuMs = treeCpuMs(app.child.pid!) - cpu0;
    await fleet.close();
    latencies.sort((a, b) => a - b);
    const rss = treeRssMb(app.child.pid!);
    const after = (await (await fetch(`${app.url}/api/cluster/info`)).json()) as { upstreamWatches: number };
    const p50 = Math.round(percentile(latencies, 50));
    const p95 = Math.round(percentile(latencies, 95));
    console.log(`scales: ${SCALES}, receipts: ${latencies.length}, missed: ${missed}`);
    console.log(`scale → receipt at every client: p50 ${p50} ms, p95 ${p95} ms, max ${Math.round(latencies.at(-1) ?? NaN)} ms (target p95 ≤ 250 ms)`);
    console.log(`server RSS: ${rss} MB (target ≤ 300 MB); server CPU over the ${SCALES} scales ${cpuMs} ms; upstream watches after the run: ${after.upstreamWatches}`);
    console.log(`BENCH ${JSON.stringify({ clients: CLIENTS, gzip: GZIP, upstream_watches: info.upstreamWatches, p50_ms: p50, p95_ms: p95, p95_ratio_to_target: Math.round((p95 / 250) * 100) / 100, rss_mb: rss, server_cpu_ms: cpuMs })}`);
  } finally {
    await stopServers(app, sim);
  }
}

runBench(main);
