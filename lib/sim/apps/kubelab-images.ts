/**
 * Teaching images of our own, under the `kubelab/` prefix (docker.io/kubelab/…, which this simulator's
 * registry serves): small web apps whose behaviour makes one lesson point each.
 *   kubelab/hello:1.0 / 2.0   answers "Hello from POD (version V)"; /healthz and /ready answer ok
 *   kubelab/hello:2.0-slow    ready only after ~20 s (readiness probes, rollouts waiting)
 *   kubelab/hello:3.0-broken  /healthz fails with 500 after ~10 s (liveness probe restarts, rollback)
 *   kubelab/leaky:1.0         memory grows ~4 MiB/s until the limit kills it (OOMKilled)
 *   kubelab/crasher:1.0       exits 1 after ~30 s (CrashLoopBackOff, logs --previous)
 */
import { mib, type AppModel, type ImageFamily } from './types';

const hello: AppModel = {
  entrypoint: ['/hello'],
  cmd: [],
  kind: 'server',
  programs: ['hello'],
  ports: [8080],
  readyAfterMs: 1_000,
  routes: {
    '/healthz': { status: 200, body: 'ok\n' },
    '/ready': { status: 200, body: 'ok\n' },
    '*': { status: 200, body: 'Hello from {pod} (version {version})\n' },
  },
  startLogs: ['{iso} kubelab-hello {version} starting', { at: 1_000, text: '{iso} kubelab-hello {version} listening on :8080' }],
  requestLog: '{iso} {client} {method} {path} {status}',
  stopLogs: ['{iso} kubelab-hello {version} got SIGTERM, shutting down'],
  memory: { idleBytes: mib(6), perRequestBytes: 32 * 1024 },
  sigterm: 'exit',
  shell: 'sh',
  // built FROM busybox: its wget and nslookup are there for trying the network from inside
  tools: ['wget', 'nslookup'],
};

export const KUBELAB_IMAGES: ImageFamily[] = [
  {
    repository: 'docker.io/kubelab/hello',
    tags: ['1.0', '2.0', '2.0-slow', '3.0-broken', 'latest'],
    sizeBytes: 7_340_032,
    app: hello,
    byTag: {
      latest: { version: '1.0' },
      '2.0-slow': {
        version: '2.0',
        readyAfterMs: 20_000,
        startLogs: ['{iso} kubelab-hello 2.0 starting', '{iso} kubelab-hello 2.0 warming cache (this takes ~20s)', { at: 20_000, text: '{iso} kubelab-hello 2.0 listening on :8080' }],
      },
      // healthy for its first 10 s, then /healthz answers 500 for good: a liveness probe restarts it
      '3.0-broken': { version: '3.0', failsHealthAfterMs: 10_000 },
    },
  },
  {
    repository: 'docker.io/kubelab/leaky',
    tags: ['1.0', 'latest'],
    sizeBytes: 6_291_456,
    app: { ...hello, entrypoint: ['/leaky'], programs: ['leaky'], version: '1.0', startLogs: ['{iso} kubelab-leaky 1.0 listening on :8080 (leaks ~4MiB/s)'], memory: { idleBytes: mib(8), growBytesPerSec: mib(4) } },
  },
  {
    repository: 'docker.io/kubelab/crasher',
    tags: ['1.0', 'latest'],
    sizeBytes: 5_242_880,
    app: {
      ...hello,
      entrypoint: ['/crasher'],
      programs: ['crasher'],
      kind: 'exits',
      version: '1.0',
      startLogs: ['{iso} kubelab-crasher 1.0 starting', '{iso} kubelab-crasher 1.0 listening on :8080', { at: 30_000, text: '{iso} kubelab-crasher 1.0 fatal: lost connection to config server, exiting with code 1', stream: 'stderr' }],
      exit: { afterMs: 30_000, code: 1 },
    },
  },
];
