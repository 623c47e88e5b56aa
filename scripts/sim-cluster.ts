/**
 * `npm run sim-cluster -- [--port 6443] [--kubeconfig .kubesim/kubeconfig] [--seed N] [--workers N] [--speed X]`
 *
 * `--speed 0` stops the simulated clock: the cluster answers but nothing moves (tests compare
 * snapshots taken before and after a run of requests).
 *
 * Runs the simulator in real time behind a Kubernetes REST API on 127.0.0.1, writes a kubeconfig
 * for it and prints `kubesim ready http://127.0.0.1:PORT` once it accepts requests.
 * Then, in another terminal: `KUBECONFIG=.kubesim/kubeconfig kubectl get nodes`.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSimServer } from '../lib/simserver';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string', default: '.kubesim/kubeconfig' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    speed: { type: 'string', default: '1' },
  },
  strict: true,
});

function intArg(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`kubesim: --${name} 값은 ${min} 이상의 정수여야 해요 (받은 값: ${raw})`);
    process.exit(2);
  }
  return n;
}

const kubeconfigPath = resolve(values.kubeconfig ?? '.kubesim/kubeconfig');
const speed = Number(values.speed);
if (!(speed >= 0) || !Number.isFinite(speed)) {
  console.error(`kubesim: --speed 값은 0 이상의 수여야 해요 (0이면 시계가 멈춰요, 받은 값: ${values.speed})`);
  process.exit(2);
}

const server = await startSimServer({
  port: intArg('port', values.port, 0),
  seed: intArg('seed', values.seed, 0),
  workers: intArg('workers', values.workers, 1),
  speed,
  kubeconfigPath,
}).catch((e: unknown) => {
  console.error(`kubesim: 서버를 시작하지 못했어요: ${(e as Error).message}`);
  process.exit(1);
});

console.log(`kubesim ready ${server.url}`);
// The hint goes to stderr so stdout stays the single machine-readable ready line.
console.error(`kubeconfig 파일을 만들었어요: ${kubeconfigPath}`);
console.error(`다른 터미널에서: export KUBECONFIG=${kubeconfigPath} && kubectl get nodes`);
console.error('멈추려면 Ctrl+C를 누르세요.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
