/**
 * Processes for live-mode tests and the fan-out bench: the sim cluster server (its CLI, so it can be
 * killed and restarted on the same port like a real API server) and a `next start` app server pointed
 * at it with KUBECONFIG. Each helper owns its child process and kills only that PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export interface Proc {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000).unref();
    });
}

export function tempKubeconfigPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'kubesim-')), 'kubeconfig');
}

/** `npm run sim-cluster -- --port N --kubeconfig PATH`, resolved once it prints `kubesim ready URL`. */
export async function startSimCluster(opts: { port?: number; kubeconfig: string; speed?: number; seed?: number; pods?: number; readyTimeoutMs?: number }): Promise<Proc> {
  const args = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/sim-cluster.ts')];
  args.push('--port', String(opts.port ?? 0), '--kubeconfig', opts.kubeconfig, '--speed', String(opts.speed ?? 5), '--seed', String(opts.seed ?? 1));
  if (opts.pods) args.push('--pods', String(opts.pods));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sim cluster did not start: ${out}`)), opts.readyTimeoutMs ?? 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /kubesim ready (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`sim cluster exited (${code}): ${out}`)));
  });
  return { url, port: Number(new URL(url).port), child, stop: stopper(child) };
}

/** `next start` on a free port with the given environment; resolved when /api/cluster/info answers. */
export async function startApp(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited: ${log}`);
    try {
      const res = await fetch(`${url}/api/cluster/info`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`app did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, child, stop: stopper(child) };
}

/** A TCP server that accepts connections and never answers: the stalled API server. */
export async function startStalledServer(): Promise<{ kubeconfig: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const kubeconfig = tempKubeconfigPath();
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: stalled\n  cluster:\n    server: http://127.0.0.1:${port}\n    insecure-skip-tls-verify: true\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: c\n  context: {cluster: stalled, user: u}\ncurrent-context: c\n`,
  );
  return {
    kubeconfig,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
