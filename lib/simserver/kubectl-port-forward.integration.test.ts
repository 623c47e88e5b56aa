/**
 * Real kubectl against the sim cluster server: `kubectl port-forward svc/NAME LOCAL:PORT` (kubectl ≥ 1.31 tunnels
 * SPDY through a WebSocket, client-go tools/portforward/tunneling_dialer.go) serves the simulated app's answers on
 * localhost, and the app's access log shows the request from 127.0.0.1 as a real port-forward does. Skipped
 * without a kubectl binary of 1.31 or newer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl } from './kubectl-harness';

const binaries = await findKubectls();
const tunnelingKubectl = binaries.filter((b) => b.minor >= 31).pop();
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free local TCP port. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!tunnelingKubectl)(`real kubectl ${tunnelingKubectl?.version}: port-forward`, () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-pf-'));
    server = await startSimServer({ port: 0, seed: 5, workers: 2, kubeconfigPath: join(dir, 'kubeconfig'), timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(tunnelingKubectl!, join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('port-forward svc/web LOCAL:80 answers with the app page; the pod logs the request from 127.0.0.1', async () => {
    await k.ok('create', 'deployment', 'web', '--image=nginx:1.27.3');
    await k.ok('expose', 'deployment', 'web', '--port=80');
    await k.until((o) => /1\/1/.test(o), ['get', 'deployment', 'web']);
    const local = await freePort();
    const pf = k.spawn('port-forward', 'svc/web', `${local}:80`);
    try {
      const deadline = Date.now() + 20_000;
      while (!/Forwarding from/.test(pf.output()) && Date.now() < deadline) await sleep(100);
      expect(pf.output()).toContain(`Forwarding from 127.0.0.1:${local} -> 80`);
      const res = await fetch(`http://127.0.0.1:${local}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Welcome to nginx!</title>');
      const missing = await fetch(`http://127.0.0.1:${local}/nope`);
      expect(missing.status).toBe(404);
      await missing.text();
      const logs = await k.ok('logs', 'deployment/web', '--tail=2');
      expect(logs).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 /m);
      expect(logs).toMatch(/"GET \/nope HTTP\/1\.1" 404 /);
    } finally {
      pf.child.kill();
    }
  });
});

describe.skipIf(!tunnelingKubectl)(`real kubectl ${tunnelingKubectl?.version}: port-forward failures`, () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-pf2-'));
    server = await startSimServer({ port: 0, seed: 6, workers: 2, kubeconfigPath: join(dir, 'kubeconfig'), timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(tunnelingKubectl!, join(dir, 'kubeconfig'));
    await k.ok('run', 'web', '--image=nginx:1.27.3');
    await k.until((o) => /Running/.test(o), ['get', 'pod', 'web']);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a port nothing listens on: the connection fails with the kubelet message, as on a real cluster', async () => {
    const local = await freePort();
    const pf = k.spawn('port-forward', 'pod/web', `${local}:9999`);
    try {
      const deadline = Date.now() + 20_000;
      while (!/Forwarding from/.test(pf.output()) && Date.now() < deadline) await sleep(100);
      await fetch(`http://127.0.0.1:${local}/`).then((r) => r.text()).catch(() => '');
      const until = Date.now() + 10_000;
      while (!/connection refused/.test(pf.output()) && Date.now() < until) await sleep(100);
      // kubectl logs it through klog (quotes escaped): "an error occurred forwarding L -> 9999: error forwarding port …"
      expect(pf.output()).toContain(`an error occurred forwarding ${local} -> 9999: error forwarding port 9999 to pod web, uid : failed to connect to localhost:9999`);
      expect(pf.output()).toContain('dial tcp4 127.0.0.1:9999: connect: connection refused');
    } finally {
      pf.child.kill();
    }
  });

  it('SPDY (kubectl before 1.31, or with websockets turned off) is refused with a message saying why', async () => {
    const local = await freePort();
    const child = spawn(tunnelingKubectl!.path, ['--kubeconfig', k.kubeconfig, '--cache-dir', k.cacheDir, 'port-forward', 'pod/web', `${local}:80`], { env: { ...process.env, KUBECONFIG: undefined, KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' } });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const deadline = Date.now() + 15_000;
      while (!/SPDY|error/.test(out) && Date.now() < deadline) await sleep(100);
      await fetch(`http://127.0.0.1:${local}/`).catch(() => undefined);
      const until = Date.now() + 10_000;
      while (!/not supported/.test(out) && Date.now() < until) await sleep(100);
      expect(out).toContain('port-forward over SPDY is not supported by this simulated cluster: use kubectl 1.31 or newer');
    } finally {
      child.kill();
    }
  });
});
