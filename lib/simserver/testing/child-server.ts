/**
 * scripts/sim-cluster.ts in a child process, for tests that send requests which could kill a
 * process: a crash ends the child, and the test sees a refused connection and fails instead of
 * losing its own worker. Also `send`, a raw HTTP client that leaves paths exactly as written
 * (fetch would normalise `%` and `..`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  kubeconfig: string;
  child: ChildProcess;
  /** resolves with the exit code (or signal) once the child is gone */
  exited: Promise<number | string | null>;
  stop(): Promise<void>;
}

/** Start the CLI with extra flags (e.g. ['--speed', '0']); resolves once it prints its ready line. */
export async function startChildServer(flags: string[] = [], kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-child-')), 'kubeconfig')): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim-cluster.ts', '--port', '0', '--kubeconfig', kubeconfig, ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  // a test worker that dies must not leave a busy server behind
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const url = await new Promise<string>((resolve, reject) => {
    exited.then((code) => reject(new Error(`sim-cluster exited before it was ready (${code}): ${stderr}`)));
    createInterface(child.stdout!).on('line', (line) => {
      const m = /^kubesim ready (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return {
    url,
    kubeconfig,
    child,
    exited,
    /** SIGTERM, then SIGKILL after 3 s (a server stuck in a loop never runs its signal handler). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One request with the path sent byte for byte. Resolves with the response, or rejects with the
 * socket error when there was none (refused, reset before answering, or `timeoutMs` passed).
 */
export function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer, timeoutMs = 20_000): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const chunked = 'transfer-encoding' in headers;
    const req = request({ host: hostname, port, method, path, headers: body && !chunked ? { ...headers, 'content-length': String(body.length) } : headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server that answers 413 before reading the whole body may close the socket under us.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (chunked && body) {
      // streamed in pieces, with no length up front: the server must count as it reads
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}
