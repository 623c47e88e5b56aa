/**
 * `npm run bench:sim-cluster`: 20 concurrent HTTP clients issue list / get / scale against a sim
 * cluster server (started as its own process, like a student would) for BENCH_DURATION_S seconds
 * (default 30). Prints requests/s, p50/p95 latency and lost writes: for every deployment the final
 * spec.replicas must equal the acknowledged scale write with the highest resourceVersion.
 * BENCH_URL=http://… measures an already running server instead of starting one.
 * Last line: BENCH {"rps":…,"p95_ms":…,"lost_writes":…}
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const DEPLOYMENTS = 5;
const NS = 'default';

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim-cluster.ts', '--port', '0', '--kubeconfig', join(dir, 'kubeconfig')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface(child.stdout!);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    lines.on('line', (line) => {
      const m = /^kubesim ready (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function call(url: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(url + path, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, json };
}

function deployment(name: string) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  // BENCH_URL: measure a server started elsewhere (e.g. under --cpu-prof) instead of spawning one
  const server = process.env.BENCH_URL ? { url: process.env.BENCH_URL, stop: () => {} } : await startServer();
  const { url } = server;
  const names = Array.from({ length: DEPLOYMENTS }, (_, i) => `bench-${i}`);
  for (const name of names) {
    const r = await call(url, 'POST', `/apis/apps/v1/namespaces/${NS}/deployments`, deployment(name));
    if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${JSON.stringify(r.json)}`);
  }

  const latencies: number[] = [];
  const counts = { list: 0, get: 0, scale: 0, errors: 0 };
  /** per deployment: the acknowledged write with the highest resourceVersion */
  const lastAck = new Map<string, { rv: number; replicas: number }>();
  const deadline = Date.now() + DURATION_S * 1000;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  async function client() {
    while (Date.now() < deadline) {
      const name = names[Math.floor(rand() * names.length)];
      const roll = rand();
      const start = performance.now();
      try {
        if (roll < 0.4) {
          const r = await call(url, 'GET', `/api/v1/namespaces/${NS}/pods?limit=500`);
          counts[r.status === 200 ? 'list' : 'errors']++;
        } else if (roll < 0.7) {
          const r = await call(url, 'GET', `/apis/apps/v1/namespaces/${NS}/deployments/${name}`);
          counts[r.status === 200 ? 'get' : 'errors']++;
        } else {
          const replicas = Math.floor(rand() * 6);
          const r = await call(url, 'PATCH', `/apis/apps/v1/namespaces/${NS}/deployments/${name}/scale`, { spec: { replicas } }, 'application/merge-patch+json');
          if (r.status !== 200) {
            counts.errors++;
          } else {
            counts.scale++;
            const rv = Number((r.json.metadata as { resourceVersion?: string }).resourceVersion);
            const prev = lastAck.get(name);
            if (!prev || rv > prev.rv) lastAck.set(name, { rv, replicas });
          }
        }
      } catch {
        counts.errors++;
      }
      latencies.push(performance.now() - start);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsedS = (performance.now() - started) / 1000;

  let lostWrites = 0;
  for (const [name, ack] of lastAck) {
    const r = await call(url, 'GET', `/apis/apps/v1/namespaces/${NS}/deployments/${name}`);
    const replicas = (r.json.spec as { replicas?: number }).replicas;
    if (replicas !== ack.replicas) {
      lostWrites++;
      console.log(`lost write: ${name} acknowledged replicas=${ack.replicas} (rv ${ack.rv}) but stored ${replicas}`);
    }
  }
  server.stop();

  latencies.sort((a, b) => a - b);
  const total = latencies.length;
  const rps = Math.round(total / elapsedS);
  const p50 = Number(percentile(latencies, 50).toFixed(2));
  const p95 = Number(percentile(latencies, 95).toFixed(2));
  console.log(`${CLIENTS} clients × ${DURATION_S}s: ${total} requests (list ${counts.list}, get ${counts.get}, scale ${counts.scale}, errors ${counts.errors})`);
  console.log(`throughput ${rps} req/s, latency p50 ${p50} ms, p95 ${p95} ms, lost writes ${lostWrites}/${lastAck.size}`);
  console.log(`BENCH ${JSON.stringify({ rps, p50_ms: p50, p95_ms: p95, lost_writes: lostWrites, errors: counts.errors, requests: total })}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
