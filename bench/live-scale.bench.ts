/**
 * `npm run bench:live-scale` — live mode at 20,000 pods (issue 16): a sim cluster server seeded with
 * LIVE_PODS running pods (`--pods`), the built app (`next start`) streaming it through the proxy, and Chromium
 * on the live playground. Prints:
 *   - upstream: one list of every pod straight from the sim server (what each reflector list costs there);
 *   - the stream session in-process over those same pods (snapshot-stall.ts): the cold sync (the Pod reflector's
 *     list requests, time, longest event-loop stall) and a warm snapshot (time, longest stall); then, against the
 *     app, the slowest answer to another request meanwhile;
 *   - proxy, cold: first SSE stream → first byte, → snapshot complete (includes the reflectors' initial lists), the
 *     app's and the sim server's CPU until every list is in, and the slowest /api/cluster/info answer meanwhile;
 *     warm: a second stream's snapshot (serialisation only), uncompressed and then gzipped (as a browser asks):
 *     bytes on the wire, time, and the server's CPU for each; server RSS;
 *   - LIVE_STREAMS (default 16) streams held open after their snapshot, uncompressed and then gzipped: server RSS
 *     per stream, so a compressor's memory shows next to a plain stream's;
 *   - browser: time to the first full graph, split into document, snapshot arrival, its parse and apply, and the
 *     rest (store, layout, painting); long tasks while loading, and those while the snapshot arrived (the page
 *     reading its parts); JS heap after the graph and after ≥ 60 s of updates; p95 frame while panning and zooming,
 *     longest task;
 *   - a rollout of one 200-pod Deployment with the browser attached: upserts streamed, server CPU per upsert
 *     (idle CPU over the same time taken out), browser frames and long tasks meanwhile.
 * Absolute figures with ratios (to the 50 ms goal and the 16.7 ms frame); last line `BENCH {json}`.
 * Needs `next build` first. LIVE_PODS (default 20000) for quicker runs.
 */
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startApp, startSimCluster, tempKubeconfigPath } from '../e2e/live-servers';
import { treeCpuMs, treeRssMb } from './process-rss';
import { measureBrowser, type BrowserFigures } from './live-scale-browser';
import { openStream, type StreamReader } from './sse-stream-reader';
import { measureSnapshotStall } from './snapshot-stall';
import { runBench, stopServers } from './run-bench';

