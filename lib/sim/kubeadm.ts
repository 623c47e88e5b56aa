/**
 * What `kubeadm init`, `kubeadm join` and `kubeadm reset` do to the API side of a bare-machines simulator
 * (ClusterConfig.bare): the machine side (files, kubelet service, output text) is lib/machines.
 *
 * Upstream: cmd/kubeadm/app/cmd/phases/init/* (controlplane static pods, mark-control-plane, addons),
 * cmd/kubeadm/app/cmd/phases/join/kubelet.go (the kubelet registers the Node), and the kubelet's
 * runtime network check (pkg/kubelet/kubelet_node_status.go: Ready=False while the CNI is missing).
 */
import type { V1ConfigMap, V1Node } from '../k8s/api-types';
import type { KubeObject } from '../k8s/types';
import { PodRuntimes, type Engine } from './engine';
import type { Cause } from './types';
import { applyDefaults } from './defaults';
import { bootstrapServices, createCoreDns, makeNode } from './cluster';
import { SYSTEM_POD_DEFS, systemDaemonSet, systemPodManifest } from './controllers/system-pods';
import { nodeRuntime } from './controllers/node-network';
import { NODE_LIFECYCLE } from './controllers/node-lifecycle';
import { NODE_STATUS } from './controllers/node-status';
import { KUBELET } from './controllers/kubelet';
import { KINDS } from '../k8s/types';
import { keyOf } from './store';

export type KubeadmAction =
  | { op: 'init'; node: string; ip: string; podSubnet?: string }
  | { op: 'join'; node: string; ip: string }
  | { op: 'reset'; node: string };

/** The kubelet's message while no CNI config exists (pkg/kubelet/kubelet_node_status.go, containerd's CRI status). */
export const CNI_NOT_READY_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
/** The label of the pods that are the network plugin: calico-node puts the CNI config in /etc/cni/net.d. */
export const CNI_POD_LABEL = ['k8s-app', 'calico-node'] as const;
const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

const cause = (message: string, actor = 'kubeadm'): Cause => ({ actor, message, hop: 'apiserver' });

/** The node's /24 inside the --pod-network-cidr (the controller-manager's range allocator), e.g. 10.244.1.0/24. */
function podCidrFor(podSubnet: string | undefined, index: number): string {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+\/\d+$/.exec(podSubnet ?? '');
  return m ? `${m[1]}.${m[2]}.${index}.0/24` : `10.244.${index}.0/24`;
}

/** The Node the kubelet registers: NotReady (no CNI yet) with the not-ready taint, on the machine's IP. */
function registerNode(e: Engine, name: string, ip: string, controlPlane: boolean, podSubnet: string | undefined): V1Node {
  const index = e.store.count('Node');
  const node = makeNode(name, index, controlPlane, { cpu: '2', memory: '4Gi', pods: 110 }, e);
  const cidr = podCidrFor(podSubnet, index);
  const now = e.iso();
  node.spec = {
    ...node.spec,
    podCIDR: cidr,
    podCIDRs: [cidr],
    taints: [...(node.spec?.taints ?? []), { key: NOT_READY_TAINT, effect: 'NoSchedule', timeAdded: now }],
  };
  node.status = {
    ...node.status,
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: name },
    ],
    conditions: node.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady', message: CNI_NOT_READY_MESSAGE } : c)),
  };
  nodeRuntime(e, name).cniRequired = true;
  return e.createObject('Node', node, cause(`kubelet(${name}): 노드 ${name} 등록 (CNI가 없어 NotReady)`, `kubelet/${name}`));
}

function configMap(e: Engine, name: string, namespace: string, data: Record<string, string>): void {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data } as V1ConfigMap;
  e.createObject('ConfigMap', applyDefaults('ConfigMap', cm as KubeObject, 600), cause(`kubeadm: ConfigMap ${name} 저장`));
}

