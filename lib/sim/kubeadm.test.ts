/**
 * Bare machines → a cluster, on the API side.
 * - kubeadm init registers the control-plane Node with the control-plane label and NoSchedule taint
 *   (cmd/kubeadm/app/phases/markcontrolplane/markcontrolplane.go), starts etcd/apiserver/controller-manager/scheduler
 *   as static pods (cmd/kubeadm/app/phases/controlplane/manifests.go) and installs CoreDNS and kube-proxy
 *   (cmd/kubeadm/app/phases/addons/dns, addons/proxy).
 * - Until a CNI is installed the kubelet reports Ready=False with the runtime's NetworkReady=false message
 *   (pkg/kubelet/kubelet_node_status.go setNodeReadyCondition, runtime network status) and the node carries the
 *   node.kubernetes.io/not-ready:NoSchedule taint (pkg/controller/nodelifecycle TaintNodesByCondition), so CoreDNS
 *   stays Pending.
 * - kubeadm reset on a worker stops its kubelet; the Node object stays (cmd/kubeadm/app/cmd/phases/reset/cleanupnode.go).
 */
import { describe, expect, it } from 'vitest';
import type { V1DaemonSet, V1Node, V1Pod } from '../k8s/api-types';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import type { Simulator } from './types';
import { CNI_NOT_READY_MESSAGE } from './kubeadm';

const nodes = (sim: Simulator) => sim.list('Node').items as V1Node[];
const ready = (n: V1Node) => n.status!.conditions!.find((c) => c.type === 'Ready')!;
const pods = (sim: Simulator, label: string) => sim.list('Pod', 'kube-system', { labelSelector: label }).items as V1Pod[];
const calico: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'calico-node', namespace: 'kube-system', labels: { 'k8s-app': 'calico-node' } },
  spec: {
    selector: { matchLabels: { 'k8s-app': 'calico-node' } },
    template: {
      metadata: { labels: { 'k8s-app': 'calico-node' } },
      spec: { hostNetwork: true, tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }], containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.30.3' }] },
    },
  },
};

function initCluster(): Simulator {
  const sim = createSimulator({ seed: 3, cluster: { bare: true } });
  sim.kubeadm({ op: 'init', node: 'master', ip: '192.168.56.10', podSubnet: '10.244.0.0/16' });
  sim.kubeadm({ op: 'join', node: 'worker-1', ip: '192.168.56.11' });
  sim.kubeadm({ op: 'join', node: 'worker-2', ip: '192.168.56.12' });
  sim.advance(60_000);
  return sim;
}

describe('kubeadm on bare machines (API side)', () => {
  it('starts with no API objects at all', () => {
    const sim = createSimulator({ seed: 3, cluster: { bare: true } });
    expect(nodes(sim)).toEqual([]);
    expect(sim.list('Namespace').items).toEqual([]);
  });

  it('init: control plane node, static pods running, CoreDNS Pending on the not-ready taint; nodes NotReady without a CNI', () => {
    const sim = initCluster();
    expect(nodes(sim).map((n) => n.metadata!.name)).toEqual(['master', 'worker-1', 'worker-2']);
    const master = nodes(sim)[0];
    expect(master.metadata!.labels).toHaveProperty('node-role.kubernetes.io/control-plane', '');
    expect(master.spec!.taints!.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(master.status!.addresses![0]).toEqual({ type: 'InternalIP', address: '192.168.56.10' });
    for (const n of nodes(sim)) expect(ready(n)).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: CNI_NOT_READY_MESSAGE });
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect((sim.get('Pod', `${c}-master`, 'kube-system') as V1Pod).status?.phase).toBe('Running');
    expect(pods(sim, 'k8s-app=kube-proxy').map((p) => p.status!.phase)).toEqual(['Running', 'Running', 'Running']);
    const dns = pods(sim, 'k8s-app=kube-dns');
    expect(dns).toHaveLength(2);
    for (const p of dns) expect(p.status!.phase).toBe('Pending');
  });

  it('a CNI DaemonSet makes every node Ready and CoreDNS runs', () => {
    const sim = initCluster();
    sim.create(calico);
    sim.advance(90_000);
    for (const n of nodes(sim)) {
      expect(ready(n)).toMatchObject({ status: 'True', reason: 'KubeletReady' });
      expect(n.spec!.taints?.some((t) => t.key === 'node.kubernetes.io/not-ready')).toBeFalsy();
    }
    expect((sim.get('DaemonSet', 'calico-node', 'kube-system') as V1DaemonSet).status?.numberReady).toBe(3);
    for (const p of pods(sim, 'k8s-app=kube-dns')) expect(p.status!.phase).toBe('Running');
  });

  it('reset on a worker: the Node stays and turns NotReady (Unknown); joining again brings it back', () => {
    const sim = initCluster();
    sim.create(calico);
    sim.advance(90_000);
    sim.kubeadm({ op: 'reset', node: 'worker-2' });
    sim.advance(60_000);
    expect(ready(sim.get('Node', 'worker-2') as V1Node).status).toBe('Unknown');
    sim.kubeadm({ op: 'join', node: 'worker-2', ip: '192.168.56.12' });
    sim.advance(30_000);
    expect(ready(sim.get('Node', 'worker-2') as V1Node).status).toBe('True');
  });

  it('reset on the control plane takes the whole API away', () => {
    const sim = initCluster();
    sim.kubeadm({ op: 'reset', node: 'master' });
    sim.advance(10_000);
    expect(nodes(sim)).toEqual([]);
    expect(sim.list('Pod').items).toEqual([]);
  });
});
