/**
 * The FailedScheduling message, one row per filter, in the wording of v1.34:
 * - pkg/scheduler/framework/types.go FitError.Error: "0/N nodes are available: " + the sorted "count reason" histogram,
 *   then the PostFilter message (DynamicResources' "no new claims to deallocate", then DefaultPreemption's
 *   "preemption: " + its own FitError over the nodes where preemption might help).
 * - pkg/scheduler/framework/preemption/preemption.go: UnschedulableAndUnresolvable nodes → "Preemption is not helpful
 *   for scheduling"; the others, with no lower-priority pod to evict → "No preemption victims found for incoming pod".
 * - reasons: nodeunschedulable/node_unschedulable.go, tainttoleration/taint_toleration.go ("(s)" since the fix that
 *   stopped naming taints), nodeaffinity/node_affinity.go, noderesources/fit.go (Unresolvable when the request
 *   exceeds the node's whole allocatable), interpodaffinity/filtering.go, podtopologyspread/filtering.go.
 * - pkg/scheduler/schedule_one.go ErrNoNodesAvailable when the cluster has no node at all.
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod, V1PodSpec } from '../../../k8s/api-types';
import { createSimulator, type Simulator } from '../../index';

const TAIL_ALL_UNRESOLVABLE = 'no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const TAIL_WORKERS_RESOLVABLE =
  'no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

/** A running pod bound directly to a node (the scheduler never sees it), labelled for the affinity rows. */
function placed(sim: Simulator, name: string, nodeName: string, labels: Record<string, string>) {
  sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx:1.25' }] } });
}
const bothWorkers = (labels: Record<string, string>) => (sim: Simulator) => {
  placed(sim, 'w1', 'worker-1', labels);
  placed(sim, 'w2', 'worker-2', labels);
};
const requests = (r: Record<string, string>): Partial<V1PodSpec> => ({ containers: [{ name: 'c', image: 'nginx:1.25', resources: { requests: r } }] });

interface Row {
  what: string;
  setup?: (sim: Simulator) => void;
  spec?: Partial<V1PodSpec>;
  labels?: Record<string, string>;
  message: string;
}

// Workers: 2 CPU and 4Gi allocatable, already running calico-node (250m) and one coredns (100m, 70Mi) each.
const rows: Row[] = [
  {
    what: 'insufficient cpu, room once others leave',
    spec: requests({ cpu: '1900m' }),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'cpu beyond any node’s allocatable',
    spec: requests({ cpu: '3' }),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'insufficient memory',
    spec: requests({ memory: '4050Mi' }),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient memory. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'cpu and memory both short',
    spec: requests({ cpu: '1900m', memory: '4050Mi' }),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu, 2 Insufficient memory. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'memory beyond any node’s allocatable',
    spec: requests({ memory: '5Gi' }),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient memory. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'a taint on every node',
    setup: (sim) => ['worker-1', 'worker-2'].forEach((n) => sim.patch('Node', n, undefined, { spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } }, 'merge')),
    message: `0/3 nodes are available: 3 node(s) had untolerated taint(s). ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'nodeSelector no node carries',
    spec: { nodeSelector: { disk: 'ssd' } },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'required node affinity',
    spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'cordoned workers',
    setup: (sim) => ['worker-1', 'worker-2'].forEach((n) => sim.patch('Node', n, undefined, { spec: { unschedulable: true } }, 'merge')),
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) were unschedulable. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'pod anti-affinity',
    setup: bothWorkers({ app: 'db' }),
    spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'existing pods’ anti-affinity',
    setup: (sim) => {
      for (const [name, nodeName] of [['g1', 'worker-1'], ['g2', 'worker-2']]) {
        const antiWeb = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } };
        sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'guard' } }, spec: { nodeName, affinity: antiWeb, containers: [{ name: 'c', image: 'nginx:1.25' }] } });
      }
    },
    labels: { app: 'web' },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't satisfy existing pods anti-affinity rules. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'pod affinity to pods that are nowhere',
    spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } }] } } },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod affinity rules. ${TAIL_ALL_UNRESOLVABLE}`,
  },
  {
    what: 'topology spread (the tainted control plane is a domain with 0 pods)',
    setup: bothWorkers({ app: 'web' }),
    labels: { app: 'web' },
    spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] },
    message: `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod topology spread constraints. ${TAIL_WORKERS_RESOLVABLE}`,
  },
  {
    what: 'no node at all',
    setup: (sim) => ['control-plane', 'worker-1', 'worker-2'].forEach((n) => sim.delete('Node', n)),
    message: 'no nodes available to schedule pods',
  },
];

describe('FailedScheduling messages (v1.34 wording)', () => {
  it.each(rows)('$what', ({ setup, spec, labels, message }) => {
    const sim = createSimulator({ seed: 91 });
    setup?.(sim);
    sim.advance(5_000);
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe', namespace: 'default', labels: labels ?? { app: 'probe' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...spec } });
    sim.advance(5_000);
    const pod = sim.get('Pod', 'probe', 'default') as V1Pod;
    expect(pod.spec!.nodeName).toBeUndefined();
    expect(pod.status!.conditions!.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  });
});
