/**
 * Small builders for Kubernetes objects in unit tests of the graph and the store.
 * Only the fields the projections read are filled.
 */
import type { V1Deployment, V1Node, V1Pod, V1ReplicaSet, V1Service } from '../k8s/types';

export interface PodSpecInput {
  name: string;
  namespace?: string;
  node?: string | null;
  labels?: Record<string, string>;
  owner?: string;
  phase?: string;
  ready?: boolean;
  waiting?: string;
  deleting?: boolean;
  restarts?: number;
  created?: string;
  cpu?: string;
  memory?: string;
}

export function makePod(p: PodSpecInput): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace ?? 'default',
      labels: p.labels ?? {},
      creationTimestamp: (p.created ?? '2024-01-01T00:00:00Z'),
      ...(p.deleting ? { deletionTimestamp: '2024-01-01T00:10:00Z' } : {}),
      ...(p.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: p.owner, uid: p.owner, controller: true }] } : {}),
    },
    spec: {
      nodeName: p.node ?? undefined,
      containers: [{ name: 'app', image: 'nginx', resources: { requests: { ...(p.cpu ? { cpu: p.cpu } : {}), ...(p.memory ? { memory: p.memory } : {}) } } }],
    },
    status: {
      phase: p.phase ?? 'Running',
      podIP: '10.244.1.5',
      conditions: [{ type: 'Ready', status: p.ready === false ? 'False' : 'True' }],
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx',
          imageID: '',
          ready: p.ready !== false,
          restartCount: p.restarts ?? 0,
          state: p.waiting ? { waiting: { reason: p.waiting } } : { running: {} },
        },
      ],
    },
  };
}

export function makeNode(name: string, opts: { controlPlane?: boolean; ready?: boolean; unschedulable?: boolean } = {}): V1Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    spec: { unschedulable: opts.unschedulable || undefined },
    status: {
      allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'Unknown' : 'True' }],
      addresses: [{ type: 'InternalIP', address: '192.168.0.2' }],
    },
  };
}

export function makeReplicaSet(
  name: string,
  o: { deployment: string; revision: number; desired: number; current?: number; ready?: number; available?: number },
): V1ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'deployment.kubernetes.io/revision': String(o.revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: o.deployment, uid: o.deployment, controller: true }],
    },
    spec: { replicas: o.desired, selector: {} },
    status: {
      replicas: o.current ?? o.desired,
      readyReplicas: o.ready ?? o.available ?? o.desired,
      availableReplicas: o.available ?? o.desired,
    },
  };
}

export function makeDeployment(
  name: string,
  o: { replicas: number; maxSurge?: string | number; maxUnavailable?: string | number; recreate?: boolean },
): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { app: name } },
      template: {},
      strategy: o.recreate
        ? { type: 'Recreate' }
        : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge as never, maxUnavailable: o.maxUnavailable as never } },
    },
  };
}

export function makeService(name: string, selector: Record<string, string> | null, namespace = 'default'): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', selector: selector ?? undefined, ports: [{ port: 80, protocol: 'TCP' }] },
  };
}