const PODS = Number(process.env.LIVE_PODS ?? 20_000);
const HELD_STREAMS = Number(process.env.LIVE_STREAMS ?? 16);
const ROLLOUT = 'load-0';
const FRAME_MS = 1000 / 60;
const GOAL_MS = 50;
const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => round(bytes / 2 ** 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One warm snapshot, uncompressed or gzipped, and the app server's CPU while it was built and sent. */
async function timedSnapshot(app: { url: string; child: { pid?: number } }, gzip: boolean): Promise<{ stream: StreamReader; cpuMs: number }> {
  const cpu0 = treeCpuMs(app.child.pid!);
  const stream = await openStream(app.url, { gzip });
  return { stream, cpuMs: treeCpuMs(app.child.pid!) - cpu0 };
}

/** Server RSS growth per stream with `n` more streams open (each read to the end of its snapshot, then idle). */
async function rssPerStream(app: { url: string; child: { pid?: number } }, n: number, gzip: boolean): Promise<number> {
  const before = treeRssMb(app.child.pid!);
  const held: StreamReader[] = [];
  try {
    for (let i = 0; i < n; i++) held.push(await openStream(app.url, { gzip }));
    if (gzip && held.some((h) => h.encoding !== 'gzip')) console.error('  a stream asked for gzip came uncompressed: STREAM_GZIP_MAX below LIVE_STREAMS?');
    await sleep(3_000);
    return round((treeRssMb(app.child.pid!) - before) / n);
  } finally {
    for (const h of held) h.close();
    await sleep(3_000);
  }
}

/** Asks `url` every 20 ms (one request at a time) until stopped: how long the slowest answer took. */
function probeLatency(url: string): { stop(): Promise<{ count: number; maxMs: number }> } {
  let on = true;
  let count = 0;
  let maxMs = 0;
  const loop = (async () => {
    while (on) {
      const t0 = performance.now();
      await fetch(url).then((r) => r.arrayBuffer(), () => null);
      maxMs = Math.max(maxMs, performance.now() - t0);
      count++;
      await sleep(20);
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return { count, maxMs };
    },
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
    const upstreamText = await upstream.text();
    const upstreamBytes = Buffer.byteLength(upstreamText);
    const upstreamListMs = round(performance.now() - t);
    console.log(`sim cluster ready in ${seedS} s; upstream pod list: ${upstreamListMs} ms, ${mb(upstreamBytes)} MB`);
    const stall = await measureSnapshotStall((JSON.parse(upstreamText) as { items: { metadata: { name: string } }[] }).items);
    console.log(
      `stream session in-process (same pods), cold sync: ${stall.coldListRequests} list requests, ${round(stall.coldSyncMs)} ms, ` +
        `longest event-loop stall meanwhile ${round(stall.coldLongestStallMs)} ms`,
    );
    console.log(
      `stream session in-process (same pods, warm): first snapshot byte ${round(stall.firstSnapshotByteMs)} ms, snapshot ${round(stall.snapshotMs)} ms, ` +
        `longest event-loop stall meanwhile ${round(stall.longestStallMs)} ms (every other request waits that long at worst)`,
    );

    const coldStart = performance.now();
    const coldCpu0 = treeCpuMs(app.child.pid!);
    const coldSimCpu0 = treeCpuMs(sim.child.pid!);
    const coldProbe = probeLatency(`${app.url}/api/cluster/info`);
    const cold = await openStream(app.url);
    // The first browser gets what is listed after the 4 s sync wait, then the rest as upserts, then a `status`
    // saying every list is in: wait for that on its own stream (polling with new streams would send a growing
    // partial snapshot every time and charge it to the sync).
    while (!cold.syncedMs()) {
      if (performance.now() - coldStart > 300_000) throw new Error('the proxy never synced');
      await sleep(250);
    }
    const syncedMs = cold.syncedMs();
    const coldUpserts = cold.upserts();
    const coldInfo = await coldProbe.stop();
    const coldCpuMs = treeCpuMs(app.child.pid!) - coldCpu0;
    const coldSimCpuMs = treeCpuMs(sim.child.pid!) - coldSimCpu0;
    cold.close();
    const warm = await openStream(app.url);
    // Another request while a browser's snapshot is built and sent: how long the server keeps it waiting.
    const probe = probeLatency(`${app.url}/api/cluster/info`);
    const another = await openStream(app.url);
    const infoWait = await probe.stop();
    another.close();
    streams.push(warm);
    const rssAfterSnapshot = treeRssMb(app.child.pid!);
    // The same warm snapshot, plain and gzipped, one after the other in the same minute (the machine is shared).
    const plain = await timedSnapshot(app, false);
    plain.stream.close();
    const zipped = await timedSnapshot(app, true);
    zipped.stream.close();
    if (zipped.stream.encoding !== 'gzip') console.error(`  the gzip stream came ${zipped.stream.encoding ?? 'uncompressed'}`);
    const gzipBytes = zipped.stream.snapshotWireBytes;
    console.log(
      `warm snapshot, plain: ${mb(plain.stream.snapshotWireBytes)} MB on the wire in ${round(plain.stream.snapshotMs)} ms, server CPU ${plain.cpuMs} ms; ` +
        `gzipped: ${mb(gzipBytes)} MB (${round(plain.stream.snapshotWireBytes / gzipBytes)}× smaller) in ${round(zipped.stream.snapshotMs)} ms, server CPU ${zipped.cpuMs} ms ` +
        `(${round(zipped.cpuMs / Math.max(1, plain.cpuMs))}× the plain one)`,
    );
    const plainRss = await rssPerStream(app, HELD_STREAMS, false);
    const gzipRss = await rssPerStream(app, HELD_STREAMS, true);
    console.log(`server RSS per open stream after its snapshot (${HELD_STREAMS} held): plain ${plainRss} MB, gzipped ${gzipRss} MB`);
    console.log(
      `proxy, first browser (cold: reflectors list): first byte ${round(cold.firstByteMs)} ms, partial snapshot after the 4 s sync wait ` +
        `${round(cold.snapshotMs)} ms (${cold.snapshotObjects} objects), then ${coldUpserts} upserts; all lists in after ${round(syncedMs)} ms; ` +
        `CPU until then: app ${coldCpuMs} ms, sim server ${coldSimCpuMs} ms; /api/cluster/info meanwhile: ${coldInfo.count} answered, slowest ${round(coldInfo.maxMs)} ms`,
    );
    console.log(
      `proxy, next browser (warm): first byte ${round(warm.firstByteMs)} ms, snapshot complete ${round(warm.snapshotMs)} ms; ${warm.snapshotObjects} objects in ` +
        `${warm.snapshotEvents} events, ${mb(warm.snapshotBytes)} MB raw (${round(warm.snapshotBytes / warm.snapshotObjects)} B per object, ` +
        `${round(warm.snapshotBytes / upstreamBytes)}× the upstream pod list), ${mb(gzipBytes)} MB gzipped; server RSS ${rssAfterSnapshot} MB`,
    );
    console.log(`another request (/api/cluster/info every 20 ms) while a snapshot is built and sent: ${infoWait.count} answered, slowest ${round(infoWait.maxMs)} ms`);

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
      `browser, first graph split: document ${b.documentMs} ms, snapshot first part ${b.snapshotFirstPartMs} ms, complete ${b.snapshotCompleteMs} ms ` +
        `(${b.snapshotParts} parts, ${b.snapshotMb} MB; JSON.parse ${b.snapshotParseMs} ms, apply ${b.snapshotApplyMs} ms), ` +
        `store + layout + paint after it ${round(b.firstGraphMs - b.snapshotCompleteMs)} ms; main thread in long tasks ${b.loadLongTasksMs} ms of it all; JS heap ${b.heapMb} MB after the graph, ` +
        `${b.heapAfterUpdatesMb} MB after ${round(b.updatesMs / 1000)} s of updates (${round((b.heapMb * 2 ** 20) / PODS)} B per pod)`,
    );
    console.log(
      `browser: graph complete ${b.firstGraphMs} ms after navigation (${b.paintedPods} pods painted), JS heap ${b.heapMb} MB; ` +
        `pan/zoom frames p50 ${b.panP50Ms} ms, p95 ${b.panP95Ms} ms = ${round(b.panP95Ms / GOAL_MS)}× the 50 ms goal, ${round(b.panP95Ms / FRAME_MS)}× a frame; ` +
        `long tasks while loading: ${b.loadLongTasks} > 50 ms, longest ${b.loadLongestTaskMs} ms (while the snapshot arrived: ${b.arrivalLongTasks}, longest ${b.arrivalLongestTaskMs} ms); ` +
        `while panning: longest ${b.panLongestTaskMs} ms`,
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
        cold_app_cpu_ms: coldCpuMs,
        cold_sim_cpu_ms: coldSimCpuMs,
        info_during_cold_sync_max_ms: round(coldInfo.maxMs),
        inproc_cold_list_requests: stall.coldListRequests,
        inproc_cold_sync_ms: round(stall.coldSyncMs),
        inproc_cold_longest_stall_ms: round(stall.coldLongestStallMs),
        snapshot_first_byte_ms: round(warm.firstByteMs),
        inproc_first_snapshot_byte_ms: round(stall.firstSnapshotByteMs),
        inproc_snapshot_ms: round(stall.snapshotMs),
        inproc_longest_stall_ms: round(stall.longestStallMs),
        info_during_snapshot_max_ms: round(infoWait.maxMs),
        snapshot_ms: round(warm.snapshotMs),
        snapshot_objects: warm.snapshotObjects,
        snapshot_mb: mb(warm.snapshotBytes),
        snapshot_gzip_mb: mb(gzipBytes),
        snapshot_gzip_ratio: round(plain.stream.snapshotWireBytes / gzipBytes),
        snapshot_plain_ms: round(plain.stream.snapshotMs),
        snapshot_gzip_ms: round(zipped.stream.snapshotMs),
        snapshot_plain_cpu_ms: plain.cpuMs,
        snapshot_gzip_cpu_ms: zipped.cpuMs,
        rss_per_plain_stream_mb: plainRss,
        rss_per_gzip_stream_mb: gzipRss,
        snapshot_bytes_per_object: round(warm.snapshotBytes / warm.snapshotObjects),
        server_rss_mb: rssAfterSnapshot,
        server_rss_end_mb: rssEnd,
        first_graph_ms: b.firstGraphMs,
        document_ms: b.documentMs,
        browser_snapshot_first_part_ms: b.snapshotFirstPartMs,
        browser_snapshot_complete_ms: b.snapshotCompleteMs,
        browser_snapshot_parse_ms: b.snapshotParseMs,
        browser_snapshot_apply_ms: b.snapshotApplyMs,
        browser_after_snapshot_ms: round(b.firstGraphMs - b.snapshotCompleteMs),
        load_long_tasks_ms: b.loadLongTasksMs,
        js_heap_mb: b.heapMb,
        js_heap_after_updates_mb: b.heapAfterUpdatesMb,
        updates_s: round(b.updatesMs / 1000),
        pan_p95_ms: b.panP95Ms,
        pan_p95_goal_ratio: round(b.panP95Ms / GOAL_MS),
        pan_p95_frame_ratio: round(b.panP95Ms / FRAME_MS),
        load_longest_task_ms: b.loadLongestTaskMs,
        load_long_tasks: b.loadLongTasks,
        snapshot_arrival_long_tasks: b.arrivalLongTasks,
        snapshot_arrival_longest_task_ms: b.arrivalLongestTaskMs,
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
    await stopServers(app, sim);
  }
}

runBench(main);
