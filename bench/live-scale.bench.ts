/**
 * `npm run bench:live-scale` — live mode at 20,000 pods (issue 16): a sim cluster server seeded with
 * LIVE_PODS running pods (`--pods`), the built app (`next start`) streaming it through the proxy, and Chromium
 * on the live playground. Prints:
 *   - upstream: one list of every pod straight from the sim server (what each reflector list costs there);
 *   - proxy, cold: first SSE stream → first byte, → snapshot complete (includes the reflectors' initial lists);
 *     warm: a second stream's snapshot (serialisation only); snapshot bytes raw and gzipped; server RSS;
 *   - browser: time to the first full graph, JS heap, p95 frame while panning and zooming, longest task;
 *   - a rollout of one 200-pod Deployment with the browser attached: upserts streamed, server CPU per upsert
 *     (idle CPU over the same time taken out), browser frames and long tasks meanwhile.
 * Absolute figures with ratios (to the 50 ms goal and the 16.7 ms frame); last line `BENCH {json}`.
 * Needs `next build` first. LIVE_PODS (default 20000) for quicker runs.
 */
import { gzipSync } from 'node:zlib';
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startApp, startSimCluster, tempKubeconfigPath } from '../e2e/live-servers';
import { treeCpuMs, treeRssMb } from './process-rss';
import { measureBrowser, type BrowserFigures } from './live-scale-browser';

const PODS = Number(process.env.LIVE_PODS ?? 20_000);
const ROLLOUT = 'load-0';
const FRAME_MS = 1000 / 60;
const GOAL_MS = 50;
const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => round(bytes / 2 ** 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface StreamReader {
  firstByteMs: number;
  snapshotMs: number;
  snapshotBytes: number;
  snapshotObjects: number;
  snapshotEvents: number;
  encoding: string | null;
  snapshot: Uint8Array;
  upserts(): number;
  /** ms from connecting until the server said all its lists were in (0 until then) */
  syncedMs(): number;
  close(): void;
}

/**
 * Opens the SSE stream and resolves once the snapshot event has arrived whole; keeps counting upserts after.
 * Frames are split by searching only the newly arrived text for the blank line, so a 40 MB snapshot in 64 KB
 * chunks costs linear time in this reader.
 */
async function openStream(url: string): Promise<StreamReader> {
  const ac = new AbortController();
  const t0 = performance.now();
  const res = await fetch(`${url}/api/cluster/stream`, { signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let firstByteMs = 0;
  let pending = '';
  let upserts = 0;
  // The snapshot arrives as `snapshot-part` events and a final `snapshot` (lib/server/snapshot-frames.ts).
  const snapshotFrames: string[] = [];
  let complete = false;
  let snapshotMs = 0;
  let syncedMs = 0;
  const onFrame = (frame: string) => {
    const event = /^event: (.*)$/m.exec(frame.slice(0, 200))?.[1];
    // The server waits 4 s for its reflectors, then sends what it has; `synced` says when every list is in.
    if (!syncedMs && (event === 'status' || event === 'snapshot') && frame.includes('"synced":true')) syncedMs = performance.now() - t0;
    if (event === 'upsert') upserts++;
    else if (!complete && (event === 'snapshot-part' || event === 'snapshot')) {
      snapshotFrames.push(frame);
      if (event === 'snapshot') (complete = true), (snapshotMs = performance.now() - t0);
    }
  };
  const pump = async (untilSnapshot: boolean) => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value) return;
      if (!firstByteMs) firstByteMs = performance.now() - t0;
      const searchFrom = Math.max(0, pending.length - 1);
      pending += decoder.decode(value, { stream: true });
      for (let at = pending.indexOf('\n\n', searchFrom); at >= 0; at = pending.indexOf('\n\n')) {
        onFrame(pending.slice(0, at));
        pending = pending.slice(at + 2);
      }
      if (untilSnapshot && complete) return;
    }
  };
  await pump(true);
  if (!complete) throw new Error('stream ended before the snapshot');
  const snapshot = new TextEncoder().encode(snapshotFrames.map((f) => f + '\n\n').join(''));
  let objects = 0;
  for (const f of snapshotFrames) objects += (JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { objects: unknown[] }).objects.length;
  void pump(false);
  return {
    firstByteMs,
    snapshotMs,
    snapshotBytes: snapshot.byteLength,
    snapshotObjects: objects,
    snapshotEvents: snapshotFrames.length,
    encoding: res.headers.get('content-encoding'),
    snapshot,
    upserts: () => upserts,
    syncedMs: () => syncedMs,
    close: () => ac.abort(),
  };
}

