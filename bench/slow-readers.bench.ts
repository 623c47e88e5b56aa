/**
 * `npm run bench:slow-readers` — what never-reading SSE clients cost the app server, and whether it gets the
 * memory back. Everything runs on 127.0.0.1 and ends within about three minutes.
 *
 *   0. cold start: `next start` against an API server that accepts connections and never answers; the time
 *      of the very first GET /api/cluster/info (goal: under the 3 s deadline the deploy's probe allows).
 *   1. app against the sim cluster; one fast SSE client; the same churn as in 3 without slow readers, so
 *      the baseline includes what the workload itself costs (the hub's event history grows with it).
 *   2. SLOW_READERS raw sockets (default 200) open /api/cluster/stream and never read a byte. With
 *      TRUST_PROXY=1 each claims its own X-Forwarded-For address, as a classroom behind a proxy would.
 *   3. churn: a Deployment whose pods carry a 16 KB annotation is scaled up and down for CHURN_S seconds,
 *      so every stream has megabytes to send. Peak RSS is sampled throughout.
 *   4. the slow sockets close; RSS is sampled for RECOVER_S seconds.
 * The fast client must keep receiving events the whole time (reconnecting as EventSource does if it is
 * ever cut off). Bounds (stated, checked): peak RSS ≤ base + 200 MB while the slow readers are there;
 * after they go, RSS ≤ base + the growth one churn causes without them (base − idle: the hub's event
 * history is still filling) + 40 MB. Old code: 50 slow readers → 836 MB, never returned.
 * SLOW_READERS_GZIP=1: every client asks for gzip (the first STREAM_GZIP_MAX streams get it, each with a
 * compressor): the same bounds must hold, and the never-readers must still be cut off.
 * Last line: BENCH {"slow_readers":…,"rss_idle_mb":…,"rss_base_mb":…,"rss_peak_mb":…,"rss_after_mb":…,"cold_info_ms":…}
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { freePort, startApp, startSimCluster, startStalledServer, tempKubeconfigPath } from '../e2e/live-servers';
import { treeRssMb } from './process-rss';
import { runBench, stopServers } from './run-bench';

const SLOW = Number(process.env.SLOW_READERS ?? 200);
const CHURN_S = Number(process.env.CHURN_S ?? 30);
const RECOVER_S = Number(process.env.RECOVER_S ?? 20);
const GZIP = process.env.SLOW_READERS_GZIP === '1';
/** fetch asks for gzip by default (and decodes it); say exactly what this run wants. */
const ACCEPT_ENCODING = GZIP ? 'gzip' : 'identity';
const PEAK_ALLOWANCE_MB = 200;
const RECOVERY_SLACK_MB = 40;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Phase 0: a fresh `next start`, waited on only until it logs Ready, then one timed /api/cluster/info. */
async function coldInfoMs(): Promise<number> {
  const stalled = await startStalledServer();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, KUBECONFIG: stalled.kubeconfig, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`next start did not get ready: ${out}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Ready in/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`next start exited (${code}): ${out}`)));
    });
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/cluster/info`, { signal: AbortSignal.timeout(15_000) });
    await res.json();
    return Math.round(performance.now() - t0);
  } finally {
    await new Promise<void>((r) => {
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
    await stalled.close();
  }
}

/** A socket that asks for the stream and then never reads: the kernel buffers fill, then the server's. */
function neverReader(port: number, i: number): net.Socket {
  const s = net.connect(port, '127.0.0.1');
  s.on('error', () => {});
  s.on('connect', () => {
    // A distinct documentation-range address (RFC 5737) each, as the one trusted proxy would append it.
    s.write(
      `GET /api/cluster/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept-Encoding: ${ACCEPT_ENCODING}\r\nX-Forwarded-For: 198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}\r\n\r\n`,
    );
    s.pause();
  });
  return s;
}

/**
 * A client that reads everything and, like EventSource, reconnects with the last event id after 2 s when
 * the stream ends (the server cuts off any client that falls too far behind, even a briefly starved one).
 */
function fastReader(url: string): { events: () => number; reconnects: () => number; stop: () => void } {
  const ac = new AbortController();
  let events = 0;
  let reconnects = -1;
  let lastId = '';
  void (async () => {
    while (!ac.signal.aborted) {
      reconnects++;
      try {
        const res = await fetch(`${url}/api/cluster/stream${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ''}`, { signal: ac.signal, headers: { 'accept-encoding': ACCEPT_ENCODING } });
        const decoder = new TextDecoder();
        let buf = '';
        const reader = res.body?.getReader();
        for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
          buf += decoder.decode(read.value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const id = /^id: (.*)$/m.exec(frame);
            if (id) lastId = id[1];
            if (/^event: (snapshot|upsert|delete)$/m.test(frame)) events++;
          }
        }
      } catch {
        /* cut off or stopped: reconnect below unless stopped */
      }
      await sleep(2_000);
    }
  })();
  return { events: () => events, reconnects: () => reconnects, stop: () => ac.abort() };
}

