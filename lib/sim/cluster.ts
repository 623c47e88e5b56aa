/**
 * The default kubeadm-style cluster: control-plane (tainted) + workers, kube-system static pods,
 * kube-proxy and calico-node on every node, CoreDNS as a real Deployment (rolled out by the
 * controllers during bootstrap), the `kubernetes` and `kube-dns` Services.
 */
import type { V1Deployment, V1Node, V1Pod, V1Service, V1Endpoints, V1EndpointSlice } from '../k8s/api-types';
import { API_VERSION, type KubeObject } from '../k8s/types';
import type { ClusterConfig } from './types';
import type { Engine, PodRuntime } from './engine';
import { applyDefaults, admitPod } from './defaults';
import { hex64, imageId, statusImage } from './controllers/pod-status';
import { nodeRuntime } from './controllers/node-network';
import { parseImageRef } from './images';
import { allocateService } from './admission';
import { K8S_VERSION, SYSTEM_POD_DEFS, systemDaemonSet, systemPodManifest } from './controllers/system-pods';
import { keyOf } from './store';

export { K8S_VERSION };
const BOOT = { actor: 'kubeadm', message: 'kubeadm: 클러스터 초기 구성', hop: 'apiserver' as const };

export const nodeIp = (i: number) => `192.168.56.${10 + i}`;

export function makeNode(name: string, index: number, controlPlane: boolean, cap: { cpu: string; memory: string; pods: number }, e: Engine): V1Node {
  const resources = { cpu: cap.cpu, memory: cap.memory, pods: String(cap.pods), 'ephemeral-storage': '61255492Ki', 'hugepages-2Mi': '0' };
  const now = e.iso();
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeIp(index) },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex64(`machine/${name}`).slice(0, 32),
        systemUUID: e.rng.uuid(),
        bootID: e.rng.uuid(),
        kernelVersion: '5.15.0-125-generic',
        osImage: 'Ubuntu 22.04.5 LTS',
        containerRuntimeVersion: 'containerd://2.1.4',
        kubeletVersion: K8S_VERSION,
        kubeProxyVersion: K8S_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  } as V1Node;
}

/** Stores a system pod as already running (it was started while the cluster was installed). */
export function runningPod(e: Engine, base: V1Pod): void {
  const now = e.iso();
  const ip = base.status?.hostIP ?? '';
  const name = base.metadata!.name!;
  const containers = base.spec!.containers;
  const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now });
  const pod: V1Pod = {
    ...base,
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
      hostIP: ip,
      hostIPs: [{ ip }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: now,
      qosClass: base.status?.qosClass,
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: statusImage(c.image!),
        imageID: imageId(c.image!),
        containerID: `containerd://${hex64(`${name}/${c.name}`)}`,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
      })),
    },
  };
  const podRt: PodRuntime = { uid: '', stage: 'running', due: Infinity, pullFailures: 0, crashes: 0 };
  e.state.kubelet.set(keyOf(name, 'kube-system'), podRt);
  const created = e.createObject('Pod', pod, BOOT);
  podRt.uid = created.metadata!.uid!;
  const rt = nodeRuntime(e, base.spec!.nodeName!);
  for (const c of containers) {
    const full = parseImageRef(c.image!).full;
    if (!rt.images.includes(full)) rt.images.push(full);
  }
}


/** Creates the default cluster at the engine's current time. */
export function bootstrapCluster(e: Engine, cfg: ClusterConfig = {}): void {
  // bare machines: nothing exists until `kubeadm init` starts an API server (lib/sim/kubeadm.ts)
  if (cfg.bare) return;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    e.createObject('Namespace', applyDefaults('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KubeObject, 600), BOOT);
  const workers = cfg.workers ?? 2;
  const cap = { cpu: cfg.workerCapacity?.cpu ?? '2', memory: cfg.workerCapacity?.memory ?? '4Gi', pods: cfg.workerCapacity?.pods ?? 110 };
  const nodes: V1Node[] = [makeNode('control-plane', 0, true, { cpu: '2', memory: '4Gi', pods: 110 }, e)];
  for (let i = 1; i <= workers; i++) nodes.push(makeNode(`worker-${i}`, i, false, cap, e));
  const created = nodes.map((n) => e.createObject('Node', n, BOOT));
  if (cfg.systemPods === false) return bootstrapServices(e, false);

  for (const def of SYSTEM_POD_DEFS) if (!def.static) systemDaemonSet(e, def);
  created.forEach((node, i) => {
    for (const def of SYSTEM_POD_DEFS) {
      if (def.static && i !== 0) continue;
      const pod = systemPodManifest(e, def, node);
      runningPod(e, { ...pod, status: { ...pod.status, hostIP: nodeIp(i) } });
    }
  });
  bootstrapServices(e, true);
  createCoreDns(e);
}

/** The CoreDNS Deployment kubeadm's addons phase installs (2 replicas, tolerating the control-plane taint). */
export function createCoreDns(e: Engine): void {
  const coredns: V1Deployment = {
    apiVersion: API_VERSION.Deployment,
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.1',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
            },
          ],
        },
      },
    },
  };
  e.createObject('Deployment', applyDefaults('Deployment', coredns, 600) as V1Deployment, BOOT);
}

export function bootstrapServices(e: Engine, withDns: boolean): void {
  const svc = (s: V1Service) => e.createObject('Service', allocateService(e, applyDefaults('Service', s, 600) as V1Service), BOOT);
  svc({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  e.createObject(
    'Endpoints',
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: nodeIp(0) }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] } as V1Endpoints,
    BOOT,
  );
  // the API server keeps the slice of its own service too (pkg/controlplane/reconcilers endpointsadapter.go)
  e.createObject(
    'EndpointSlice',
    {
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [nodeIp(0)], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    } as V1EndpointSlice,
    BOOT,
  );
  if (!withDns) return;
  svc({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
}

