/**
 * A big cluster in one step, for scale benches and demos (`npm run sim-cluster -- --pods 20000`):
 * enough worker nodes for the pods, the simulator's pod quota raised to fit, and Deployments of
 * PODS_PER_DEPLOYMENT replicas advanced in simulated time until every pod runs — before the server
 * listens, so the first list a client makes already sees the whole cluster.
 * Cost: the engine's own (about 20 s of CPU for 20,000 pods on the project's machine).
 */
import { createSimulator } from '../sim';
import type { Simulator } from '../sim/types';
import type { V1Pod } from '../k8s/api-types';

/** Like a kubelet's default --max-pods. */
export const PODS_PER_NODE = 110;
export const PODS_PER_DEPLOYMENT = 200;
/** Nodes are filled to this share of their pod capacity, so a rollout's surge pods still fit. */
const FILL = 0.9;
const STEP_MS = 2_000;
const GIVE_UP_AFTER_SIM_MS = 600_000;

export interface SeedPlan {
  workers: number;
  /** the cluster's pod quota: the seeded pods plus room for surges and the learner's own */
  maxPods: number;
  deployments: { name: string; replicas: number }[];
}

/** How `pods` pods are laid out: pure, so the numbers are testable without running the engine. */
export function seedPlan(pods: number, minWorkers = 2): SeedPlan {
  const workers = Math.max(minWorkers, Math.ceil(pods / (PODS_PER_NODE * FILL)));
  const deployments: SeedPlan['deployments'] = [];
  for (let left = pods, i = 0; left > 0; i++, left -= PODS_PER_DEPLOYMENT) {
    deployments.push({ name: `load-${i}`, replicas: Math.min(PODS_PER_DEPLOYMENT, left) });
  }
  return { workers, maxPods: Math.max(10_000, pods + Math.ceil(pods / 4)), deployments };
}

/** A simulator holding `pods` running pods in namespace default. Throws if they do not all run in time. */
export function seededSimulator(opts: { pods: number; seed: number; workers: number }): Simulator {
  const plan = seedPlan(opts.pods, opts.workers);
  // Start in the past by the longest seeding we allow, so object timestamps are not in the future.
  const sim = createSimulator({
    seed: opts.seed,
    startTime: Date.now() - GIVE_UP_AFTER_SIM_MS,
    limits: { maxPods: plan.maxPods, maxReplicasPerWorkload: Math.max(5_000, PODS_PER_DEPLOYMENT) },
    cluster: { workers: plan.workers, workerCapacity: { cpu: '64', memory: '256Gi', pods: PODS_PER_NODE } },
  });
  for (const d of plan.deployments) {
    const labels = { app: d.name };
    sim.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: d.name, namespace: 'default', labels },
      spec: { replicas: d.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    });
  }
  for (let t = 0; t < GIVE_UP_AFTER_SIM_MS; t += STEP_MS) {
    sim.advance(STEP_MS);
    if (runningPods(sim) >= opts.pods) return sim;
  }
  throw new Error(`${opts.pods}개 파드 중 ${runningPods(sim)}개만 실행됐어요 (${GIVE_UP_AFTER_SIM_MS / 1000}초 시뮬레이션 후)`);
}

function runningPods(sim: Simulator): number {
  let n = 0;
  // the stored pods, not copies: read once per seeding step (a copy of every pod each time cost more than the step)
  for (const p of sim.listStored('Pod', 'default').items as readonly V1Pod[]) if (p.status?.phase === 'Running') n++;
  return n;
}