async function main() {
  const kubeconfig = tempKubeconfigPath();
  console.log(`seeding a sim cluster with ${PODS} pods (the engine's own cost; minutes on a loaded machine) …`);
  let t = performance.now();
  const sim = await startSimCluster({ kubeconfig, speed: 1, pods: PODS, readyTimeoutMs: 1_200_000 });
  const seedS = round((performance.now() - t) / 1000);
  const app = await startApp({ KUBECONFIG: kubeconfig, CLUSTER_NAMESPACES: 'default' });
  const streams: StreamReader[] = [];
  try {
    t = performance.now();
    const upstream = await fetch(`${sim.url}/api/v1/namespaces/default/pods`, { headers: { accept: 'application/json' } });
    const upstreamBytes = (await upstream.arrayBuffer()).byteLength;
    const upstreamListMs = round(performance.now() - t);
    console.log(`sim cluster ready in ${seedS} s; upstream pod list: ${upstreamListMs} ms, ${mb(upstreamBytes)} MB`);

    const coldStart = performance.now();
    const cold = await openStream(app.url);
    cold.close();
    // Browsers arriving before every list is in get a partial snapshot (and the rest as a burst of upserts);
    // one arriving after gets the whole cluster in its snapshot: what every later student pays.
    let warm = await openStream(app.url);
    while (!warm.syncedMs()) {
      warm.close();
      if (performance.now() - coldStart > 300_000) throw new Error('the proxy never synced');
      await sleep(2_000);
      warm = await openStream(app.url);
    }
    const syncedMs = performance.now() - coldStart - warm.snapshotMs;
    streams.push(warm);
    const rssAfterSnapshot = treeRssMb(app.child.pid!);
    const gzipBytes = gzipSync(warm.snapshot).byteLength;
    console.log(
      `proxy, first browser (cold: reflectors list): first byte ${round(cold.firstByteMs)} ms, partial snapshot after the 4 s sync wait ` +
        `${round(cold.snapshotMs)} ms (${cold.snapshotObjects} objects), all lists in after ≤ ${round(syncedMs)} ms`,
    );
    console.log(
      `proxy, next browser (warm): first byte ${round(warm.firstByteMs)} ms, snapshot complete ${round(warm.snapshotMs)} ms; ${warm.snapshotObjects} objects in ` +
        `${warm.snapshotEvents} events, ${mb(warm.snapshotBytes)} MB raw (${round(warm.snapshotBytes / warm.snapshotObjects)} B per object, ` +
        `${round(warm.snapshotBytes / upstreamBytes)}× the upstream pod list), ${mb(gzipBytes)} MB if gzipped (sent ${warm.encoding ?? 'uncompressed'}); server RSS ${rssAfterSnapshot} MB`,
    );

    // The browser opens the live page; the rollout then runs with it attached.
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const apps = kc.makeApiClient(AppsV1Api);
    let rollout = { upserts: 0, cpuPerUpsertMs: NaN, simCpuPerUpsertMs: NaN, seconds: 0 };
    const browser: BrowserFigures = await measureBrowser(app.url, PODS, async () => {
      const idleWindowMs = 5_000;
      const idle0 = treeCpuMs(app.child.pid!);
      await sleep(idleWindowMs);
      const idleRate = (treeCpuMs(app.child.pid!) - idle0) / idleWindowMs;
      const before = warm.upserts();
      const cpu0 = treeCpuMs(app.child.pid!);
      const simCpu0 = treeCpuMs(sim.child.pid!);
      const t0 = performance.now();
      await apps.patchNamespacedDeployment(
        { namespace: 'default', name: ROLLOUT, body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
      // Done when the stream has been quiet for 3 s (the rollout's last pods terminated), at most 120 s.
      let last = before;
      let quietSince = performance.now();
      while (performance.now() - quietSince < 3_000 && performance.now() - t0 < 120_000) {
        await sleep(250);
        if (warm.upserts() !== last) (last = warm.upserts(), (quietSince = performance.now()));
      }
      const elapsed = quietSince - t0;
      const upserts = warm.upserts() - before;
      const cpu = treeCpuMs(app.child.pid!) - cpu0 - idleRate * (performance.now() - t0);
      rollout = { upserts, cpuPerUpsertMs: round(cpu / Math.max(1, upserts)), simCpuPerUpsertMs: round((treeCpuMs(sim.child.pid!) - simCpu0) / Math.max(1, upserts)), seconds: round(elapsed / 1000) };
    });
    const rssEnd = treeRssMb(app.child.pid!);
    const b = browser;
    console.log(
      `browser: graph complete ${b.firstGraphMs} ms after navigation (${b.paintedPods} pods painted), JS heap ${b.heapMb} MB; ` +
        `pan/zoom frames p50 ${b.panP50Ms} ms, p95 ${b.panP95Ms} ms = ${round(b.panP95Ms / GOAL_MS)}× the 50 ms goal, ${round(b.panP95Ms / FRAME_MS)}× a frame; ` +
        `long tasks while loading: ${b.loadLongTasks} > 50 ms, longest ${b.loadLongestTaskMs} ms; while panning: longest ${b.panLongestTaskMs} ms`,
    );
    console.log(
      `rollout of ${ROLLOUT} (200 pods): ${rollout.upserts} upserts in ${rollout.seconds} s; app server ${rollout.cpuPerUpsertMs} ms CPU per upsert ` +
        `(idle taken out), sim server ${rollout.simCpuPerUpsertMs} ms; browser frames p95 ${b.rolloutP95Ms} ms = ${round(b.rolloutP95Ms / GOAL_MS)}× the goal, ` +
        `long tasks ${b.rolloutLongTasks} > 50 ms, longest ${b.rolloutLongestTaskMs} ms; server RSS at the end ${rssEnd} MB`,
    );
    console.log(
      `BENCH ${JSON.stringify({
        pods: PODS,
        seed_s: seedS,
        upstream_list_ms: upstreamListMs,
        upstream_list_mb: mb(upstreamBytes),
        cold_first_byte_ms: round(cold.firstByteMs),
        cold_synced_ms: round(syncedMs),
        snapshot_first_byte_ms: round(warm.firstByteMs),
        snapshot_ms: round(warm.snapshotMs),
        snapshot_objects: warm.snapshotObjects,
        snapshot_mb: mb(warm.snapshotBytes),
        snapshot_gzip_mb: mb(gzipBytes),
        snapshot_bytes_per_object: round(warm.snapshotBytes / warm.snapshotObjects),
        server_rss_mb: rssAfterSnapshot,
        server_rss_end_mb: rssEnd,
        first_graph_ms: b.firstGraphMs,
        js_heap_mb: b.heapMb,
        pan_p95_ms: b.panP95Ms,
        pan_p95_goal_ratio: round(b.panP95Ms / GOAL_MS),
        pan_p95_frame_ratio: round(b.panP95Ms / FRAME_MS),
        load_longest_task_ms: b.loadLongestTaskMs,
        rollout_upserts: rollout.upserts,
        server_cpu_ms_per_upsert: rollout.cpuPerUpsertMs,
        sim_cpu_ms_per_upsert: rollout.simCpuPerUpsertMs,
        rollout_p95_ms: b.rolloutP95Ms,
        rollout_p95_goal_ratio: round(b.rolloutP95Ms / GOAL_MS),
        rollout_longest_task_ms: b.rolloutLongestTaskMs,
      })}`,
    );
  } finally {
    for (const s of streams) s.close();
    await app.stop();
    await sim.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
