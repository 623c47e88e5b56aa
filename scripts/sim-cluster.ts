/**
 * `npm run sim-cluster -- [--port 6443] [--kubeconfig .kubesim/kubeconfig] [--seed N] [--workers N] [--speed X] [--bare] [--pods N]`
 *
 * `--pods N` starts with N running pods in namespace default (Deployments of 200, enough 110-pod nodes,
 * the pod quota raised to fit): a big cluster for scale benches, ready before the server listens.
 *
 * `--bare` starts from three bare machines instead of a cluster: type `<machine> <command>` lines on stdin
 * (`master sudo swapoff -a`, `master sudo kubeadm init`, `worker-1 sudo kubeadm join …`) and watch the nodes
 * join with a real kubectl.
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
import { createInterface } from 'node:readline';
import { startSimServer } from '../lib/simserver';
import { createSimulator } from '../lib/sim';
import { EngineClient } from '../lib/kubectl/testing/engine-client';
import { machineCli } from '../lib/machines/cli';
import { seededSimulator } from '../lib/simserver/seed';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string', default: '.kubesim/kubeconfig' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    speed: { type: 'string', default: '1' },
    bare: { type: 'boolean', default: false },
    pods: { type: 'string', default: '0' },
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

const seed = intArg('seed', values.seed, 0);
const workers = intArg('workers', values.workers, 1);
const pods = intArg('pods', values.pods, 0);
const bareSim = values.bare ? createSimulator({ seed, startTime: Date.now(), cluster: { bare: true } }) : undefined;
let seededSim;
try {
  seededSim = pods > 0 && !bareSim ? seededSimulator({ pods, seed, workers }) : undefined;
} catch (e) {
  console.error(`kubesim: 파드 ${pods}개를 준비하지 못했어요: ${(e as Error).message}`);
  process.exit(1);
}
const server = await startSimServer({
  port: intArg('port', values.port, 0),
  seed,
  sim: bareSim ?? seededSim,
  workers,
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

if (bareSim) {
  const cli = machineCli(bareSim, new EngineClient(bareSim), seed);
  console.error('빈 머신 모드: 한 줄에 "머신 명령" 하나씩 입력하세요. 예) master sudo swapoff -a');
  const rl = createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      process.stdout.write(await cli.run(line));
    });
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  });
}
