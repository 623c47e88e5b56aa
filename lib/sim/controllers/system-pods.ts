/**
 * The kube-system pods that are not owned by a ReplicaSet: static pods on the control plane (the
 * kubelet recreates their mirror pods, SystemPodKeeper below) and DaemonSet pods (kube-proxy, calico-node:
 * real DaemonSet objects made at bootstrap, kept one per node by controllers/daemonset.ts). Deleting one in a
 * lesson brings it back, as on kubeadm.
 */
import type { V1Container, V1DaemonSet, V1Node, V1OwnerReference, V1Pod } from '../../k8s/api-types';
import { TEMPLATE_GENERATION_ANNOTATION } from './daemonset-util';
import type { KubeObject } from '../../k8s/types';
import { randomSuffix } from '../../k8s/names';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import { apiVersionOf, kindOf } from '../../k8s/kinds';
import type { StoreChange } from '../store';
import { applyDefaults, admitPod } from '../defaults';
import { hex64 } from './pod-status';
import { controllerRef } from '../pods';
import { withFields } from '../json';

export const SYSTEM_PODS = 'static-pod-keeper';
export const K8S_VERSION = 'v1.34.2';

export interface SystemPodDef {
  base: string;
  /** static pods run only on the control plane and are named <base>-<node> */
  static: boolean;
  containers: V1Container[];
  labels: Record<string, string>;
}

const req = (cpu: string, memory?: string) => ({ requests: { cpu, ...(memory ? { memory } : {}) } });
const image = (name: string, tag = K8S_VERSION) => `registry.k8s.io/${name}:${tag}`;
const staticPod = (component: string, img: string, resources: V1Container['resources']): SystemPodDef => ({
  base: component,
  static: true,
  containers: [{ name: component, image: img, resources }],
  labels: { component, tier: 'control-plane' },
});

export const SYSTEM_POD_DEFS: SystemPodDef[] = [
  staticPod('etcd', image('etcd', '3.6.4-0'), req('100m', '100Mi')),
  staticPod('kube-apiserver', image('kube-apiserver'), req('250m')),
  staticPod('kube-controller-manager', image('kube-controller-manager'), req('200m')),
  staticPod('kube-scheduler', image('kube-scheduler'), req('100m')),
  { base: 'kube-proxy', static: false, containers: [{ name: 'kube-proxy', image: image('kube-proxy') }], labels: { 'k8s-app': 'kube-proxy', 'controller-revision-hash': '7bb84c4984', 'pod-template-generation': '1' } },
  {
    base: 'calico-node',
    static: false,
    containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.30.3', resources: req('250m') }],
    labels: { 'k8s-app': 'calico-node', 'controller-revision-hash': '5c8d6f4d7b', 'pod-template-generation': '1' },
  },
];

const daemonSetRef = (name: string): V1OwnerReference => ({
  apiVersion: apiVersionOf(kindOf('DaemonSet')),
  kind: 'DaemonSet',
  name,
  uid: hex64(`daemonset/${name}`).replace(/^(.{8})(.{4})(.{3})(.{3})(.{12}).*/, '$1-$2-4$3-a$4-$5'),
  controller: true,
  blockOwnerDeletion: true,
});

/** The pod spec of a definition, before any node is chosen. */
const systemPodSpec = (def: SystemPodDef): V1Pod['spec'] => ({
  containers: def.containers,
  hostNetwork: true,
  priorityClassName: 'system-node-critical',
  priority: 2000001000,
  tolerations: [
    { operator: 'Exists', effect: 'NoExecute' },
    { operator: 'Exists', effect: 'NoSchedule' },
  ],
});

/** The pod a static manifest or DaemonSet makes for `node` (without status). */
export function systemPodManifest(e: Engine, def: SystemPodDef, node: V1Node): V1Pod {
  const nodeName = node.metadata!.name!;
  const owner: V1OwnerReference = def.static ? { apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata!.uid!, controller: true } : daemonSetRef(def.base);
  const name = def.static ? `${def.base}-${nodeName}` : `${def.base}-${randomSuffix(e.rng.next)}`;
  const pod = applyDefaults(
    'Pod',
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'kube-system', labels: { ...def.labels }, ownerReferences: [owner] },
      spec: withFields(systemPodSpec(def), { nodeName }),
    } as KubeObject,
    600,
  ) as V1Pod;
  return admitPod(pod, e.timings.podEvictionTimeout);
}

/**
 * The DaemonSet object a non-static definition stands for, stamped here rather than through the engine so the
 * bootstrap draws nothing from the seeded rng (its uid is the one the pods' ownerReferences already name).
 */
export function systemDaemonSet(e: Engine, def: SystemPodDef): V1DaemonSet {
  const labels = Object.fromEntries(Object.entries(def.labels).filter(([k]) => k !== 'controller-revision-hash' && k !== 'pod-template-generation'));
  const ds = applyDefaults(
    'DaemonSet',
    {
      apiVersion: apiVersionOf(kindOf('DaemonSet')),
      kind: 'DaemonSet',
      metadata: {
        name: def.base,
        namespace: 'kube-system',
        uid: daemonSetRef(def.base).uid,
        generation: 1,
        creationTimestamp: e.iso(),
        labels,
        annotations: { [TEMPLATE_GENERATION_ANNOTATION]: '1' },
      },
      spec: {
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: systemPodSpec(def) },
      },
    } as KubeObject,
    600,
  ) as V1DaemonSet;
  return e.store.put('DaemonSet', ds, { actor: 'kubeadm', message: `kubeadm: 데몬셋 ${def.base} 설치`, hop: 'apiserver' }, true) as V1DaemonSet;
}

/** Which definition a pod was made from, if any. */
function defOf(pod: V1Pod): SystemPodDef | undefined {
  const ref = controllerRef(pod);
  if (pod.metadata?.namespace !== 'kube-system' || ref?.kind !== 'Node') return undefined;
  return SYSTEM_POD_DEFS.find((d) => d.static && pod.metadata!.name === `${d.base}-${pod.spec?.nodeName}`);
}

export class SystemPodKeeper implements Controller {
  readonly name = SYSTEM_PODS;
  readonly watches: readonly Kind[] = ['Pod'];
  /** a static or system pod is recreated only after it is gone */
  readonly changeTypes = { Pod: ['DELETED'] } as const;

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind !== 'Pod' || c.type !== 'DELETED') return;
    const pod = c.object as V1Pod;
    const def = defOf(pod);
    if (def && pod.spec?.nodeName) e.enqueueAt(SYSTEM_PODS, `${def.base}|${pod.spec.nodeName}`, e.time + 1000);
  }

  reconcile(key: string, e: Engine): void {
    const [base, nodeName] = key.split('|');
    const def = SYSTEM_POD_DEFS.find((d) => d.base === base && d.static);
    const node = e.get<V1Node>('Node', nodeName);
    if (!def || !node) return;
    for (const podKey of e.store.podsByNode.get(nodeName) ?? []) {
      const pod = e.get<V1Pod>('Pod', podKey)!;
      if (defOf(pod) === def && !pod.metadata?.deletionTimestamp) return;
    }
    const pod = systemPodManifest(e, def, node);
    const message = `kubelet(${nodeName}): 스태틱 파드 ${def.base}의 미러 파드가 지워져 다시 만듦 (매니페스트는 /etc/kubernetes/manifests에 있음)`;
    e.createObject('Pod', pod, { actor: `kubelet/${nodeName}`, message, hop: 'kubelet' });
  }
}