function init(e: Engine, a: Extract<KubeadmAction, { op: 'init' }>): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    e.createObject('Namespace', applyDefaults('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KubeObject, 600), cause('kube-apiserver: 기본 네임스페이스 생성'));
  const node = registerNode(e, a.node, a.ip, true, a.podSubnet);
  // [control-plane]/[etcd]: the kubelet starts the static pods from /etc/kubernetes/manifests; their mirror pods appear
  for (const def of SYSTEM_POD_DEFS)
    if (def.static) e.createObject('Pod', systemPodManifest(e, def, node), cause(`kubelet(${a.node}): 스태틱 파드 ${def.base} 시작 (/etc/kubernetes/manifests/${def.base}.yaml)`, `kubelet/${a.node}`));
  configMap(e, 'kubeadm-config', 'kube-system', { ClusterConfiguration: `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: ${a.podSubnet ?? ''}\n  serviceSubnet: 10.96.0.0/12\n` });
  configMap(e, 'kubelet-config', 'kube-system', { kubelet: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n' });
  configMap(e, 'cluster-info', 'kube-public', { kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    server: https://${a.ip}:6443\n  name: ""\nkind: Config\n` });
  // [addons]: CoreDNS (Pending until a node is Ready) and kube-proxy (a DaemonSet that tolerates everything)
  bootstrapServices(e, true);
  createCoreDns(e);
  const proxy = SYSTEM_POD_DEFS.find((d) => d.base === 'kube-proxy')!;
  systemDaemonSet(e, proxy);
}

function join(e: Engine, a: Extract<KubeadmAction, { op: 'join' }>): void {
  const existing = e.get<V1Node>('Node', a.node);
  if (!existing) {
    registerNode(e, a.node, a.ip, false, undefined);
    return;
  }
  // a node that was reset and joins again: its kubelet posts status again (the Node object was kept)
  const rt = nodeRuntime(e, a.node);
  rt.downSince = undefined;
  e.enqueue(NODE_LIFECYCLE, a.node);
  e.enqueue(NODE_STATUS, a.node);
  for (const key of e.store.podsByNode.get(a.node) ?? []) e.enqueue(KUBELET, key);
}

function reset(e: Engine, a: Extract<KubeadmAction, { op: 'reset' }>): void {
  const node = e.get<V1Node>('Node', a.node);
  const controlPlane = node?.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  if (controlPlane) {
    // the static pods' manifests and etcd's data are gone: the API server and everything it stored go with them
    const c = cause(`kubeadm reset(${a.node}): 컨트롤 플레인과 etcd 데이터 삭제 — 클러스터가 사라짐`);
    for (const kind of KINDS) for (const o of [...e.store.values(kind)]) e.store.remove(kind, keyOf(o.metadata!.name!, o.metadata!.namespace), c);
    e.state.nodes = {};
    e.state.kubelet = new PodRuntimes();
    return;
  }
  if (!node) return;
  // the kubelet is stopped: the Node stays in the API and turns NotReady after the grace period, like a failed node
  const rt = nodeRuntime(e, a.node);
  if (rt.downSince === undefined) rt.downSince = e.time;
  e.enqueueAt(NODE_LIFECYCLE, a.node, e.time + e.timings.nodeMonitorGrace);
}

/** Applies one kubeadm action to the engine (the Simulator's `kubeadm` method). */
export function applyKubeadm(e: Engine, a: KubeadmAction): void {
  if (a.op === 'init') init(e, a);
  else if (a.op === 'join') join(e, a);
  else reset(e, a);
}

/**
 * The kubelet's network readiness: a node registered by kubeadm is network-ready once a calico-node pod on it is
 * running and ready (it wrote /etc/cni/net.d). Nodes of the default cluster never need the check.
 */
export function nodeNetworkReady(e: Engine, name: string): boolean {
  if (!e.state.nodes[name]?.cniRequired) return true;
  for (const key of e.store.podsByNode.get(name) ?? []) {
    const pod = e.store.get('Pod', key);
    if (pod?.metadata?.labels?.[CNI_POD_LABEL[0]] !== CNI_POD_LABEL[1]) continue;
    const ready = (pod as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    if (ready) return true;
  }
  return false;
}

/** How a node that needs a CNI reads while it has none (used by the node lifecycle controller). */
export const NOT_READY_FOR_CNI = { status: 'False', reason: 'KubeletNotReady', message: CNI_NOT_READY_MESSAGE, taint: NOT_READY_TAINT } as const;