async function main() {
  const coldMs = await coldInfoMs();
  console.log(`cold start: first /api/cluster/info answered in ${coldMs} ms against a stalled API server (deadline 3000 ms)`);

  const kubeconfig = tempKubeconfigPath();
  const sim = await startSimCluster({ kubeconfig, speed: 10 });
  const app = await startApp({ KUBECONFIG: kubeconfig, CLUSTER_NAMESPACES: 'default', TRUST_PROXY: '1' });
  const slow: net.Socket[] = [];
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const apps = kc.makeApiClient(AppsV1Api);
    const labels = { app: 'churn' };
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'churn' },
        spec: {
          replicas: 0,
          selector: { matchLabels: labels },
          template: { metadata: { labels, annotations: { padding: 'x'.repeat(16 * 1024) } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
        },
      },
    });
    const patch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const churn = async () => {
      const end = Date.now() + CHURN_S * 1_000;
      for (let up = true; Date.now() < end; up = !up) {
        await apps.patchNamespacedDeployment({ namespace: 'default', name: 'churn', body: { spec: { replicas: up ? 40 : 0 } } }, patch);
        await sleep(2_500);
      }
      await apps.patchNamespacedDeployment({ namespace: 'default', name: 'churn', body: { spec: { replicas: 0 } } }, patch);
    };
    const fast = fastReader(app.url);
    await sleep(3_000);
    const idle = treeRssMb(app.child.pid!);
    await churn();
    await sleep(10_000);
    const base = treeRssMb(app.child.pid!);
    console.log(`RSS with one fast client: ${idle} MB idle, ${base} MB after ${CHURN_S} s of the same churn without slow readers (baseline)`);

    for (let i = 0; i < SLOW; i++) slow.push(neverReader(app.port, i));
    await sleep(2_000);
    const connected = ((await (await fetch(`${app.url}/api/cluster/info`)).json()) as { streams: number }).streams;
    console.log(`${SLOW} never-reading sockets opened; the server counts ${connected} streams`);

    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(app.child.pid!))), 250);
    const eventsBefore = fast.events();
    await churn();
    const fastEvents = fast.events() - eventsBefore;
    const open = ((await (await fetch(`${app.url}/api/cluster/info`)).json()) as { streams: number }).streams;
    console.log(`after ${CHURN_S} s of churn: peak RSS ${peak} MB, streams still open ${open}, fast client got ${fastEvents} events (${fast.reconnects()} reconnects)`);

    for (const s of slow) s.destroy();
    await sleep(RECOVER_S * 1_000);
    clearInterval(sampler);
    const after = treeRssMb(app.child.pid!);
    fast.stop();
    console.log(`${RECOVER_S} s after the slow sockets closed: RSS ${after} MB`);

    const peakOk = peak <= base + PEAK_ALLOWANCE_MB;
    const recoveryBound = base + (base - idle) + RECOVERY_SLACK_MB;
    const recoveredOk = after <= recoveryBound;
    console.log(`bound: peak ≤ ${base + PEAK_ALLOWANCE_MB} MB → ${peakOk ? 'ok' : 'EXCEEDED'}; after ≤ ${recoveryBound} MB → ${recoveredOk ? 'ok' : 'NOT RECOVERED'}`);
    console.log(
      `BENCH ${JSON.stringify({ slow_readers: SLOW, gzip: GZIP, rss_idle_mb: idle, rss_base_mb: base, rss_peak_mb: peak, rss_after_mb: after, streams_kept: open, fast_events: fastEvents, fast_reconnects: fast.reconnects(), cold_info_ms: coldMs, within_bound: peakOk && recoveredOk })}`,
    );
  } finally {
    for (const s of slow) s.destroy();
    await stopServers(app, sim);
  }
}

runBench(main);
