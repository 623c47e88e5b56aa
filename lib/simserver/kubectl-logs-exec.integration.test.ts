/**
 * Real kubectl against the sim cluster server: `logs`, `logs --previous`, `logs -f` (GET pods/NAME/log,
 * staging/src/k8s.io/kubectl/pkg/cmd/logs) and `exec` over WebSocket (kubectl ≥ 1.30, v5.channel.k8s.io;
 * staging/src/k8s.io/kubectl/pkg/cmd/exec, client-go tools/remotecommand), and attach the same way (`run --rm -i`).
 * Older kubectl (SPDY) is refused
 * with a message saying why. Skipped without kubectl binaries.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl } from './kubectl-harness';

const binaries = await findKubectls();
const websocketKubectl = binaries.filter((b) => b.minor >= 30).pop();
const spdyKubectl = binaries.find((b) => b.minor < 30);
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!websocketKubectl)(`real kubectl ${websocketKubectl?.version}: logs and exec`, () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-logs-'));
    server = await startSimServer({ port: 0, seed: 9, workers: 2, kubeconfigPath: join(dir, 'kubeconfig'), timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(websocketKubectl!, join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs prints what `echo hello world` printed, and nothing else', async () => {
    await k.ok('run', 'hello', '--restart=Never', '--image=busybox', '--', 'echo', 'hello', 'world');
    await k.until((o) => /Completed/.test(o), ['get', 'pod', 'hello']);
    expect(await k.ok('logs', 'hello')).toBe('hello world\n');
  });

  it('logs --previous reads the crashed run; before it, the kubelet error', async () => {
    await k.ok('run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo about to fail; exit 1');
    await k.until((o) => /^[1-9]/.test(o), ['get', 'pod', 'crash', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']);
    expect(await k.ok('logs', 'crash', '--previous')).toBe('about to fail\n');
    await k.ok('run', 'fresh', '--image=busybox', '--', 'sleep', 'infinity');
    await k.until((o) => /Running/.test(o), ['get', 'pod', 'fresh']);
    const r = await k.run('logs', 'fresh', '-p');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('previous terminated container "fresh" in pod "fresh" not found');
  });

  it('logs -f streams lines as the loop writes them, until kubectl is killed', async () => {
    await k.ok('run', 'ticker', '--image=busybox', '--', 'sh', '-c', 'i=0; while true; do echo tick-$i; i=$((i+1)); sleep 1; done');
    await k.until((o) => /Running/.test(o), ['get', 'pod', 'ticker']);
    const follow = k.spawn('logs', '-f', 'ticker');
    try {
      const deadline = Date.now() + 20_000;
      while (!/tick-3\n/.test(follow.output()) && Date.now() < deadline) await sleep(100);
      expect(follow.output()).toMatch(/^tick-0\ntick-1\ntick-2\ntick-3\n/);
      expect(follow.child.exitCode).toBeNull(); // still streaming
    } finally {
      follow.child.kill();
    }
  });

  it("exec -- sh -c 'echo $HOSTNAME; exit 3' prints the pod's hostname and exits 3", async () => {
    await k.ok('run', 'box', '--image=busybox', '--', 'sleep', 'infinity');
    await k.until((o) => /Running/.test(o), ['get', 'pod', 'box']);
    const r = await k.run('exec', 'box', '--', 'sh', '-c', 'echo $HOSTNAME; echo oops >&2; exit 3');
    expect(r.stdout).toBe('box\n');
    expect(r.stderr).toContain('oops\n');
    expect(r.stderr).toContain('command terminated with exit code 3');
    expect(r.code).toBe(3);
    expect(await k.ok('exec', 'box', '--', 'cat', '/etc/hostname')).toBe('box\n');
  });

  it('exec -i … -- sh reads commands from stdin in one session, keeping variables, until exit N', async () => {
    const child = spawn(websocketKubectl!.path, ['--kubeconfig', k.kubeconfig, '--cache-dir', k.cacheDir, 'exec', '-i', 'box', '--', 'sh'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.write('X=kept; cd /etc\necho $X $(pwd)\nexit 4\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stdout).toBe('kept /etc\n');
    expect(stderr).toContain('command terminated with exit code 4');
    expect(code).toBe(4);
  });

  // pods/NAME/attach (pkg/cmd/run/run.go: create, wait, attach, wait for the exit code with --restart=Never, --rm)
  it('run --rm -i --restart=Never -- sh: attaches the main shell; exit 3 ends the pod, kubectl exits 3 and deletes it', async () => {
    const child = spawn(websocketKubectl!.path, ['--kubeconfig', k.kubeconfig, '--cache-dir', k.cacheDir, 'run', 'tmp', '--rm', '-i', '--restart=Never', '--image=busybox', '--', 'sh'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.write('hostname\nexit 3\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain("If you don't see a command prompt, try pressing enter.");
    expect(stderr).not.toContain("couldn't attach");
    expect(stdout).toBe('tmp\npod "tmp" deleted\n');
    expect(stderr).toContain('pod default/tmp terminated (Error)');
    expect(code).toBe(3);
    await k.until((o) => !/tmp/.test(o), ['get', 'pods', '-o', 'name']);
  });
});

describe.skipIf(!spdyKubectl)(`real kubectl ${spdyKubectl?.version} (SPDY): exec is refused clearly`, () => {
  it('says to use kubectl 1.30 or newer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-spdy-'));
    const server = await startSimServer({ port: 0, seed: 9, workers: 1, kubeconfigPath: join(dir, 'kubeconfig'), timings: FAST_TIMINGS, tickMs: 50 });
    try {
      const k = new Kubectl(spdyKubectl!, join(dir, 'kubeconfig'));
      await k.ok('run', 'box', '--image=busybox', '--', 'sleep', 'infinity');
      await k.until((o) => /Running/.test(o), ['get', 'pod', 'box']);
      const r = await k.run('exec', 'box', '--', 'ls');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('use kubectl 1.30 or newer');
    } finally {
      await server.close();
    }
  });
});
